"""Links API and campaigns: `campaign` on add and update, and what lists report
(§3.1, §3.3, §3.4, D7, D14)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.models import Membership
from tests.campaigns.factories import CampaignFactory, MembershipFactory
from tests.factories import LinkFactory


def campaign_of(link_id: int) -> int | None:
    membership = Membership.objects.filter(link_id=link_id).first()
    return membership.campaign_id if membership else None


def test_add_files_the_link_in_the_callers_campaign(owner_api, owner):
    campaign = CampaignFactory(owner=owner)

    response = owner_api.post(
        "/api/url/add",
        {"url": "https://example.com/a", "campaign": campaign.pk},
        format="json",
    )

    assert response.status_code == 200
    assert campaign_of(response.json()["id"]) == campaign.pk


def test_add_accepts_the_id_as_a_string(owner_api, owner):
    campaign = CampaignFactory(owner=owner)

    body = owner_api.post(
        "/api/url/add",
        {"url": "https://example.com/a", "campaign": str(campaign.pk)},
        format="json",
    ).json()

    assert campaign_of(body["id"]) == campaign.pk


def test_add_ignores_other_campaigns_silently(owner_api, stranger):
    theirs = CampaignFactory(owner=stranger)

    for n, value in enumerate((theirs.pk, 999999, "nope", -1, True, {"id": 1})):
        response = owner_api.post(
            "/api/url/add",
            {"url": f"https://example.com/{n}", "campaign": value},
            format="json",
        )
        assert response.status_code == 200, value
    assert not Membership.objects.exists()


def test_a_deduplicated_link_is_filed_too(owner_api, owner):
    link = LinkFactory(owner=owner, long_url="https://example.com/same")
    campaign = CampaignFactory(owner=owner)

    body = owner_api.post(
        "/api/url/add",
        {"url": "https://example.com/same", "campaign": campaign.pk},
        format="json",
    ).json()

    assert body["id"] == link.pk
    assert campaign_of(link.pk) == campaign.pk


def test_a_deduplicated_link_keeps_its_campaign_when_none_is_sent(owner_api, owner):
    membership = MembershipFactory(
        campaign__owner=owner, link__long_url="https://example.com/same"
    )

    owner_api.post("/api/url/add", {"url": "https://example.com/same"}, "json")

    assert campaign_of(membership.link.pk) == membership.campaign.pk


def test_update_moves_the_link_to_another_campaign(owner_api, owner):
    membership = MembershipFactory(campaign__owner=owner)
    other = CampaignFactory(owner=owner)

    response = owner_api.put(
        f"/api/url/{membership.link.pk}/update", {"campaign": other.pk}, "json"
    )

    assert response.status_code == 200
    assert campaign_of(membership.link.pk) == other.pk


def test_update_with_null_takes_the_link_out(owner_api, owner):
    membership = MembershipFactory(campaign__owner=owner)

    owner_api.put(f"/api/url/{membership.link.pk}/update", {"campaign": None}, "json")

    assert campaign_of(membership.link.pk) is None


def test_update_without_campaign_or_with_a_foreign_one_keeps_it(
    owner_api, owner, stranger
):
    membership = MembershipFactory(campaign__owner=owner)
    theirs = CampaignFactory(owner=stranger)

    for body in ({"url": "https://example.com/new"}, {"campaign": theirs.pk}):
        response = owner_api.put(
            f"/api/url/{membership.link.pk}/update", body, format="json"
        )
        assert response.status_code == 200
        assert campaign_of(membership.link.pk) == membership.campaign.pk


def test_lists_and_details_report_the_campaign(owner_api, owner):
    filed = MembershipFactory.create_batch(3, campaign__owner=owner)
    loose = LinkFactory(owner=owner)

    urls = owner_api.get("/api/urls").json()["data"]["urls"]

    reported = {item["id"]: item["campaign"] for item in urls}
    assert reported == {
        loose.pk: None,
        **{m.link.pk: m.campaign.pk for m in filed},
    }
    details = owner_api.get(f"/api/url/{filed[0].link.pk}").json()["details"]
    assert details["campaign"] == filed[0].campaign.pk


def test_the_list_spends_no_query_per_link(owner_api, owner):
    MembershipFactory(campaign__owner=owner)
    with CaptureQueriesContext(connection) as one:
        owner_api.get("/api/urls")
    MembershipFactory.create_batch(5, campaign__owner=owner)
    LinkFactory.create_batch(5, owner=owner)
    with CaptureQueriesContext(connection) as many:
        owner_api.get("/api/urls")

    assert len(many) == len(one)

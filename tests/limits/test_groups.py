"""Plan gates and quotas of campaigns, channels and bio pages (api-spec §1.2, §16.8).

Campaigns need `bundle` (no count), channels need `channels` (with its count),
bio pages need `bio` (with its count), `biocss` and `bioblocks`. Admins and a
site without paid plans are never refused (D38).
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from billing import entitlements
from billing.models import Plan
from bio.models import BioPage, Block
from campaigns.models import Campaign, Membership
from channels.models import Channel, ChannelItem
from shortener.models import Link
from tests.bio.factories import BioPageFactory, BlockFactory
from tests.bio.test_dashboard import blocks_data, page_data
from tests.campaigns.factories import CampaignFactory, MembershipFactory
from tests.channels.factories import ChannelFactory, file_item
from tests.conftest import api_client_for
from tests.factories import LinkFactory, SubscriptionFactory
from tests.limits.conftest import (
    LIMIT_REACHED,
    NO_PERMISSION,
    PAGE_LIMIT,
    PAGE_NO_FEATURE,
    on_plan,
)

FAMILY_ROUTES = [
    ("bundle", "get", "/api/campaigns"),
    ("bundle", "post", "/api/campaign/add"),
    ("bundle", "post", "/api/campaign/999/assign/999"),
    ("bundle", "put", "/api/campaign/999/update"),
    ("bundle", "delete", "/api/campaign/999/delete"),
    ("channels", "get", "/api/channels"),
    ("channels", "get", "/api/channel/999"),
    ("channels", "post", "/api/channel/add"),
    ("channels", "post", "/api/channel/999/assign/links/999"),
    ("channels", "put", "/api/channel/999/update"),
    ("channels", "delete", "/api/channel/999/delete"),
]


def call(client, method: str, path: str):
    return getattr(client, method)(path, {}, format="json")


def text_of(response) -> str:
    return response.content.decode()


def drop_feature(user, key: str) -> None:
    """The user's plan no longer includes `key` (a downgrade)."""
    plan = user.subscription.plan
    plan.with_feature(key, enabled=False)
    plan.save()


# --- The API families -------------------------------------------------------


@pytest.mark.usefixtures("paid")
@pytest.mark.parametrize(("feature", "method", "path"), FAMILY_ROUTES)
def test_a_family_is_refused_without_its_feature(owner, feature, method, path):
    on_plan(owner, api=0, bundle=0, channels=0)
    drop_feature(owner, feature)

    response = call(api_client_for(owner), method, path)

    assert response.status_code == 403
    assert response.json() == {"error": 1, "message": NO_PERMISSION}


@pytest.mark.usefixtures("paid")
@pytest.mark.parametrize(("feature", "method", "path"), FAMILY_ROUTES)
def test_a_family_answers_with_its_feature(owner, feature, method, path):
    on_plan(owner, api=0, **{feature: 0})

    response = call(api_client_for(owner), method, path)

    assert response.status_code in {200, 400, 404}


@pytest.mark.usefixtures("paid")
@pytest.mark.parametrize(("feature", "method", "path"), FAMILY_ROUTES)
def test_admins_bypass_the_family_gates(admin, feature, method, path):
    on_plan(admin)

    response = call(api_client_for(admin), method, path)

    assert response.status_code in {200, 400, 404}


@pytest.mark.parametrize(("feature", "method", "path"), FAMILY_ROUTES)
def test_no_family_is_gated_while_paid_plans_are_off(owner, feature, method, path):
    on_plan(owner)

    response = call(api_client_for(owner), method, path)

    assert response.status_code in {200, 400, 404}


@pytest.mark.usefixtures("paid")
def test_a_refused_create_writes_nothing(owner):
    on_plan(owner, api=0)
    api = api_client_for(owner)

    campaign = api.post("/api/campaign/add", {"name": "Spring"}, format="json")
    channel = api.post("/api/channel/add", {"name": "News"}, format="json")

    assert campaign.status_code == channel.status_code == 403
    assert not Campaign.objects.exists()
    assert not Channel.objects.exists()


@pytest.mark.usefixtures("paid")
def test_the_gate_comes_before_the_body_is_read(owner):
    on_plan(owner, api=0)

    response = api_client_for(owner).post(
        "/api/campaign/add", "{not json", content_type="application/json"
    )

    assert response.status_code == 403
    assert response.json() == {"error": 1, "message": NO_PERMISSION}


@pytest.mark.usefixtures("paid")
def test_the_assign_endpoint_is_refused_after_a_downgrade(owner):
    on_plan(owner, api=0, bundle=0)
    campaign = CampaignFactory(owner=owner)
    link = LinkFactory(owner=owner)
    drop_feature(owner, "bundle")

    response = api_client_for(owner).post(
        f"/api/campaign/{campaign.pk}/assign/{link.pk}", {}, format="json"
    )

    assert response.status_code == 403
    assert response.json() == {"error": 1, "message": NO_PERMISSION}
    assert not Membership.objects.exists()


# --- Quotas -----------------------------------------------------------------


def add_channel(api, i: int):
    return api.post("/api/channel/add", {"name": f"Channel {i}"}, format="json")


def add_campaign(api, i: int):
    return api.post("/api/campaign/add", {"name": f"Campaign {i}"}, format="json")


@pytest.mark.usefixtures("paid")
def test_the_channels_quota_allows_its_count_and_refuses_the_next(owner):
    on_plan(owner, api=0, channels=2)
    api = api_client_for(owner)

    assert [add_channel(api, i).status_code for i in range(2)] == [200, 200]
    refused = add_channel(api, 2)

    assert refused.status_code == 403
    assert refused.json() == {"error": 1, "message": LIMIT_REACHED}
    assert sorted(Channel.objects.values_list("name", flat=True)) == [
        "Channel 0",
        "Channel 1",
    ]


@pytest.mark.usefixtures("paid")
def test_the_channels_quota_counts_only_the_owners_channels(owner, stranger):
    on_plan(owner, api=0, channels=1)
    ChannelFactory(owner=stranger)

    assert add_channel(api_client_for(owner), 0).status_code == 200


@pytest.mark.usefixtures("paid")
def test_a_duplicate_name_at_the_quota_is_the_conflict(owner):
    on_plan(owner, api=0, channels=1)
    api = api_client_for(owner)
    add_channel(api, 0)

    response = add_channel(api, 0)

    assert response.status_code == 409  # validation comes before the quota (D42)
    assert Channel.objects.count() == 1


@pytest.mark.usefixtures("paid")
def test_campaigns_have_no_quota(owner):
    on_plan(owner, api=0, bundle=1)  # a count on `bundle` means nothing (§16.8)
    api = api_client_for(owner)

    assert [add_campaign(api, i).status_code for i in range(3)] == [200, 200, 200]
    assert Campaign.objects.count() == 3


@pytest.mark.usefixtures("paid")
def test_admins_create_past_the_channels_quota(admin):
    on_plan(admin, channels=1)
    api = api_client_for(admin)

    assert [add_channel(api, i).status_code for i in range(2)] == [200, 200]


def test_no_channels_quota_while_paid_plans_are_off(owner):
    on_plan(owner, channels=1)
    api = api_client_for(owner)

    assert [add_channel(api, i).status_code for i in range(2)] == [200, 200]


# --- Campaign and channel parameters of the links API -------------------------


@pytest.mark.usefixtures("paid")
def test_link_parameters_are_dropped_without_the_features(owner):
    on_plan(owner, api=0)
    campaign = CampaignFactory(owner=owner)
    channel = ChannelFactory(owner=owner)

    response = api_client_for(owner).post(
        "/api/url/add",
        {"url": "https://example.com", "campaign": campaign.pk, "channel": channel.pk},
        format="json",
    )

    assert response.status_code == 200
    assert Link.objects.filter(owner=owner).count() == 1
    assert not Membership.objects.exists()
    assert not ChannelItem.objects.exists()


@pytest.mark.usefixtures("paid")
def test_link_parameters_are_kept_with_the_features(owner):
    on_plan(owner, api=0, bundle=0, channels=0)
    campaign = CampaignFactory(owner=owner)
    channel = ChannelFactory(owner=owner)

    response = api_client_for(owner).post(
        "/api/url/add",
        {"url": "https://example.com", "campaign": campaign.pk, "channel": channel.pk},
        format="json",
    )

    link = Link.objects.get(pk=response.json()["id"])
    assert Membership.objects.get().link == link
    assert ChannelItem.objects.get().object_id == link.pk


@pytest.mark.usefixtures("paid")
def test_an_update_without_the_features_leaves_campaign_and_channels(owner):
    on_plan(owner, api=0)
    link = LinkFactory(owner=owner)
    membership = MembershipFactory(campaign__owner=owner, link=link)
    channel = ChannelFactory(owner=owner)
    file_item(channel, link)
    other = CampaignFactory(owner=owner)

    for campaign in (0, other.pk):
        response = api_client_for(owner).put(
            f"/api/url/{link.pk}/update",
            {"campaign": campaign, "channel": []},
            format="json",
        )
        assert response.status_code == 200

    assert Membership.objects.get().campaign_id == membership.campaign_id
    assert ChannelItem.objects.get().channel == channel


# --- The rotator and the list page --------------------------------------------


@pytest.mark.usefixtures("paid")
def test_a_downgraded_owners_rotator_and_list_page_are_404(client, owner):
    on_plan(owner, bundle=0)
    membership = MembershipFactory(campaign__owner=owner, campaign__slug="spring")
    campaign = membership.campaign
    assert client.get("/r/spring").status_code == 302
    assert client.get(campaign.list_url).status_code == 200

    drop_feature(owner, "bundle")

    assert client.get("/r/spring").status_code == 404
    assert client.get(campaign.list_url).status_code == 404
    campaign.refresh_from_db()
    assert campaign.views == 2  # the refused visits are not views


@pytest.mark.usefixtures("paid")
def test_the_rotator_of_an_owner_on_the_default_plan(client, owner):
    MembershipFactory(campaign__owner=owner, campaign__slug="spring")
    default = Plan.objects.default()
    assert client.get("/r/spring").status_code == 404  # the free plan lacks it

    default.with_feature("bundle", enabled=True)
    default.save()

    assert client.get("/r/spring").status_code == 302


@pytest.mark.usefixtures("paid")
def test_an_expired_subscription_falls_back_to_the_default_plan(client, owner):
    plan = on_plan(owner, bundle=0)
    owner.subscription.expires = timezone.now() - timedelta(days=1)
    owner.subscription.save()
    MembershipFactory(campaign__owner=owner, campaign__slug="spring")

    assert client.get("/r/spring").status_code == 404
    assert plan.feature("bundle").enabled


@pytest.mark.usefixtures("paid")
def test_an_admins_rotator_needs_no_plan(client, admin):
    MembershipFactory(campaign__owner=admin, campaign__slug="spring")

    assert client.get("/r/spring").status_code == 302


def test_the_rotator_works_for_everyone_while_paid_plans_are_off(client, owner):
    on_plan(owner)
    MembershipFactory(campaign__owner=owner, campaign__slug="spring")

    assert client.get("/r/spring").status_code == 302


def rotator_queries(client, settings, *, paid: bool) -> int:
    settings.PAID_PLANS = paid
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/r/spring").status_code == 302
    return len(queries)


def test_the_plan_check_costs_the_rotator_no_query(client, owner, settings):
    on_plan(owner, bundle=0)
    SubscriptionFactory(user=LinkFactory().owner)  # another user's subscription
    MembershipFactory(campaign__owner=owner, campaign__slug="spring")

    off = rotator_queries(client, settings, paid=False)
    on = rotator_queries(client, settings, paid=True)

    assert on == off


# --- The dashboard ----------------------------------------------------------


def new_campaign(client, i: int):
    return client.post("/user/campaigns", {"name": f"Campaign {i}", "slug": ""})


def new_channel(client, i: int):
    return client.post("/user/channels", {"name": f"Channel {i}", "color": "#112233"})


def new_bio(client, i: int, **fields):
    data = {**page_data(name=f"Page {i}", **fields), **blocks_data([])}
    return client.post("/user/bio/new", data)


PAGES = {
    "bundle": (new_campaign, lambda owner: Campaign.objects.filter(owner=owner)),
    "channels": (new_channel, lambda owner: Channel.objects.filter(owner=owner)),
    "bio": (new_bio, lambda owner: BioPage.objects.filter(owner=owner)),
}
COUNTED = ["channels", "bio"]


@pytest.mark.usefixtures("paid")
@pytest.mark.parametrize("feature", sorted(PAGES))
def test_a_page_refuses_a_plan_without_the_feature(owner, owner_client, feature):
    on_plan(owner)
    create, objects = PAGES[feature]

    refused = create(owner_client, 0)

    assert refused.status_code in {200, 400}
    assert PAGE_NO_FEATURE in text_of(refused)
    assert not objects(owner).exists()
    assert not Link.objects.exists()  # a bio page's link is not left behind


@pytest.mark.usefixtures("paid")
@pytest.mark.parametrize("feature", sorted(PAGES))
def test_a_page_creates_with_the_feature(owner, owner_client, feature):
    on_plan(owner, **{feature: 0})
    create, objects = PAGES[feature]

    assert [create(owner_client, i).status_code for i in range(3)] == [302] * 3
    assert objects(owner).count() == 3


@pytest.mark.usefixtures("paid")
@pytest.mark.parametrize("feature", COUNTED)
def test_a_page_allows_the_quota_and_refuses_the_next(owner, owner_client, feature):
    on_plan(owner, **{feature: 2})
    create, objects = PAGES[feature]

    assert [create(owner_client, i).status_code for i in range(2)] == [302, 302]
    refused = create(owner_client, 2)

    assert refused.status_code in {200, 400}
    assert PAGE_LIMIT in text_of(refused)
    assert objects(owner).count() == 2


@pytest.mark.usefixtures("paid")
def test_a_refused_bio_page_leaves_no_link(owner, owner_client):
    on_plan(owner, bio=1)
    new_bio(owner_client, 0)

    refused = new_bio(owner_client, 1, alias="second-page")

    assert refused.status_code == 400
    assert refused.context["form"].errors == {
        "__all__": [PAGE_LIMIT.replace("&#x27;", "'")]
    }
    assert not Link.objects.filter(alias="second-page").exists()
    assert Link.objects.count() == 1


@pytest.mark.usefixtures("paid")
@pytest.mark.parametrize("feature", sorted(PAGES))
def test_admins_create_past_the_quota_in_the_dashboard(admin, client, feature):
    on_plan(admin, **{feature: 1})
    client.force_login(admin)
    create, objects = PAGES[feature]

    assert [create(client, i).status_code for i in range(2)] == [302, 302]
    assert objects(admin).count() == 2


@pytest.mark.parametrize("feature", sorted(PAGES))
def test_pages_have_no_limit_while_paid_plans_are_off(owner, owner_client, feature):
    on_plan(owner, **{feature: 1})
    create, objects = PAGES[feature]

    assert [create(owner_client, i).status_code for i in range(2)] == [302, 302]
    assert objects(owner).count() == 2


@pytest.mark.usefixtures("paid")
def test_a_downgraded_owner_lists_and_deletes_campaigns_but_edits_none(
    owner, owner_client
):
    on_plan(owner)
    campaign = CampaignFactory(owner=owner, name="Spring", slug="spring")
    membership = MembershipFactory(campaign=campaign)
    link = LinkFactory(owner=owner)
    detail = f"/user/campaigns/{campaign.pk}"

    assert "Spring" in text_of(owner_client.get("/user/campaigns"))
    assert owner_client.get(detail).status_code == 200
    edited = owner_client.post(detail, {"name": "Summer", "slug": "summer"})
    assert PAGE_NO_FEATURE in text_of(edited)
    added = owner_client.post(f"{detail}/links", {"link": link.pk}, follow=True)
    assert PAGE_NO_FEATURE in text_of(added)
    weights = owner_client.post(
        f"{detail}/weights", {f"weight-{membership.link_id}": "7"}, follow=True
    )
    assert PAGE_NO_FEATURE in text_of(weights)
    campaign.refresh_from_db()
    membership.refresh_from_db()
    assert (campaign.name, campaign.slug, membership.weight) == ("Spring", "spring", 1)
    assert Membership.objects.count() == 1

    deleted = owner_client.post(f"{detail}/delete")

    assert deleted.status_code == 302
    assert not Campaign.objects.exists()


@pytest.mark.usefixtures("paid")
def test_a_downgraded_owner_lists_and_deletes_channels_but_edits_none(
    owner, owner_client
):
    on_plan(owner)
    channel = ChannelFactory(owner=owner, name="News", starred=False)
    link = LinkFactory(owner=owner)
    base = f"/user/channels/{channel.pk}"

    assert "News" in text_of(owner_client.get("/user/channels"))
    assert owner_client.get(base).status_code == 200
    edited = owner_client.post(f"{base}/edit", {"name": "Old", "color": "#112233"})
    assert PAGE_NO_FEATURE in text_of(edited)
    starred = owner_client.post(f"{base}/star", follow=True)
    assert PAGE_NO_FEATURE in text_of(starred)
    added = owner_client.post(f"{base}/add/links", {"links-item": link.pk}, follow=True)
    assert PAGE_NO_FEATURE in text_of(added)
    channel.refresh_from_db()
    assert (channel.name, channel.starred) == ("News", False)
    assert not ChannelItem.objects.exists()

    assert owner_client.post(f"{base}/delete").status_code == 302
    assert not Channel.objects.exists()


@pytest.mark.usefixtures("paid")
def test_a_downgraded_owner_lists_and_deletes_bio_pages_but_edits_none(
    owner, owner_client
):
    on_plan(owner)
    page = BioPageFactory(owner=owner, name="Ada", link__alias="ada")

    assert "Ada" in text_of(owner_client.get("/user/bio"))
    edited = owner_client.post(
        f"/user/bio/{page.pk}/edit",
        {**page_data(name="Renamed", alias="ada"), **blocks_data([])},
    )
    assert edited.status_code == 400
    assert PAGE_NO_FEATURE in text_of(edited)
    made_default = owner_client.post(f"/user/bio/{page.pk}/default", follow=True)
    assert PAGE_NO_FEATURE in text_of(made_default)
    page.refresh_from_db()
    assert (page.name, page.is_default) == ("Ada", False)

    assert owner_client.post(f"/user/bio/{page.pk}/delete").status_code == 302
    assert not BioPage.objects.exists()


@pytest.mark.usefixtures("paid")
def test_editing_an_existing_page_takes_no_slot(owner, owner_client):
    on_plan(owner, bio=1)
    page = BioPageFactory(owner=owner, link__alias="ada")

    response = owner_client.post(
        f"/user/bio/{page.pk}/edit",
        {**page_data(name="Renamed", alias="ada"), **blocks_data([])},
    )

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.name == "Renamed"


# --- biocss and bioblocks -----------------------------------------------------

CSS = ".bio-page h1 { color: #ff0000; }"


@pytest.mark.usefixtures("paid")
def test_custom_css_is_dropped_without_biocss(owner, owner_client):
    on_plan(owner, bio=0)

    form = owner_client.get("/user/bio/new").context["form"]
    response = new_bio(owner_client, 0, custom_css=CSS)

    assert form.fields["custom_css"].disabled
    assert response.status_code == 302
    assert BioPage.objects.get().custom_css == ""


@pytest.mark.usefixtures("paid")
def test_an_edit_without_biocss_keeps_the_stored_css(owner, owner_client):
    on_plan(owner, bio=0)
    page = BioPageFactory(owner=owner, link__alias="ada", custom_css=CSS)

    owner_client.post(
        f"/user/bio/{page.pk}/edit",
        {**page_data(alias="ada", custom_css="h1 { color: blue; }"), **blocks_data([])},
    )

    page.refresh_from_db()
    assert page.custom_css == CSS


@pytest.mark.usefixtures("paid")
def test_custom_css_is_kept_with_biocss(owner, owner_client):
    on_plan(owner, bio=0, biocss=0)

    form = owner_client.get("/user/bio/new").context["form"]
    new_bio(owner_client, 0, custom_css=CSS)

    assert not form.fields["custom_css"].disabled
    assert "color: #ff0000" in BioPage.objects.get().custom_css


def block_plan(owner, custom: str) -> None:
    plan = on_plan(owner, bio=0)
    plan.with_feature("bioblocks", enabled=True, custom=custom)
    plan.save()


TEXT_BLOCK = {"kind": "text", "text": "Hello there", "ORDER": "1"}
LINK_BLOCK = {
    "kind": "link",
    "title": "Site",
    "url": "https://example.com",
    "ORDER": "2",
}


def post_blocks(client, blocks):
    return client.post("/user/bio/new", {**page_data(), **blocks_data(blocks)})


@pytest.mark.usefixtures("paid")
def test_a_block_type_the_plan_does_not_list_is_refused(owner, owner_client):
    block_plan(owner, " Link , heading,unknown")

    response = post_blocks(owner_client, [TEXT_BLOCK, LINK_BLOCK])

    assert response.status_code == 400
    assert response.context["blocks"].forms[0].errors == {
        "kind": [
            "Your plan does not include Text blocks. "
            "Blocks your plan includes: Link, Heading."
        ]
    }
    assert not BioPage.objects.exists()
    assert not Block.objects.exists()


@pytest.mark.usefixtures("paid")
def test_the_listed_block_types_are_allowed(owner, owner_client):
    block_plan(owner, "link,text")

    response = post_blocks(owner_client, [TEXT_BLOCK, LINK_BLOCK])

    assert response.status_code == 302
    assert sorted(Block.objects.values_list("kind", flat=True)) == ["link", "text"]


@pytest.mark.usefixtures("paid")
def test_the_builder_offers_only_the_listed_types(owner, owner_client):
    block_plan(owner, "heading,text")

    response = owner_client.get("/user/bio/new")

    widget = response.context["blocks"].forms[0].fields["kind"].widget
    assert [value for value, _ in widget.choices] == ["heading", "text"]
    assert response.context["blocks"].forms[0].fields["kind"].initial == "heading"


@pytest.mark.usefixtures("paid")
def test_a_stored_block_of_another_type_may_stay(owner, owner_client):
    block_plan(owner, "link")
    page = BioPageFactory(owner=owner, link__alias="ada")
    text = BlockFactory(page=page, kind="text", text="<p>Old</p>", title="")
    data = {
        "id": str(text.pk),
        "page": str(page.pk),
        "kind": "text",
        "text": "Still here",
        "ORDER": "1",
    }

    response = owner_client.post(
        f"/user/bio/{page.pk}/edit",
        {**page_data(alias="ada"), **blocks_data([data], initial=1)},
    )

    assert response.status_code == 302
    assert Block.objects.get().kind == "text"


@pytest.mark.usefixtures("paid")
def test_an_empty_block_list_allows_every_type(owner, owner_client):
    plan = on_plan(owner, bio=0, bioblocks=0)  # enabled, no list

    response = post_blocks(owner_client, [TEXT_BLOCK])

    assert plan.feature("bioblocks").custom == ""
    assert response.status_code == 302


@pytest.mark.usefixtures("paid")
def test_admins_have_every_block_type(admin, client):
    block_plan(admin, "link")
    client.force_login(admin)

    assert post_blocks(client, [TEXT_BLOCK]).status_code == 302


def test_every_block_type_while_paid_plans_are_off(owner, owner_client):
    block_plan(owner, "link")

    assert post_blocks(owner_client, [TEXT_BLOCK]).status_code == 302


# --- Usage on the billing page --------------------------------------------------


@pytest.mark.usefixtures("paid")
def test_usage_counts_channels_and_bio_pages(owner, stranger):
    on_plan(owner, channels=5, bio=3)
    ChannelFactory.create_batch(2, owner=owner)
    ChannelFactory(owner=stranger)
    BioPageFactory(owner=owner)

    usage = {line.key: line for line in entitlements.usage(owner)}

    assert (usage["channels"].used, usage["channels"].limit) == (2, 5)
    assert (usage["bio"].used, usage["bio"].limit) == (1, 3)
    assert str(usage["channels"].label) == "Channels"
    assert str(usage["bio"].label) == "Bio pages"

"""/user/campaigns: list, add, edit, links and weights, delete (D44, D25, D29)."""

import pytest
from django.contrib.messages import get_messages

from campaigns.models import Campaign, Membership
from shortener.models import Link
from tests.campaigns.factories import CampaignFactory, MembershipFactory
from tests.factories import LinkFactory

LIST = "/user/campaigns"


def flashed(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_the_list_shows_only_the_users_campaigns(owner_client, owner, stranger):
    mine = CampaignFactory(owner=owner, name="Mine", slug="mine", views=7)
    MembershipFactory.create_batch(2, campaign=mine)
    CampaignFactory(owner=stranger, name="Theirs")

    response = owner_client.get(LIST)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Mine" in html
    assert "Theirs" not in html
    assert f'value="{mine.rotator_url}"' in html
    assert f'data-copy="rotator-{mine.pk}"' in html
    assert '<td class="numeric">2</td>' in html
    assert '<td class="numeric">7</td>' in html
    assert f'href="{LIST}" aria-current="page">Campaigns</a>' in html


@pytest.mark.parametrize("url", [LIST, "/user/campaigns/1", "/user/campaigns/1/delete"])
def test_the_pages_need_a_sign_in(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert "/login" in response["Location"]


def test_a_campaign_is_added_without_a_rotator(owner_client, owner):
    response = owner_client.post(LIST, {"name": "Spring"}, follow=True)

    campaign = Campaign.objects.get()
    assert (campaign.owner, campaign.name, campaign.slug, campaign.is_public) == (
        owner,
        "Spring",
        None,
        False,
    )
    assert response.redirect_chain[-1][0] == f"/user/campaigns/{campaign.pk}"
    assert flashed(response) == ["The campaign Spring has been added."]
    assert "No rotator" in response.content.decode()


def test_a_campaign_is_added_with_a_public_rotator(owner_client):
    owner_client.post(LIST, {"name": "Spring", "slug": "Spring Sale", "public": "on"})

    campaign = Campaign.objects.get()
    assert (campaign.slug, campaign.is_public) == ("spring-sale", True)


def test_refusals_show_the_contracts_message(owner_client, owner, stranger):
    CampaignFactory(owner=owner, name="Taken")
    CampaignFactory(owner=stranger, slug="used")

    for body, message in [
        ({"name": "x"}, "Campaign name cannot be empty and must have at least 2 "
         "characters."),
        ({"name": "taken"}, "You already have a campaign with that name."),
        ({"name": "New", "slug": "used"}, "This slug is currently not available. "
         "Please choose another one."),
    ]:  # fmt: skip
        response = owner_client.post(LIST, body)
        assert response.status_code == 200
        assert message in response.content.decode()
    assert Campaign.objects.filter(owner=owner).count() == 1


def test_a_campaign_is_edited(owner_client, owner, page_form):
    campaign = CampaignFactory(owner=owner, name="Old", slug="old", is_public=True)
    url = f"/user/campaigns/{campaign.pk}"
    values = page_form(url)
    values.pop("csrfmiddlewaretoken")
    assert values == {"name": "Old", "slug": "old", "public": "on"}

    values.update(name="New", slug="")
    del values["public"]
    response = owner_client.post(url, values, follow=True)

    campaign.refresh_from_db()
    assert (campaign.name, campaign.slug, campaign.is_public) == ("New", None, False)
    assert flashed(response) == ["The campaign New has been updated."]


def test_a_refused_edit_changes_nothing(owner_client, owner):
    CampaignFactory(owner=owner, name="Taken")
    campaign = CampaignFactory(owner=owner, name="Mine", slug="mine")

    response = owner_client.post(
        f"/user/campaigns/{campaign.pk}", {"name": "Taken", "slug": "other"}
    )

    assert response.status_code == 200
    assert "You already have a campaign with that name." in response.content.decode()
    campaign.refresh_from_db()
    assert (campaign.name, campaign.slug) == ("Mine", "mine")


def test_the_page_offers_only_the_users_links_not_in_it(owner_client, owner, stranger):
    campaign = CampaignFactory(owner=owner)
    inside = MembershipFactory(campaign=campaign).link
    outside = LinkFactory(owner=owner, alias="outside")
    theirs = LinkFactory(owner=stranger, alias="theirs")

    html = owner_client.get(f"/user/campaigns/{campaign.pk}").content.decode()

    assert f'<option value="{outside.pk}"' in html
    assert f'<option value="{inside.pk}"' not in html
    assert f'<option value="{theirs.pk}"' not in html
    assert f'name="weight-{inside.pk}"' in html


def test_a_link_is_added_and_removed(owner_client, owner):
    campaign = CampaignFactory(owner=owner)
    link = LinkFactory(owner=owner)

    response = owner_client.post(
        f"/user/campaigns/{campaign.pk}/links", {"link": link.pk}, follow=True
    )
    assert Membership.objects.get().link == link
    assert flashed(response) == [f"{link.short_url} is now in this campaign."]

    owner_client.post(f"/user/campaigns/{campaign.pk}/links/{link.pk}/remove")
    assert not Membership.objects.exists()
    assert Link.objects.filter(pk=link.pk).exists()


def test_another_users_link_cannot_be_added(owner_client, owner, stranger):
    campaign = CampaignFactory(owner=owner)
    theirs = LinkFactory(owner=stranger)

    response = owner_client.post(
        f"/user/campaigns/{campaign.pk}/links", {"link": theirs.pk}
    )

    assert response.status_code == 200
    assert not Membership.objects.exists()


def test_weights_are_saved(owner_client, owner):
    campaign = CampaignFactory(owner=owner)
    one, two = MembershipFactory.create_batch(2, campaign=campaign)

    response = owner_client.post(
        f"/user/campaigns/{campaign.pk}/weights",
        {f"weight-{one.link.pk}": "3", f"weight-{two.link.pk}": "1"},
        follow=True,
    )

    one.refresh_from_db()
    assert one.weight == 3
    assert flashed(response) == ["The rotator weights have been saved."]
    assert "75 %" in response.content.decode()


@pytest.mark.parametrize("weight", ["0", "101", "two", "-1", "1.5"])
def test_bad_weights_change_nothing(owner_client, owner, weight):
    campaign = CampaignFactory(owner=owner)
    one, two = MembershipFactory.create_batch(2, campaign=campaign)

    response = owner_client.post(
        f"/user/campaigns/{campaign.pk}/weights",
        {f"weight-{one.link.pk}": "5", f"weight-{two.link.pk}": weight},
        follow=True,
    )

    assert flashed(response) == ["A weight is a whole number from 1 to 100."]
    assert list(Membership.objects.values_list("weight", flat=True)) == [1, 1]


def test_a_campaign_is_deleted_and_its_links_kept(owner_client, owner):
    membership = MembershipFactory(campaign__owner=owner)
    url = f"/user/campaigns/{membership.campaign.pk}/delete"

    assert "Its 1 link is kept" in owner_client.get(url).content.decode()
    response = owner_client.post(url, follow=True)

    assert not Campaign.objects.exists()
    assert Link.objects.filter(pk=membership.link.pk).exists()
    assert response.redirect_chain[-1][0] == LIST


def test_other_users_campaigns_are_not_found(owner_client, stranger):
    theirs = MembershipFactory(campaign__owner=stranger)
    pk, link_pk = theirs.campaign.pk, theirs.link.pk

    for method, url in [
        ("get", f"/user/campaigns/{pk}"),
        ("post", f"/user/campaigns/{pk}"),
        ("post", f"/user/campaigns/{pk}/links"),
        ("post", f"/user/campaigns/{pk}/links/{link_pk}/remove"),
        ("post", f"/user/campaigns/{pk}/weights"),
        ("get", f"/user/campaigns/{pk}/delete"),
        ("post", f"/user/campaigns/{pk}/delete"),
    ]:
        assert getattr(owner_client, method)(url).status_code == 404, url
    assert Membership.objects.filter(pk=theirs.pk).exists()

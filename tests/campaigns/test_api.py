"""Campaigns through the API: list, add, assign, update, delete (§5, D2, D14, D16,
D17, D25, D29, D31)."""

import pytest
from django.conf import settings

from campaigns.models import Campaign, Membership
from shortener.models import Link, LinkKind
from tests.campaigns.factories import CampaignFactory, MembershipFactory
from tests.factories import LinkFactory

ADD = "/api/campaign/add"
NOT_FOUND = "Campaign not found. Please try again."
BAD_BODY = "Invalid request or incorrect data format."
NAME_INVALID = "Campaign name cannot be empty and must have at least 2 characters."
DUPLICATE = "You already have a campaign with that name."
SLUG_TAKEN = "This slug is currently not available. Please choose another one."


def error(message: str) -> dict:
    return {"error": 1, "message": message}


def urls(username: str, slug: str | None, pk: int) -> dict:
    site = settings.SITE_URL
    return {
        "rotator": f"{site}/r/{slug}" if slug else False,
        "list": f"{site}/u/{username}/{slug or 'list'}-{pk}",
    }


# GET /api/campaigns


def test_list_shows_the_callers_campaigns_oldest_first(owner_api, owner, stranger):
    first = CampaignFactory(owner=owner, name="Sample", slug=None, is_public=False)
    second = CampaignFactory(owner=owner, name="Facebook", slug="test", views=12)
    CampaignFactory(owner=stranger)

    response = owner_api.get("/api/campaigns")

    assert response.status_code == 200
    assert response.json() == {
        "error": 0,
        "data": {
            "result": 2,
            "perpage": 15,
            "currentpage": 1,
            "nextpage": None,
            "maxpage": 1,
            "campaigns": [
                {
                    "id": first.pk,
                    "name": "Sample",
                    "public": False,
                    **urls("owner", None, first.pk),
                    "views": 0,
                },
                {
                    "id": second.pk,
                    "name": "Facebook",
                    "public": True,
                    **urls("owner", "test", second.pk),
                    "views": 12,
                },
            ],
        },
    }


def test_list_pages(owner_api, owner):
    campaigns = CampaignFactory.create_batch(5, owner=owner)

    data = owner_api.get("/api/campaigns?limit=2&page=2").json()["data"]

    assert {k: v for k, v in data.items() if k != "campaigns"} == {
        "result": 5,
        "perpage": 2,
        "currentpage": 2,
        "nextpage": 3,
        "maxpage": 3,
    }
    assert [c["id"] for c in data["campaigns"]] == [c.pk for c in campaigns[2:4]]


def test_an_empty_list(owner_api):
    data = owner_api.get("/api/campaigns").json()["data"]

    assert (data["result"], data["maxpage"], data["nextpage"]) == (0, 0, None)
    assert data["campaigns"] == []


# POST /api/campaign/add


def test_add_answers_as_documented(owner_api, owner):
    response = owner_api.post(
        ADD, {"name": "New Campaign", "slug": "new-campaign", "public": True}, "json"
    )

    campaign = Campaign.objects.get()
    assert response.status_code == 200
    assert response.json() == {
        "error": 0,
        "id": campaign.pk,
        "domain": "New Campaign",
        "name": "New Campaign",
        "public": True,
        **urls("owner", "new-campaign", campaign.pk),
    }
    assert (campaign.owner, campaign.name, campaign.slug, campaign.is_public) == (
        owner,
        "New Campaign",
        "new-campaign",
        True,
    )


def test_add_without_slug_draws_six_letters_and_is_private(owner_api):
    response = owner_api.post(ADD, {"name": "  Spring  "}, format="json")

    campaign = Campaign.objects.get()
    assert response.json()["public"] is False
    assert campaign.name == "Spring"
    assert len(campaign.slug) == 6
    assert campaign.slug.isalpha()
    assert campaign.slug.islower()
    assert response.json()["rotator"] == f"{settings.SITE_URL}/r/{campaign.slug}"


def test_add_slugifies_the_slug(owner_api):
    owner_api.post(ADD, {"name": "Été", "slug": "Été en Fête!"}, format="json")

    assert Campaign.objects.get().slug == "ete-en-fete"


@pytest.mark.parametrize("public", [True, 1, "1", "true"])
def test_public_accepts_the_forms_of_true(owner_api, public):
    owner_api.post(ADD, {"name": "Public", "public": public}, format="json")

    assert Campaign.objects.get().is_public is True


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, NAME_INVALID),
        ({"name": ""}, NAME_INVALID),
        ({"name": " a "}, NAME_INVALID),
        ({"name": None}, NAME_INVALID),
        ({"name": ["list"]}, BAD_BODY),
        ({"name": "Fine", "public": "maybe"}, BAD_BODY),
        ({"name": "Fine", "slug": {"a": 1}}, BAD_BODY),
    ],
)  # fmt: skip
def test_add_refuses_bad_input(owner_api, body, message):
    response = owner_api.post(ADD, body, format="json")

    assert response.status_code == 400
    assert response.json() == error(message)
    assert not Campaign.objects.exists()


def test_a_body_that_is_not_an_object_is_refused(owner_api):
    response = owner_api.post(ADD, '["name"]', content_type="application/json")

    assert response.status_code == 400
    assert response.json() == error("Invalid request or incorrect data format.")


def test_the_same_name_twice_is_a_conflict_in_any_case(owner_api, owner, stranger):
    CampaignFactory(owner=owner, name="Spring Sale")
    CampaignFactory(owner=stranger, name="Autumn")

    response = owner_api.post(ADD, {"name": "SPRING sale"}, format="json")

    assert response.status_code == 409
    assert response.json() == error(DUPLICATE)
    assert Campaign.objects.filter(owner=owner).count() == 1
    # Another user's name is free.
    assert owner_api.post(ADD, {"name": "Autumn"}, format="json").status_code == 200


def test_a_slug_anyone_uses_is_a_conflict(owner_api, stranger):
    CampaignFactory(owner=stranger, slug="summer")

    response = owner_api.post(ADD, {"name": "Mine", "slug": "Summer"}, format="json")

    assert response.status_code == 409
    assert response.json() == error(SLUG_TAKEN)
    assert not Campaign.objects.filter(name="Mine").exists()


# POST /api/campaign/:campaignid/assign/:linkid


def test_assign_files_the_link(owner_api, owner):
    campaign = CampaignFactory(owner=owner)
    link = LinkFactory(owner=owner)

    response = owner_api.post(f"/api/campaign/{campaign.pk}/assign/{link.pk}")

    assert response.status_code == 200
    assert response.json() == {
        "error": 0,
        "message": "Link successfully added to the campaign.",
    }
    membership = Membership.objects.get()
    assert (membership.campaign, membership.link, membership.weight) == (
        campaign,
        link,
        1,
    )


def test_assign_moves_a_link_from_its_campaign(owner_api, owner):
    membership = MembershipFactory(campaign__owner=owner, weight=5)
    other = CampaignFactory(owner=owner)

    response = owner_api.post(f"/api/campaign/{other.pk}/assign/{membership.link.pk}")

    assert response.status_code == 200
    membership.refresh_from_db()
    assert (membership.campaign, membership.weight) == (other, 1)
    assert Membership.objects.count() == 1


def test_assigning_again_keeps_the_weight(owner_api, owner):
    membership = MembershipFactory(campaign__owner=owner, weight=5)

    owner_api.post(
        f"/api/campaign/{membership.campaign.pk}/assign/{membership.link.pk}"
    )

    membership.refresh_from_db()
    assert membership.weight == 5


def test_assign_refuses_other_users_campaigns_and_links(owner_api, owner, stranger):
    mine = CampaignFactory(owner=owner)
    theirs = CampaignFactory(owner=stranger)
    my_link = LinkFactory(owner=owner)
    their_link = LinkFactory(owner=stranger)
    qr_link = LinkFactory(owner=owner, kind=LinkKind.QR)

    cases = [
        (theirs.pk, my_link.pk, NOT_FOUND),
        (999999, my_link.pk, NOT_FOUND),
        (mine.pk, their_link.pk, "Link not found. Please try again."),
        (mine.pk, 999999, "Link not found. Please try again."),
        (mine.pk, qr_link.pk, "Link not found. Please try again."),
    ]
    for campaign_id, link_id, message in cases:
        response = owner_api.post(f"/api/campaign/{campaign_id}/assign/{link_id}")
        assert response.status_code == 404
        assert response.json() == error(message)
    assert not Membership.objects.exists()


def test_assign_takes_post_only(owner_api, owner):
    campaign = CampaignFactory(owner=owner)
    link = LinkFactory(owner=owner)

    response = owner_api.get(f"/api/campaign/{campaign.pk}/assign/{link.pk}")

    assert response.status_code == 405
    assert response.json()["error"] == 1
    assert not Membership.objects.exists()


# PUT /api/campaign/:id/update


def test_update_answers_as_documented(owner_api, owner):
    campaign = CampaignFactory(owner=owner, name="Old", slug="old", is_public=False)

    response = owner_api.put(
        f"/api/campaign/{campaign.pk}/update",
        {"name": "Twitter Campaign", "slug": "twitter-campaign", "public": True},
        format="json",
    )

    assert response.status_code == 200
    assert response.json() == {
        "error": 0,
        "id": campaign.pk,
        "domain": "Twitter Campaign",
        "name": "Twitter Campaign",
        "public": True,
        **urls("owner", "twitter-campaign", campaign.pk),
    }
    campaign.refresh_from_db()
    assert (campaign.name, campaign.slug, campaign.is_public) == (
        "Twitter Campaign",
        "twitter-campaign",
        True,
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"name": "New"}, ("New", "old", False)),
        ({"slug": "fresh"}, ("Old", "fresh", False)),
        ({"public": True}, ("Old", "old", True)),
        ({}, ("Old", "old", False)),
        ({"slug": ""}, ("Old", None, False)),
        ({"slug": None}, ("Old", None, False)),
    ],
)
def test_update_changes_only_what_is_sent(owner_api, owner, body, expected):
    campaign = CampaignFactory(owner=owner, name="Old", slug="old", is_public=False)

    response = owner_api.put(f"/api/campaign/{campaign.pk}/update", body, "json")

    assert response.status_code == 200
    campaign.refresh_from_db()
    assert (campaign.name, campaign.slug, campaign.is_public) == expected


def test_update_without_slug_answers_no_rotator(owner_api, owner):
    campaign = CampaignFactory(owner=owner, slug="old")

    body = owner_api.put(
        f"/api/campaign/{campaign.pk}/update", {"slug": ""}, format="json"
    ).json()

    assert body["rotator"] is False
    assert body["list"] == f"{settings.SITE_URL}/u/owner/list-{campaign.pk}"


def test_the_campaigns_own_slug_and_name_are_not_conflicts(owner_api, owner):
    campaign = CampaignFactory(owner=owner, name="Same", slug="same")

    response = owner_api.put(
        f"/api/campaign/{campaign.pk}/update",
        {"name": "SAME", "slug": "same"},
        format="json",
    )

    assert response.status_code == 200
    campaign.refresh_from_db()
    assert (campaign.name, campaign.slug) == ("SAME", "same")


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"name": "Taken"}, 409, DUPLICATE),
        ({"slug": "used"}, 409, SLUG_TAKEN),
        ({"name": "x"}, 400, NAME_INVALID),
        ({"name": "Fine", "public": "perhaps"}, 400, BAD_BODY),
        ({"public": True, "slug": "used"}, 409, SLUG_TAKEN),
    ],
)  # fmt: skip
def test_update_refuses_without_changing_anything(
    owner_api, owner, stranger, body, status, message
):
    CampaignFactory(owner=owner, name="Taken")
    CampaignFactory(owner=stranger, slug="used")
    campaign = CampaignFactory(owner=owner, name="Mine", slug="mine", is_public=False)

    response = owner_api.put(f"/api/campaign/{campaign.pk}/update", body, "json")

    assert response.status_code == status
    assert response.json() == error(message)
    campaign.refresh_from_db()
    assert (campaign.name, campaign.slug, campaign.is_public) == ("Mine", "mine", False)


def test_update_of_another_users_campaign_is_not_found(owner_api, stranger):
    theirs = CampaignFactory(owner=stranger, name="Theirs")

    for pk in (theirs.pk, 999999):
        response = owner_api.put(
            f"/api/campaign/{pk}/update", {"name": "Mine now"}, format="json"
        )
        assert response.status_code == 404
        assert response.json() == error(NOT_FOUND)
    theirs.refresh_from_db()
    assert theirs.name == "Theirs"


# DELETE /api/campaign/:id/delete


def test_delete_keeps_the_links(owner_api, owner):
    membership = MembershipFactory(campaign__owner=owner)

    response = owner_api.delete(f"/api/campaign/{membership.campaign.pk}/delete")

    assert response.status_code == 200
    assert response.json() == {
        "error": 0,
        "message": "Campaign has been deleted successfully.",
    }
    assert not Campaign.objects.exists()
    assert not Membership.objects.exists()
    assert Link.objects.filter(pk=membership.link.pk).exists()


def test_delete_of_another_users_campaign_is_not_found(owner_api, stranger):
    theirs = CampaignFactory(owner=stranger)

    response = owner_api.delete(f"/api/campaign/{theirs.pk}/delete")

    assert response.status_code == 404
    assert response.json() == error(NOT_FOUND)
    assert Campaign.objects.filter(pk=theirs.pk).exists()


def test_deleting_a_link_takes_it_out_of_its_campaign(owner_api, owner):
    membership = MembershipFactory(campaign__owner=owner)

    owner_api.delete(f"/api/url/{membership.link.pk}/delete")

    assert not Membership.objects.exists()
    assert Campaign.objects.filter(pk=membership.campaign.pk).exists()


# Methods and access


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/api/campaigns"),
        ("get", "/api/campaign/add"),
        ("get", "/api/campaign/1/update"),
        ("post", "/api/campaign/1/delete"),
    ],
)
def test_each_route_takes_only_its_method(owner_api, method, path):
    response = getattr(owner_api, method)(path)

    assert response.status_code == 405
    assert response.json()["error"] == 1


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/campaigns"),
        ("post", "/api/campaign/add"),
        ("post", "/api/campaign/1/assign/1"),
        ("put", "/api/campaign/1/update"),
        ("delete", "/api/campaign/1/delete"),
    ],
)
def test_every_route_needs_a_key_and_refuses_banned_users(client, owner, method, path):
    response = getattr(client, method)(path)
    assert response.status_code == 401
    assert response.json() == error("A valid API key is required to use this service.")

    owner.is_banned = True
    owner.save()
    response = getattr(client, method)(
        path, HTTP_AUTHORIZATION=f"Bearer {owner.api_key}"
    )
    assert response.status_code == 403
    assert response.json() == error("You do not have the permission to use the API.")


@pytest.mark.parametrize("public", [None, "", False, 0, "0", "false"])
def test_public_accepts_the_forms_of_false(owner_api, owner, public):
    campaign = CampaignFactory(owner=owner, is_public=True)

    response = owner_api.put(
        f"/api/campaign/{campaign.pk}/update", {"public": public}, format="json"
    )

    assert response.status_code == 200
    campaign.refresh_from_db()
    assert campaign.is_public is False

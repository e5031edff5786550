"""The rotator `GET /r/<slug>` (§16.4): privacy, emptiness, weights, views."""

import random
from collections import Counter

import pytest

from campaigns import rotator
from campaigns.models import Campaign
from tests.campaigns.factories import CampaignFactory, MembershipFactory
from tests.factories import DomainFactory, LinkFactory


@pytest.fixture
def seeded(monkeypatch):
    """A reproducible draw instead of the system's randomness."""
    monkeypatch.setattr(rotator, "chooser", random.Random(1234))


def views_of(campaign: Campaign) -> int:
    campaign.refresh_from_db()
    return campaign.views


def test_it_redirects_to_a_links_short_url_and_counts_a_view(client, owner):
    membership = MembershipFactory(campaign__owner=owner, campaign__slug="spring")

    response = client.get("/r/spring")

    assert response.status_code == 302
    assert response["Location"] == membership.link.short_url
    assert response["Cache-Control"] == "private, max-age=0, no-store"
    assert views_of(membership.campaign) == 1


def test_a_branded_links_short_url_is_on_its_domain(client, owner):
    link = LinkFactory(owner=owner, domain=DomainFactory(owner=owner), alias="brand")
    campaign = CampaignFactory(owner=owner, slug="spring")
    MembershipFactory(campaign=campaign, link=link)

    response = client.get("/r/spring")

    assert response["Location"] == f"https://{link.domain.host}/brand"


def test_the_slug_is_found_in_any_case(client, owner):
    MembershipFactory(campaign__owner=owner, campaign__slug="spring")

    assert client.get("/r/Spring").status_code == 302


@pytest.mark.parametrize("case", ["unknown", "private", "empty", "banned"])
def test_it_is_the_404_page_otherwise(client, owner, case):
    campaign = CampaignFactory(owner=owner, slug="spring")
    if case != "empty":
        MembershipFactory(campaign=campaign)
    if case == "private":
        campaign.is_public = False
        campaign.save()
    if case == "banned":
        owner.is_banned = True
        owner.save()
    slug = "autumn" if case == "unknown" else "spring"

    response = client.get(f"/r/{slug}")

    assert response.status_code == 404
    assert "text/html" in response["Content-Type"]
    assert views_of(campaign) == 0


def test_head_redirects_without_counting_a_view(client, owner):
    membership = MembershipFactory(campaign__owner=owner, campaign__slug="spring")

    response = client.head("/r/spring")

    assert response.status_code == 302
    assert views_of(membership.campaign) == 0


def test_post_is_not_allowed(client, owner):
    MembershipFactory(campaign__owner=owner, campaign__slug="spring")

    assert client.post("/r/spring").status_code == 405


def test_equal_weights_draw_every_link_about_as_often(client, owner, seeded):
    campaign = CampaignFactory(owner=owner, slug="spring")
    links = [MembershipFactory(campaign=campaign).link for _ in range(3)]

    drawn = Counter(client.get("/r/spring")["Location"] for _ in range(600))

    assert set(drawn) == {link.short_url for link in links}
    for link in links:
        assert 150 <= drawn[link.short_url] <= 250  # 200 expected each
    assert views_of(campaign) == 600


def test_weights_make_links_drawn_in_proportion(client, owner, seeded):
    campaign = CampaignFactory(owner=owner, slug="spring")
    heavy = MembershipFactory(campaign=campaign, weight=3).link
    light = MembershipFactory(campaign=campaign, weight=1).link

    drawn = Counter(client.get("/r/spring")["Location"] for _ in range(800))

    assert 540 <= drawn[heavy.short_url] <= 660  # 600 expected
    assert drawn[heavy.short_url] + drawn[light.short_url] == 800


def test_the_draw_itself_follows_the_weights(seeded):
    campaign = CampaignFactory.build()
    memberships = [
        MembershipFactory.build(campaign=campaign, weight=w) for w in (1, 2, 7)
    ]

    drawn = Counter(rotator.pick(memberships).weight for _ in range(10_000))

    assert drawn[1] == pytest.approx(1_000, rel=0.1)
    assert drawn[2] == pytest.approx(2_000, rel=0.1)
    assert drawn[7] == pytest.approx(7_000, rel=0.05)


def test_the_rotator_does_not_shadow_a_links_alias(client, owner):
    link = LinkFactory(owner=owner, alias="rr")

    assert client.get("/rr")["Location"] == link.long_url

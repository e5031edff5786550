"""The campaign's public list page `/u/<username>/<slug>-<id>` (§16.4, D16)."""

from datetime import timedelta
from html import escape

import pytest
from django.utils import timezone

from bio import theme
from bio.models import BioPage
from campaigns.models import Campaign
from tests.bio.factories import BioPageFactory
from tests.campaigns.factories import CampaignFactory, MembershipFactory
from tests.factories import DomainFactory, LinkFactory, UserFactory

BRAND = "brand.example"


def views_of(campaign: Campaign) -> int:
    campaign.refresh_from_db()
    return campaign.views


def path_of(campaign: Campaign) -> str:
    return f"/u/{campaign.owner.username}/{campaign.slug or 'list'}-{campaign.pk}"


@pytest.fixture
def campaign(owner):
    return CampaignFactory(owner=owner, name="Spring sale", slug="spring")


def add_link(campaign: Campaign, minutes_ago: int = 0, **fields):
    link = LinkFactory(
        owner=campaign.owner,
        created=timezone.now() - timedelta(minutes=minutes_ago),
        **fields,
    )
    MembershipFactory(campaign=campaign, link=link)
    return link


def test_it_lists_the_links_through_their_short_urls(client, campaign, settings):
    titled = add_link(
        campaign,
        minutes_ago=5,
        alias="shoes",
        meta_title="Red shoes",
        meta_description="Half price this week",
        long_url="https://shop.example/shoes",
    )
    untitled = add_link(
        campaign, alias="hats", long_url="https://hats.example:8443/a/b?c=d"
    )

    response = client.get(f"/u/owner/spring-{campaign.pk}")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Spring sale</title>" in html
    assert f'href="{settings.SITE_URL}/shoes"' in html
    assert f">{settings.SITE_URL}/shoes</a>" in html
    assert ">Red shoes</a>" in html
    assert "Half price this week" in html
    # Without a meta title, the destination's host is the title.
    assert ">hats.example</a>" in html
    # Never the destinations themselves: a click must go through the redirect.
    assert "https://shop.example/shoes" not in html
    assert "hats.example:8443" not in html
    # Newest first.
    assert html.index(untitled.short_url) < html.index(titled.short_url)


def test_a_branded_links_short_url_is_on_its_domain(client, campaign):
    add_link(campaign, alias="brand", domain=DomainFactory(owner=campaign.owner))

    html = client.get(path_of(campaign)).content.decode()

    assert f'href="https://{campaign.owner.domains.get().host}/brand"' in html


def test_a_campaign_without_slug_opens_at_list_id(client, owner):
    campaign = CampaignFactory(owner=owner, name="No rotator", slug=None)
    add_link(campaign, meta_title="Only link")

    response = client.get(f"/u/owner/list-{campaign.pk}")

    assert response.status_code == 200
    assert "Only link" in response.content.decode()


def test_every_list_url_of_the_api_opens(client, owner_api, owner):
    created = owner_api.post(
        "/api/campaign/add", {"name": "Api campaign", "public": True}, format="json"
    ).json()

    response = client.get(created["list"].removeprefix("http://testserver"))

    assert response.status_code == 200
    assert "Api campaign" in response.content.decode()


def test_ten_links_a_page_newest_first(client, campaign):
    links = [
        add_link(campaign, minutes_ago=n, meta_title=f"Link {n}") for n in range(12)
    ]

    first = client.get(path_of(campaign)).content.decode()
    second = client.get(path_of(campaign) + "?page=2").content.decode()

    on_first = [link for link in links if link.short_url + '"' in first]
    on_second = [link for link in links if link.short_url + '"' in second]
    assert on_first == links[:10]
    assert on_second == links[10:]
    assert "Page 1 of 2" in first
    assert 'href="?page=2" rel="next"' in first
    assert "Page 2 of 2" in second
    assert 'href="?page=1" rel="prev"' in second


def test_a_single_page_has_no_pagination_and_an_empty_campaign_says_so(
    client, campaign
):
    html = client.get(path_of(campaign)).content.decode()

    assert "This campaign has no links yet." in html
    assert 'class="pagination"' not in html


def test_it_wears_the_owners_default_bio_page_theme(client, campaign, owner):
    BioPageFactory(owner=owner, name="Not the default", background="#000000")
    default = BioPageFactory(
        owner=owner,
        name="Ada's profile",
        is_default=True,
        background="#123456",
        button_colour="#abcdef",
        button_style="square",
        custom_css=".bio-name{letter-spacing:2px}",
    )
    expected = theme.context_for(default)

    response = client.get(path_of(campaign))

    html = response.content.decode()
    assert f"<style>{expected['bio_style']}</style>" in html
    assert "--bio-background:#123456" in html
    assert "#000000" not in html
    assert f'<body class="{expected["bio_classes"]}">' in html
    assert "bio-buttons-square" in html
    # The owner's profile is named and linked.
    assert '<a class="campaign-owner" href="/u/owner">' in html
    assert escape("Ada's profile") in html
    assert response["Content-Security-Policy"] == theme.content_security_policy(
        expected["bio_style"]
    )


def test_without_a_default_bio_page_it_wears_a_new_pages_theme(client, campaign):
    BioPageFactory(owner=campaign.owner, background="#000000")  # not the default
    expected = theme.context_for(BioPage())

    response = client.get(path_of(campaign))

    assert response.status_code == 200
    html = response.content.decode()
    assert f"<style>{expected['bio_style']}</style>" in html
    assert f'<body class="{expected["bio_classes"]}">' in html
    assert "campaign-owner" not in html
    csp = response["Content-Security-Policy"]
    assert csp == theme.content_security_policy(expected["bio_style"])
    assert "script-src 'none'" in csp


def test_the_page_is_never_cached(client, campaign):
    response = client.get(path_of(campaign))

    assert response["Cache-Control"] == "private, max-age=0, no-store"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_every_get_counts_a_view_and_head_does_not(client, campaign):
    client.get(path_of(campaign))
    client.get(path_of(campaign) + "?page=2")
    head = client.head(path_of(campaign))

    assert head.status_code == 200
    assert views_of(campaign) == 2


def test_a_view_is_counted_in_the_database(client, campaign):
    Campaign.objects.filter(pk=campaign.pk).update(views=41)

    client.get(path_of(campaign))  # `campaign` holds the stale 0

    assert views_of(campaign) == 42


def test_other_methods_are_not_allowed(client, campaign):
    assert client.post(path_of(campaign)).status_code == 405
    assert views_of(campaign) == 0


@pytest.mark.parametrize("wrong", ["autumn", "Spring", "list", "spring-extra", ""])
def test_a_wrong_slug_moves_to_the_canonical_url(client, campaign, wrong):
    response = client.get(f"/u/owner/{wrong}-{campaign.pk}?page=2")

    assert response.status_code == 301
    assert response["Location"] == f"/u/owner/spring-{campaign.pk}?page=2"
    assert views_of(campaign) == 0


def test_a_slugless_campaign_moves_to_list_id(client, owner):
    campaign = CampaignFactory(owner=owner, slug=None)

    response = client.get(f"/u/owner/old-slug-{campaign.pk}")

    assert response.status_code == 301
    assert response["Location"] == f"/u/owner/list-{campaign.pk}"


@pytest.mark.parametrize(
    "case", ["unknown user", "unknown id", "other user", "private", "banned"]
)
def test_it_is_the_404_page_otherwise(client, campaign, owner, stranger, case):
    add_link(campaign, meta_title="Secret link")
    username, pk = "owner", campaign.pk
    if case == "unknown user":
        username = "nobody"
    if case == "unknown id":
        pk = campaign.pk + 1000
    if case == "other user":
        username = stranger.username
    if case == "private":
        Campaign.objects.filter(pk=pk).update(is_public=False)
    if case == "banned":
        owner.is_banned = True
        owner.save()

    response = client.get(f"/u/{username}/spring-{pk}")

    assert response.status_code == 404
    assert "text/html" in response["Content-Type"]
    assert "Secret link" not in response.content.decode()
    assert views_of(campaign) == 0


def test_another_users_campaign_is_404_even_with_its_slug(client, owner, stranger):
    theirs = CampaignFactory(owner=stranger, slug="theirs")

    assert client.get(f"/u/owner/theirs-{theirs.pk}").status_code == 404
    assert client.get(f"/u/owner/list-{theirs.pk}").status_code == 404


def test_on_a_branded_domain_only_its_owners_campaigns_open(client, campaign):
    DomainFactory(owner=UserFactory(), host=BRAND)
    DomainFactory(owner=campaign.owner, host="mine.example")

    assert client.get(path_of(campaign), HTTP_HOST=BRAND).status_code == 404
    assert client.get(path_of(campaign), HTTP_HOST="mine.example").status_code == 200


def test_it_takes_a_fixed_number_of_queries(
    client, campaign, django_assert_num_queries
):
    BioPageFactory(owner=campaign.owner, is_default=True)
    for n in range(12):
        add_link(campaign, minutes_ago=n, domain=DomainFactory(owner=campaign.owner))

    # The campaign, the default page, the count, the page of links, the view.
    with django_assert_num_queries(5):
        response = client.get(path_of(campaign))
    assert response.status_code == 200


def test_the_profile_and_short_links_still_answer_beside_it(client, campaign, owner):
    BioPageFactory(owner=owner, name="The profile", is_default=True)
    LinkFactory(owner=owner, alias="spring", long_url="https://dest.example/")

    profile = client.get("/u/owner")
    short = client.get("/spring")
    no_id = client.get("/u/owner/spring")

    assert profile.status_code == 200
    assert "The profile" in profile.content.decode()
    assert short.status_code == 302
    assert short["Location"] == "https://dest.example/"
    assert no_id.status_code == 404

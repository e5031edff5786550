"""/user/links: the user's links with search, sort and pagination."""

import re
from datetime import timedelta

from django.utils import timezone

from tests.factories import LinkFactory

LIST = "/user/links"


def aliases_shown(response) -> list[str]:
    """The aliases of the short links on the page, in order."""
    return re.findall(
        r'value="http://127\.0\.0\.1:8000/([^"]+)" readonly', response.content.decode()
    )


def make_links(owner, *aliases: str, **fields) -> None:
    """Links created one day apart, the first one oldest."""
    start = timezone.now() - timedelta(days=len(aliases))
    for day, alias in enumerate(aliases):
        LinkFactory(
            owner=owner, alias=alias, created=start + timedelta(days=day), **fields
        )


def test_an_empty_account_is_invited_to_create_its_first_link(owner_client):
    html = owner_client.get(LIST).content.decode()

    assert "You have no links yet" in html
    assert '<a class="button" href="/user/links/new">Create your first link</a>' in html
    assert "<table" not in html


def test_it_lists_only_the_users_links_newest_first(owner_client, owner, stranger):
    make_links(owner, "first", "second", "third")
    LinkFactory(owner=stranger, alias="theirs")

    response = owner_client.get(LIST)

    assert aliases_shown(response) == ["third", "second", "first"]
    assert "3 links" in response.content.decode()


def test_each_row_shows_the_link_and_its_actions(owner_client, owner):
    destination = "https://example.com/" + "very-long-path/" * 8
    link = LinkFactory(owner=owner, alias="promo", long_url=destination, clicks=42)

    html = owner_client.get(LIST).content.decode()

    short_input = (
        f'<input id="short-{link.pk}" class="mono" type="text" '
        'value="http://127.0.0.1:8000/promo" readonly'
    )
    assert short_input in html
    assert (
        f'data-copy="short-{link.pk}" data-copy-status="copy-status-{link.pk}"' in html
    )
    assert f'title="{destination}"' in html
    assert f">{destination[:59]}…</a>" in html
    assert '<td class="numeric">42</td>' in html
    assert link.created.strftime("%m/%d/%Y") in html
    assert f'href="/user/links/{link.pk}/edit"' in html
    assert f'href="/user/links/{link.pk}/delete"' in html
    assert "badge-password" not in html
    assert "badge-targeting" not in html


def test_badges_tell_password_expiry_and_targeting(owner_client, owner):
    LinkFactory(owner=owner, password="hash", expires_at=timezone.now() - timedelta(1))
    LinkFactory(owner=owner, expires_at=timezone.now() + timedelta(days=2))
    LinkFactory(owner=owner, language_targets={"fr": "https://example.fr"})

    html = owner_client.get(LIST).content.decode()

    assert html.count('<li class="badge badge-password">Password</li>') == 1
    assert html.count('<li class="badge badge-expired">Expired</li>') == 1
    assert html.count('<li class="badge badge-expiry">') == 1
    assert html.count('<li class="badge badge-targeting">Targeting</li>') == 1


def test_search_looks_at_destination_alias_and_title(owner_client, owner):
    LinkFactory(owner=owner, alias="by-url", long_url="https://shop.example/Summer")
    LinkFactory(owner=owner, alias="summer-alias")
    LinkFactory(owner=owner, alias="by-title", meta_title="Our SUMMER sale")
    LinkFactory(owner=owner, alias="winter")

    response = owner_client.get(LIST, {"q": " summer "})

    assert sorted(aliases_shown(response)) == ["by-title", "by-url", "summer-alias"]
    html = response.content.decode()
    assert 'name="q" value="summer"' in html
    assert "3 links" in html


def test_a_search_without_results_says_so(owner_client, owner):
    LinkFactory(owner=owner)

    html = owner_client.get(LIST, {"q": "<nothing>"}).content.decode()

    assert "No link matches “&lt;nothing&gt;”." in html
    assert "You have no links yet" not in html


def test_links_can_be_sorted_by_clicks(owner_client, owner):
    make_links(owner, "few", "many", "tie-old", "tie-new", clicks=0)
    owner.links.filter(alias="many").update(clicks=50)
    owner.links.filter(alias__startswith="tie").update(clicks=7)

    response = owner_client.get(LIST, {"sort": "clicks"})

    assert aliases_shown(response) == ["many", "tie-new", "tie-old", "few"]
    assert '<option value="clicks" selected>' in response.content.decode()


def test_an_unknown_sort_falls_back_to_date(owner_client, owner):
    make_links(owner, "old", "new")

    assert aliases_shown(owner_client.get(LIST, {"sort": "alias"})) == ["new", "old"]


def test_links_come_25_to_a_page_and_pages_keep_the_search(owner_client, owner):
    make_links(owner, *(f"link{n:02}" for n in range(30)))

    first = owner_client.get(LIST, {"q": "link", "sort": "date"})
    second = owner_client.get(LIST, {"q": "link", "sort": "date", "page": 2})

    assert aliases_shown(first) == [f"link{n:02}" for n in range(29, 4, -1)]
    assert aliases_shown(second) == [f"link{n:02}" for n in range(4, -1, -1)]
    first_html = first.content.decode()
    assert "Page 1 of 2" in first_html
    assert 'href="?q=link&amp;sort=date&amp;page=2" rel="next"' in first_html
    assert 'rel="prev"' not in first_html
    assert (
        'href="?q=link&amp;sort=date&amp;page=1" rel="prev"' in second.content.decode()
    )


def test_a_page_out_of_range_shows_the_last_one(owner_client, owner):
    make_links(owner, *(f"link{n:02}" for n in range(26)))

    assert aliases_shown(owner_client.get(LIST, {"page": 9})) == ["link00"]

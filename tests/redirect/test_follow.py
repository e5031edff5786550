"""`/<alias>` on the site's own host: the redirect itself (§16.1, D32, D33)."""

import pytest

from analytics.models import Click
from tests.analytics.visits import visit
from tests.factories import LinkFactory
from tests.redirect.conftest import DESTINATION

NO_STORE = "private, max-age=0, no-store"


def test_a_direct_link_answers_302_that_nothing_caches(client, link):
    response = visit(client, "/Promo")

    assert response.status_code == 302
    assert response["Location"] == DESTINATION
    assert response["Cache-Control"] == NO_STORE
    link.refresh_from_db()
    assert (link.clicks, link.unique_clicks) == (1, 1)
    assert Click.objects.filter(link=link, is_bot=False).count() == 1


def test_permanent_mode_answers_301_cached_for_90_seconds(client, link, settings):
    settings.REDIRECT_PERMANENT = True

    response = visit(client, "/Promo")

    assert response.status_code == 301
    assert response["Location"] == DESTINATION
    assert response["Cache-Control"] == "private, max-age=90"


@pytest.mark.parametrize("path", ["/promo", "/PROMO", "/pRoMo"])
def test_the_alias_matches_in_any_case(client, link, path):
    response = visit(client, path)

    assert response.status_code == 302
    assert response["Location"] == DESTINATION


def test_head_gets_the_redirect_but_is_no_click(client, link):
    response = visit(client, "/Promo", method="head")

    assert response.status_code == 302
    assert response["Location"] == DESTINATION
    assert response["Cache-Control"] == NO_STORE
    assert not Click.objects.exists()
    link.refresh_from_db()
    assert link.clicks == 0


@pytest.mark.django_db
def test_an_unknown_alias_shows_the_404_page(client):
    response = visit(client, "/nothing-here")

    assert response.status_code == 404
    assert "404.html" in [t.name for t in response.templates]
    assert not Click.objects.exists()


def test_a_banned_owners_links_are_not_found(client, link, owner):
    owner.is_banned = True
    owner.save()

    response = visit(client, "/Promo")

    assert response.status_code == 404
    assert not Click.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/has.dot", "/" + "a" * 65, "/a/b", "/caf%C3%A9"])
def test_paths_that_cannot_be_aliases_are_not_looked_up(
    client, django_assert_num_queries, path
):
    with django_assert_num_queries(0):
        response = visit(client, path)

    assert response.status_code == 404


def test_an_alias_of_64_characters_is_followed(client, owner):
    LinkFactory(owner=owner, alias="a" * 64, long_url=DESTINATION)

    response = visit(client, "/" + "A" * 64)

    assert response.status_code == 302


@pytest.mark.parametrize("method", ["put", "patch", "delete", "options"])
def test_only_get_head_and_post_are_answered(client, link, method):
    response = visit(client, "/Promo", method=method)

    assert response.status_code == 405
    assert not Click.objects.exists()


def test_a_post_to_a_link_without_password_is_refused(client, link):
    response = visit(client, "/Promo", method="post", data={"password": "x"})

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert not Click.objects.exists()


def test_the_visitors_query_string_is_forwarded(client, link):
    response = visit(client, "/Promo?utm_source=news&q=a%20b")

    assert response["Location"] == f"{DESTINATION}?utm_source=news&q=a%20b"


def test_the_links_parameters_come_first_then_the_visitors_query(client, owner):
    LinkFactory(
        owner=owner,
        alias="params",
        long_url="https://example.com/p?id=1#top",
        parameters=[["aff", "3"], ["tag", "summer sale"]],
    )

    response = visit(client, "/params?ref=tw")

    assert response["Location"] == (
        "https://example.com/p?id=1&aff=3&tag=summer+sale&ref=tw#top"
    )


def test_an_expired_link_answers_410_and_records_nothing(client, owner):
    LinkFactory(owner=owner, alias="old", expires_at="2020-01-01T00:00:00Z")

    response = visit(client, "/old")

    assert response.status_code == 410
    assert "shortener/expired.html" in [t.name for t in response.templates]
    assert "This link has expired" in response.content.decode()
    assert "destination.example" not in response.content.decode()
    assert not Click.objects.exists()


def test_a_link_expiring_later_still_redirects(client, owner):
    LinkFactory(
        owner=owner, alias="later", long_url=DESTINATION, expires_at="2999-01-01T00:00Z"
    )

    assert visit(client, "/later").status_code == 302


def test_reserved_paths_keep_their_own_pages(client, owner):
    LinkFactory(owner=owner, alias="user", long_url=DESTINATION)

    response = visit(client, "/user")

    assert response.get("Location") != DESTINATION

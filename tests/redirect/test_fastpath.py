"""The fast redirect path (shortener.fastpath) in front of Django's ASGI handler.

Every request goes through the ASGI application in-process. A plain direct link
is answered by the fast path itself, exactly as Django's view answers it; every
other case reaches Django (counted by `Counting`) and behaves as before.
"""

import os

import pytest
from django.core.asgi import get_asgi_application
from django.core.cache import cache

from analytics import buffer
from analytics.models import Click
from shortener import fastlinks
from shortener.fastpath import FastRedirects
from shortener.redirect import INTERSTITIALS
from tests.analytics.visits import (
    CHROME_WINDOWS,
    FACEBOOK,
    FRANCE_IP,
    GOOGLEBOT,
    IPHONE,
    US_IP,
)
from tests.asgi import Answer, keeping_the_test_connection, request
from tests.factories import DomainFactory, LinkFactory
from tests.limits.conftest import on_plan
from tests.redirect.conftest import DESTINATION

NO_STORE = "private, max-age=0, no-store"


class Counting:
    """Django's ASGI handler, counting the requests that reach it."""

    def __init__(self) -> None:
        self.app = get_asgi_application()
        self.calls = 0

    async def __call__(self, scope, receive, send) -> None:
        self.calls += 1
        await self.app(scope, receive, send)


def call(
    app,
    path: str,
    method: str = "GET",
    query: str = "",
    client: str = FRANCE_IP,
    **headers: str,
) -> Answer:
    """One request from a desktop browser in France, `headers` on top."""
    headers = {
        "host": "testserver",
        "user-agent": CHROME_WINDOWS,
        "accept-language": "en-GB,en;q=0.9",
        **{k.replace("_", "-"): v for k, v in headers.items()},
    }
    return request(
        app, path, method=method, query=query, headers=headers, client=client
    )


@pytest.fixture(autouse=True)
def _keep_the_test_connection():
    with keeping_the_test_connection():
        yield


@pytest.fixture
def django_app():
    return Counting()


@pytest.fixture
def app(django_app):
    fastlinks.reset()
    return FastRedirects(django_app, threads=0)


def clicks_of(link) -> tuple[int, int]:
    link.refresh_from_db()
    return link.clicks, link.unique_clicks


# A plain direct link: the fast path answers, as Django would.


def test_a_plain_link_is_answered_without_django(app, django_app, link):
    answer = call(app, "/Promo")

    assert answer.status == 302
    assert answer["Location"] == DESTINATION
    assert answer["Cache-Control"] == NO_STORE
    assert answer.body == b""
    assert django_app.calls == 0
    assert clicks_of(link) == (1, 1)
    assert Click.objects.filter(link=link, is_bot=False).count() == 1


def compare(app, django_app, path: str, **kwargs) -> tuple[Answer, Answer]:
    """The fast path's answer, then Django's own to another visitor: the same."""
    before = django_app.calls
    fast = call(app, path, **kwargs)
    assert django_app.calls == before
    slow = call(django_app, path, client=kwargs.pop("client", US_IP), **kwargs)
    assert django_app.calls == before + 1
    assert fast.status == slow.status
    assert fast.headers == slow.headers
    assert [name for name, _ in fast.raw_headers] == [
        name for name, _ in slow.raw_headers
    ]
    assert fast.body == slow.body
    return fast, slow


def test_the_answer_is_the_one_of_djangos_view(app, django_app, link):
    fast, _ = compare(app, django_app, "/Promo")

    assert fast.headers == {
        "content-type": "text/html; charset=utf-8",
        "location": DESTINATION,
        "cache-control": NO_STORE,
        "x-frame-options": "DENY",
        "content-length": "0",
        "content-language": "en",
        "vary": "Accept-Language, Cookie",
        "x-content-type-options": "nosniff",
        "referrer-policy": "same-origin",
        "cross-origin-opener-policy": "same-origin",
    }
    assert clicks_of(link) == (2, 2)  # one click each, two visitors


def test_the_language_header_follows_the_visitor(app, django_app, link):
    fast, _ = compare(app, django_app, "/Promo", accept_language="fr-FR,fr;q=0.8")
    assert fast["Content-Language"] == "fr"
    cookie = "django_language=it"
    fast, _ = compare(app, django_app, "/Promo", client="24.48.0.1", cookie=cookie)
    assert fast["Content-Language"] == "it"


def test_permanent_mode_is_the_same_301(app, django_app, link, settings):
    settings.REDIRECT_PERMANENT = True

    fast, _ = compare(app, django_app, "/Promo")

    assert fast.status == 301
    assert fast["Cache-Control"] == "private, max-age=90"


def test_hsts_is_sent_as_django_sends_it(link, settings):
    settings.SECURE_HSTS_SECONDS = 3600
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    django_app = Counting()  # the middleware reads its settings when built
    app = FastRedirects(django_app, threads=0)

    fast, _ = compare(app, django_app, "/Promo", x_forwarded_proto="https")

    assert fast["Strict-Transport-Security"] == "max-age=3600"


def test_parameters_and_the_visitors_query_are_kept(app, django_app, owner):
    LinkFactory(
        owner=owner,
        alias="params",
        long_url="https://example.com/a?x=1",
        parameters=[["aff", "3"]],
    )

    fast, _ = compare(app, django_app, "/params", query="utm_source=mail")

    assert fast["Location"] == "https://example.com/a?x=1&aff=3&utm_source=mail"


def test_the_alias_matches_in_any_case(app, django_app, link):
    for number, path in enumerate(["/promo", "/PROMO", "/pRoMo"]):
        answer = call(app, path, client=f"81.2.3.{number + 1}")
        assert answer.status == 302
        assert answer["Location"] == DESTINATION
    assert django_app.calls == 0
    assert clicks_of(link) == (3, 3)


def test_a_repeat_visit_is_answered_but_not_counted(app, django_app, link):
    call(app, "/Promo")
    answer = call(app, "/Promo")

    assert answer.status == 302
    assert django_app.calls == 0
    assert clicks_of(link) == (1, 1)


def test_head_is_answered_but_never_a_click(app, django_app, link):
    fast, _ = compare(app, django_app, "/Promo", method="HEAD")

    assert fast.status == 302
    assert not Click.objects.exists()
    assert clicks_of(link) == (0, 0)


def test_a_crawler_is_redirected_as_a_bot_visit(app, django_app, link):
    compare(app, django_app, "/Promo", user_agent=GOOGLEBOT)

    assert clicks_of(link) == (0, 0)
    assert Click.objects.filter(link=link, is_bot=True).count() == 2


def test_a_link_expiring_later_is_plain(app, django_app, owner):
    LinkFactory(
        owner=owner, alias="later", long_url=DESTINATION, expires_at="2999-01-01T00:00Z"
    )

    assert call(app, "/later").status == 302
    assert django_app.calls == 0


# Everything else reaches Django, which answers as before.


def reaches_django(app, django_app, path: str, **kwargs) -> Answer:
    answer = call(app, path, **kwargs)
    assert django_app.calls == 1
    return answer


@pytest.mark.django_db
def test_an_unknown_alias_is_djangos_404(app, django_app):
    answer = reaches_django(app, django_app, "/nothing-here")

    assert answer.status == 404
    assert not Click.objects.exists()
    # Remembered as "ask Django": the next request does not query again.
    assert fastlinks.cached("nothing-here") == fastlinks.DJANGO


def test_a_password_link_shows_the_form(app, django_app, owner):
    link = LinkFactory(owner=owner, alias="locked", long_url=DESTINATION)
    link.set_password("secret")
    link.save()

    answer = reaches_django(app, django_app, "/locked")

    assert answer.status == 200
    assert b'name="password"' in answer.body
    assert DESTINATION.encode() not in answer.body
    assert clicks_of(link) == (0, 0)


def test_an_expired_link_is_gone(app, django_app, owner):
    link = LinkFactory(owner=owner, alias="old", expires_at="2020-01-01T00:00:00Z")

    assert reaches_django(app, django_app, "/old").status == 410
    assert clicks_of(link) == (0, 0)


@pytest.mark.parametrize(
    ("field", "value", "user_agent", "expected"),
    [
        ("geo_targets", {"france": "https://fr.example/"}, CHROME_WINDOWS, "fr"),
        ("device_targets", {"iphone": "https://fr.example/"}, IPHONE, "fr"),
        ("language_targets", {"en": "https://fr.example/"}, CHROME_WINDOWS, "fr"),
    ],
)
def test_a_targeted_link_is_followed_by_django(
    app, django_app, owner, field, value, user_agent, expected
):
    link = LinkFactory(owner=owner, alias="geo", long_url=DESTINATION, **{field: value})

    answer = reaches_django(app, django_app, "/geo", user_agent=user_agent)

    assert answer.status == 302
    assert answer["Location"] == "https://fr.example/"
    assert clicks_of(link) == (1, 1)


@pytest.mark.parametrize("redirect_type", ["frame", "splash"])
def test_a_frame_or_splash_link_shows_its_page(app, django_app, owner, redirect_type):
    link = LinkFactory(
        owner=owner, alias="page", long_url=DESTINATION, redirect_type=redirect_type
    )

    answer = reaches_django(app, django_app, "/page")

    assert answer.status == 200
    assert DESTINATION.encode() in answer.body
    assert clicks_of(link) == (1, 1)


def test_an_overlay_link_is_followed_by_django(app, django_app, owner):
    from overlays.models import Overlay

    overlay_fields = {f.name for f in Overlay._meta.get_fields()}
    assert "owner" in overlay_fields
    link = LinkFactory(
        owner=owner, alias="ovl", long_url=DESTINATION, redirect_type="overlay-999"
    )

    answer = reaches_django(app, django_app, "/ovl")

    # The overlay is gone: Django's own plain redirect, counted once.
    assert answer.status == 302
    assert clicks_of(link) == (1, 1)


def test_a_link_with_pixels_shows_the_pixel_page(app, django_app, owner):
    link = LinkFactory(owner=owner, alias="px", long_url=DESTINATION, has_pixels=True)

    answer = reaches_django(app, django_app, "/px")

    assert answer.status == 200
    assert "content-security-policy" in answer.headers
    assert clicks_of(link) == (1, 1)


def test_a_deep_link_is_followed_by_django(app, django_app, owner):
    link = LinkFactory(
        owner=owner,
        alias="app",
        long_url=DESTINATION,
        deeplink={"apple": "itms-apps://apps.apple.com/app/id1"},
    )

    answer = reaches_django(app, django_app, "/app", user_agent=IPHONE)

    assert answer.status == 200
    assert b"itms-apps://apps.apple.com/app/id1" in answer.body
    assert clicks_of(link) == (1, 1)


def test_a_preview_crawler_gets_the_card(app, django_app, link):
    answer = reaches_django(app, django_app, "/Promo", user_agent=FACEBOOK)

    assert answer.status == 200
    assert b"og:" in answer.body
    assert clicks_of(link) == (0, 0)
    assert Click.objects.filter(link=link, is_bot=True).count() == 1


def test_a_branded_domain_is_left_to_django(app, django_app, owner):
    domain = DomainFactory(owner=owner, host="go.brand.example")
    link = LinkFactory(owner=owner, alias="Promo", domain=domain, long_url=DESTINATION)

    answer = reaches_django(app, django_app, "/promo", host="go.brand.example")

    assert answer.status == 302
    assert answer["Location"] == DESTINATION
    assert clicks_of(link) == (1, 1)


def test_an_unknown_host_is_djangos_400(app, django_app, link):
    answer = reaches_django(app, django_app, "/Promo", host="evil.example")

    assert answer.status == 400
    assert clicks_of(link) == (0, 0)


def test_the_owners_own_visit_is_not_counted(app, django_app, client, owner, link):
    client.force_login(owner)
    session = client.cookies["sessionid"].value

    answer = reaches_django(app, django_app, "/Promo", cookie=f"sessionid={session}")

    assert answer.status == 302
    assert answer["Location"] == DESTINATION
    assert clicks_of(link) == (0, 0)


def test_post_is_left_to_django(app, django_app, link):
    # CSRF protection answers first, as it always did for a POST without a token.
    assert reaches_django(app, django_app, "/Promo", method="POST").status == 403
    assert clicks_of(link) == (0, 0)


@pytest.mark.django_db
def test_paths_of_other_pages_are_not_aliases(app):
    assert not fastlinks.follows("/developers")
    assert fastlinks.follows("/Developers")  # routes are case-sensitive
    assert not fastlinks.follows("/api")  # the v1 API


def test_every_interstitial_is_known_to_the_fast_path():
    # A new page between a link and its destination must make such links
    # "not plain" in shortener.fastlinks.describe before it is added here.
    assert {f"{page.__module__}.{page.__name__}" for page in INTERSTITIALS} == {
        "overlays.page.overlay_page",
        "splash.pages.page_for",
        "pixels.page.pixel_page",
    }


# What is remembered follows the links.


def test_a_changed_destination_is_followed_at_once(app, django_app, link):
    assert call(app, "/Promo")["Location"] == DESTINATION

    link.long_url = "https://example.com/new"
    link.save()

    assert call(app, "/Promo")["Location"] == "https://example.com/new"
    assert django_app.calls == 0


def test_a_password_added_later_locks_the_link(app, django_app, link):
    call(app, "/Promo")

    link.set_password("secret")
    link.save()

    assert reaches_django(app, django_app, "/Promo").status == 200


def test_a_deleted_link_is_gone(app, django_app, link):
    call(app, "/Promo")

    link.delete()

    assert reaches_django(app, django_app, "/Promo").status == 404


def test_a_renamed_alias_frees_the_old_one(app, django_app, link):
    call(app, "/Promo")

    link.alias = "Renamed"
    link.save()

    assert reaches_django(app, django_app, "/Promo").status == 404
    assert call(app, "/renamed", client=US_IP)["Location"] == DESTINATION


def test_a_link_created_after_a_miss_is_found(app, django_app, owner):
    assert reaches_django(app, django_app, "/fresh").status == 404

    LinkFactory(owner=owner, alias="fresh", long_url=DESTINATION)

    assert call(app, "/fresh").status == 302
    assert django_app.calls == 1


def test_a_banned_owners_links_are_gone(app, django_app, owner, link):
    call(app, "/Promo")

    owner.is_banned = True
    owner.save()

    assert reaches_django(app, django_app, "/Promo").status == 404


def test_a_change_in_another_process_is_seen_within_a_second(app, link):
    call(app, "/Promo")
    # Another process changed the row: only the shared cache and the version moved.
    type(link).objects.filter(pk=link.pk).update(long_url="https://example.com/other")
    cache.delete(fastlinks.shared_key("promo"))
    cache.set(fastlinks.VERSION_KEY, (cache.get(fastlinks.VERSION_KEY) or 0) + 1)
    assert call(app, "/Promo", client=US_IP)["Location"] == DESTINATION  # < 1 s

    fastlinks.local.checked -= fastlinks.VERSION_CHECK_SECONDS

    assert call(app, "/Promo", client="81.2.3.4")["Location"] == (
        "https://example.com/other"
    )


def test_a_failure_in_the_fast_path_leaves_the_visit_to_django(
    app, django_app, link, monkeypatch
):
    def broken(alias):
        raise ConnectionError("cache unreachable")

    monkeypatch.setattr(fastlinks, "cached", broken)

    answer = reaches_django(app, django_app, "/Promo")

    assert answer.status == 302
    assert answer["Location"] == DESTINATION
    assert clicks_of(link) == (1, 1)  # counted once, by Django


# The click of a fast-path visit goes over the lean connection (analytics.wire).

needs_redis = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="needs a Redis server: set REDIS_URL"
)


@pytest.mark.click_buffer
def test_an_unreachable_click_buffer_stores_the_click_directly(
    app, django_app, link, settings
):
    settings.CLICKS_BUFFER_URL = "redis://127.0.0.1:1/0"  # nothing listens there

    answer = call(app, "/Promo")

    assert answer.status == 302
    assert django_app.calls == 0
    assert clicks_of(link) == (1, 1)
    assert Click.objects.get().country == "France"


@needs_redis
def test_the_click_takes_the_lean_connection_not_redis_py(
    app, django_app, link, settings, monkeypatch
):
    settings.CLICKS_BUFFER_URL = os.environ["REDIS_URL"]

    def not_here(*args: object) -> None:
        raise AssertionError("the fast path went through redis-py")

    monkeypatch.setattr(buffer, "enqueue", not_here)

    call(app, "/Promo")
    call(app, "/Promo")  # a repeat
    call(app, "/Promo", client=US_IP, user_agent=GOOGLEBOT)

    assert django_app.calls == 0
    assert clicks_of(link) == (1, 1)
    assert Click.objects.filter(is_bot=True).count() == 1


@needs_redis
def test_the_plans_monthly_clicks_hold_on_the_fast_path(
    app, django_app, link, settings
):
    settings.CLICKS_BUFFER_URL = os.environ["REDIS_URL"]
    settings.PAID_PLANS = True
    on_plan(link.owner, clicks=2)

    for address in ("81.2.3.4", "81.2.3.5", "81.2.3.6"):
        assert call(app, "/Promo", client=address).status == 302

    assert django_app.calls == 0
    assert clicks_of(link) == (2, 2)  # the third visit is redirected, not counted

"""Server-side fetching: public addresses only, size and redirect limits."""

import pytest

from core.fetch import FetchError, fetch
from tests.local_http import serving

PAGE = (200, {"Content-Type": "text/html; charset=utf-8"}, b"<title>Hi</title>")


def test_loopback_and_private_addresses_are_refused(settings):
    settings.FETCH_ALLOW_PRIVATE = False
    with (
        serving({"/": PAGE}) as base,
        pytest.raises(FetchError, match="not a public address"),
    ):
        fetch(base + "/", max_bytes=1000)
    for url in ("http://10.0.0.1/", "http://169.254.169.254/latest", "http://[::1]/"):
        with pytest.raises(FetchError):
            fetch(url, max_bytes=1000, timeout=1)


def test_a_redirect_to_a_private_address_is_refused(settings):
    settings.FETCH_ALLOW_PRIVATE = True
    with serving({"/": (302, {"Location": "http://127.0.0.1:1/x"}, b"")}) as base:
        settings.FETCH_ALLOW_PRIVATE = False
        with pytest.raises(FetchError):
            fetch(base + "/", max_bytes=1000)


def test_it_fetches_and_follows_redirects(settings):
    settings.FETCH_ALLOW_PRIVATE = True
    routes = {"/": (301, {"Location": "/page"}, b""), "/page": PAGE}
    with serving(routes) as base:
        page = fetch(base + "/", max_bytes=1000)
    assert page.body == b"<title>Hi</title>"
    assert page.content_type == "text/html"
    assert page.url.endswith("/page")


def test_too_many_redirects(settings):
    settings.FETCH_ALLOW_PRIVATE = True
    with (
        serving({"/": (302, {"Location": "/"}, b"")}) as base,
        pytest.raises(FetchError, match="too many redirects"),
    ):
        fetch(base + "/", max_bytes=1000)


def test_bodies_over_the_cap_are_refused(settings):
    settings.FETCH_ALLOW_PRIVATE = True
    with (
        serving({"/": (200, {}, b"x" * 2000)}) as base,
        pytest.raises(FetchError, match="too large"),
    ):
        fetch(base + "/", max_bytes=1000)


@pytest.mark.parametrize("url", ["ftp://example.com/", "file:///etc/passwd", "nope"])
def test_only_http_urls(url):
    with pytest.raises(FetchError):
        fetch(url, max_bytes=10)

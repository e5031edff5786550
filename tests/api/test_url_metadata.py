"""Banners (`metaimage`, D12) and destination metadata read after creation (D39)."""

import io

import pytest
from PIL import Image

from shortener.models import Link
from tests.local_http import serving

BANNER_ERROR = {
    "error": 1,
    "message": "Banner must be either a PNG or a JPEG (Max 500kb).",
}


def image_bytes(kind: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), "red").save(buffer, kind)
    return buffer.getvalue()


@pytest.fixture
def local(settings):
    settings.FETCH_ALLOW_PRIVATE = True
    routes = {
        "/og.png": (200, {"Content-Type": "image/png"}, image_bytes("PNG")),
        "/og.gif": (200, {"Content-Type": "image/gif"}, image_bytes("GIF")),
        "/fake.png": (200, {"Content-Type": "image/png"}, b"<html>not an image"),
        "/huge.jpg": (200, {"Content-Type": "image/jpeg"}, b"\xff" * (600 * 1024)),
    }
    with serving(routes) as base:
        yield base


def test_a_png_banner_is_downloaded_and_stored(owner_api, local):
    response = owner_api.post(
        "/api/url/add",
        {"url": "https://example.com", "metaimage": f"{local}/og.png"},
        format="json",
    )
    assert response.status_code == 200
    link = Link.objects.get()
    assert link.meta_image.name.endswith(".png")
    assert link.meta_image.read() == image_bytes("PNG")


@pytest.mark.parametrize("path", ["/og.gif", "/fake.png", "/huge.jpg", "/missing.png"])
def test_bad_banners_are_400_and_nothing_is_saved(owner_api, local, path):
    response = owner_api.post(
        "/api/url/add",
        {"url": "https://example.com", "metaimage": f"{local}{path}"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == BANNER_ERROR
    assert not Link.objects.exists()


def test_a_banner_on_a_private_address_is_refused(owner_api, settings):
    settings.FETCH_ALLOW_PRIVATE = False
    response = owner_api.post(
        "/api/url/add",
        {"url": "https://example.com", "metaimage": "http://127.0.0.1:9/og.png"},
        format="json",
    )
    assert response.json() == BANNER_ERROR


def test_title_and_description_are_read_from_the_destination(
    owner_api, settings, django_capture_on_commit_callbacks
):
    settings.FETCH_ALLOW_PRIVATE = True
    settings.FETCH_LINK_METADATA = True
    html = (
        b"<html><head><title> Plain  title </title>"
        b'<meta property="og:description" content="Shown in previews &amp; more">'
        b"</head><body>hi</body></html>"
    )
    with (
        serving({"/page": (200, {"Content-Type": "text/html"}, html)}) as base,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = owner_api.post(
            "/api/url/add", {"url": f"{base}/page"}, format="json"
        )
    assert response.status_code == 200
    link = Link.objects.get()
    assert link.meta_title == "Plain title"
    assert link.meta_description == "Shown in previews & more"


def test_given_meta_fields_are_kept(
    owner_api, settings, django_capture_on_commit_callbacks
):
    settings.FETCH_ALLOW_PRIVATE = True
    settings.FETCH_LINK_METADATA = True
    html = b"<title>From page</title><meta name=description content='Page text'>"
    with (
        serving({"/p": (200, {"Content-Type": "text/html"}, html)}) as base,
        django_capture_on_commit_callbacks(execute=True),
    ):
        owner_api.post(
            "/api/url/add", {"url": f"{base}/p", "metatitle": "Mine"}, format="json"
        )
    link = Link.objects.get()
    assert (link.meta_title, link.meta_description) == ("Mine", "Page text")


def test_an_unreachable_destination_leaves_the_fields_empty(
    owner_api, settings, django_capture_on_commit_callbacks
):
    settings.FETCH_LINK_METADATA = True
    settings.FETCH_ALLOW_PRIVATE = True
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_api.post(
            "/api/url/add", {"url": "http://127.0.0.1:9/closed"}, format="json"
        )
    assert response.status_code == 200
    assert Link.objects.get().meta_title == ""

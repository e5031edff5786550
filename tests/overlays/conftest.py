import pytest

from overlays.models import Overlay
from tests.factories import LinkFactory

DESTINATION = "https://example.com/landing"

SETTINGS = {
    "message": {
        "text": "Big sale today",
        "button_label": "Shop now",
        "button_url": "https://shop.example/sale",
    },
    "contact": {"heading": "Talk to us", "email": ""},
    "poll": {"question": "Tea or coffee?", "options": ["Tea", "Coffee", "Both"]},
    "newsletter": {"heading": "Join our list", "button_label": "Subscribe"},
    "image": {"url": "https://shop.example/banner"},
    "coupon": {"text": "Save 20% with", "code": "SAVE20"},
}


def make_overlay(owner, kind: str, **fields) -> Overlay:
    fields.setdefault("name", f"My {kind}")
    fields.setdefault("settings", dict(SETTINGS[kind]))
    return Overlay.objects.create(owner=owner, kind=kind, **fields)


@pytest.fixture(autouse=True)
def _frameable_destinations(monkeypatch):
    """No test reaches the network: every destination may be framed."""
    monkeypatch.setattr("splash.frameable.frameable", lambda url: True)


@pytest.fixture
def overlay_link():
    """Make a link of type `overlay-<id>` for an overlay of the given kind."""

    def make(owner, kind: str, **fields):
        overlay = make_overlay(owner, kind, **fields)
        link = LinkFactory(
            owner=owner,
            alias=f"cta{kind}",
            long_url=DESTINATION,
            redirect_type=overlay.link_type,
        )
        return overlay, link

    return make

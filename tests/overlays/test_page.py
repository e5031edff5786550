"""The page of an `overlay-<id>` link: the destination framed, the widget on top."""

import pytest

from tests.analytics.visits import visit
from tests.factories import LinkFactory
from tests.overlays.conftest import DESTINATION, make_overlay

WIDGET_CONTENT = {
    "message": ["Big sale today", "Shop now", 'href="https://shop.example/sale"'],
    "contact": ["Talk to us", 'name="message"', 'name="website"'],
    "poll": ["Tea or coffee?", ">Tea<", ">Coffee<", ">Both<"],
    "newsletter": ["Join our list", 'type="email"', "Subscribe"],
    "image": ['href="https://shop.example/banner"'],
    "coupon": ["Save 20% with", 'value="SAVE20"', "data-copy="],
}


@pytest.mark.parametrize("kind", WIDGET_CONTENT)
def test_each_kind_shows_its_widget_over_the_framed_destination(
    client, owner, overlay_link, kind
):
    overlay, link = overlay_link(owner, kind)

    response = visit(client, f"/{link.alias}")

    assert response.status_code == 200
    content = response.content.decode()
    assert f'<iframe class="overlay-frame" src="{DESTINATION}"' in content
    assert "data-cta-close" in content
    for fragment in WIDGET_CONTENT[kind]:
        assert fragment in content
    if kind in {"contact", "poll", "newsletter"}:
        assert f'action="/overlay/{overlay.pk}/submit"' in content
        assert f'name="link" value="{link.pk}"' in content
        assert "csrfmiddlewaretoken" in content


def test_the_page_allows_only_the_destination_in_its_frame(client, owner, overlay_link):
    _overlay, link = overlay_link(owner, "message")

    response = visit(client, f"/{link.alias}")

    policy = response["Content-Security-Policy"]
    assert "frame-src https://example.com" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert response["Cache-Control"] == "private, max-age=0, no-store"


def test_a_link_of_another_users_overlay_is_a_plain_redirect(client, owner, stranger):
    overlay = make_overlay(stranger, "message")
    link = LinkFactory(owner=owner, alias="Sneaky", redirect_type=overlay.link_type)

    response = visit(client, "/Sneaky")

    assert response.status_code == 302
    assert response["Location"] == link.long_url


def test_hostile_text_is_escaped_and_never_runs(client, owner, overlay_link):
    hostile = {
        "text": '<script>alert(1)</script><img src=x onerror="alert(2)">',
        "button_label": "<b onclick=alert(3)>Go</b>",
        "button_url": "https://shop.example/sale",
    }
    _overlay, link = overlay_link(
        owner, "message", name="<svg onload=alert(4)>", settings=hostile
    )

    content = visit(client, f"/{link.alias}").content.decode()

    assert "<script>alert(1)" not in content
    assert "<img src=x" not in content
    assert "<b onclick" not in content
    assert "<svg onload" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content

import re

import pytest

from pixels.services import set_link_pixels
from splash.pages import page_for
from tests.factories import LinkFactory
from tests.pixels.factories import PixelFactory


@pytest.fixture
def destination() -> str:
    return "https://shop.example/landing?x=1"


def test_a_frame_link_shows_the_destination_in_an_iframe(client, owner, destination):
    link = LinkFactory(
        owner=owner, long_url=destination, redirect_type="frame", meta_title="Shop"
    )

    response = client.get(f"/{link.alias}")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<iframe src="https://shop.example/landing?x=1"' in html
    assert 'href="https://shop.example/landing?x=1"' in html  # "Open directly"
    assert "Open directly" in html
    assert "Shop" in html
    assert "frame-src https://shop.example" in response["Content-Security-Policy"]


def test_a_splash_link_shows_the_countdown_and_continue(
    client, owner, destination, settings
):
    settings.SPLASH_SECONDS = 9
    link = LinkFactory(
        owner=owner,
        long_url=destination,
        redirect_type="splash",
        meta_title="A fine page",
        meta_description="All about it",
    )

    response = client.get(f"/{link.alias}")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-countdown="9"' in html
    assert "A fine page" in html
    assert "All about it" in html
    continues = re.findall(r'<a [^>]*href="([^"]+)"[^>]*>Continue</a>', html)
    assert continues == [destination.replace("&", "&amp;")] * 2  # noscript + button
    noscript = html[html.index("<noscript>") : html.index("</noscript>")]
    assert destination in noscript


def test_a_custom_splash_link_shows_the_users_page(client, owner, splash_page):
    link = LinkFactory(
        owner=owner,
        long_url="https://destination.example/next",
        redirect_type=str(splash_page.pk),
    )

    response = client.get(f"/{link.alias}")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Our new product" in html
    assert "<p>It is <strong>great</strong>.</p>" in html
    assert 'href="https://shop.example/product"' in html
    assert "Buy it" in html
    assert 'data-countdown="7"' in html
    # The script goes on to the link marked data-redirect; noscript shows it too.
    assert re.search(
        r'<a data-continue data-redirect href="https://destination.example/next"', html
    )
    noscript = html[html.index("<noscript>") : html.index("</noscript>")]
    assert "https://destination.example/next" in noscript


def test_another_users_splash_page_is_not_shown(client, stranger, splash_page):
    link = LinkFactory(owner=stranger, redirect_type=str(splash_page.pk))

    response = client.get(f"/{link.alias}")

    assert response.status_code in {301, 302}
    assert response["Location"] == link.long_url


def test_other_types_are_left_to_other_pages(rf, owner):
    link = LinkFactory(owner=owner, redirect_type="direct")

    assert page_for(rf.get("/"), link, link.long_url) is None


def test_a_direct_link_still_redirects(client, owner):
    link = LinkFactory(owner=owner)

    response = client.get(f"/{link.alias}")

    assert response.status_code in {301, 302}


@pytest.mark.parametrize("kind", ["frame", "splash", "custom"])
def test_the_pages_carry_the_links_pixels(client, owner, splash_page, kind):
    pixel = PixelFactory(owner=owner, tag="GTM-SPLASH1")
    link = LinkFactory(
        owner=owner, redirect_type=str(splash_page.pk) if kind == "custom" else kind
    )
    set_link_pixels(link=link, pixel_ids=[pixel.pk])

    response = client.get(f"/{link.alias}")

    assert response.status_code == 200
    assert "GTM-SPLASH1" in response.content.decode()
    assert "googletagmanager.com" in response["Content-Security-Policy"]

"""The pixel page of a direct link with pixels (§16.1 item 9), its snippets and CSP."""

import re

import pytest

from pixels.csp import policy
from pixels.models import PixelType
from pixels.snippets import script_body, script_hash, snippets_for
from tests.analytics.visits import visit
from tests.factories import LinkFactory
from tests.pixels.factories import PixelFactory
from tests.pixels.test_rules import VALID
from tests.redirect.test_queries import counted_visit_cost

DESTINATION = "https://example.com/landing"


@pytest.fixture
def tracked(owner):
    link = LinkFactory(
        owner=owner, alias="Tracked", long_url=DESTINATION, has_pixels=True
    )
    pixel = PixelFactory(owner=owner, type="fbpixel", tag="123456789012345")
    pixel.links.add(link)
    return link


def csp_of(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(part.split(" ", 1) for part in header.split("; "))


@pytest.mark.parametrize("redirect_type", ["", "direct"])
def test_a_direct_link_with_pixels_shows_them_then_goes_on(
    client, tracked, redirect_type
):
    tracked.redirect_type = redirect_type
    tracked.save()

    response = visit(client, "/Tracked?ref=x")

    assert response.status_code == 200
    html = response.content.decode()
    assert "fbq('init',\"123456789012345\")" in html
    assert "https://www.facebook.com/tr?id=123456789012345&amp;" in html
    destination = f"{DESTINATION}?ref=x"
    assert f'window.location.replace("{destination}");}},2000);' in html
    assert (
        f'<noscript><meta http-equiv="refresh" content="2;url={destination}">'
        "</noscript>" in html
    )
    assert f'<a href="{destination}" rel="nofollow noopener">Continue</a>' in html
    assert response["Cache-Control"] == "private, max-age=0, no-store"


def test_the_page_allows_exactly_its_scripts_and_hosts(client, tracked):
    response = visit(client, "/Tracked")

    csp = csp_of(response)
    html = response.content.decode()
    inline = re.findall(r"<script>(.*?)</script>", html)
    assert len(inline) == 2  # the pixel, then the redirect
    hashes = [script_hash(body) for body in inline]
    assert csp["script-src"] == " ".join(
        ["'self'", *hashes, "https://connect.facebook.net"]
    )
    assert csp["img-src"] == "'self' data: https://www.facebook.com"
    assert csp["connect-src"] == "'self' https://www.facebook.com"
    assert csp["default-src"] == "'none'"
    assert csp["frame-src"] == "'none'"
    assert "'unsafe-inline'" not in csp["script-src"]


@pytest.mark.parametrize("redirect_type", ["frame", "splash"])
def test_other_redirect_types_are_not_the_pixel_pages(client, tracked, redirect_type):
    tracked.redirect_type = redirect_type
    tracked.save()

    response = visit(client, "/Tracked")

    assert "You are being redirected." not in response.content.decode()


@pytest.mark.click_buffer  # as in tests/redirect/test_queries.py
def test_a_link_without_pixels_redirects_without_a_pixel_query(
    client, owner, django_assert_num_queries
):
    LinkFactory(owner=owner, alias="Plain", long_url=DESTINATION)

    # As tests/redirect/test_queries.py pins.
    with django_assert_num_queries(counted_visit_cost()):
        response = visit(client, "/Plain")

    assert response.status_code == 302
    assert response["Location"] == DESTINATION


def test_a_link_whose_pixels_were_deleted_redirects_again(owner_api, client, tracked):
    pixel = tracked.pixels.get()

    owner_api.delete(f"/api/pixel/{pixel.pk}/delete")

    assert visit(client, "/Tracked").status_code == 302


@pytest.mark.parametrize("kind", PixelType.values)
def test_each_provider_has_a_snippet_with_its_tag(owner, kind):
    link = LinkFactory(owner=owner, has_pixels=True)
    pixel = PixelFactory(owner=owner, type=kind, tag=VALID[kind])
    pixel.links.add(link)

    (snippet,) = snippets_for(link)

    assert f'"{VALID[kind]}"' in snippet
    assert f"<script>{script_body(pixel)}</script>" in snippet
    assert script_hash(script_body(pixel)) in policy(link)


def test_a_tag_is_escaped_even_if_stored_unchecked(owner):
    link = LinkFactory(owner=owner, has_pixels=True)
    pixel = PixelFactory(owner=owner, type="fbpixel", tag='1</script>"<b>&')
    pixel.links.add(link)

    (snippet,) = snippets_for(link)

    assert '</script>"<b>' not in snippet
    assert '"1\\u003C/script\\u003E\\"\\u003Cb\\u003E\\u0026"' in snippet
    assert "tr?id=1&lt;/script&gt;&quot;&lt;b&gt;&amp;&amp;" in snippet


def test_the_policy_allows_a_frames_origin_only(owner):
    link = LinkFactory(owner=owner)

    framed = policy(link, frame_src="https://shop.example:8443/a?b#c")
    refused = policy(link, frame_src="javascript:alert(1)")

    assert "frame-src https://shop.example:8443;" in framed
    assert "frame-src 'none';" in refused
    assert "script-src 'self';" in framed


def test_the_snippets_include_renders_them(owner):
    from django.template.loader import render_to_string

    link = LinkFactory(owner=owner, has_pixels=True)
    PixelFactory(owner=owner, type="tiktok", tag="C4ABCDEFGH").links.add(link)

    html = render_to_string(
        "pixels/_snippets.html", {"pixel_snippets": snippets_for(link)}
    )

    assert 'ttq.load("C4ABCDEFGH")' in html

"""The public bio page: blocks, theme, CSP, branded domains, /u/<username>, 404s."""

import base64
import hashlib
import re

import pytest

from bio.models import BlockKind, ButtonStyle
from tests.analytics.visits import CHROME_WINDOWS
from tests.bio.factories import BioPageFactory, BlockFactory
from tests.factories import DomainFactory, LinkFactory

BRAND = "brand.example"


def visit(client, path, **extra):
    return client.get(path, HTTP_USER_AGENT=CHROME_WINDOWS, **extra)


@pytest.fixture
def page(owner):
    return BioPageFactory(owner=owner, link__alias="ada")


def test_the_page_shows_profile_and_blocks_in_order(client, page, settings):
    link = BlockFactory(page=page, position=2, title="Shop", url="https://shop.example")
    BlockFactory(page=page, position=1, kind=BlockKind.HEADING, title="Hello there")
    BlockFactory(page=page, position=3, kind=BlockKind.TEXT, text="<b>Bold</b> move")
    BlockFactory(
        page=page,
        position=4,
        kind=BlockKind.SOCIAL,
        socials={"github": "https://github.com/ada", "x": "https://x.com/ada"},
    )
    BlockFactory(page=page, position=5, kind=BlockKind.YOUTUBE, value="dQw4w9WgXcQ")
    BlockFactory(
        page=page, position=6, kind=BlockKind.EMAIL, value="ada@example.org", title=""
    )

    response = visit(client, "/ada")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Ada Lovelace</title>" in html
    assert "Mathematician and writer" in html
    order = [html.index(t) for t in ("Hello there", "Shop", "<b>Bold</b> move")]
    assert order == sorted(order)
    # A link block goes through the tracking address, never straight out.
    assert f'href="{settings.SITE_URL}/ada/go/{link.pk}"' in html
    assert "https://shop.example" not in html
    assert (
        '<a class="bio-social bio-social-github" href="https://github.com/ada"' in html
    )
    assert ">X</a>" in html
    assert 'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html
    assert 'href="mailto:ada@example.org">ada@example.org</a>' in html


def test_the_theme_is_one_style_element_allowed_by_its_hash(client, owner):
    BioPageFactory(
        owner=owner,
        link__alias="themed",
        background="#112233",
        background_end="#445566",
        text_colour="#fafafa",
        button_colour="#ff0000",
        button_text_colour="#000000",
        button_style=ButtonStyle.OUTLINE,
        custom_css=".bio-name{letter-spacing:2px}",
    )

    response = visit(client, "/themed")

    html = response.content.decode()
    style = re.search(r"<style>(.*?)</style>", html, re.DOTALL).group(1)
    assert style == (
        ".bio-root{--bio-background:linear-gradient(180deg, #112233, #445566);"
        "--bio-text:#fafafa;--bio-button:#ff0000;--bio-button-text:#000000}\n"
        ".bio-name{letter-spacing:2px}"
    )
    assert '<body class="bio-root bio-buttons-outline">' in html
    policy = response["Content-Security-Policy"]
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"style-src 'self' 'sha256-{digest}'" in policy
    assert "script-src 'none'" in policy
    assert "default-src 'none'" in policy
    assert "frame-src 'none'" in policy  # no video on this page
    assert "unsafe-inline" not in policy
    assert "<script" not in html


def test_a_page_with_a_video_may_frame_youtube_nocookie_only(client, page):
    BlockFactory(page=page, kind=BlockKind.YOUTUBE, value="dQw4w9WgXcQ")

    policy = visit(client, "/ada")["Content-Security-Policy"]

    assert "frame-src https://www.youtube-nocookie.com;" in policy


def test_a_stored_colour_that_is_not_one_falls_back(client, owner):
    BioPageFactory(owner=owner, link__alias="odd", background="red;}a{")

    html = visit(client, "/odd").content.decode()

    assert "--bio-background:#ffffff;" in html
    assert "red;}" not in html


def test_the_page_is_found_in_any_case_and_never_cached(client, page):
    response = visit(client, "/ADA")

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, max-age=0, no-store"


def test_a_page_is_not_posted_to(client, page):
    assert client.post("/ada").status_code == 405


def test_an_unknown_alias_is_404(client, page):
    assert visit(client, "/nobody").status_code == 404


def test_a_banned_owners_page_is_404(client, page, owner):
    owner.is_banned = True
    owner.save()

    assert visit(client, "/ada").status_code == 404


def test_a_page_on_a_branded_domain_answers_there_only(client, owner):
    brand = DomainFactory(owner=owner, host=BRAND)
    BioPageFactory(owner=owner, link__alias="shop", link__domain=brand)

    assert visit(client, "/shop", HTTP_HOST=BRAND).status_code == 200
    assert visit(client, "/shop").status_code == 404


def test_the_profile_is_the_default_page(client, owner):
    BioPageFactory(owner=owner, name="Not this one")
    BioPageFactory(owner=owner, name="Ada's default", is_default=True)

    response = visit(client, "/u/owner")

    assert response.status_code == 200
    assert "Ada&#x27;s default" in response.content.decode()
    assert "script-src 'none'" in response["Content-Security-Policy"]


def test_the_profile_is_404_without_a_default_page(client, owner, page):
    assert visit(client, "/u/owner").status_code == 404
    assert visit(client, "/u/nobody").status_code == 404


def test_a_banned_users_profile_is_404(client, owner):
    BioPageFactory(owner=owner, is_default=True)
    owner.is_banned = True
    owner.save()

    assert visit(client, "/u/owner").status_code == 404


def test_a_branded_domain_shows_only_its_owners_profile(client, owner, stranger):
    DomainFactory(owner=stranger, host=BRAND)
    BioPageFactory(owner=owner, is_default=True)

    assert visit(client, "/u/owner", HTTP_HOST=BRAND).status_code == 404


def test_a_branded_domains_root_shows_its_bio_page(client, owner):
    brand = DomainFactory(
        owner=owner,
        host=BRAND,
        redirect_root="https://else.example",
        shows_bio_page=True,
    )
    BioPageFactory(owner=owner, name="Brand home", root_of=brand)

    response = visit(client, "/", HTTP_HOST=BRAND)

    assert response.status_code == 200
    assert "Brand home" in response.content.decode()
    assert "Content-Security-Policy" in response


@pytest.mark.parametrize("flag", [False, True])  # True: the page was just deleted
def test_a_domain_root_without_page_keeps_its_redirect(client, owner, flag):
    DomainFactory(
        owner=owner,
        host=BRAND,
        redirect_root="https://else.example",
        shows_bio_page=flag,
    )

    response = visit(client, "/", HTTP_HOST=BRAND)

    assert response.status_code == 302
    assert response["Location"] == "https://else.example"


def test_a_plain_link_is_still_a_redirect(client, owner):
    LinkFactory(owner=owner, alias="plain", long_url="https://dest.example/")

    response = visit(client, "/plain")

    assert response.status_code == 302


def test_stored_content_is_cleaned_again_when_shown(client, page):
    # Rows written by other means than the builder (an import, an old rule).
    page.custom_css = (
        "@import 'https://evil.example/x.css';</style><script>x()</script>"
    )
    page.save()
    BlockFactory(page=page, kind=BlockKind.TEXT, text="<img src=x onerror=alert(1)>ok")
    BlockFactory(
        page=page,
        kind=BlockKind.SOCIAL,
        socials={"github": "javascript:alert(1)", "x": "https://x.com/ada"},
    )

    html = visit(client, "/ada").content.decode()

    assert "@import" not in html
    assert "<script" not in html
    assert "onerror" not in html
    assert "javascript:" not in html
    assert 'href="https://x.com/ada"' in html

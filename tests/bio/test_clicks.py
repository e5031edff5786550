"""Visits of a page and clicks of its link blocks, through the click pipeline (D34)."""

import pytest

from analytics.models import Click
from bio.models import BlockKind
from tests.analytics.visits import CHROME_WINDOWS, FACEBOOK, FIREFOX_UBUNTU, GOOGLEBOT
from tests.bio.factories import BioPageFactory, BlockFactory
from tests.factories import DomainFactory

BRAND = "brand.example"


@pytest.fixture
def page(owner):
    return BioPageFactory(owner=owner, link__alias="ada")


@pytest.fixture
def block(page):
    return BlockFactory(page=page, title="Shop", url="https://shop.example/a?b=1")


def counts(page) -> tuple[int, int]:
    page.link.refresh_from_db()
    return page.link.clicks, page.link.unique_clicks


def test_a_visit_is_a_click_of_the_pages_link(client, page):
    client.get("/ada", HTTP_USER_AGENT=CHROME_WINDOWS)

    assert counts(page) == (1, 1)
    click = Click.objects.get()
    assert (click.link, click.is_bot, click.browser) == (page.link, False, "Chrome")


def test_the_same_visitor_again_is_not_counted_twice(client, page):
    client.get("/ada", HTTP_USER_AGENT=CHROME_WINDOWS)
    client.get("/ada", HTTP_USER_AGENT=CHROME_WINDOWS)

    assert counts(page) == (1, 1)


def test_a_head_request_is_not_a_visit(client, page):
    response = client.head("/ada", HTTP_USER_AGENT=CHROME_WINDOWS)

    assert response.status_code == 200
    assert counts(page) == (0, 0)
    assert not Click.objects.exists()


@pytest.mark.parametrize("agent", [GOOGLEBOT, FACEBOOK, ""])
def test_bots_are_stored_as_bots_and_not_counted(client, page, agent):
    client.get("/ada", HTTP_USER_AGENT=agent)

    assert counts(page) == (0, 0)
    assert Click.objects.get().is_bot is True


def test_the_owners_own_visit_is_not_counted(owner_client, page):
    owner_client.get("/ada", HTTP_USER_AGENT=CHROME_WINDOWS)

    assert counts(page) == (0, 0)


def test_profile_and_domain_root_visits_count_too(client, owner, page):
    page.is_default = True
    page.root_of = DomainFactory(owner=owner, host=BRAND, shows_bio_page=True)
    page.save()

    client.get("/u/owner", HTTP_USER_AGENT=CHROME_WINDOWS)
    client.get("/", HTTP_USER_AGENT=FIREFOX_UBUNTU, HTTP_HOST=BRAND)

    assert counts(page) == (2, 2)


def test_a_block_click_redirects_and_is_counted(client, page, block):
    response = client.get(f"/ada/go/{block.pk}", HTTP_USER_AGENT=CHROME_WINDOWS)

    assert response.status_code == 302
    assert response["Location"] == "https://shop.example/a?b=1"
    assert response["Cache-Control"] == "private, max-age=0, no-store"
    block.refresh_from_db()
    assert block.clicks == 1
    assert counts(page) == (1, 1)  # recorded on the page's link


def test_a_block_click_after_the_visit_counts_the_block_not_a_second_visit(
    client, page, block
):
    client.get("/ada", HTTP_USER_AGENT=CHROME_WINDOWS)
    client.get(f"/ada/go/{block.pk}", HTTP_USER_AGENT=CHROME_WINDOWS)
    client.get(f"/ada/go/{block.pk}", HTTP_USER_AGENT=CHROME_WINDOWS)

    block.refresh_from_db()
    assert block.clicks == 1  # the repeat within 15 minutes is left out
    assert counts(page) == (1, 1)


def test_block_clicks_of_different_visitors_add_up(client, page, block):
    client.get(f"/ada/go/{block.pk}", HTTP_USER_AGENT=CHROME_WINDOWS)
    client.get(f"/ada/go/{block.pk}", HTTP_USER_AGENT=FIREFOX_UBUNTU)

    block.refresh_from_db()
    assert block.clicks == 2


@pytest.mark.parametrize("agent", [GOOGLEBOT, ""])
def test_a_bots_block_click_redirects_uncounted(client, page, block, agent):
    response = client.get(f"/ada/go/{block.pk}", HTTP_USER_AGENT=agent)

    assert response.status_code == 302
    block.refresh_from_db()
    assert block.clicks == 0
    assert counts(page) == (0, 0)


def test_a_head_block_click_redirects_uncounted(client, page, block):
    response = client.head(f"/ada/go/{block.pk}", HTTP_USER_AGENT=CHROME_WINDOWS)

    assert response.status_code == 302
    block.refresh_from_db()
    assert block.clicks == 0
    assert not Click.objects.exists()


def test_the_owners_block_click_is_not_counted(owner_client, page, block):
    owner_client.get(f"/ada/go/{block.pk}", HTTP_USER_AGENT=CHROME_WINDOWS)

    block.refresh_from_db()
    assert block.clicks == 0


def test_a_block_of_another_page_does_not_redirect(client, owner, page):
    other = BlockFactory(page=BioPageFactory(owner=owner), url="https://other.example")

    response = client.get(f"/ada/go/{other.pk}", HTTP_USER_AGENT=CHROME_WINDOWS)

    assert response.status_code == 404
    other.refresh_from_db()
    assert other.clicks == 0


def test_only_link_blocks_redirect(client, page):
    heading = BlockFactory(page=page, kind=BlockKind.HEADING, url="https://x.example")

    response = client.get(f"/ada/go/{heading.pk}", HTTP_USER_AGENT=CHROME_WINDOWS)

    assert response.status_code == 404


def test_an_unknown_block_or_alias_is_404(client, page, block):
    assert client.get("/ada/go/999999").status_code == 404
    assert client.get(f"/nobody/go/{block.pk}").status_code == 404


def test_a_plain_links_alias_has_no_block_redirects(client, owner, block):
    from tests.factories import LinkFactory

    LinkFactory(owner=owner, alias="plain")

    assert client.get(f"/plain/go/{block.pk}").status_code == 404


@pytest.mark.parametrize(
    "stored", ["javascript:alert(1)", "data:text/html,x", "//evil.example", ""]
)
def test_an_unsafe_stored_url_is_checked_again_and_refused(client, page, stored):
    block = BlockFactory(page=page, url=stored)

    response = client.get(f"/ada/go/{block.pk}", HTTP_USER_AGENT=CHROME_WINDOWS)

    assert response.status_code == 404
    assert not Click.objects.exists()


def test_block_clicks_on_a_branded_domain(client, owner):
    brand = DomainFactory(owner=owner, host=BRAND)
    page = BioPageFactory(owner=owner, link__alias="shop", link__domain=brand)
    block = BlockFactory(page=page)

    html = client.get("/shop", HTTP_HOST=BRAND).content.decode()
    assert f'href="https://{BRAND}/shop/go/{block.pk}"' in html
    response = client.get(
        f"/shop/go/{block.pk}", HTTP_HOST=BRAND, HTTP_USER_AGENT=CHROME_WINDOWS
    )
    assert response.status_code == 302
    assert client.get(f"/shop/go/{block.pk}").status_code == 404  # main site

"""links.js: rows added and removed in the form, and the list's Copy button."""

import re

import pytest
from playwright.sync_api import Page, expect

from shortener.models import Link
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.browser


def log_in(page: Page) -> None:
    UserFactory(username="owner")
    page.goto("/user/login")
    page.get_by_label("Username").fill("owner")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/user$"))


def test_rows_are_added_and_removed_and_short_links_copied(
    page: Page, live_server, transactional_db
):
    log_in(page)

    page.goto("/user/links/new")
    page.get_by_label("Destination URL:", exact=True).fill("https://example.com/shop")
    page.get_by_label("Custom alias").fill("shop")
    page.get_by_text("Geo targeting").click()
    geo = page.locator('[data-rows="geo"]')
    expect(geo.locator("[data-row]")).to_have_count(2)
    page.locator('[data-add-row="geo"]').click()
    expect(geo.locator("[data-row]")).to_have_count(3)
    expect(page.locator("#id_geo-2-key")).to_be_focused()
    page.locator("#id_geo-2-key").select_option("france")
    page.locator("#id_geo-2-link").fill("https://example.fr/shop")
    page.locator("#id_geo-0-key").select_option("canada")
    page.locator("#id_geo-0-link").fill("https://example.ca/shop")
    geo.locator("[data-row]").first.get_by_role("button", name="Remove").click()
    expect(geo.locator("[data-row]").first).to_be_hidden()
    page.get_by_role("button", name="Shorten").click()

    expect(page).to_have_url(re.compile(r"/user/links$"))
    assert Link.objects.get().geo_targets == {"france": "https://example.fr/shop"}

    page.get_by_role("button", name="Copy").click()
    expect(page.get_by_role("status").filter(has_text="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == (
        "http://127.0.0.1:8000/shop"
    )


def test_without_javascript_the_fixed_rows_do(browser, live_server, transactional_db):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    log_in(page)

    page.goto("/user/links/new")
    page.get_by_label("Destination URL:", exact=True).fill("https://example.com/shop")
    page.get_by_text("Language targeting").click()
    expect(page.locator('[data-add-row="language"]')).to_be_hidden()
    expect(page.locator("[data-remove-row]").first).to_be_hidden()
    page.locator("#id_language-1-key").select_option("it")
    page.locator("#id_language-1-link").fill("https://example.it/shop")
    page.get_by_role("button", name="Shorten").click()

    expect(page).to_have_url(re.compile(r"/user/links$"))
    assert Link.objects.get().language_targets == {"it": "https://example.it/shop"}
    context.close()

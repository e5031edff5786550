"""Building a bio page in the dashboard: the preview follows, the page goes live."""

import re

import pytest
from playwright.sync_api import Page, expect

from bio.models import BioPage
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.browser


def test_a_page_built_in_the_dashboard_is_served_at_its_alias(
    page: Page, live_server, transactional_db
):
    UserFactory(username="owner")
    page.goto("/user/login")
    page.get_by_label("Username").fill("owner")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/user$"))

    page.goto("/user/bio")
    page.get_by_role("link", name="New bio page").click()
    preview = page.locator("[data-preview-root]")
    page.get_by_label("Name").fill("Ada Lovelace")
    page.get_by_label("Description").fill("Poet of numbers")
    expect(preview.get_by_role("heading", name="Ada Lovelace")).to_be_visible()
    expect(preview.get_by_text("Poet of numbers")).to_be_visible()

    # Without JavaScript an empty block is offered; with it, "Add a block".
    expect(page.locator("[data-block]")).to_have_count(0)
    page.get_by_role("button", name="Add a block").click()
    first = page.locator("[data-block]").nth(0)
    first.get_by_label("Title").fill("My shop")
    first.get_by_label("URL").fill("https://shop.example/")
    expect(preview.locator(".bio-button")).to_have_text("My shop")

    page.get_by_role("button", name="Add a block").click()
    second = page.locator("[data-block]").nth(1)
    second.get_by_label("Type").select_option("heading")
    expect(second.get_by_label("URL")).to_be_hidden()
    second.get_by_label("Title").fill("Find me")
    second.get_by_role("button", name="Move up").click()
    expect(preview.locator(".bio-block").nth(0)).to_have_text("Find me")
    expect(preview.locator(".bio-block").nth(1)).to_have_text("My shop")

    page.get_by_label("Button style").select_option("square")
    expect(preview).to_have_class(re.compile(r"bio-buttons-square"))
    page.get_by_label("Alias").fill("ada-bio")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The bio page has been saved.")).to_be_visible()

    saved = BioPage.objects.get()
    assert [b.title for b in saved.blocks.all()] == ["Find me", "My shop"]
    shop = saved.blocks.get(title="My shop")

    page.goto("/ada-bio")
    expect(page.get_by_role("heading", name="Ada Lovelace", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Find me")).to_be_visible()
    link = page.get_by_role("link", name="My shop")
    expect(link).to_have_attribute("href", re.compile(rf"/ada-bio/go/{shop.pk}$"))
    expect(page.locator("body")).to_have_class("bio-root bio-buttons-square")

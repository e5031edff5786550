"""A password-protected link, from the dashboard form to its destination."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from shortener.models import Link
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.browser


def test_a_link_protected_in_the_form_asks_for_its_password(
    page: Page, live_server, settings, transactional_db
):
    # Short links live on the live server; the destination is the same server
    # under another name, since a link to the site itself is refused.
    settings.SITE_URL = live_server.url
    port = urlsplit(live_server.url).port
    destination = f"http://127.0.0.1:{port}/user/login"
    UserFactory(username="owner")

    page.goto("/user/login")
    page.get_by_label("Username").fill("owner")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/user$"))

    page.goto("/user/links/new")
    page.get_by_label("Destination URL:", exact=True).fill(destination)
    page.get_by_label("Custom alias").fill("members-only")
    page.get_by_text("Redirect and protection").click()
    page.get_by_label("Password:", exact=True).fill("open sesame")
    page.get_by_role("button", name="Shorten").click()

    expect(page).to_have_url(re.compile(r"/user/links$"))
    short_url = f"{live_server.url}/members-only"
    expect(page.locator(".messages")).to_have_text(
        f"Your short link is ready: {short_url}"
    )
    expect(page.locator("input[readonly]").first).to_have_value(short_url)
    assert Link.objects.get().check_password("open sesame")

    page.goto(short_url)
    expect(page.get_by_role("heading", level=1)).to_have_text("This link is protected")
    page.get_by_label("Password").fill("wrong guess")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("alert")).to_have_text(
        "The password is not correct. Please try again."
    )
    expect(page).to_have_url(short_url)

    page.get_by_label("Password").fill("open sesame")
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(destination)

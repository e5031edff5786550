"""A campaign from the dashboard to its rotator: create, add a link, copy, visit."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from campaigns.models import Campaign
from tests.factories import PASSWORD, LinkFactory, UserFactory

pytestmark = pytest.mark.browser


def test_a_campaign_made_in_the_dashboard_rotates_to_its_link(
    page: Page, live_server, settings, transactional_db
):
    # Short links and the rotator live on the live server; the destination is
    # the same server under another name.
    settings.SITE_URL = live_server.url
    port = urlsplit(live_server.url).port
    destination = f"http://127.0.0.1:{port}/developers"
    owner = UserFactory(username="owner")
    link = LinkFactory(owner=owner, alias="docs", long_url=destination)

    page.goto("/user/login")
    page.get_by_label("Username").fill("owner")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/user$"))

    page.get_by_role("link", name="Campaigns").click()
    expect(page.get_by_role("heading", name="You have no campaign yet")).to_be_visible()
    page.get_by_label("Name").fill("Launch")
    page.get_by_label("Rotator slug").fill("Launch Day")
    page.get_by_label("Public").check()
    page.get_by_role("button", name="Add the campaign").click()

    campaign = Campaign.objects.get()
    expect(page).to_have_url(re.compile(rf"/user/campaigns/{campaign.pk}$"))
    rotator = f"{live_server.url}/r/launch-day"
    expect(page.get_by_label("Rotator URL")).to_have_value(rotator)

    page.get_by_label("Link:", exact=True).select_option(str(link.pk))
    page.get_by_role("button", name="Add the link").click()
    expect(page.locator(".messages")).to_contain_text(f"{link.short_url} is now")
    expect(page.get_by_label(f"Weight of {link.short_url}")).to_have_value("1")

    page.get_by_role("button", name="Copy").click()
    expect(page.get_by_role("status").filter(has_text="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == rotator

    page.goto(rotator)
    expect(page).to_have_url(destination)
    campaign.refresh_from_db()
    assert campaign.views == 1

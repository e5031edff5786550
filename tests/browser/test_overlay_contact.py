"""A contact overlay: a visitor writes to the owner, who reads it in the dashboard."""

import re

import pytest
from playwright.sync_api import Page, expect

from overlays.models import ContactMessage, Overlay
from tests.factories import PASSWORD, LinkFactory, UserFactory

pytestmark = pytest.mark.browser


def test_a_visitors_message_reaches_the_owners_dashboard(
    page: Page, live_server, transactional_db
):
    owner = UserFactory(username="owner")
    overlay = Overlay.objects.create(
        owner=owner,
        kind="contact",
        name="Contact Page",
        settings={"heading": "Questions? Write to us", "email": ""},
    )
    LinkFactory(
        owner=owner,
        alias="talk",
        long_url=f"{live_server.url}/developers",
        redirect_type=overlay.link_type,
    )

    page.goto("/talk")
    expect(page.locator("iframe.overlay-frame")).to_have_attribute(
        "src", f"{live_server.url}/developers"
    )
    widget = page.locator("[data-cta]")
    expect(widget.get_by_text("Questions? Write to us")).to_be_visible()
    widget.get_by_label("Name").fill("Ada")
    widget.get_by_label("E-mail").fill("ada@example.org")
    widget.get_by_label("Message").fill("Do you ship to Lyon?")
    widget.get_by_role("button", name="Send").click()
    expect(page.get_by_text("Thank you, your message has been sent.")).to_be_visible()
    assert ContactMessage.objects.get().message == "Do you ship to Lyon?"

    page.goto("/user/login")
    page.get_by_label("Username").fill("owner")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/user$"))
    page.goto("/user/overlay")
    page.get_by_role("link", name="Contact Page").click()
    expect(page.get_by_text("Do you ship to Lyon?")).to_be_visible()
    expect(page.get_by_text("ada@example.org")).to_be_visible()

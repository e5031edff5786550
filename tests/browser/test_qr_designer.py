"""qr.js: a link code designed with a live preview, saved, then downloaded."""

import re

import pytest
from playwright.sync_api import Page, expect

from qrcodes.models import QRCode
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.browser

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def log_in(page: Page) -> None:
    UserFactory(username="owner")
    page.goto("/user/login")
    page.get_by_label("Username").fill("owner")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/user$"))


def test_a_link_code_is_designed_saved_and_downloaded(
    page: Page, live_server, transactional_db, settings, tmp_path
):
    settings.SITE_URL = live_server.url  # the images' addresses
    log_in(page)
    page.goto("/user/qr/new")
    page.get_by_label("Type:", exact=True).select_option("link")
    expect(page.locator('fieldset[data-qr-kind="wifi"]')).to_be_hidden()
    page.get_by_label("Destination URL").fill("https://example.com/menu")
    page.get_by_label("Name:", exact=True).fill("Menu")
    preview = page.get_by_alt_text("Preview of the QR code")
    expect(preview).to_be_visible()
    expect(preview).to_have_attribute("src", re.compile(r"^blob:"))
    assert preview.evaluate("image => image.complete && image.naturalWidth") > 0

    page.get_by_label("Destination URL").fill("not a url")
    expect(page.locator("[data-preview-status]")).to_have_text(
        "Please enter a valid url."
    )
    page.get_by_label("Destination URL").fill("https://example.com/menu")
    page.get_by_role("button", name="Create the QR code").click()
    expect(page).to_have_url(re.compile(r"/user/qr$"))
    expect(page.get_by_text("Your QR code Menu is ready.")).to_be_visible()
    qr = QRCode.objects.get()
    assert (qr.kind, qr.data) == ("link", "https://example.com/menu")

    page.get_by_role("link", name="Menu", exact=True).click()
    expect(page.get_by_role("heading", name="Menu")).to_be_visible()
    with page.expect_download() as info:
        page.get_by_role("link", name="PNG 600 px").click()
    target = tmp_path / "menu.png"
    info.value.save_as(target)
    assert target.read_bytes().startswith(PNG_SIGNATURE)

"""files.js: a file dropped on the form, uploaded in the background, downloaded."""

import re

import pytest
from playwright.sync_api import Page, expect

from files.models import SharedFile
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.browser

BODY = "Quarterly numbers\n" * 2000


def log_in(page: Page) -> None:
    UserFactory(username="owner")
    page.goto("/user/login")
    page.get_by_label("Username").fill("owner")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/user$"))


def test_a_dropped_file_is_uploaded_and_downloads_as_it_was(
    page: Page, live_server, transactional_db, tmp_path
):
    log_in(page)
    page.goto("/user/files")
    expect(page.get_by_text("or drop a file here")).to_be_visible()
    page.locator("[data-drop-zone]").evaluate(
        """(zone, body) => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([body], "report.txt", {type: "text/plain"}));
            zone.dispatchEvent(new DragEvent("drop", {dataTransfer: transfer}));
        }""",
        BODY,
    )
    expect(page.locator("[data-status]")).to_have_text("report.txt")
    page.get_by_role("button", name="Upload").click()
    expect(page).to_have_url(re.compile(r"/user/files$"))
    expect(page.get_by_text("Your file is shared")).to_be_visible()
    shared = SharedFile.objects.get()
    assert shared.size == len(BODY)

    page.goto(f"/{shared.link.alias}")
    expect(page.get_by_role("heading", name="report.txt")).to_be_visible()
    with page.expect_download() as info:
        page.get_by_role("link", name="Download").click()
    download = info.value
    assert download.suggested_filename == "report.txt"
    target = tmp_path / "saved.txt"
    download.save_as(target)
    assert target.read_text() == BODY


def test_a_refused_upload_says_why_without_leaving_the_page(
    page: Page, live_server, transactional_db
):
    log_in(page)
    page.goto("/user/files")
    page.locator("#id_file").set_input_files(
        files=[{"name": "setup.exe", "mimeType": "application/x-msdownload",
                "buffer": b"MZ\x90\x00"}]
    )  # fmt: skip
    page.get_by_role("button", name="Upload").click()
    expect(page.get_by_role("alert")).to_have_text(
        "Linking to executable files is not allowed."
    )
    expect(page).to_have_url(re.compile(r"/user/files$"))
    assert not SharedFile.objects.exists()

import re

import pytest
from playwright.sync_api import Page, expect

from accounts.models import User

pytestmark = pytest.mark.browser

KEY = re.compile(r"[0-9a-f]{32}")


def log_in(page: Page, username: str, password: str) -> None:
    page.goto("/user/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/user$"))


def test_sign_up_copy_and_regenerate_the_api_key(page: Page, live_server):
    page.goto("/")
    page.get_by_role("link", name="Sign up").first.click()
    expect(page).to_have_url(re.compile(r"/user/register$"))
    page.get_by_label("Username").fill("browser-user")
    page.get_by_label("Email address").fill("browser@example.com")
    page.get_by_label("Password:", exact=True).fill("s3cret-pass")
    page.get_by_label("Password confirmation").fill("s3cret-pass")
    page.get_by_role("button", name="Sign up").click()
    expect(page).to_have_url(re.compile(r"/user$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, browser-user")

    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/user/login$"))
    expect(page.locator(".messages")).to_have_text("You have been logged out.")

    log_in(page, "browser-user", "s3cret-pass")
    page.get_by_role("navigation").get_by_role("link", name="API key").click()
    expect(page).to_have_url(re.compile(r"/user/settings/api$"))
    key_input = page.get_by_label("API key", exact=True)
    first_key = key_input.input_value()
    assert KEY.fullmatch(first_key)
    assert User.objects.get(username="browser-user").api_key == first_key

    page.get_by_role("button", name="Copy").click()
    expect(page.locator("#copy-status")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()") == first_key

    dialogs: list[str] = []

    def accept(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.accept()

    page.once("dialog", accept)
    page.get_by_role("button", name="Regenerate API key").click()
    expect(page.locator(".messages")).to_contain_text("A new API key was created.")
    assert dialogs == [
        "Replace your API key? Scripts using the current key will stop working."
    ]
    second_key = key_input.input_value()
    assert KEY.fullmatch(second_key)
    assert second_key != first_key
    assert User.objects.get(username="browser-user").api_key == second_key


def test_dismissing_the_confirmation_keeps_the_key(page: Page, live_server):
    User.objects.create_user("keeper", "keeper@example.com", "s3cret-pass")
    log_in(page, "keeper", "s3cret-pass")
    page.goto("/user/settings/api")
    key = page.get_by_label("API key", exact=True).input_value()

    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Regenerate API key").click()

    expect(page.get_by_label("API key", exact=True)).to_have_value(key)
    assert User.objects.get(username="keeper").api_key == key

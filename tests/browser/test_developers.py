import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_switch_the_sample_language_and_copy_a_sample(page: Page, live_server):
    page.goto("/developers")
    expect(page.get_by_role("heading", level=1)).to_have_text("Developer API Reference")
    shorten = page.locator("#url-add-post")
    curl_tab = shorten.get_by_role("tab", name="cURL")
    expect(curl_tab).to_have_attribute("aria-selected", "true")
    expect(shorten.locator("#code-url-add-post-curl")).to_be_visible()
    expect(shorten.locator("#code-url-add-post-python")).to_be_hidden()

    shorten.get_by_role("tab", name="Python").click()
    python = shorten.locator("#code-url-add-post-python")
    expect(python).to_be_visible()
    expect(shorten.locator("#code-url-add-post-curl")).to_be_hidden()
    # One choice for the whole page, kept for the next visit.
    expect(page.locator("#code-auth-python")).to_be_visible()

    shorten.get_by_role("tabpanel").get_by_role("button", name="Copy").click()
    expect(shorten.locator("#status-url-add-post")).to_have_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == python.text_content()
    assert copied.startswith("import requests\n")
    assert "Bearer YOURAPIKEY" in copied

    page.reload()
    expect(page.locator("#code-url-add-post-python")).to_be_visible()
    page.locator("#url-add-post").get_by_role("tab", name="C#").press("ArrowLeft")
    expect(page.locator("#code-url-add-post-python")).to_be_visible()
    expect(
        page.locator("#url-add-post").get_by_role("tab", name="Python")
    ).to_be_focused()

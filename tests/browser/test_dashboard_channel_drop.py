"""channels.js: a link row dragged onto a channel chip is filed in that channel;
the row's "Add to channel" form does the same with the keyboard."""

import re

import pytest
from playwright.sync_api import Page, expect

from channels.models import Channel, ChannelItem
from shortener.models import Link
from tests.factories import PASSWORD, LinkFactory, UserFactory

pytestmark = pytest.mark.browser


def log_in(page: Page):
    owner = UserFactory(username="owner")
    page.goto("/user/login")
    page.get_by_label("Username").fill("owner")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/user$"))
    return owner


def test_a_link_row_dragged_onto_a_channel_is_filed_there(
    page: Page, live_server, transactional_db
):
    owner = log_in(page)
    link = LinkFactory(owner=owner, alias="spring", long_url="https://example.com/a")
    LinkFactory(owner=owner, alias="autumn", long_url="https://example.com/b")
    channel = Channel.objects.create(owner=owner, name="Campaign", color="#c81e1e")

    page.goto("/user/links")
    row = page.locator(f'tr[data-drag-item="{link.pk}"]')
    chip = page.locator(f'.channel-chip[data-channel-id="{channel.pk}"]')
    row.drag_to(chip)

    expect(page.locator("[data-drop-status]")).to_have_text(
        "The link has been added to the channel Campaign."
    )
    expect(row.locator(".channel-badge")).to_have_text("Campaign")
    assert list(
        ChannelItem.objects.values_list("channel_id", "item_type", "object_id")
    ) == [(channel.pk, "links", link.pk)]

    # Dropped again: said, not an error, nothing added.
    row.drag_to(chip)
    expect(page.locator("[data-drop-status]")).to_have_text(
        "This link is already in the channel Campaign."
    )
    expect(row.locator(".channel-badge")).to_have_count(1)

    page.goto(f"/user/channels/{channel.pk}")
    items = page.get_by_role("table")
    expect(items).to_contain_text("http://127.0.0.1:8000/spring")
    expect(items).not_to_contain_text("autumn")

    page.goto(f"/user/links?channel={channel.pk}")
    expect(page.locator("tbody tr")).to_have_count(1)
    expect(page.locator("tbody")).to_contain_text("spring")


def test_the_row_form_files_an_item_without_dragging(
    page: Page, live_server, transactional_db
):
    owner = log_in(page)
    link = LinkFactory(owner=owner, alias="winter")
    channel = Channel.objects.create(owner=owner, name="Archive", color="#1e40c8")

    page.goto("/user/links?sort=clicks")
    row = page.locator(f'tr[data-drag-item="{link.pk}"]')
    row.get_by_text("Add to channel").click()
    row.get_by_label("Channel", exact=True).select_option(label="Archive")
    row.get_by_role("button", name="Add", exact=True).press("Enter")

    expect(page).to_have_url(re.compile(r"/user/links\?sort=clicks$"))
    expect(
        page.get_by_text("The link has been added to the channel Archive.")
    ).to_be_visible()
    expect(row.locator(".channel-badge")).to_have_text("Archive")
    assert ChannelItem.objects.get().object_id == link.pk
    assert Link.objects.count() == 1
    assert channel.items.count() == 1

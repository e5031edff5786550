"""/user/channels: list, add, edit, star, items, delete; /user/links?channel=
(D44, D25)."""

import pytest
from django.contrib.messages import get_messages

from channels.models import Channel, ChannelItem
from qrcodes.services import create_qr
from shortener.models import Link
from tests.channels.factories import ChannelFactory, file_item
from tests.factories import LinkFactory

LIST = "/user/channels"


def flashed(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_the_list_shows_only_the_users_channels(owner_client, owner, stranger):
    mine = ChannelFactory(owner=owner, name="Mine", color="#abcdef")
    file_item(mine, LinkFactory(owner=owner))
    ChannelFactory(owner=stranger, name="Theirs")

    response = owner_client.get(LIST)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Mine" in html
    assert "Theirs" not in html
    assert "background-color: #abcdef" in html
    assert '<td class="numeric">1</td>' in html
    assert f'href="{LIST}" aria-current="page">Channels</a>' in html


@pytest.mark.parametrize(
    "url",
    [LIST, "/user/channels/1", "/user/channels/1/edit", "/user/channels/1/delete"],
)
def test_the_pages_need_a_sign_in(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert "/login" in response["Location"]


def test_a_channel_is_added(owner_client, owner, page_form):
    values = page_form(LIST)
    assert values["color"].startswith("#")
    values.update(name="Acme", description="For Acme", color="#ff0000", starred="on")

    response = owner_client.post(LIST, values, follow=True)

    channel = Channel.objects.get()
    assert (channel.owner, channel.name, channel.description) == (
        owner,
        "Acme",
        "For Acme",
    )
    assert (channel.color, channel.starred) == ("#ff0000", True)
    assert flashed(response) == ["The channel Acme has been added."]


def test_refusals_show_the_contracts_message(owner_client, owner):
    ChannelFactory(owner=owner, name="Taken")

    for body, message in [
        ({"name": "x"}, "Channel name cannot be empty and must have at least 2 "
         "characters."),
        ({"name": "taken"}, "You already have a channel with this name."),
        ({"name": "Fine", "color": "red"}, "The color must be a hex code such as "
         "#000000."),
    ]:  # fmt: skip
        response = owner_client.post(LIST, body)
        assert response.status_code == 200
        assert message in response.content.decode()
    assert Channel.objects.count() == 1


def test_a_channel_is_edited(owner_client, owner, page_form):
    channel = ChannelFactory(owner=owner, name="Old", color="#112233")
    url = f"/user/channels/{channel.pk}/edit"
    values = page_form(url)
    assert (values["name"], values["color"]) == ("Old", "#112233")

    values.update(name="New", color="#445566")
    response = owner_client.post(url, values, follow=True)

    channel.refresh_from_db()
    assert (channel.name, channel.color) == ("New", "#445566")
    assert flashed(response) == ["The channel New has been updated."]


def test_a_refused_edit_changes_nothing(owner_client, owner):
    ChannelFactory(owner=owner, name="Taken")
    channel = ChannelFactory(owner=owner, name="Mine")

    response = owner_client.post(
        f"/user/channels/{channel.pk}/edit", {"name": "Taken", "color": "#000000"}
    )

    assert "You already have a channel with this name." in response.content.decode()
    channel.refresh_from_db()
    assert (channel.name, channel.color) == ("Mine", "#112233")


def test_star_and_unstar(owner_client, owner):
    channel = ChannelFactory(owner=owner)

    response = owner_client.post(f"/user/channels/{channel.pk}/star")
    channel.refresh_from_db()
    assert channel.starred is True
    assert response["Location"] == LIST

    response = owner_client.post(
        f"/user/channels/{channel.pk}/star", {"next": "detail"}
    )
    channel.refresh_from_db()
    assert channel.starred is False
    assert response["Location"] == f"/user/channels/{channel.pk}"


def test_the_channel_page_lists_items_and_offers_the_others(
    owner_client, owner, stranger
):
    channel = ChannelFactory(owner=owner)
    inside = LinkFactory(owner=owner, meta_title="Inside link")
    outside = LinkFactory(owner=owner)
    theirs = LinkFactory(owner=stranger)
    qr = create_qr(owner=owner, kind="text", data="Hi", name="Poster QR")
    file_item(channel, inside)

    html = owner_client.get(f"/user/channels/{channel.pk}").content.decode()

    assert "Inside link" in html
    assert f'<option value="{outside.pk}">{outside.short_url}' in html
    assert f'<option value="{inside.pk}">{inside.short_url}' not in html
    assert theirs.short_url not in html
    assert f'<option value="{qr.pk}">Poster QR</option>' in html
    assert f'href="/user/links?channel={channel.pk}"' in html


def test_a_link_and_a_qr_code_are_added_and_removed(owner_client, owner):
    channel = ChannelFactory(owner=owner)
    link = LinkFactory(owner=owner)
    qr = create_qr(owner=owner, kind="text", data="Hi")

    owner_client.post(
        f"/user/channels/{channel.pk}/add/links", {"links-item": link.pk}, follow=True
    )
    response = owner_client.post(
        f"/user/channels/{channel.pk}/add/qr", {"qr-item": qr.pk}, follow=True
    )

    assert set(ChannelItem.objects.values_list("item_type", "object_id")) == {
        ("links", link.pk),
        ("qr", qr.pk),
    }
    assert flashed(response) == ["The item has been added to the channel."]

    owner_client.post(f"/user/channels/{channel.pk}/remove/links/{link.pk}")
    assert list(ChannelItem.objects.values_list("item_type", flat=True)) == ["qr"]
    assert Link.objects.filter(pk=link.pk).exists()


def test_other_users_items_or_unknown_types_cannot_be_added(
    owner_client, owner, stranger
):
    channel = ChannelFactory(owner=owner)
    theirs = LinkFactory(owner=stranger)
    mine = LinkFactory(owner=owner)

    response = owner_client.post(
        f"/user/channels/{channel.pk}/add/links", {"links-item": theirs.pk}, follow=True
    )
    assert flashed(response) == ["Choose one of your items that is not here yet."]
    unknown = owner_client.post(
        f"/user/channels/{channel.pk}/add/files", {"files-item": mine.pk}
    )
    assert unknown.status_code == 404
    assert not ChannelItem.objects.exists()


def test_a_channel_is_deleted_and_its_items_kept(owner_client, owner):
    channel = ChannelFactory(owner=owner)
    link = LinkFactory(owner=owner)
    file_item(channel, link)
    url = f"/user/channels/{channel.pk}/delete"

    assert "Its 1 item is kept" in owner_client.get(url).content.decode()
    response = owner_client.post(url, follow=True)

    assert not Channel.objects.exists()
    assert not ChannelItem.objects.exists()
    assert Link.objects.filter(pk=link.pk).exists()
    assert response.redirect_chain[-1][0] == LIST


def test_other_users_channels_are_not_found(owner_client, stranger):
    theirs = ChannelFactory(owner=stranger)
    link = LinkFactory(owner=stranger)
    file_item(theirs, link)
    pk = theirs.pk

    for method, url in [
        ("get", f"/user/channels/{pk}"),
        ("get", f"/user/channels/{pk}/edit"),
        ("post", f"/user/channels/{pk}/edit"),
        ("post", f"/user/channels/{pk}/star"),
        ("post", f"/user/channels/{pk}/add/links"),
        ("post", f"/user/channels/{pk}/remove/links/{link.pk}"),
        ("get", f"/user/channels/{pk}/delete"),
        ("post", f"/user/channels/{pk}/delete"),
        ("get", f"/user/links?channel={pk}"),
        ("get", "/user/links?channel=abc"),
    ]:
        assert getattr(owner_client, method)(url).status_code == 404, url
    theirs.refresh_from_db()
    assert theirs.starred is False
    assert ChannelItem.objects.count() == 1


def test_the_links_list_filters_by_channel(owner_client, owner):
    channel = ChannelFactory(owner=owner, name="Acme")
    inside = LinkFactory(owner=owner, alias="inside")
    LinkFactory(owner=owner, alias="outside")
    file_item(channel, inside)

    html = owner_client.get(f"/user/links?channel={channel.pk}").content.decode()

    assert "/inside" in html
    assert "/outside" not in html
    assert "in the channel Acme" in html
    assert f'<option value="{channel.pk}" selected>Acme</option>' in html


def test_an_empty_channel_filter_says_so(owner_client, owner):
    channel = ChannelFactory(owner=owner)
    LinkFactory(owner=owner)

    html = owner_client.get(f"/user/links?channel={channel.pk}").content.decode()

    assert "No link is in this channel." in html

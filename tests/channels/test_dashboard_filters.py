"""/user/links, /user/qr and /user/bio narrowed to a channel with ?channel=<id>,
with each row's channels as coloured badges and the channels as drop targets."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bio.models import BioPage
from channels.lists import ChannelFiling
from channels.services import items_in_channel
from qrcodes.models import QRCode
from qrcodes.services import create_qr
from shortener.models import Link
from tests.bio.factories import BioPageFactory
from tests.channels.factories import ChannelFactory, file_item
from tests.factories import LinkFactory


def make_link(owner, name):
    return LinkFactory(owner=owner, alias=name)


def make_qr(owner, name):
    return create_qr(owner=owner, kind="text", data="Hi", name=name)


def make_bio(owner, name):
    return BioPageFactory(owner=owner, name=name, link__alias=name)


# url, channel item type, how to make an item named `name`, how the row shows it
LISTS = {
    "links": ("/user/links", make_link, "/{name}"),
    "qr": ("/user/qr", make_qr, ">{name}</a>"),
    "bio": ("/user/bio", make_bio, ">{name}</a>"),
}
TYPES = list(LISTS)


def badge(channel) -> str:
    return (
        f'<a class="badge channel-badge" href="/user/channels/{channel.pk}" '
        f'data-channel-id="{channel.pk}"><span class="swatch" '
        f'style="background-color: {channel.color}" aria-hidden="true"></span>'
        f"{channel.name}</a>"
    )


@pytest.mark.parametrize("type_name", TYPES)
def test_the_list_shows_only_the_channels_items(owner_client, owner, type_name):
    url, make, shown = LISTS[type_name]
    channel = ChannelFactory(owner=owner, name="Acme")
    other = ChannelFactory(owner=owner, name="Other")
    inside = make(owner, "inside")
    elsewhere = make(owner, "elsewhere")
    make(owner, "nowhere")
    file_item(channel, inside, type_name)
    file_item(other, elsewhere, type_name)

    response = owner_client.get(f"{url}?channel={channel.pk}")

    assert response.status_code == 200
    html = response.content.decode()
    assert shown.format(name="inside") in html
    assert shown.format(name="elsewhere") not in html
    assert shown.format(name="nowhere") not in html
    assert "in the channel Acme" in html
    assert f'<option value="{channel.pk}" selected>Acme</option>' in html
    assert f'<option value="{other.pk}">Other</option>' in html
    assert response.context["channel"] == channel


@pytest.mark.parametrize("type_name", TYPES)
def test_without_a_filter_every_item_is_listed(owner_client, owner, type_name):
    url, make, shown = LISTS[type_name]
    channel = ChannelFactory(owner=owner, name="Acme")
    filed = make(owner, "filed")
    make(owner, "loose")
    file_item(channel, filed, type_name)

    html = owner_client.get(url).content.decode()

    assert shown.format(name="filed") in html
    assert shown.format(name="loose") in html
    assert "in the channel" not in html
    assert '<option value="" selected>' not in html  # "All channels" is the default
    assert f'<option value="{channel.pk}">Acme</option>' in html


@pytest.mark.parametrize("type_name", TYPES)
def test_a_channel_without_such_items_says_so(owner_client, owner, type_name):
    url, make, _ = LISTS[type_name]
    channel = ChannelFactory(owner=owner)
    make(owner, "loose")

    html = owner_client.get(f"{url}?channel={channel.pk}").content.decode()

    empty = {
        "links": "No link is in this channel.",
        "qr": "No QR code is in this channel.",
        "bio": "No bio page is in this channel.",
    }[type_name]
    assert empty in html


@pytest.mark.parametrize("type_name", TYPES)
def test_foreign_or_unknown_channels_are_not_found(
    owner_client, owner, stranger, type_name
):
    url, make, _ = LISTS[type_name]
    theirs = ChannelFactory(owner=stranger)
    their_item = make(stranger, "theirs")
    file_item(theirs, their_item, type_name)
    make(owner, "mine")

    for value in (theirs.pk, theirs.pk + 1000, "abc", "-1", "1.5"):
        response = owner_client.get(f"{url}?channel={value}")
        assert response.status_code == 404, value


@pytest.mark.parametrize("type_name", TYPES)
def test_an_empty_channel_parameter_lists_everything(owner_client, owner, type_name):
    url, make, shown = LISTS[type_name]
    ChannelFactory(owner=owner)
    make(owner, "mine")

    response = owner_client.get(f"{url}?channel=")

    assert response.status_code == 200
    assert shown.format(name="mine") in response.content.decode()


@pytest.mark.parametrize("type_name", TYPES)
def test_rows_show_their_channels_as_coloured_badges(
    owner_client, owner, stranger, type_name
):
    url, make, _ = LISTS[type_name]
    starred = ChannelFactory(owner=owner, name="Zebra", color="#ff0000", starred=True)
    plain = ChannelFactory(owner=owner, name="Apple", color="#00ff00")
    unused = ChannelFactory(owner=owner, name="Unused", color="#0000ff")
    item = make(owner, "both")
    file_item(plain, item, type_name)
    file_item(starred, item, type_name)

    html = owner_client.get(url).content.decode()

    # Starred channels first, then by name, as in the channel menu.
    assert badge(starred) + "</li><li>" + badge(plain) in html
    assert badge(unused) not in html
    assert f'href="/user/channels/{unused.pk}"' not in html


@pytest.mark.parametrize("type_name", TYPES)
def test_the_channels_are_drop_targets_and_rows_draggable(
    owner_client, owner, type_name
):
    url, make, _ = LISTS[type_name]
    channel = ChannelFactory(owner=owner, name="Acme", color="#abcdef")
    item = make(owner, "mine")

    response = owner_client.get(url)

    html = response.content.decode()
    assert f'data-item-type="{type_name}"' in html
    assert f'data-csrf-token="{response.context["csrf_token"]}"' in html
    assert f'data-drop-url="/user/channels/{channel.pk}/items"' in html
    assert f'href="{url}?channel={channel.pk}"' in html
    assert 'style="background-color: #abcdef"' in html
    assert f'draggable="true" data-drag-item="{item.pk}"' in html
    assert "/static/js/channels.js" in html
    assert "<script>" not in html  # the script is our static file, not inline
    # The keyboard and no-script way: a form per row, posting to the endpoint.
    assert 'action="/user/channels/items"' in html
    assert f'<input type="hidden" name="type" value="{type_name}">' in html
    assert f'<input type="hidden" name="id" value="{item.pk}">' in html


@pytest.mark.parametrize("type_name", TYPES)
def test_without_channels_there_is_nothing_to_drop_on(owner_client, owner, type_name):
    url, make, _ = LISTS[type_name]
    make(owner, "mine")

    html = owner_client.get(url).content.decode()

    assert "data-channel-drop" not in html
    assert "draggable" not in html
    assert "/user/channels/items" not in html


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("type_name", TYPES)
@pytest.mark.parametrize("filtered", [False, True])
def test_the_query_count_does_not_grow_with_rows(
    owner_client, owner, type_name, filtered
):
    url, make, _ = LISTS[type_name]
    channels = [ChannelFactory(owner=owner) for _ in range(3)]
    if filtered:
        url = f"{url}?channel={channels[0].pk}"

    def add_items(start, count):
        for n in range(start, start + count):
            item = make(owner, f"item{n}")
            for channel in channels:
                file_item(channel, item, type_name)

    add_items(0, 1)
    few = queries_for(owner_client, url)
    add_items(1, 6)
    many = queries_for(owner_client, url)

    assert many == few
    html = owner_client.get(url).content.decode()
    assert html.count('class="badge channel-badge"') == 7 * 3


def test_items_in_channel_narrows_each_registered_type(owner):
    channel = ChannelFactory(owner=owner)
    link, qr, page = make_link(owner, "l"), make_qr(owner, "q"), make_bio(owner, "b")
    for n in range(3):  # unfiled items, with ids that other types' filed ones share
        make_link(owner, f"link{n}"), make_qr(owner, f"code{n}")
        make_bio(owner, f"page{n}")
    for item, type_name in ((link, "links"), (qr, "qr"), (page, "bio")):
        file_item(channel, item, type_name)

    for queryset, expected in (
        (Link.objects.plain().filter(owner=owner), link),
        (QRCode.objects.filter(owner=owner), qr),
        (BioPage.objects.filter(owner=owner), page),
    ):
        found, narrowed = items_in_channel(queryset, owner=owner, pk=str(channel.pk))
        assert found == channel
        assert list(narrowed) == [expected]


def test_items_in_channel_refuses_a_type_that_is_not_registered(owner):
    from django.http import Http404

    from channels.models import Channel

    channel = ChannelFactory(owner=owner)
    with pytest.raises(ValueError, match="not a channel item type"):
        items_in_channel(Channel.objects.all(), owner=owner, pk=channel.pk)
    with pytest.raises(Http404):
        items_in_channel(Link.objects.all(), owner=owner, pk="0")


def test_the_filing_labels_rows_with_one_query(rf, owner):
    channel = ChannelFactory(owner=owner)
    links = [make_link(owner, f"l{n}") for n in range(4)]
    for link in links[:2]:
        file_item(channel, link, "links")
    request = rf.get("/user/links")
    request.user = owner
    filing = ChannelFiling(request, Link.objects.filter(owner=owner))

    with CaptureQueriesContext(connection) as queries:
        labelled = filing.label(links)

    assert len(queries) == 1
    assert [item.channel_badges for item in labelled] == [[channel], [channel], [], []]

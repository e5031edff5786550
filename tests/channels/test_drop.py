"""POST /user/channels/<id>/items (and /user/channels/items with the channel in
the body): file one of the user's links, QR codes or bio pages in a channel,
for the lists' drag and drop (JSON) and their "Add to channel" forms."""

import json

import pytest
from django.contrib.messages import get_messages
from django.test import Client

from channels.models import ChannelItem
from qrcodes.services import create_qr
from tests.bio.factories import BioPageFactory
from tests.channels.factories import ChannelFactory, file_item
from tests.factories import LinkFactory
from tests.limits.conftest import (
    PAGE_NO_FEATURE,
    on_plan,
    paid,  # noqa: F401  (paid plans on)
)

JSON = {"HTTP_ACCEPT": "application/json"}


def flashed(response) -> list[tuple[str, str]]:
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


def make_item(owner, type_name):
    if type_name == "links":
        return LinkFactory(owner=owner)
    if type_name == "qr":
        return create_qr(owner=owner, kind="text", data="Hi", name="Poster")
    return BioPageFactory(owner=owner)


KIND = {"links": "link", "qr": "QR code", "bio": "bio page"}


def filed() -> list[tuple[int, str, int]]:
    return list(
        ChannelItem.objects.order_by("id").values_list(
            "channel_id", "item_type", "object_id"
        )
    )


@pytest.fixture
def channel(owner):
    return ChannelFactory(owner=owner, name="Acme", color="#123abc")


@pytest.mark.parametrize("type_name", ["links", "qr", "bio"])
def test_a_dropped_item_is_filed_and_answered_in_json(
    owner_client, owner, channel, type_name
):
    item = make_item(owner, type_name)

    response = owner_client.post(
        f"/user/channels/{channel.pk}/items", {"type": type_name, "id": item.pk}, **JSON
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "error": 0,
        "message": f"The {KIND[type_name]} has been added to the channel Acme.",
        "channel": {
            "id": channel.pk,
            "name": "Acme",
            "color": "#123abc",
            "url": f"/user/channels/{channel.pk}",
        },
    }
    assert filed() == [(channel.pk, type_name, item.pk)]
    assert flashed(response) == []  # the page shows the answer itself


def test_filing_twice_says_so_and_changes_nothing(owner_client, owner, channel):
    link = LinkFactory(owner=owner)
    file_item(channel, link)
    before = filed()

    response = owner_client.post(
        f"/user/channels/{channel.pk}/items", {"type": "links", "id": link.pk}, **JSON
    )

    assert response.status_code == 409
    body = response.json()
    assert body["error"] == 1
    assert body["message"] == "This link is already in the channel Acme."
    assert body["channel"]["id"] == channel.pk
    assert filed() == before


def test_the_form_files_the_item_and_goes_back_to_the_list(
    owner_client, owner, channel
):
    qr = create_qr(owner=owner, kind="text", data="Hi")

    response = owner_client.post(
        "/user/channels/items",
        {
            "channel": channel.pk,
            "type": "qr",
            "id": qr.pk,
            "next": "/user/qr?q=Hi&page=1",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == "/user/qr?q=Hi&page=1"
    assert flashed(response) == [
        ("success", "The QR code has been added to the channel Acme.")
    ]
    assert filed() == [(channel.pk, "qr", qr.pk)]


def test_the_form_for_a_filed_item_shows_a_message_not_an_error_page(
    owner_client, owner, channel
):
    link = LinkFactory(owner=owner)
    file_item(channel, link)

    response = owner_client.post(
        "/user/channels/items",
        {"channel": channel.pk, "type": "links", "id": link.pk, "next": "/user/links"},
        follow=True,
    )

    assert response.status_code == 200
    assert response.redirect_chain == [("/user/links", 302)]
    assert "This link is already in the channel Acme." in response.content.decode()
    assert ChannelItem.objects.count() == 1


@pytest.mark.parametrize(
    "next_url", ["", "https://evil.example/", "//evil.example/x", "javascript:x"]
)
def test_the_form_goes_back_only_to_this_site(owner_client, owner, channel, next_url):
    link = LinkFactory(owner=owner)

    response = owner_client.post(
        f"/user/channels/{channel.pk}/items",
        {"type": "links", "id": link.pk, "next": next_url},
    )

    assert response.status_code == 302
    assert response["Location"] == f"/user/channels/{channel.pk}"
    assert filed() == [(channel.pk, "links", link.pk)]


@pytest.mark.parametrize("as_json", [True, False])
def test_another_users_channel_is_not_found(owner_client, owner, stranger, as_json):
    theirs = ChannelFactory(owner=stranger)
    link = LinkFactory(owner=owner)
    extra = JSON if as_json else {}

    by_path = owner_client.post(
        f"/user/channels/{theirs.pk}/items", {"type": "links", "id": link.pk}, **extra
    )
    by_body = owner_client.post(
        "/user/channels/items",
        {"channel": theirs.pk, "type": "links", "id": link.pk},
        **extra,
    )
    unknown = owner_client.post(
        "/user/channels/items",
        {"channel": "abc", "type": "links", "id": link.pk},
        **extra,
    )

    assert by_path.status_code == by_body.status_code == unknown.status_code == 404
    if as_json:
        missing = {"error": 1, "message": "Channel not found. Please try again."}
        assert by_path.json() == by_body.json() == unknown.json() == missing
    assert ChannelItem.objects.count() == 0


@pytest.mark.parametrize("type_name", ["links", "qr", "bio"])
def test_another_users_item_is_not_found(owner_client, stranger, channel, type_name):
    theirs = make_item(stranger, type_name)
    message = {
        "links": "Link does not exist. Please try again.",
        "qr": "QR Code does not exist. Please try again.",
        "bio": "Bio Page does not exist. Please try again.",
    }[type_name]
    url = f"/user/channels/{channel.pk}/items"

    as_json = owner_client.post(url, {"type": type_name, "id": theirs.pk}, **JSON)
    as_form = owner_client.post(url, {"type": type_name, "id": theirs.pk})

    assert as_json.status_code == 404
    assert as_json.json() == {"error": 1, "message": message}
    assert as_form.status_code == 404
    assert ChannelItem.objects.count() == 0


@pytest.mark.parametrize("raw_id", ["", "abc", "0", "999999", "-1"])
def test_a_missing_or_unknown_id_is_not_found(owner_client, channel, raw_id):
    response = owner_client.post(
        f"/user/channels/{channel.pk}/items", {"type": "links", "id": raw_id}, **JSON
    )

    assert response.status_code == 404
    assert ChannelItem.objects.count() == 0


def test_a_link_of_another_kind_is_not_a_links_item(owner_client, owner, channel):
    bio = BioPageFactory(owner=owner)  # its address is a Link of kind "bio"

    response = owner_client.post(
        f"/user/channels/{channel.pk}/items",
        {"type": "links", "id": bio.link.pk},
        **JSON,
    )

    assert response.status_code == 404
    assert ChannelItem.objects.count() == 0


@pytest.mark.parametrize("type_name", ["", "files", "campaigns", "LINKS", "link"])
def test_an_unknown_type_is_a_bad_request(owner_client, owner, channel, type_name):
    link = LinkFactory(owner=owner)
    url = f"/user/channels/{channel.pk}/items"

    as_json = owner_client.post(url, {"type": type_name, "id": link.pk}, **JSON)
    as_form = owner_client.post(url, {"type": type_name, "id": link.pk})

    assert as_json.status_code == 400
    assert as_json.json() == {
        "error": 1,
        "message": "This kind of item cannot be filed in a channel.",
    }
    assert as_form.status_code == 400
    assert as_form.content == b"This kind of item cannot be filed in a channel."
    assert ChannelItem.objects.count() == 0


@pytest.mark.usefixtures("paid")
def test_the_plan_must_include_channels(owner_client, owner, channel):
    on_plan(owner)  # channels not included
    link = LinkFactory(owner=owner)
    url = f"/user/channels/{channel.pk}/items"

    as_json = owner_client.post(url, {"type": "links", "id": link.pk}, **JSON)
    as_form = owner_client.post(
        url, {"type": "links", "id": link.pk, "next": "/user/links"}
    )

    assert as_json.status_code == 403
    assert as_json.json() == {
        "error": 1,
        "message": PAGE_NO_FEATURE,
    }
    assert as_form.status_code == 302
    assert as_form["Location"] == "/user/links"
    assert flashed(as_form) == [("error", PAGE_NO_FEATURE)]
    assert ChannelItem.objects.count() == 0


@pytest.mark.usefixtures("paid")
def test_a_plan_with_channels_may_file(owner_client, owner, channel):
    on_plan(owner, channels=0)
    link = LinkFactory(owner=owner)

    response = owner_client.post(
        f"/user/channels/{channel.pk}/items", {"type": "links", "id": link.pk}, **JSON
    )

    assert response.status_code == 200
    assert filed() == [(channel.pk, "links", link.pk)]


def test_csrf_is_enforced(owner, channel):
    link = LinkFactory(owner=owner)
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    url = f"/user/channels/{channel.pk}/items"

    refused = client.post(url, {"type": "links", "id": link.pk}, **JSON)

    assert refused.status_code == 403
    assert ChannelItem.objects.count() == 0

    page = client.get("/user/links")  # the token the script reads from the panel
    token = str(page.context["csrf_token"])
    assert f'data-csrf-token="{token}"' in page.content.decode()
    accepted = client.post(
        url, {"type": "links", "id": link.pk}, HTTP_X_CSRFTOKEN=token, **JSON
    )

    assert accepted.status_code == 200
    assert filed() == [(channel.pk, "links", link.pk)]


def test_only_signed_in_users_post(client, owner, channel):
    link = LinkFactory(owner=owner)

    response = client.post(
        f"/user/channels/{channel.pk}/items", {"type": "links", "id": link.pk}
    )

    assert response.status_code == 302
    assert "/user/login" in response["Location"]
    assert ChannelItem.objects.count() == 0


def test_only_post_is_allowed(owner_client, channel):
    assert owner_client.get(f"/user/channels/{channel.pk}/items").status_code == 405
    assert owner_client.get("/user/channels/items").status_code == 405


def test_json_is_the_answer_only_when_asked_for(owner_client, owner, channel):
    link = LinkFactory(owner=owner)

    response = owner_client.post(
        f"/user/channels/{channel.pk}/items",
        {"type": "links", "id": link.pk},
        HTTP_ACCEPT="text/html",
    )

    assert response.status_code == 302
    assert json.loads(json.dumps(filed())) == [[channel.pk, "links", link.pk]]

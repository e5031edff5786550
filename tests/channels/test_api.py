"""Channels through the API: list, items, add, assign, update, delete (§6, D2, D14,
D15, D18, D25, D31, D41)."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from channels.models import Channel, ChannelItem
from qrcodes.services import create_qr
from shortener.models import Link, LinkKind
from tests.channels.factories import ChannelFactory, file_item
from tests.factories import LinkFactory

ADD = "/api/channel/add"
NOT_FOUND = "Channel not found. Please try again."
NAME_INVALID = "Channel name cannot be empty and must have at least 2 characters."
BAD_BODY = "Invalid request or incorrect data format."
BAD_COLOR = "The color must be a hex code such as #000000."


def error(message: str, **extra) -> dict:
    return {"error": 1, "message": message, **extra}


# GET /api/channels


def test_list_shows_the_callers_channels_oldest_first(owner_api, owner, stranger):
    first = ChannelFactory(
        owner=owner, name="Channel 1", description="One", color="#000000",
        starred=True,
    )  # fmt: skip
    second = ChannelFactory(owner=owner, name="Channel 2", color="#FF0000")
    ChannelFactory(owner=stranger)

    response = owner_api.get("/api/channels")

    assert response.status_code == 200
    assert response.json() == {
        "error": 0,
        "data": {
            "result": 2,
            "perpage": 15,
            "currentpage": 1,
            "nextpage": None,
            "maxpage": 1,
            "channels": [
                {
                    "id": first.pk,
                    "name": "Channel 1",
                    "description": "One",
                    "color": "#000000",
                    "starred": True,
                },
                {
                    "id": second.pk,
                    "name": "Channel 2",
                    "description": "",
                    "color": "#FF0000",
                    "starred": False,
                },
            ],
        },
    }


def test_list_pages(owner_api, owner):
    channels = ChannelFactory.create_batch(3, owner=owner)

    data = owner_api.get("/api/channels?limit=2&page=2").json()["data"]

    assert (data["result"], data["perpage"], data["currentpage"]) == (3, 2, 2)
    assert (data["nextpage"], data["maxpage"]) == (None, 2)
    assert [c["id"] for c in data["channels"]] == [channels[2].pk]


# GET /api/channel/:id


def test_items_in_the_order_they_were_added(owner_api, owner):
    channel = ChannelFactory(owner=owner)
    link = LinkFactory(
        owner=owner, alias="google", long_url="https://google.com",
        meta_title="A very long title of more than thirty characters",
    )  # fmt: skip
    bare = LinkFactory(owner=owner, long_url="https://example.com/no-title")
    qr = create_qr(owner=owner, kind="text", data="Hello", name="My QR code")
    now = timezone.now()
    for n, (item, kind) in enumerate([(qr, "qr"), (link, "links"), (bare, "links")]):
        ChannelItem.objects.create(
            channel=channel,
            item_type=kind,
            object_id=item.pk,
            added=now + timedelta(seconds=n),
        )

    response = owner_api.get(f"/api/channel/{channel.pk}")

    assert response.status_code == 200
    data = response.json()["data"]
    assert (data["result"], data["maxpage"]) == (3, 1)
    assert data["items"] == [
        {
            "type": "qr",
            "id": qr.pk,
            "title": "My QR code",
            "preview": f"{settings.SITE_URL}/qr/{qr.alias}",
            "link": f"{settings.SITE_URL}/qr/{qr.alias}",
            "date": timezone.localtime(qr.created).strftime("%Y-%m-%d"),
        },
        {
            "type": "links",
            "id": link.pk,
            "title": "A very long title of more than",
            "preview": "https://google.com",
            "link": f"{settings.SITE_URL}/google",
            "date": timezone.localtime(link.created).strftime("%Y-%m-%d"),
        },
        {
            "type": "links",
            "id": bare.pk,
            "title": "https://example.com/no-title",
            "preview": "https://example.com/no-title",
            "link": bare.short_url,
            "date": timezone.localtime(bare.created).strftime("%Y-%m-%d"),
        },
    ]


def test_items_are_paginated(owner_api, owner):
    channel = ChannelFactory(owner=owner)
    links = LinkFactory.create_batch(5, owner=owner)
    for link in links:
        file_item(channel, link)

    data = owner_api.get(f"/api/channel/{channel.pk}?limit=2&page=3").json()["data"]

    assert {k: v for k, v in data.items() if k != "items"} == {
        "result": 5,
        "perpage": 2,
        "currentpage": 3,
        "nextpage": None,
        "maxpage": 3,
    }
    assert [item["id"] for item in data["items"]] == [links[4].pk]


def test_items_of_another_users_channel_are_not_found(owner_api, stranger):
    theirs = ChannelFactory(owner=stranger)

    for pk in (theirs.pk, 999999):
        response = owner_api.get(f"/api/channel/{pk}")
        assert response.status_code == 404
        assert response.json() == error(NOT_FOUND)


# POST /api/channel/add


def test_add_answers_as_documented(owner_api, owner):
    body = {
        "name": "New Channel",
        "description": "my new channel",
        "color": "#000000",
        "starred": True,
    }

    response = owner_api.post(ADD, body, format="json")

    channel = Channel.objects.get()
    assert response.status_code == 200
    assert response.json() == {"error": 0, "id": channel.pk, **body}
    assert (channel.owner, channel.name, channel.description) == (
        owner,
        "New Channel",
        "my new channel",
    )
    assert (channel.color, channel.starred) == ("#000000", True)


def test_add_defaults(owner_api):
    body = owner_api.post(ADD, {"name": "Plain"}, format="json").json()

    assert body["description"] == ""
    assert body["starred"] is False
    assert re.fullmatch(r"#[0-9a-f]{6}", body["color"])


def test_the_colour_is_cut_to_seven_characters(owner_api):
    owner_api.post(ADD, {"name": "Cut", "color": "#ABCDEF99"}, format="json")

    assert Channel.objects.get().color == "#ABCDEF"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, NAME_INVALID),
        ({"name": "a"}, NAME_INVALID),
        ({"name": "   "}, NAME_INVALID),
        ({"name": {"x": 1}}, BAD_BODY),
        ({"name": "Fine", "starred": "often"}, BAD_BODY),
        ({"name": "Fine", "color": "red"}, BAD_COLOR),
        ({"name": "Fine", "color": "#12345g"}, BAD_COLOR),
        ({"name": "Fine", "color": "#123"}, BAD_COLOR),
        ({"name": "Fine", "description": ["x"]}, BAD_BODY),
    ],
)  # fmt: skip
def test_add_refuses_bad_input(owner_api, body, message):
    response = owner_api.post(ADD, body, format="json")

    assert response.status_code == 400
    assert response.json() == error(message)
    assert not Channel.objects.exists()


def test_a_name_in_use_is_a_conflict_naming_the_channel(owner_api, owner, stranger):
    existing = ChannelFactory(owner=owner, name="Acme")
    ChannelFactory(owner=stranger, name="Other")

    response = owner_api.post(ADD, {"name": "ACME"}, format="json")

    assert response.status_code == 409
    assert response.json() == error(
        "You already have a channel with this name.", id=existing.pk
    )
    assert Channel.objects.filter(owner=owner).count() == 1
    assert owner_api.post(ADD, {"name": "Other"}, format="json").status_code == 200


# POST /api/channel/:channelid/assign/:type/:itemid


def test_assign_a_link_and_a_qr_code(owner_api, owner):
    channel = ChannelFactory(owner=owner)
    link = LinkFactory(owner=owner)
    qr = create_qr(owner=owner, kind="text", data="Hello")

    for kind, pk in (("links", link.pk), ("qr", qr.pk)):
        response = owner_api.post(f"/api/channel/{channel.pk}/assign/{kind}/{pk}")
        assert response.status_code == 200
        assert response.json() == {
            "error": 0,
            "message": "Item successfully added to the channel.",
        }

    assert list(
        channel.items.in_assignment_order().values_list("item_type", "object_id")
    ) == [("links", link.pk), ("qr", qr.pk)]


def test_an_item_may_be_in_several_channels(owner_api, owner):
    link = LinkFactory(owner=owner)
    one, two = ChannelFactory.create_batch(2, owner=owner)

    for channel in (one, two):
        response = owner_api.post(f"/api/channel/{channel.pk}/assign/links/{link.pk}")
        assert response.status_code == 200

    assert ChannelItem.objects.count() == 2


def test_assigning_twice_is_a_conflict(owner_api, owner):
    channel = ChannelFactory(owner=owner)
    link = LinkFactory(owner=owner)
    file_item(channel, link)

    response = owner_api.post(f"/api/channel/{channel.pk}/assign/links/{link.pk}")

    assert response.status_code == 409
    assert response.json() == error(
        "This item is already added to the selected channel."
    )
    assert ChannelItem.objects.count() == 1


def test_an_unknown_type_is_a_bad_request(owner_api, owner):
    channel = ChannelFactory(owner=owner)
    link = LinkFactory(owner=owner)

    for kind in ("link", "files", "LINKS"):
        response = owner_api.post(f"/api/channel/{channel.pk}/assign/{kind}/{link.pk}")
        assert response.status_code == 400
        assert response.json() == error("Invalid item type.")
    # Even on a channel that is not the caller's: the request is wrong first.
    response = owner_api.post(f"/api/channel/999999/assign/nope/{link.pk}")
    assert response.status_code == 400
    assert not ChannelItem.objects.exists()


def test_an_unknown_bio_page_does_not_exist(owner_api, owner):
    channel = ChannelFactory(owner=owner)

    response = owner_api.post(f"/api/channel/{channel.pk}/assign/bio/1")

    assert response.status_code == 404
    assert response.json() == error("Bio Page does not exist. Please try again.")


def test_assign_refuses_what_is_not_the_callers(owner_api, owner, stranger):
    mine = ChannelFactory(owner=owner)
    theirs = ChannelFactory(owner=stranger)
    my_link = LinkFactory(owner=owner)
    their_link = LinkFactory(owner=stranger)
    file_link = LinkFactory(owner=owner, kind=LinkKind.FILE)
    their_qr = create_qr(owner=stranger, kind="text", data="Hi")
    link_missing = "Link does not exist. Please try again."
    qr_missing = "QR Code does not exist. Please try again."

    cases = [
        (f"{theirs.pk}/assign/links/{my_link.pk}", NOT_FOUND),
        (f"999999/assign/links/{my_link.pk}", NOT_FOUND),
        (f"{mine.pk}/assign/links/{their_link.pk}", link_missing),
        (f"{mine.pk}/assign/links/{file_link.pk}", link_missing),
        (f"{mine.pk}/assign/links/999999", link_missing),
        (f"{mine.pk}/assign/qr/{their_qr.pk}", qr_missing),
        (f"{mine.pk}/assign/qr/999999", qr_missing),
    ]
    for path, message in cases:
        response = owner_api.post(f"/api/channel/{path}")
        assert response.status_code == 404, path
        assert response.json() == error(message)
    assert not ChannelItem.objects.exists()


# PUT /api/channel/:id/update


def test_update_answers_the_message(owner_api, owner):
    channel = ChannelFactory(owner=owner, name="Old", starred=True)

    response = owner_api.put(
        f"/api/channel/{channel.pk}/update",
        {
            "name": "Acme Corp",
            "description": "channel for items for Acme Corp",
            "color": "#FFFFFF",
            "starred": False,
        },
        format="json",
    )

    assert response.status_code == 200
    assert response.json() == {
        "error": 0,
        "message": "Channel has been updated successfully.",
    }
    channel.refresh_from_db()
    assert (channel.name, channel.description, channel.color, channel.starred) == (
        "Acme Corp",
        "channel for items for Acme Corp",
        "#FFFFFF",
        False,
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"name": "New"}, ("New", "Desc", "#112233", True)),
        ({"description": ""}, ("Old", "", "#112233", True)),
        ({"color": "#abcdef"}, ("Old", "Desc", "#abcdef", True)),
        ({"starred": "0"}, ("Old", "Desc", "#112233", False)),
        ({}, ("Old", "Desc", "#112233", True)),
    ],
)
def test_update_changes_only_what_is_sent(owner_api, owner, body, expected):
    channel = ChannelFactory(owner=owner, name="Old", description="Desc", starred=True)

    response = owner_api.put(f"/api/channel/{channel.pk}/update", body, "json")

    assert response.status_code == 200
    channel.refresh_from_db()
    assert (channel.name, channel.description, channel.color, channel.starred) == (
        expected
    )


@pytest.mark.parametrize(
    ("body", "status", "message", "extra"),
    [
        ({"name": "Taken"}, 409, "You already have a channel with this name.", True),
        ({"name": "x"}, 400, NAME_INVALID, False),
        ({"color": "blue", "name": "Fine"}, 400, BAD_COLOR, False),
        ({"starred": [], "name": "Fine"}, 400, BAD_BODY, False),
    ],
)  # fmt: skip
def test_update_refuses_without_changing_anything(
    owner_api, owner, body, status, message, extra
):
    taken = ChannelFactory(owner=owner, name="Taken")
    channel = ChannelFactory(owner=owner, name="Mine")

    response = owner_api.put(f"/api/channel/{channel.pk}/update", body, "json")

    assert response.status_code == status
    expected = error(message, id=taken.pk) if extra else error(message)
    assert response.json() == expected
    channel.refresh_from_db()
    assert (channel.name, channel.color) == ("Mine", "#112233")


def test_renaming_in_another_case_is_fine(owner_api, owner):
    channel = ChannelFactory(owner=owner, name="Mine")

    response = owner_api.put(
        f"/api/channel/{channel.pk}/update", {"name": "MINE"}, format="json"
    )

    assert response.status_code == 200


def test_update_of_another_users_channel_is_not_found(owner_api, stranger):
    theirs = ChannelFactory(owner=stranger, name="Theirs")

    response = owner_api.put(
        f"/api/channel/{theirs.pk}/update", {"name": "Mine now"}, format="json"
    )

    assert response.status_code == 404
    assert response.json() == error(NOT_FOUND)
    theirs.refresh_from_db()
    assert theirs.name == "Theirs"


# DELETE /api/channel/:id/delete


def test_delete_removes_the_assignments_only(owner_api, owner):
    channel = ChannelFactory(owner=owner)
    other = ChannelFactory(owner=owner)
    link = LinkFactory(owner=owner)
    file_item(channel, link)
    file_item(other, link)

    response = owner_api.delete(f"/api/channel/{channel.pk}/delete")

    assert response.status_code == 200
    assert response.json() == {
        "error": 0,
        "message": "Channel has been deleted successfully.",
    }
    assert not Channel.objects.filter(pk=channel.pk).exists()
    assert Link.objects.filter(pk=link.pk).exists()
    assert list(ChannelItem.objects.values_list("channel_id", flat=True)) == [other.pk]


def test_delete_of_another_users_channel_is_not_found(owner_api, stranger):
    theirs = ChannelFactory(owner=stranger)

    response = owner_api.delete(f"/api/channel/{theirs.pk}/delete")

    assert response.status_code == 404
    assert response.json() == error(NOT_FOUND)
    assert Channel.objects.filter(pk=theirs.pk).exists()


def test_deleting_a_link_or_qr_code_removes_its_assignments(owner_api, owner):
    channel = ChannelFactory(owner=owner)
    link = LinkFactory(owner=owner)
    # Often the same id as the link: the types keep them apart.
    kept_qr = create_qr(owner=owner, kind="text", data="Kept")
    kept_link = LinkFactory(owner=owner)
    qr = create_qr(owner=owner, kind="text", data="Hello")
    for item, kind in ((link, "links"), (kept_qr, "qr"), (kept_link, "links"),
                       (qr, "qr")):  # fmt: skip
        file_item(channel, item, kind)

    assert owner_api.delete(f"/api/url/{link.pk}/delete").status_code == 200
    assert owner_api.delete(f"/api/qr/{qr.pk}/delete").status_code == 200

    assert set(ChannelItem.objects.values_list("item_type", "object_id")) == {
        ("links", kept_link.pk),
        ("qr", kept_qr.pk),
    }


def test_deleting_a_user_removes_their_channels(owner):
    channel = ChannelFactory(owner=owner)
    file_item(channel, LinkFactory(owner=owner))

    owner.delete()

    assert not Channel.objects.exists()
    assert not ChannelItem.objects.exists()


# Methods and access


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("post", "/api/channels"),
        ("post", "/api/channel/1"),
        ("get", "/api/channel/add"),
        ("get", "/api/channel/1/assign/links/1"),
        ("get", "/api/channel/1/update"),
        ("post", "/api/channel/1/delete"),
    ],
)
def test_each_route_takes_only_its_method(owner_api, method, path):
    response = getattr(owner_api, method)(path)

    assert response.status_code == 405
    assert response.json()["error"] == 1


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/channels"),
        ("get", "/api/channel/1"),
        ("post", "/api/channel/add"),
        ("post", "/api/channel/1/assign/links/1"),
        ("put", "/api/channel/1/update"),
        ("delete", "/api/channel/1/delete"),
    ],
)
def test_every_route_needs_a_key_and_refuses_banned_users(client, owner, method, path):
    response = getattr(client, method)(path)
    assert response.status_code == 401
    assert response.json() == error("A valid API key is required to use this service.")

    owner.is_banned = True
    owner.save()
    response = getattr(client, method)(
        path, HTTP_AUTHORIZATION=f"Bearer {owner.api_key}"
    )
    assert response.status_code == 403
    assert response.json() == error("You do not have the permission to use the API.")

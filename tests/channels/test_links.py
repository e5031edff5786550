"""Links API and channels: `channel` on add and update, and what lists report
(§3.1, §3.3, §3.4, D7, D14)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from channels.models import ChannelItem
from tests.channels.factories import ChannelFactory, file_item
from tests.factories import LinkFactory


def channels_of(link_id: int) -> list[int]:
    return sorted(
        ChannelItem.objects.filter(item_type="links", object_id=link_id).values_list(
            "channel_id", flat=True
        )
    )


def test_add_files_the_link_in_the_callers_channel(owner_api, owner):
    channel = ChannelFactory(owner=owner)

    body = owner_api.post(
        "/api/url/add",
        {"url": "https://example.com/a", "channel": channel.pk},
        format="json",
    ).json()

    assert channels_of(body["id"]) == [channel.pk]


def test_add_accepts_a_list_and_ignores_other_ids(owner_api, owner, stranger):
    one, two = ChannelFactory.create_batch(2, owner=owner)
    theirs = ChannelFactory(owner=stranger)

    body = owner_api.post(
        "/api/url/add",
        {"url": "https://example.com/a", "channel": [one.pk, theirs.pk, str(two.pk)]},
        format="json",
    ).json()

    assert channels_of(body["id"]) == [one.pk, two.pk]


def test_add_ignores_other_channels_silently(owner_api, stranger):
    theirs = ChannelFactory(owner=stranger)

    for n, value in enumerate((theirs.pk, 999999, "x", None, {"id": 1}, [None])):
        response = owner_api.post(
            "/api/url/add",
            {"url": f"https://example.com/{n}", "channel": value},
            format="json",
        )
        assert response.status_code == 200, value
    assert not ChannelItem.objects.exists()


def test_update_adds_a_channel_to_those_of_the_link(owner_api, owner):
    one, two = ChannelFactory.create_batch(2, owner=owner)
    link = LinkFactory(owner=owner)
    file_item(one, link)

    for _ in range(2):  # twice: no duplicate, no conflict
        response = owner_api.put(
            f"/api/url/{link.pk}/update", {"channel": two.pk}, format="json"
        )
        assert response.status_code == 200

    assert channels_of(link.pk) == [one.pk, two.pk]


def test_update_with_null_takes_the_link_out_of_its_channels(owner_api, owner):
    channel = ChannelFactory(owner=owner)
    link = LinkFactory(owner=owner)
    qr_item = ChannelItem.objects.create(
        channel=channel, item_type="qr", object_id=link.pk
    )
    file_item(channel, link)

    owner_api.put(f"/api/url/{link.pk}/update", {"channel": None}, format="json")

    assert channels_of(link.pk) == []
    assert ChannelItem.objects.filter(pk=qr_item.pk).exists()


def test_update_without_channel_or_with_a_foreign_one_keeps_them(
    owner_api, owner, stranger
):
    channel = ChannelFactory(owner=owner)
    theirs = ChannelFactory(owner=stranger)
    link = LinkFactory(owner=owner)
    file_item(channel, link)

    for body in ({"url": "https://example.com/new"}, {"channel": theirs.pk}):
        response = owner_api.put(f"/api/url/{link.pk}/update", body, format="json")
        assert response.status_code == 200
        assert channels_of(link.pk) == [channel.pk]


def test_lists_and_details_report_the_channels(owner_api, owner):
    one, two = ChannelFactory.create_batch(2, owner=owner)
    both = LinkFactory(owner=owner)
    loose = LinkFactory(owner=owner)
    file_item(two, both)
    file_item(one, both)

    urls = owner_api.get("/api/urls").json()["data"]["urls"]

    assert {item["id"]: item["channel"] for item in urls} == {
        both.pk: [one.pk, two.pk],
        loose.pk: [],
    }
    details = owner_api.get(f"/api/url/{both.pk}").json()["details"]
    assert details["channel"] == [one.pk, two.pk]


def test_the_list_spends_no_query_per_link(owner_api, owner):
    channel = ChannelFactory(owner=owner)
    file_item(channel, LinkFactory(owner=owner))
    with CaptureQueriesContext(connection) as one:
        owner_api.get("/api/urls")
    for link in LinkFactory.create_batch(6, owner=owner):
        file_item(channel, link)
    with CaptureQueriesContext(connection) as many:
        owner_api.get("/api/urls")

    assert len(many) == len(one)

"""Bio pages as channel items, type `bio` (§6.2, §6.4, §16.5, D18, D41): the API,
the deletion of a page, and the channel's dashboard page."""

from datetime import UTC, datetime

import pytest
from django.contrib.messages import get_messages

from bio.services import delete_bio_page
from channels import registry
from channels.models import ChannelItem
from tests.bio.factories import BioPageFactory
from tests.channels.factories import ChannelFactory, file_item
from tests.factories import DomainFactory, LinkFactory

MISSING = {"error": 1, "message": "Bio Page does not exist. Please try again."}
ADDED = {"error": 0, "message": "Item successfully added to the channel."}


def flashed(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def page(owner):
    return BioPageFactory(
        owner=owner,
        name="Ada Lovelace, mathematician and writer",  # 38 characters
        link__alias="ada",
        created=datetime(2022, 6, 1, 12, 30, tzinfo=UTC),
    )


def test_bio_is_registered_by_the_bio_app():
    kind = registry.registered("bio")

    assert kind is not None
    assert kind.not_found == "Bio Page does not exist. Please try again."
    assert kind.model.__module__ == "bio.models"


def test_a_bio_page_is_assigned_and_listed_with_the_exact_fields(
    owner_api, owner, page, settings
):
    channel = ChannelFactory(owner=owner)

    response = owner_api.post(f"/api/channel/{channel.pk}/assign/bio/{page.pk}")

    assert response.status_code == 200
    assert response.json() == ADDED
    items = owner_api.get(f"/api/channel/{channel.pk}").json()["data"]["items"]
    assert items == [
        {
            "type": "bio",
            "id": page.pk,
            "title": "Ada Lovelace, mathematician an",  # cut to 30, no ellipsis
            "preview": f"{settings.SITE_URL}/ada",
            "link": f"{settings.SITE_URL}/ada",
            "date": "2022-06-01",
        }
    ]
    assert len(items[0]["title"]) == 30


def test_a_bio_page_on_a_branded_domain_shows_its_address_there(owner_api, owner):
    domain = DomainFactory(owner=owner, host="brand.example")
    page = BioPageFactory(owner=owner, name="Shop", link__domain=domain)
    channel = ChannelFactory(owner=owner)
    file_item(channel, page, "bio")

    item = owner_api.get(f"/api/channel/{channel.pk}").json()["data"]["items"][0]

    assert item["preview"] == item["link"] == f"https://brand.example/{page.link.alias}"
    assert item["title"] == "Shop"


def test_bio_pages_are_listed_with_links_in_the_order_they_were_added(
    owner_api, owner, page
):
    channel = ChannelFactory(owner=owner)
    link = LinkFactory(owner=owner)
    owner_api.post(f"/api/channel/{channel.pk}/assign/links/{link.pk}")
    owner_api.post(f"/api/channel/{channel.pk}/assign/bio/{page.pk}")

    items = owner_api.get(f"/api/channel/{channel.pk}").json()["data"]["items"]

    assert [(i["type"], i["id"]) for i in items] == [
        ("links", link.pk),
        ("bio", page.pk),
    ]


def test_another_users_bio_page_does_not_exist(owner_api, owner, stranger):
    channel = ChannelFactory(owner=owner)
    theirs = BioPageFactory(owner=stranger)

    response = owner_api.post(f"/api/channel/{channel.pk}/assign/bio/{theirs.pk}")
    unknown = owner_api.post(f"/api/channel/{channel.pk}/assign/bio/{theirs.pk + 99}")

    assert response.status_code == 404
    assert response.json() == MISSING
    assert unknown.status_code == 404
    assert unknown.json() == MISSING
    assert not ChannelItem.objects.exists()


def test_a_links_id_is_not_a_bio_page(owner_api, owner):
    channel = ChannelFactory(owner=owner)
    link = LinkFactory(owner=owner, pk=9001)

    response = owner_api.post(f"/api/channel/{channel.pk}/assign/bio/{link.pk}")

    assert response.status_code == 404
    assert response.json() == MISSING
    assert not ChannelItem.objects.exists()


def test_a_bio_page_in_another_users_channel_is_refused(owner_api, stranger, page):
    theirs = ChannelFactory(owner=stranger)

    response = owner_api.post(f"/api/channel/{theirs.pk}/assign/bio/{page.pk}")

    assert response.status_code == 404
    assert response.json() == {
        "error": 1,
        "message": "Channel not found. Please try again.",
    }
    assert not ChannelItem.objects.exists()


def test_a_bio_page_is_filed_once(owner_api, owner, page):
    channel = ChannelFactory(owner=owner)
    owner_api.post(f"/api/channel/{channel.pk}/assign/bio/{page.pk}")

    again = owner_api.post(f"/api/channel/{channel.pk}/assign/bio/{page.pk}")

    assert again.status_code == 409
    assert again.json() == {
        "error": 1,
        "message": "This item is already added to the selected channel.",
    }
    assert ChannelItem.objects.count() == 1


def test_deleting_a_bio_page_removes_its_assignments_only(owner, page):
    first, second = ChannelFactory(owner=owner), ChannelFactory(owner=owner)
    other = BioPageFactory(owner=owner)
    link = LinkFactory(owner=owner, pk=page.pk + 500)
    file_item(first, page, "bio")
    file_item(second, page, "bio")
    file_item(first, other, "bio")
    file_item(first, link, "links")

    delete_bio_page(page=page)

    assert sorted(ChannelItem.objects.values_list("item_type", "object_id")) == [
        ("bio", other.pk),
        ("links", link.pk),
    ]


def test_deleting_a_bio_page_from_the_dashboard_unfiles_it(owner_client, owner, page):
    channel = ChannelFactory(owner=owner)
    file_item(channel, page, "bio")

    response = owner_client.post(f"/user/bio/{page.pk}/delete")

    assert response.status_code == 302
    assert not ChannelItem.objects.exists()
    assert channel.items.count() == 0


def test_an_item_of_another_type_with_the_same_id_stays_filed(owner):
    channel = ChannelFactory(owner=owner)
    link = LinkFactory(owner=owner, pk=9002)
    page = BioPageFactory(owner=owner, pk=9002)
    file_item(channel, link, "links")
    file_item(channel, page, "bio")

    delete_bio_page(page=page)

    assert list(ChannelItem.objects.values_list("item_type", "object_id")) == [
        ("links", 9002)
    ]


# The channel's dashboard page (D44)


def test_the_dashboard_adds_and_lists_a_bio_page(owner_client, owner, page, settings):
    channel = ChannelFactory(owner=owner)
    detail = f"/user/channels/{channel.pk}"

    form = owner_client.get(detail).content.decode()
    added = owner_client.post(f"{detail}/add/bio", {"bio-item": page.pk}, follow=True)

    assert f'action="{detail}/add/bio"' in form
    assert f'<option value="{page.pk}">Ada Lovelace, mathematician and writer' in form
    assert "Add the bio page" in form
    assert flashed(added) == ["The item has been added to the channel."]
    item = ChannelItem.objects.get()
    assert (item.channel, item.item_type, item.object_id) == (channel, "bio", page.pk)
    html = added.content.decode()
    assert "<td>Bio page</td>" in html
    assert "<td>Ada Lovelace, mathematician an</td>" in html
    assert f'href="{settings.SITE_URL}/ada"' in html
    # Filed: it is no longer offered, and it can be taken out again.
    assert "No other bio page to add." in html
    owner_client.post(f"{detail}/remove/bio/{page.pk}")
    assert not ChannelItem.objects.exists()


def test_the_dashboard_offers_only_the_users_own_bio_pages(
    owner_client, owner, stranger, page
):
    channel = ChannelFactory(owner=owner)
    theirs = BioPageFactory(owner=stranger, name="Their page")

    form = owner_client.get(f"/user/channels/{channel.pk}").content.decode()
    refused = owner_client.post(
        f"/user/channels/{channel.pk}/add/bio", {"bio-item": theirs.pk}, follow=True
    )

    assert "Their page" not in form
    assert flashed(refused) == ["Choose one of your items that is not here yet."]
    assert not ChannelItem.objects.exists()


def test_without_the_bio_type_the_dashboard_neither_offers_nor_adds_it(
    owner_client, owner, page, monkeypatch
):
    monkeypatch.delitem(registry.TYPES, "bio")
    channel = ChannelFactory(owner=owner)

    form = owner_client.get(f"/user/channels/{channel.pk}").content.decode()
    response = owner_client.post(
        f"/user/channels/{channel.pk}/add/bio", {"bio-item": page.pk}
    )

    assert "/add/bio" not in form
    assert response.status_code == 404
    assert not ChannelItem.objects.exists()

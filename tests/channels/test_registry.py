"""The item-type registry: another app adds a type in a few lines (§6.4, D18)."""

import pytest
from django.conf import settings

from accounts.models import User
from channels import registry
from channels.models import ChannelItem
from tests.channels.factories import ChannelFactory


@pytest.fixture
def users_as_bio_pages():
    """Pretend user rows are bio pages, as a bio app would register its model.

    The bio app's own registration is put back afterwards.
    """
    real = registry.TYPES.get("bio")
    registry.register(
        registry.ItemType(
            name="bio",
            not_found=registry.DOCUMENTED["bio"],
            model=User,
            owned=lambda owner: User.objects.filter(pk=owner.pk),
            title=lambda user: f"Bio of {user.username}",
            preview=lambda user: f"{settings.SITE_URL}/u/{user.username}",
            link=lambda user: f"{settings.SITE_URL}/u/{user.username}",
            date=lambda user: user.date_joined,
        )
    )
    yield
    from django.db.models.signals import post_delete

    registry.TYPES.pop("bio")
    post_delete.disconnect(sender=User, dispatch_uid="channels.forget.bio")
    if real is not None:
        registry.TYPES["bio"] = real


def test_a_registered_type_can_be_assigned_and_listed(
    owner_api, owner, stranger, users_as_bio_pages
):
    channel = ChannelFactory(owner=owner)

    response = owner_api.post(f"/api/channel/{channel.pk}/assign/bio/{owner.pk}")
    refused = owner_api.post(f"/api/channel/{channel.pk}/assign/bio/{stranger.pk}")

    assert response.status_code == 200
    assert refused.status_code == 404
    assert refused.json()["message"] == "Bio Page does not exist. Please try again."
    items = owner_api.get(f"/api/channel/{channel.pk}").json()["data"]["items"]
    assert items == [
        {
            "type": "bio",
            "id": owner.pk,
            "title": "Bio of owner",
            "preview": f"{settings.SITE_URL}/u/owner",
            "link": f"{settings.SITE_URL}/u/owner",
            "date": owner.date_joined.strftime("%Y-%m-%d"),
        }
    ]


def test_items_of_a_type_no_longer_registered_are_left_out(owner_api, owner):
    channel = ChannelFactory(owner=owner)
    ChannelItem.objects.create(channel=channel, item_type="gone", object_id=1)

    data = owner_api.get(f"/api/channel/{channel.pk}").json()["data"]

    assert data["items"] == []

"""The kinds of object a channel can hold, by their API names (§6.2, §6.4, D18).

Each app that owns a kind registers it once, when it is ready; links and QR
codes in `channels/items.py`, bio pages in `bio/channel_items.py` (from the bio
app, so that channels never needs bio):

    register(ItemType(
        name="bio",
        not_found="Bio Page does not exist. Please try again.",
        model=BioPage,
        owned=lambda owner: BioPage.objects.filter(owner=owner),
        title=lambda page: page.name,
        preview=lambda page: page.url,
        link=lambda page: page.url,
        date=lambda page: page.created,
    ))

Registering also removes an object's channel assignments when it is deleted.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Model, QuerySet
from django.db.models.signals import post_delete

from accounts.models import User

# Every type the contract names, with its not-found message: a documented type
# that no app has registered yet answers "does not exist" rather than "invalid".
DOCUMENTED = {
    "links": "Link does not exist. Please try again.",
    "bio": "Bio Page does not exist. Please try again.",
    "qr": "QR Code does not exist. Please try again.",
}
INVALID_TYPE = "Invalid item type."


@dataclass(frozen=True)
class ItemType:
    """How to find a caller's object of one kind, and show it as a channel item."""

    name: str
    not_found: str
    model: type[Model]
    owned: Callable[[User], QuerySet]  # the user's objects of this kind
    title: Callable[[Any], str]
    preview: Callable[[Any], str]
    link: Callable[[Any], str]
    date: Callable[[Any], datetime]


TYPES: dict[str, ItemType] = {}


def register(item_type: ItemType) -> None:
    """Make a kind of object fileable in channels (idempotent)."""
    TYPES[item_type.name] = item_type

    def forget(sender: type[Model], instance: Model, **kwargs: Any) -> None:
        from channels.models import ChannelItem

        ChannelItem.objects.filter(
            item_type=item_type.name, object_id=instance.pk
        ).delete()

    post_delete.connect(
        forget,
        sender=item_type.model,
        weak=False,
        dispatch_uid=f"channels.forget.{item_type.name}",
    )


def registered(name: str) -> ItemType | None:
    return TYPES.get(name)


def for_model(model: type[Model]) -> ItemType | None:
    """The registered type whose objects are `model`'s, if any."""
    for item_type in TYPES.values():
        if issubclass(model, item_type.model):
            return item_type
    return None

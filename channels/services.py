"""Creating, changing and deleting channels, and filing items in them (§6, D17)."""

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Model, QuerySet
from django.http import Http404

from accounts.models import User
from billing import entitlements
from channels import rules
from channels.models import Channel, ChannelItem, random_color
from channels.registry import (
    DOCUMENTED,
    INVALID_TYPE,
    ItemType,
    for_model,
    registered,
)
from core.errors import Conflict, InvalidInput, NotFound
from core.values import object_id


def check_name_free(owner: User, name: str, *, exclude: int | None = None) -> None:
    """Refuse a second channel of the owner with this name (409, with its id)."""
    taken = Channel.objects.filter(owner=owner, name__iexact=name)
    if exclude is not None:
        taken = taken.exclude(pk=exclude)
    existing = taken.values_list("pk", flat=True).first()
    if existing is not None:
        raise Conflict(rules.DUPLICATE_NAME, extra={"id": existing})


def save_checked(channel: Channel) -> None:
    """Save; a twin name saved concurrently makes this the 409 with its id."""
    try:
        with transaction.atomic():
            channel.save()
    except IntegrityError:  # a twin saved since the check
        check_name_free(channel.owner, channel.name, exclude=channel.pk)
        raise


def create_channel(
    *, owner: User, name: object, description: object = "", color: object = None,
    starred: bool = False,
) -> Channel:  # fmt: skip
    """Add a channel from raw input (§6.3), checked in the order of D42.

    The plan must include channels; their quota is checked after the input.
    """
    entitlements.require(owner, "channels")
    clean_name = rules.clean_name(name)
    clean_description = rules.clean_description(description)
    clean_color = rules.clean_color(color) if color not in (None, "") else None
    check_name_free(owner, clean_name)
    channel = Channel(
        owner=owner,
        name=clean_name,
        description=clean_description,
        color=clean_color or random_color(),
        starred=starred,
    )
    with entitlements.quota_slot(owner, "channels", owner.channels.count):
        save_checked(channel)
    return channel


def update_channel(*, channel: Channel, changes: dict[str, Any]) -> Channel:
    """Change the keys present in `changes` (D14); an emptied colour is redrawn.

    The owner's plan must still include channels.
    """
    entitlements.require(channel.owner, "channels")
    if "name" in changes:
        name = rules.clean_name(changes["name"])
        check_name_free(channel.owner, name, exclude=channel.pk)
        channel.name = name
    if "description" in changes:
        channel.description = rules.clean_description(changes["description"])
    if "color" in changes:
        raw = changes["color"]
        channel.color = random_color() if raw in (None, "") else rules.clean_color(raw)
    if "starred" in changes:
        channel.starred = bool(changes["starred"])
    save_checked(channel)
    return channel


def delete_channel(*, channel: Channel) -> None:
    """Delete the channel and its assignments; the items stay (§6.6, D17)."""
    channel.delete()


def check_item_type(name: str) -> None:
    """Refuse a type the contract does not name and no app registered (D18)."""
    if name not in DOCUMENTED and registered(name) is None:
        raise InvalidInput(INVALID_TYPE)


def item_type(name: str) -> ItemType:
    """The registered type `name`; a documented one not yet registered is 404."""
    check_item_type(name)
    found = registered(name)
    if found is None:
        raise NotFound(DOCUMENTED[name])
    return found


def find_item(*, owner: User, type_name: str, pk: int) -> Model:
    """The owner's object of this type, or the type's 404."""
    kind = item_type(type_name)
    item = kind.owned(owner).filter(pk=pk).first()
    if item is None:
        raise NotFound(kind.not_found)
    return item


def add_item(*, channel: Channel, type_name: str, item: Model) -> ChannelItem:
    """File the item in the channel; twice is a conflict (409).

    The owner's plan must include channels.
    """
    entitlements.require(channel.owner, "channels")
    try:
        with transaction.atomic():
            return ChannelItem.objects.create(
                channel=channel, item_type=type_name, object_id=item.pk
            )
    except IntegrityError:
        raise Conflict(rules.ALREADY_ADDED) from None


def remove_item(*, channel: Channel, type_name: str, pk: int) -> bool:
    deleted, _ = ChannelItem.objects.filter(
        channel=channel, item_type=type_name, object_id=pk
    ).delete()
    return bool(deleted)


def item_entries(items: Iterable[ChannelItem], owner: User) -> list[dict[str, Any]]:
    """Channel items as `GET /api/channel/:id` shows them (§6.2, D41).

    One query per type on the page; an item whose type is no longer registered
    (an app removed) is left out.
    """
    from api.formats import day

    items = list(items)
    objects: dict[tuple[str, int], Model] = {}
    for name in {item.item_type for item in items}:
        kind = registered(name)
        if kind is None:
            continue
        ids = [item.object_id for item in items if item.item_type == name]
        for obj in kind.owned(owner).filter(pk__in=ids):
            objects[name, obj.pk] = obj
    entries = []
    for item in items:
        obj = objects.get((item.item_type, item.object_id))
        if obj is None:
            continue
        kind = registered(item.item_type)
        entries.append(
            {
                "type": item.item_type,
                "id": obj.pk,
                "title": kind.title(obj)[: rules.TITLE_MAX],
                "preview": kind.preview(obj),
                "link": kind.link(obj),
                "date": day(kind.date(obj)),
            }
        )
    return entries


# The links API (§3.3, §3.4): `channel` names one (or a list) of the caller's channels.


def owned_channel_ids(owner: User, value: object) -> list[int]:
    """The ids of the owner's channels among `value` (an id or a list of ids)."""
    values = value if isinstance(value, list) else [value]
    ids = {pk for pk in map(object_id, values) if pk is not None}
    if not ids:
        return []
    return sorted(
        Channel.objects.filter(owner=owner, pk__in=ids).values_list("pk", flat=True)
    )


def add_link_to_channels(*, link: Model, channel_ids: Iterable[int]) -> None:
    """File the link in these (owned) channels; those it is in already stay."""
    have = set(
        ChannelItem.objects.filter(item_type="links", object_id=link.pk).values_list(
            "channel_id", flat=True
        )
    )
    ChannelItem.objects.bulk_create(
        [
            ChannelItem(channel_id=pk, item_type="links", object_id=link.pk)
            for pk in channel_ids
            if pk not in have
        ],
        ignore_conflicts=True,  # filed by a concurrent request meanwhile
    )


def remove_link_from_channels(*, link: Model) -> None:
    ChannelItem.objects.filter(item_type="links", object_id=link.pk).delete()


def channel_ids_of(link_ids: Iterable[int]) -> dict[int, list[int]]:
    """{link id: [channel ids]} for these links (one query)."""
    result: dict[int, list[int]] = {}
    rows = (
        ChannelItem.objects.filter(item_type="links", object_id__in=list(link_ids))
        .order_by("channel_id")
        .values_list("object_id", "channel_id")
    )
    for link_id, channel_id in rows:
        result.setdefault(link_id, []).append(channel_id)
    return result


def items_in_channel(
    objects: QuerySet, *, owner: User, pk: str
) -> tuple[Channel, QuerySet]:
    """The owner's channel `pk` and those of `objects` filed in it (404 otherwise).

    `objects` is a queryset of any registered item type (links, QR codes, bio
    pages, …): the registry names the type its model is filed under.
    """
    kind = for_model(objects.model)
    if kind is None:
        raise ValueError(f"{objects.model.__name__} is not a channel item type")
    channel = Channel.objects.filter(owner=owner, pk=object_id(pk) or 0).first()
    if channel is None:
        raise Http404
    filed = channel.items.of_type(kind.name).values("object_id")
    return channel, objects.filter(pk__in=filed)


def channels_by_item(
    objects: Iterable[Model], *, owner: User, channels: Iterable[Channel]
) -> dict[int, list[Channel]]:
    """{object id: [its channels]} for these objects of one registered type.

    `channels` are the owner's channels, already fetched: one query in all,
    whatever the number of objects. Channels keep the order of `channels`.
    """
    objects = list(objects)
    if not objects:
        return {}
    kind = for_model(type(objects[0]))
    if kind is None:
        raise ValueError(f"{type(objects[0]).__name__} is not a channel item type")
    position = {channel.pk: (index, channel) for index, channel in enumerate(channels)}
    rows = ChannelItem.objects.filter(
        channel__owner=owner,
        item_type=kind.name,
        object_id__in=[obj.pk for obj in objects],
    ).values_list("object_id", "channel_id")
    found: dict[int, list[tuple[int, Channel]]] = {}
    for obj_id, channel_id in rows:
        if channel_id in position:
            found.setdefault(obj_id, []).append(position[channel_id])
    return {
        obj_id: [channel for _, channel in sorted(pairs, key=lambda pair: pair[0])]
        for obj_id, pairs in found.items()
    }

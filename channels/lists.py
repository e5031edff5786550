"""Channels in the links, QR code and bio page lists of the dashboard.

Each list narrows itself to one of the user's channels with `?channel=<id>`
(another user's or an unknown id is a 404), shows its rows' channels as
coloured badges, and offers the channels as drop targets for its rows.
"""

from collections.abc import Iterable

from django.db.models import Model, QuerySet
from django.http import HttpRequest

from channels.models import Channel
from channels.registry import for_model
from channels.services import channels_by_item, items_in_channel


class ChannelFiling:
    """The user's channels as one list page shows them.

    Two queries in all: the user's channels, then the channels of the rows of
    the page (`label`), however many rows there are.
    """

    def __init__(self, request: HttpRequest, objects: QuerySet) -> None:
        kind = for_model(objects.model)
        if kind is None:
            raise ValueError(f"{objects.model.__name__} is not a channel item type")
        self.owner = request.user
        self.type_name = kind.name
        self.next = request.get_full_path()
        self.channels = list(
            Channel.objects.filter(owner=self.owner).order_by("-starred", "name", "id")
        )
        self.current: Channel | None = None
        if raw := request.GET.get("channel"):
            self.current, objects = items_in_channel(objects, owner=self.owner, pk=raw)
        self.objects = objects

    def label(self, objects: Iterable[Model]) -> list[Model]:
        """The objects, each with `channel_badges`: its channels, starred first."""
        objects = list(objects)
        found = channels_by_item(objects, owner=self.owner, channels=self.channels)
        for obj in objects:
            obj.channel_badges = found.get(obj.pk, [])
        return objects

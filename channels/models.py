"""Channels (api-spec §6, §16.5): a user's labelled folders of links, QR codes, …"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def random_color() -> str:
    return f"#{secrets.token_hex(3)}"


class ChannelQuerySet(models.QuerySet):
    def oldest_first(self) -> "ChannelQuerySet":
        """The order of `GET /api/channels` (D31)."""
        return self.order_by("created", "id")


class Channel(models.Model):
    """A named, coloured folder; an item may be in several channels."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="channels"
    )
    name = models.CharField(_("name"), max_length=255)
    description = models.CharField(_("description"), max_length=1000, blank=True)
    color = models.CharField(_("colour"), max_length=7, default=random_color)
    starred = models.BooleanField(_("starred"), default=False)
    created = models.DateTimeField(default=timezone.now)

    objects = ChannelQuerySet.as_manager()

    class Meta:
        verbose_name = _("channel")
        verbose_name_plural = _("channels")
        constraints = [
            models.UniqueConstraint(
                "owner", Lower("name"), name="channels_channel_owner_name"
            )
        ]

    def __str__(self) -> str:
        return self.name


class ChannelItemQuerySet(models.QuerySet):
    def in_assignment_order(self) -> "ChannelItemQuerySet":
        """The order of `GET /api/channel/:id` (D31)."""
        return self.order_by("added", "id")

    def of_type(self, item_type: str) -> "ChannelItemQuerySet":
        return self.filter(item_type=item_type)


class ChannelItem(models.Model):
    """One object filed in one channel.

    Items are of the types registered in `channels.registry` (`links`, `qr`, …),
    named by type and id so that a new type needs no new column; the registry
    removes an object's assignments when the object is deleted.
    """

    channel = models.ForeignKey(Channel, on_delete=models.CASCADE, related_name="items")
    item_type = models.CharField(_("type"), max_length=16)
    object_id = models.PositiveBigIntegerField()
    added = models.DateTimeField(default=timezone.now)

    objects = ChannelItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("channel item")
        verbose_name_plural = _("channel items")
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "item_type", "object_id"],
                name="channels_item_once_per_channel",
            )
        ]
        indexes = [
            models.Index(fields=["item_type", "object_id"], name="channel_item_object")
        ]

    def __str__(self) -> str:
        return f"{self.item_type} #{self.object_id} in {self.channel}"

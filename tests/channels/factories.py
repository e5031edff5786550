"""Channels for tests."""

import factory

from channels.models import Channel, ChannelItem
from tests.factories import UserFactory


class ChannelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Channel

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Channel {n}")
    color = "#112233"


def file_item(channel: Channel, item, item_type: str = "links") -> ChannelItem:
    return ChannelItem.objects.create(
        channel=channel, item_type=item_type, object_id=item.pk
    )

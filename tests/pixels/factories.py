"""Pixels for tests."""

import factory

from pixels.models import Pixel, PixelType
from tests.factories import UserFactory


class PixelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pixel

    owner = factory.SubFactory(UserFactory)
    type = PixelType.GTM
    name = factory.Sequence(lambda n: f"Pixel {n}")
    tag = factory.Sequence(lambda n: f"GTM-ABC{n:03d}")

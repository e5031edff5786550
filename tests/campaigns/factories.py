"""Campaigns for tests."""

import factory

from campaigns.models import Campaign, Membership
from tests.factories import LinkFactory, UserFactory


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Campaign {n}")
    slug = factory.Sequence(lambda n: f"campaign-{n}")
    is_public = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    campaign = factory.SubFactory(CampaignFactory)
    link = factory.SubFactory(
        LinkFactory, owner=factory.SelfAttribute("..campaign.owner")
    )

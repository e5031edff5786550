from datetime import timedelta

import factory
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from accounts.models import User
from billing.models import Plan, Subscription
from shortener.models import Domain, Link

PASSWORD = "correct horse"


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    name = factory.Sequence(lambda n: f"Plan {n}")
    is_free = False
    price_monthly = "9.99"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.LazyFunction(lambda: make_password(PASSWORD))


class SubscriptionFactory(factory.django.DjangoModelFactory):
    """An active monthly subscription to a paid plan, 30 days left."""

    class Meta:
        model = Subscription

    user = factory.SubFactory(UserFactory)
    plan = factory.SubFactory(PlanFactory)
    period = "monthly"
    expires = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    status = "active"


class DomainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Domain

    owner = factory.SubFactory(UserFactory)
    host = factory.Sequence(lambda n: f"brand{n}.example")


class LinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Link

    owner = factory.SubFactory(UserFactory)
    alias = factory.Sequence(lambda n: f"code{n}")
    long_url = factory.Sequence(lambda n: f"https://destination.example/page/{n}")

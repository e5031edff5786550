import factory
from django.contrib.auth.hashers import make_password

from accounts.models import User
from billing.models import Plan
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

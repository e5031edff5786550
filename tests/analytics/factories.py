import factory

from analytics.models import Click
from tests.factories import LinkFactory


class ClickFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Click

    link = factory.SubFactory(LinkFactory)
    country_code = "FR"
    country = "France"
    browser = "Chrome"
    os = "Windows"
    device_type = "desktop"
    visitor = factory.Sequence(lambda n: f"{n:064x}")

import factory

from analytics import rollups
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

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """A click row, counted in the rollups as the buffer would (D9 reads them).

        The link's totals are left as they are: tests set them when they matter.
        """
        click = super()._create(model_class, *args, **kwargs)
        rollups.add([click], totals=False)
        return click

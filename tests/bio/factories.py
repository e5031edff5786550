import factory

from bio.models import BioPage, Block, BlockKind
from shortener.models import LinkKind
from tests.factories import LinkFactory, UserFactory


class BioPageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BioPage

    owner = factory.SubFactory(UserFactory)
    link = factory.SubFactory(
        LinkFactory,
        owner=factory.SelfAttribute("..owner"),
        kind=LinkKind.BIO,
        alias=factory.Sequence(lambda n: f"me{n}"),
        long_url=factory.LazyAttribute(lambda link: f"http://testserver/{link.alias}"),
    )
    name = "Ada Lovelace"
    description = "Mathematician and writer"


class BlockFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Block

    page = factory.SubFactory(BioPageFactory)
    kind = BlockKind.LINK
    title = "My shop"
    url = "https://shop.example/"
    position = factory.Sequence(int)

import pytest

from tests.factories import LinkFactory

DESTINATION = "https://example.com/landing"


@pytest.fixture
def link(owner):
    return LinkFactory(owner=owner, alias="Promo", long_url=DESTINATION)

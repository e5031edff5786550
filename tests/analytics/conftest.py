import pytest

from tests.factories import LinkFactory


@pytest.fixture
def link(owner):
    return LinkFactory(owner=owner, alias="stats", long_url="https://example.com/")

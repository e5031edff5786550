import pytest

from tests.conftest import api_client_for
from tests.factories import UserFactory


@pytest.fixture
def admin(db):
    return UserFactory(username="boss", is_staff=True)


@pytest.fixture
def admin_api(admin):
    return api_client_for(admin)

import time

import pytest
import time_machine
from asgiref.sync import sync_to_async
from django.core.cache import cache
from django.db import connection
from django.test import Client
from rest_framework.test import APIClient

from config.celery import app as celery_app
from tests.factories import UserFactory

# Tasks run inline in tests, whatever broker the environment names.
celery_app.conf.task_always_eager = True


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    # No test reaches the outside network; tests of fetching serve pages locally.
    settings.FETCH_LINK_METADATA = False
    cache.clear()  # rate-limit counters start from zero in every test
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _clicks_drained_eagerly(request, monkeypatch):
    """With a Redis click buffer, each buffered click is drained at once.

    The analogue of eager Celery tasks: a test sees a visit's click stored when
    the visit has answered, through the real buffer (RPUSH, then a drain that
    decides whether it counts). Tests of the buffer itself opt out with
    `@pytest.mark.click_buffer`.
    """
    from django.conf import settings

    from analytics import buffer, wire

    if settings.CLICKS_BUFFER_URL and not request.node.get_closest_marker(
        "click_buffer"
    ):
        enqueue, command = buffer.enqueue, wire.Client.command

        def enqueue_and_drain(event: bytes) -> None:
            enqueue(event)
            buffer.drain()

        async def command_and_drain(self, *args: object) -> object:
            answer = await command(self, *args)
            await sync_to_async(buffer.drain)()
            return answer

        monkeypatch.setattr(buffer, "enqueue", enqueue_and_drain)
        monkeypatch.setattr(wire.Client, "command", command_and_drain)


def api_client_for(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {user.api_key}")
    return client


@pytest.fixture
def owner(db):
    return UserFactory(username="owner")


@pytest.fixture
def stranger(db):
    return UserFactory(username="stranger")


@pytest.fixture
def owner_api(owner) -> APIClient:
    return api_client_for(owner)


@pytest.fixture
def stranger_api(stranger) -> APIClient:
    return api_client_for(stranger)


@pytest.fixture
def owner_client(client: Client, owner) -> Client:
    """A browser session signed in as the owner."""
    client.force_login(owner)
    return client


@pytest.fixture
def stranger_client(client: Client, stranger) -> Client:
    client.force_login(stranger)
    return client


@pytest.fixture
def still_clock():
    """Stop the clock, so a run of requests cannot cross a rate-limit window."""
    with time_machine.travel(time.time(), tick=False):
        yield


@pytest.fixture
def concurrent_writers():
    """Skip a race test where the database serialises writers (SQLite)."""
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL")

"""Concurrent creates race for the last slot of a quota: exactly one wins."""

import threading

import pytest
from django.db import connection

from channels.models import Channel
from shortener.models import Link
from tests.channels.factories import ChannelFactory
from tests.conftest import api_client_for
from tests.factories import LinkFactory, UserFactory
from tests.limits.conftest import LIMIT_REACHED, LINKS_LIMIT, on_plan


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("concurrent_writers")
def test_threads_racing_for_the_last_link_slot_make_one_link(settings):
    settings.PAID_PLANS = True
    user = UserFactory()
    on_plan(user, api=0, links=3)
    LinkFactory.create_batch(2, owner=user)  # one slot left
    barrier = threading.Barrier(4)
    answers: list[tuple[int, str]] = []

    def create(n: int) -> None:
        try:
            client = api_client_for(user)
            barrier.wait()
            response = client.post(
                "/api/url/add", {"url": f"https://example.com/{n}"}, format="json"
            )
            answers.append((response.status_code, response.json().get("message", "")))
        finally:
            connection.close()

    threads = [threading.Thread(target=create, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(answers) == [(200, "")] + [(403, LINKS_LIMIT)] * 3
    assert Link.objects.filter(owner=user).count() == 3


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("concurrent_writers")
def test_threads_racing_for_the_last_channel_slot_make_one_channel(settings):
    settings.PAID_PLANS = True
    user = UserFactory()
    on_plan(user, api=0, channels=2)
    ChannelFactory(owner=user)  # one slot left
    barrier = threading.Barrier(4)
    answers: list[tuple[int, str]] = []

    def create(n: int) -> None:
        try:
            client = api_client_for(user)
            barrier.wait()
            response = client.post(
                "/api/channel/add", {"name": f"Racer {n}"}, format="json"
            )
            answers.append((response.status_code, response.json().get("message", "")))
        finally:
            connection.close()

    threads = [threading.Thread(target=create, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(answers) == [(200, "")] + [(403, LIMIT_REACHED)] * 3
    assert Channel.objects.filter(owner=user).count() == 2

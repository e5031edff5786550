"""The Redis click buffer: push, drain, a dead worker's batch, a replayed batch.

Against the real Redis named by REDIS_URL (the PostgreSQL + Redis run of CI).
"""

import json
import os

import pytest
from django.core.cache.backends.redis import RedisCache
from django.test import RequestFactory

from analytics import buffer, clicks, tasks
from analytics.models import Click, DailyStat
from tests.analytics import visits
from tests.analytics.test_pipeline import CLOSED_PORT
from tests.analytics.visits import visit
from tests.limits.conftest import on_plan

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL"), reason="needs a Redis server: set REDIS_URL"
    ),
    pytest.mark.click_buffer,  # clicks stay buffered until a test drains them
]

ADDRESSES = [visits.US_IP, visits.FRANCE_IP, visits.CANADA_IP, "5.39.0.2", "8.8.4.4"]


@pytest.fixture
def redis(settings):
    settings.CLICKS_BUFFER_URL = os.environ["REDIS_URL"]
    return buffer.client(settings.CLICKS_BUFFER_URL)


def counters(link) -> tuple[int, int]:
    link.refresh_from_db()
    return link.clicks, link.unique_clicks


def visits_from(client, addresses: list[str], path: str = "/stats") -> None:
    for address in addresses:
        assert visit(client, path, REMOTE_ADDR=address).status_code == 302


def test_a_visit_is_pushed_not_stored(client, link, redis):
    visits_from(client, ADDRESSES[:2])

    assert not Click.objects.exists()
    assert counters(link) == (0, 0)
    queued = [json.loads(item) for item in redis.lrange(buffer.QUEUE, 0, -1)]
    assert [event["link"] for event in queued] == [link.pk, link.pk]
    assert buffer.pending() == 2


def test_a_drain_stores_and_counts_the_batch(client, link, redis):
    visits_from(client, ADDRESSES[:3])
    visit(client, "/stats", HTTP_USER_AGENT=visits.GOOGLEBOT)

    assert buffer.drain() == 4

    assert Click.objects.count() == 4
    assert counters(link) == (3, 3)
    assert buffer.pending() == 0
    countries = DailyStat.objects.filter(link=link, dimension="country")
    assert {row.value: row.clicks for row in countries} == {
        "United States": 1,
        "France": 1,
        "Canada": 1,
    }
    assert DailyStat.objects.get(link=link, dimension="bot").value == "Googlebot"


def test_a_drain_takes_at_most_a_batch(client, link, redis):
    visits_from(client, ADDRESSES)

    assert buffer.drain(max_events=2) == 2
    assert buffer.pending() == 3
    assert counters(link) == (2, 2)
    assert buffer.drain(max_events=2) == 2
    assert buffer.drain(max_events=2) == 1
    assert buffer.drain(max_events=2) == 0
    assert counters(link) == (5, 5)


def test_the_task_drains_batch_after_batch(client, link, redis):
    visits_from(client, ADDRESSES)

    assert tasks.aggregate_clicks.delay(max_events=2).get() == 5

    assert counters(link) == (5, 5)
    assert buffer.pending() == 0


def test_a_batch_left_by_a_dead_worker_is_processed_by_the_next_drain(
    client, link, redis
):
    visits_from(client, ADDRESSES[:3])
    # A worker took the queue as its processing list, then died.
    redis.rename(buffer.QUEUE, buffer.PROCESSING)
    visits_from(client, ADDRESSES[3:])  # more arrive meanwhile

    assert buffer.drain() == 3  # the dead worker's batch first
    assert counters(link) == (3, 3)
    assert buffer.drain() == 2
    assert counters(link) == (5, 5)
    assert Click.objects.count() == 5


def test_a_batch_stored_before_its_worker_died_is_not_counted_twice(
    client, link, redis
):
    visits_from(client, ADDRESSES[:3])
    batch = redis.lrange(buffer.QUEUE, 0, -1)
    assert buffer.drain() == 3
    # The worker committed, then died before dropping its processing list.
    redis.rpush(buffer.PROCESSING, *batch)

    assert buffer.drain() == 3  # taken again ...

    assert Click.objects.count() == 3  # ... but nothing stored or counted twice
    assert counters(link) == (3, 3)
    assert (
        sum(
            DailyStat.objects.filter(dimension="total").values_list("clicks", flat=True)
        )
        == 3
    )
    assert redis.llen(buffer.PROCESSING) == 0


def test_replayed_events_are_not_counted_twice(client, link, redis):
    visits_from(client, ADDRESSES[:2])
    batch = redis.lrange(buffer.QUEUE, 0, -1)
    buffer.drain()

    redis.rpush(buffer.QUEUE, *batch)  # the same events pushed again
    visits_from(client, ADDRESSES[2:3])
    assert buffer.drain() == 3

    assert Click.objects.count() == 3
    assert counters(link) == (3, 3)


def test_only_one_drain_runs_at_a_time(client, link, redis):
    visits_from(client, ADDRESSES[:2])
    redis.set(buffer.LOCK, "another worker", ex=10)

    assert buffer.drain() == 0
    assert buffer.pending() == 2

    redis.delete(buffer.LOCK)
    assert buffer.drain() == 2
    assert redis.get(buffer.LOCK) is None  # given back


def test_a_malformed_event_is_dropped_not_fatal(client, link, redis):
    redis.rpush(buffer.QUEUE, b"not json")
    visits_from(client, ADDRESSES[:1])

    assert buffer.drain() == 2

    assert counters(link) == (1, 1)
    assert buffer.pending() == 0


def test_repeats_and_the_owners_visits_are_never_pushed(client, link, owner, redis):
    visit(client, "/stats")
    visit(client, "/stats")  # within 15 minutes
    client.force_login(owner)
    visit(client, "/stats", REMOTE_ADDR=visits.US_IP)

    assert buffer.pending() == 1


def test_a_bot_visit_is_pushed_and_answers_not_counted(link, redis):
    request = RequestFactory().get(
        "/stats", **{**visits.BROWSER, "HTTP_USER_AGENT": visits.TWITTER}
    )

    assert clicks.record_click(link, request) is False

    assert buffer.pending() == 1
    buffer.drain()
    assert Click.objects.get().is_bot
    assert counters(link) == (0, 0)


def test_a_counted_visit_is_decided_and_pushed_in_one_round_trip(
    link, redis, monkeypatch
):
    trips: list[tuple] = []
    push_scripted = buffer.push_scripted

    def counted_trip(*args: object) -> object:
        trips.append(args)
        return push_scripted(*args)

    monkeypatch.setattr(buffer, "push_scripted", counted_trip)
    # The cache is not asked at all: it could be unreachable.
    monkeypatch.setattr(clicks, "cache", RedisCache(CLOSED_PORT, {}))
    factory = RequestFactory()

    assert clicks.record_click(link, factory.get("/stats", **visits.BROWSER)) is True
    assert clicks.record_click(link, factory.get("/stats", **visits.BROWSER)) is False

    assert len(trips) == 2
    (event,) = buffer.decode(redis.lrange(buffer.QUEUE, 0, -1))
    assert (event["link"], event["bot"], event["unique"]) == (link.pk, False, True)


def test_the_pushed_event_is_the_visit_with_its_unique_flag(link, redis):
    # The script closes the event's JSON after '"unique":'; an agent that
    # quotes it must not cut the event short.
    agent = visits.BROWSER["HTTP_USER_AGENT"] + ' "unique":true} \\"'
    request = RequestFactory().get("/stats", HTTP_USER_AGENT=agent)
    observed = clicks.observe(link, request)

    assert clicks.record_click(
        link, RequestFactory().get("/stats", HTTP_USER_AGENT=agent)
    )
    (event,) = buffer.decode(redis.lrange(buffer.QUEUE, 0, -1))
    expected = {**observed, "id": event["id"], "at": event["at"], "unique": True}
    assert event == expected
    assert event["agent"] == agent


def test_the_script_keeps_the_cache_keys_so_both_ways_agree(link, redis, settings):
    factory = RequestFactory()
    settings.CLICKS_BUFFER_URL = ""  # step by step in the cache, stored at once
    clicks.record_click(link, factory.get("/stats", **visits.BROWSER))
    settings.CLICKS_BUFFER_URL = os.environ["REDIS_URL"]

    # The cache's repeat entry answers for the script (same Redis, same key).
    assert clicks.record_click(link, factory.get("/stats", **visits.BROWSER)) is False
    for key in redis.scan_iter(match="*analytics:recent:*"):
        redis.delete(key)  # as if 15 minutes passed: counted, but not unique today
    assert clicks.record_click(link, factory.get("/stats", **visits.BROWSER)) is True

    (event,) = buffer.decode(redis.lrange(buffer.QUEUE, 0, -1))
    assert event["unique"] is False


@pytest.mark.parametrize("bot", [False, True])
def test_past_the_allowance_the_script_pushes_nothing(link, redis, settings, bot):
    settings.PAID_PLANS = True
    on_plan(link.owner, clicks=1)
    agent = visits.GOOGLEBOT if bot else visits.CHROME_WINDOWS
    factory = RequestFactory()

    def visit_from(address: str) -> bool:
        request = factory.get(
            "/stats",
            **{**visits.BROWSER, "REMOTE_ADDR": address, "HTTP_USER_AGENT": agent},
        )
        return clicks.record_click(link, request)

    person = factory.get("/stats", **{**visits.BROWSER, "REMOTE_ADDR": visits.US_IP})
    assert clicks.record_click(link, person) is True  # the month's only click
    assert visit_from(visits.CANADA_IP) is False

    assert [
        event["bot"] for event in buffer.decode(redis.lrange(buffer.QUEUE, 0, -1))
    ] == [False]

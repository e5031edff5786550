"""The Redis click buffer: push, drain, a dead worker's batch, a replayed batch.

Against the real Redis named by REDIS_URL (the PostgreSQL + Redis run of CI).
"""

import json
import os

import pytest
import time_machine
from django.core.cache.backends.redis import RedisCache
from django.test import RequestFactory

from analytics import allowance, buffer, clicks, decisions, tasks
from analytics.models import Click, DailyStat
from tests.analytics import visits
from tests.analytics.test_pipeline import CLOSED_PORT, event
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


def test_the_owners_visits_are_not_pushed_repeats_are_left_out_when_drained(
    client, link, owner, redis
):
    visit(client, "/stats")
    visit(client, "/stats")  # within 15 minutes
    client.force_login(owner)
    visit(client, "/stats", REMOTE_ADDR=visits.US_IP)

    assert buffer.pending() == 2  # the visit and its repeat
    assert buffer.drain() == 2
    assert Click.objects.count() == 1
    assert counters(link) == (1, 1)


def test_a_bot_visit_is_pushed_then_stored_apart(link, redis):
    request = RequestFactory().get(
        "/stats", **{**visits.BROWSER, "HTTP_USER_AGENT": visits.TWITTER}
    )

    clicks.record_click(link, request)

    assert buffer.pending() == 1
    buffer.drain()
    assert Click.objects.get().is_bot
    assert counters(link) == (0, 0)


def test_a_visit_is_one_push_and_asks_the_cache_nothing(link, redis, monkeypatch):
    pushes: list[bytes] = []
    enqueue = buffer.enqueue

    def counted_push(event: bytes) -> None:
        pushes.append(event)
        enqueue(event)

    monkeypatch.setattr(buffer, "enqueue", counted_push)
    # The cache is not asked at all: it could be unreachable.
    monkeypatch.setattr(clicks, "cache", RedisCache(CLOSED_PORT, {}))
    request = RequestFactory().get("/stats", **visits.BROWSER)

    clicks.record_click(link, request)

    assert len(pushes) == 1
    (event,) = buffer.decode(redis.lrange(buffer.QUEUE, 0, -1))
    assert (event["link"], event["bot"], event["unique"]) == (link.pk, False, None)


def test_the_pushed_event_is_the_observed_visit(link, redis):
    agent = visits.BROWSER["HTTP_USER_AGENT"] + ' "unique":true} \\"'
    observed = clicks.observe(link, RequestFactory().get("/", HTTP_USER_AGENT=agent))

    clicks.record_click(link, RequestFactory().get("/", HTTP_USER_AGENT=agent))

    (event,) = buffer.decode(redis.lrange(buffer.QUEUE, 0, -1))
    assert event == {**observed, "id": event["id"], "at": event["at"]}
    assert event["agent"] == agent
    assert event["unique"] is None


@pytest.mark.parametrize("bot", [False, True])
def test_past_the_allowance_the_drain_stores_nothing(link, redis, settings, bot):
    settings.PAID_PLANS = True
    on_plan(link.owner, clicks=1)
    agent = visits.GOOGLEBOT if bot else visits.CHROME_WINDOWS
    factory = RequestFactory()

    def visit_from(address: str) -> None:
        request = factory.get(
            "/stats",
            **{**visits.BROWSER, "REMOTE_ADDR": address, "HTTP_USER_AGENT": agent},
        )
        clicks.record_click(link, request)

    person = factory.get("/stats", **{**visits.BROWSER, "REMOTE_ADDR": visits.US_IP})
    clicks.record_click(link, person)  # the month's only click
    visit_from(visits.CANADA_IP)

    assert buffer.drain() == 2
    assert list(Click.objects.values_list("is_bot", flat=True)) == [False]
    assert counters(link) == (1, 1)


# The verdicts of the drain (analytics.decisions), on events pushed as the
# redirect pushes them, with times of the test's choosing.

START = 1_780_000_000.0  # a Thursday at 20:26 UTC


def pushed(redis, *events: dict) -> None:
    redis.rpush(buffer.QUEUE, *(json.dumps(event) for event in events))


def undecided(link, minutes: float = 0, **fields: object) -> dict:
    """A person's visit `minutes` after START, as the redirect pushes it."""
    return {**event(link, at=START + minutes * 60, **fields), "unique": None}


def stored(link) -> list[tuple[float, bool, bool]]:
    """(minutes after START, bot, unique) of the link's click rows, in time order."""
    return [
        (
            round((click.created.timestamp() - START) / 60, 2),
            click.is_bot,
            click.is_unique,
        )
        for click in Click.objects.filter(link=link).order_by("created")
    ]


@time_machine.travel(START + 3600, tick=False)
def test_a_repeat_is_judged_on_the_visits_own_times(link, redis):
    pushed(
        redis,
        undecided(link, 0),
        undecided(link, 14.99),  # a repeat
        undecided(link, 15),  # 15 minutes on: counts, not unique
        undecided(link, 29),  # within 15 minutes of the last that counted
        undecided(link, 31),
        undecided(link, 5, visitor="e" * 64),  # someone else
    )

    assert buffer.drain() == 6

    assert stored(link) == [
        (0, False, True),
        (5, False, True),
        (15, False, False),
        (31, False, False),
    ]
    assert counters(link) == (4, 2)


@time_machine.travel(START + 3600, tick=False)
def test_visits_pushed_out_of_order_are_still_one_visit(link, redis):
    pushed(redis, undecided(link, 0.01), undecided(link, 0))

    buffer.drain()

    assert stored(link) == [(0.01, False, True)]  # the first to arrive counts


@time_machine.travel(START + 3600, tick=False)
def test_a_repeat_across_batches_is_still_a_repeat(link, redis):
    pushed(redis, undecided(link, 0))
    buffer.drain()
    pushed(redis, undecided(link, 10), undecided(link, 16))
    buffer.drain()

    assert stored(link) == [(0, False, True), (16, False, False)]


@time_machine.travel(START + 3600, tick=False)
def test_a_bots_repeats_are_left_out_and_its_visits_are_never_unique(link, redis):
    bot = {"agent": visits.GOOGLEBOT, "bot": True}
    pushed(redis, *(undecided(link, minute, **bot) for minute in (0, 1, 20)))

    buffer.drain()

    assert stored(link) == [(0, True, False), (20, True, False)]
    assert counters(link) == (0, 0)


@time_machine.travel(START + 3600, tick=False)
def test_decided_events_pass_as_they_are(link, redis):
    pushed(
        redis,
        event(link, at=START, unique=False),  # counted as new by hand, say
        event(link, at=START + 60, unique=True),
    )

    assert buffer.drain() == 2

    assert stored(link) == [(0, False, False), (1, False, True)]


@time_machine.travel(START + 3600, tick=False)
def test_verdicts_are_written_a_chunk_at_a_time(link, redis, monkeypatch):
    monkeypatch.setattr(decisions, "CHUNK", 2)
    writes = []
    write = decisions.Ledger.write

    def counted(ledger, given):
        writes.append(len(given))
        write(ledger, given)

    monkeypatch.setattr(decisions.Ledger, "write", counted)
    pushed(redis, *(undecided(link, minute) for minute in (0, 1, 16, 17, 40)))

    buffer.drain()

    assert writes == [2, 2, 1]
    assert [minutes for minutes, _, _ in stored(link)] == [0, 16, 40]


@time_machine.travel(START + 3600, tick=False)
def test_a_batch_decided_by_a_worker_that_died_gets_the_same_verdicts(
    link, redis, settings, monkeypatch
):
    settings.PAID_PLANS = True
    on_plan(link.owner, clicks=2)
    visitors = ["a" * 64, "b" * 64, "c" * 64]
    pushed(redis, *(undecided(link, 1, visitor=visitor) for visitor in visitors))
    process = buffer.process

    def dies(events: list[dict], **kwargs: object) -> int:
        raise SystemExit("the worker is killed")

    monkeypatch.setattr(buffer, "process", dies)
    with pytest.raises(SystemExit):
        buffer.drain()
    counter = redis.get(allowance.counter_key(link.owner_id))
    assert int(counter) == 3  # two clicks taken, and one past the allowance
    monkeypatch.setattr(buffer, "process", process)

    assert buffer.drain() == 3  # taken again, decided the same

    assert counters(link) == (2, 2)
    assert int(redis.get(allowance.counter_key(link.owner_id))) == 3  # not 6
    assert not redis.exists(decisions.VERDICTS)  # gone with the batch
    pushed(redis, undecided(link, 2, visitor="d" * 64))
    buffer.drain()
    assert counters(link) == (2, 2)


@time_machine.travel(START + 3600, tick=False)
def test_a_months_counter_missing_from_redis_starts_from_the_rollups(
    link, redis, settings
):
    settings.PAID_PLANS = True
    on_plan(link.owner, clicks=2)
    buffer.process([event(link, at=START), event(link, at=START, unique=False)])
    redis.delete(allowance.counter_key(link.owner_id))

    pushed(redis, undecided(link, 5, visitor="a" * 64))
    buffer.drain()

    assert counters(link) == (2, 1)  # the plan's two clicks were counted already
    assert int(redis.get(allowance.counter_key(link.owner_id))) == 3


@time_machine.travel(START + 3600, tick=False)
def test_the_allowance_is_the_month_of_the_visit(link, redis, settings):
    settings.PAID_PLANS = True
    on_plan(link.owner, clicks=1)
    last_month = START - 31 * 24 * 3600
    pushed(
        redis,
        {**event(link, at=last_month), "unique": None},
        undecided(link, 0, visitor="a" * 64),  # this month's first: counted
    )

    assert buffer.drain() == 2

    assert counters(link) == (2, 2)

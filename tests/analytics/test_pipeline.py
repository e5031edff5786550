"""The click pipeline without a Redis server: inline processing, the outage
fallback, idempotent batches, rollups per dimension and the links' totals."""

import datetime
import uuid
from collections.abc import Callable, Iterator

import pytest
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from analytics import buffer, clicks
from analytics.models import Click, DailyStat, Dimension
from tests.analytics import visits
from tests.analytics.visits import visit
from tests.factories import LinkFactory

CLOSED_PORT = "redis://127.0.0.1:1/0"  # nothing listens there


def counters(link) -> tuple[int, int]:
    link.refresh_from_db()
    return link.clicks, link.unique_clicks


def rollup(link, dimension: str) -> dict[str, tuple[int, int]]:
    """Clicks and unique clicks by value, all days together."""
    numbers: dict[str, tuple[int, int]] = {}
    for row in DailyStat.objects.filter(link=link, dimension=dimension):
        clicks, unique = numbers.get(row.value, (0, 0))
        numbers[row.value] = (clicks + row.clicks, unique + row.unique_clicks)
    return numbers


def event(link, **fields: object) -> dict:
    """A click event as record_click makes it: a French Chrome on Windows."""
    return {
        "id": uuid.uuid4().hex,
        "link": link.pk,
        "owner": link.owner_id,
        "at": timezone.now().timestamp(),
        "visitor": "f" * 64,
        "ip": "",
        "agent": visits.CHROME_WINDOWS,
        "referrer": "https://www.news.example/a",
        "language": "fr",
        "country_code": "FR",
        "country": "France",
        "bot": False,
        "unique": True,
        **fields,
    } | ({"unique": False} if fields.get("bot") else {})


@pytest.fixture
def inline(settings):
    settings.CLICKS_BUFFER_URL = ""  # the embedded default, whatever the env says


@pytest.mark.usefixtures("inline")
def test_without_a_buffer_a_visit_is_stored_and_rolled_up_at_once(client, link):
    visit(
        client,
        "/stats",
        HTTP_USER_AGENT=visits.IPHONE,
        HTTP_REFERER="https://www.news.example/story",
        REMOTE_ADDR=visits.CANADA_IP,
    )

    click = Click.objects.get()
    assert click.event_id is not None
    assert counters(link) == (1, 1)
    assert rollup(link, Dimension.TOTAL) == {"": (1, 1)}
    assert rollup(link, Dimension.COUNTRY) == {"Canada": (1, 1)}
    assert rollup(link, Dimension.REFERRER) == {"news.example": (1, 1)}
    assert rollup(link, Dimension.BROWSER) == {"Mobile Safari": (1, 1)}
    assert rollup(link, Dimension.OS) == {"iOS": (1, 1)}
    assert rollup(link, Dimension.DEVICE) == {"mobile": (1, 1)}
    assert rollup(link, Dimension.LANGUAGE) == {"en": (1, 1)}
    assert rollup(link, Dimension.BOT) == {}
    assert DailyStat.objects.get(dimension="total").day == timezone.localdate()


@pytest.mark.click_buffer
def test_an_unreachable_buffer_stores_the_click_directly(client, link, settings):
    settings.CLICKS_BUFFER_URL = CLOSED_PORT

    response = visit(client, "/stats")

    assert response.status_code == 302
    click = Click.objects.get()
    assert (click.country, click.browser) == ("France", "Chrome")
    assert counters(link) == (1, 1)
    assert rollup(link, Dimension.TOTAL) == {"": (1, 1)}


@pytest.mark.click_buffer
def test_an_unreachable_buffer_keeps_bot_visits_apart(client, link, settings):
    settings.CLICKS_BUFFER_URL = CLOSED_PORT

    visit(client, "/stats", HTTP_USER_AGENT=visits.GOOGLEBOT)

    assert Click.objects.get().is_bot
    assert counters(link) == (0, 0)
    assert rollup(link, Dimension.BOT) == {"Googlebot": (1, 0)}
    assert rollup(link, Dimension.TOTAL) == {}


@pytest.mark.usefixtures("inline")
def test_without_a_buffer_an_unreachable_cache_still_counts_the_visit(
    link, monkeypatch
):
    monkeypatch.setattr(clicks, "cache", RedisCache(CLOSED_PORT, {}))
    request = RequestFactory().get("/stats", **visits.BROWSER)

    clicks.record_click(link, request)

    assert Click.objects.get().is_unique
    assert counters(link) == (1, 1)


@pytest.mark.usefixtures("inline")
def test_a_failing_store_does_not_reach_the_visitor(client, link, monkeypatch):
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(buffer.rollups, "add_facts", broken)

    response = visit(client, "/stats")

    assert response.status_code == 302
    assert not Click.objects.exists()  # row and counters together, or neither
    assert counters(link) == (0, 0)


@pytest.mark.usefixtures("inline")
def test_without_a_buffer_record_click_decides_and_stores_at_once(link, owner):
    factory = RequestFactory()
    person = factory.get("/stats", **visits.BROWSER)
    again = factory.get("/stats", **visits.BROWSER)
    bot = factory.get("/stats", **{**visits.BROWSER, "HTTP_USER_AGENT": "curl/8"})
    own = factory.get("/stats", **visits.BROWSER)
    own.user = owner

    clicks.record_click(link, own)  # not recorded at all
    assert not Click.objects.exists()
    clicks.record_click(link, person)
    clicks.record_click(link, again)  # within 15 minutes
    clicks.record_click(link, bot)  # stored apart, not counted

    assert list(Click.objects.values_list("is_bot", "is_unique").order_by("id")) == [
        (False, True),
        (True, False),
    ]
    assert counters(link) == (1, 1)


@pytest.fixture
def pushed(settings, monkeypatch) -> Iterator[Callable[[], list[dict]]]:
    """The events record_click handed over so far.

    With a Redis buffer they are read back from the queue, left undrained (and
    undecided); without one they are caught on their way to `buffer.store`,
    decided.
    """
    if not settings.CLICKS_BUFFER_URL:
        caught: list[dict] = []
        monkeypatch.setattr(buffer, "store", caught.append)
        yield lambda: caught
        return
    redis = buffer.client(settings.CLICKS_BUFFER_URL)
    redis.delete(buffer.QUEUE)
    yield lambda: buffer.decode(redis.lrange(buffer.QUEUE, 0, -1))
    redis.delete(buffer.QUEUE)


@pytest.mark.click_buffer
def test_the_event_keeps_the_address_only_when_asked_for(link, settings, pushed):
    factory = RequestFactory()

    settings.CLICKS_STORE_IP = False
    clicks.record_click(link, factory.get("/stats", **visits.BROWSER))
    settings.CLICKS_STORE_IP = True
    clicks.record_click(
        link, factory.get("/stats", **{**visits.BROWSER, "REMOTE_ADDR": visits.US_IP})
    )

    events = pushed()
    assert len(events) == 2
    first, second = events
    assert first["ip"] == ""
    assert visits.FRANCE_IP not in str(first)
    assert second["ip"] == visits.US_IP
    assert (first["link"], first["owner"]) == (link.pk, link.owner_id)
    assert (first["country_code"], first["country"]) == ("FR", "France")
    assert (first["language"], first["bot"]) == ("en", False)
    # Whether it counts: decided when the buffer is drained, or at once without one.
    assert first["unique"] is (None if settings.CLICKS_BUFFER_URL else True)
    assert len(first["visitor"]) == 64
    assert uuid.UUID(first["id"]) != uuid.UUID(second["id"])
    assert first["agent"] == visits.CHROME_WINDOWS


def test_a_replayed_batch_is_not_counted_twice(link):
    batch = [event(link), event(link, unique=False), event(link, bot=True)]

    assert buffer.process(batch) == 3
    assert buffer.process(batch) == 0  # the same events again: nothing new
    assert buffer.process([*batch, event(link)]) == 1  # only the new one

    assert Click.objects.count() == 4
    assert counters(link) == (3, 2)
    assert rollup(link, Dimension.TOTAL) == {"": (3, 2)}
    assert rollup(link, Dimension.BOT) == {"Chrome": (1, 0)}


def test_an_event_twice_in_one_batch_counts_once(link):
    once = event(link)

    assert buffer.process([once, dict(once)]) == 1

    assert counters(link) == (1, 1)


def test_events_of_a_deleted_link_are_dropped(link, owner):
    gone = LinkFactory(owner=owner, alias="gone")
    orphan = event(gone)
    gone.delete()

    assert buffer.process([orphan, event(link)]) == 1

    assert list(Click.objects.values_list("link_id", flat=True)) == [link.pk]


def test_a_batch_is_enriched_and_rolled_up_per_dimension(link, owner):
    other = LinkFactory(owner=owner, alias="other")
    yesterday = timezone.now() - datetime.timedelta(days=1)
    batch = [
        event(link),
        event(link, unique=False),
        event(link, agent=visits.IPHONE, referrer="", language="", country=""),
        event(link, agent=visits.SAFARI_MAC, referrer="https://t.co/x"),
        event(link, at=yesterday.timestamp()),
        event(link, agent=visits.FACEBOOK, bot=True, unique=False),
        event(other),
    ]

    buffer.process(batch)

    today = timezone.localdate()
    days = DailyStat.objects.filter(link=link, dimension="total")
    assert {row.day: (row.clicks, row.unique_clicks) for row in days} == {
        today: (4, 3),
        today - datetime.timedelta(days=1): (1, 1),
    }
    assert rollup(link, Dimension.COUNTRY) == {"France": (4, 3), "": (1, 1)}
    assert rollup(link, Dimension.REFERRER) == {
        "news.example": (3, 2),
        "": (1, 1),
        "t.co": (1, 1),
    }
    assert rollup(link, Dimension.BROWSER) == {
        "Chrome": (3, 2),
        "Mobile Safari": (1, 1),
        "Safari": (1, 1),
    }
    assert rollup(link, Dimension.OS) == {
        "Windows": (3, 2),
        "iOS": (1, 1),
        "Mac OS X": (1, 1),
    }
    assert rollup(link, Dimension.DEVICE) == {"desktop": (4, 3), "mobile": (1, 1)}
    assert rollup(link, Dimension.LANGUAGE) == {"fr": (4, 3), "": (1, 1)}
    assert rollup(link, Dimension.BOT) == {"FacebookBot": (1, 0)}
    assert counters(link) == (5, 4)
    assert counters(other) == (1, 1)
    bot = Click.objects.get(is_bot=True)
    assert (bot.device_type, bot.is_unique) == ("bot", False)


def test_rollups_add_up_across_batches(link):
    buffer.process([event(link), event(link)])
    buffer.process([event(link, unique=False)])

    assert rollup(link, Dimension.TOTAL) == {"": (3, 2)}
    assert counters(link) == (3, 2)


def test_a_batch_takes_a_fixed_number_of_statements(link, owner):
    others = [LinkFactory(owner=owner, alias=f"o{n}") for n in range(3)]
    batch = [event(item) for item in [link, *others] for _ in range(50)]

    with CaptureQueriesContext(connection) as queries:
        buffer.process(batch)

    statements = [query["sql"].split(" (", 1)[0] for query in queries]
    click_inserts = [s for s in statements if s.startswith("INSERT") and "_click" in s]
    rest = [sql.split()[0] for sql in statements if sql not in click_inserts]
    if connection.vendor == "postgresql":
        # Savepoint; the rows in one INSERT (stored ids and gone links skipped);
        # the rollups in one upsert; the links locked in order, then one UPDATE
        # for all their totals; release.
        assert len(click_inserts) == 1
        assert rest == ["SAVEPOINT", "INSERT", "SELECT", "UPDATE", "RELEASE"]
    else:
        # The rows go in by the thousand (SQLite's bound on parameters cuts
        # finer). Savepoint; ids already stored; links still there; one rollup
        # upsert for every link, day and value; one UPDATE per link; release.
        assert len(click_inserts) == 4
        assert rest == [
            "SAVEPOINT", "SELECT", "SELECT", "INSERT", *["UPDATE"] * 4, "RELEASE",
        ]  # fmt: skip
    assert Click.objects.count() == 200


def test_the_stored_address_follows_the_setting(link):
    buffer.process([event(link, ip=visits.US_IP), event(link)])

    assert sorted(Click.objects.values_list("ip", flat=True), key=str) == [
        visits.US_IP,
        None,
    ]

"""Statistics read from the rollups: series, breakdowns, bot visits, link_stats;
pruning raw clicks leaves them; old clicks are rolled up by the migration."""

import datetime
import importlib
import uuid
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from analytics import buffer, stats, tasks
from analytics.models import Click, DailyStat
from shortener.models import Link
from tests.analytics import visits
from tests.factories import LinkFactory
from tests.limits.conftest import on_plan

TODAY = datetime.date(2026, 3, 18)  # a Wednesday


def event(link, day: datetime.date, **fields: object) -> dict:
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    return {
        "id": uuid.uuid4().hex,
        "link": link.pk,
        "owner": link.owner_id,
        "at": moment.timestamp(),
        "visitor": "a" * 64,
        "ip": "",
        "agent": visits.CHROME_WINDOWS,
        "referrer": "",
        "language": "en",
        "country_code": "FR",
        "country": "France",
        "bot": False,
        "unique": True,
        **fields,
    }


def days_ago(number: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=number)


@pytest.fixture
def history(link, owner):
    """Clicks of `link` over three weeks, and of another link of the owner."""
    other = LinkFactory(owner=owner, alias="other")
    buffer.process(
        [
            event(link, TODAY),
            event(link, TODAY, unique=False, country="Canada"),
            event(link, days_ago(1), agent=visits.IPHONE),
            event(link, days_ago(9), referrer="https://t.co/x"),
            event(link, days_ago(20), language="de"),
            event(link, TODAY, agent=visits.GOOGLEBOT, bot=True, unique=False),
            event(link, days_ago(3), agent=visits.FACEBOOK, bot=True, unique=False),
            event(other, TODAY, country="Canada"),
        ]
    )
    return other


def test_a_daily_series_lists_every_day_with_zeros(link, history):
    assert stats.series(link, days_ago(3), TODAY) == [
        (days_ago(3), 0, 0),
        (days_ago(2), 0, 0),
        (days_ago(1), 1, 1),
        (TODAY, 2, 1),
    ]


def test_weekly_and_monthly_series_start_on_monday_and_the_first(link, history):
    weekly = stats.series(link, days_ago(20), TODAY, unit="week")
    monthly = stats.series(link, days_ago(20), TODAY, unit="month")

    assert weekly == [
        (datetime.date(2026, 2, 23), 1, 1),
        (datetime.date(2026, 3, 2), 0, 0),
        (datetime.date(2026, 3, 9), 1, 1),
        (datetime.date(2026, 3, 16), 3, 2),
    ]
    assert monthly == [
        (datetime.date(2026, 2, 1), 1, 1),
        (datetime.date(2026, 3, 1), 4, 3),
    ]


def test_an_unknown_unit_is_refused(link):
    with pytest.raises(ValueError, match="unit"):
        stats.series(link, TODAY, TODAY, unit="year")


def test_a_series_over_all_of_an_owners_links(link, owner, history):
    mine = Link.objects.filter(owner=owner)

    assert stats.series(mine, TODAY, TODAY) == [(TODAY, 3, 2)]


def test_breakdowns_by_dimension_over_a_range(link, owner, history):
    assert stats.breakdown(link, "country", None, None) == {"France": 4, "Canada": 1}
    assert stats.breakdown(link, "country", TODAY, TODAY) == {
        "Canada": 1,
        "France": 1,
    }
    assert stats.breakdown(link, "device", None, None) == {
        "desktop": 4,
        "mobile": 1,
    }
    assert stats.breakdown(link, "referrer", None, None) == {"": 4, "t.co": 1}
    assert stats.breakdown(link, "language", days_ago(30), days_ago(10)) == {"de": 1}
    assert stats.breakdown(
        Link.objects.filter(owner=owner), "country", TODAY, TODAY
    ) == {"Canada": 2, "France": 1}


def test_a_breakdown_keeps_the_largest(link):
    buffer.process(
        [event(link, TODAY, country=f"C{n}") for n in range(1, 6) for _ in range(n)]
    )

    assert stats.breakdown(link, "country", None, None, top=2) == {"C5": 5, "C4": 4}
    assert len(stats.breakdown(link, "country", None, None, top=None)) == 5


def test_an_unknown_dimension_is_refused(link):
    with pytest.raises(ValueError, match="dimension"):
        stats.breakdown(link, "city", None, None)


def test_bot_visits_are_counted_apart(link, owner, history):
    assert stats.bot_visits(link, None, None) == 2
    assert stats.bot_visits(link, TODAY, TODAY) == 1
    assert stats.bot_visits(Link.objects.filter(owner=owner), days_ago(5), None) == 2
    assert stats.breakdown(link, "bot", None, None) == {
        "FacebookBot": 1,
        "Googlebot": 1,
    }


def test_link_stats_reads_the_rollups_not_the_clicks(link, history):
    link.refresh_from_db()

    with CaptureQueriesContext(connection) as queries:
        block = stats.link_stats(link)

    assert len(queries) == 1
    assert "analytics_click" not in queries[0]["sql"]
    assert "analytics_dailystat" in queries[0]["sql"]
    assert block["clicks"] == 5
    assert block["topCountries"] == {"France": 4, "Canada": 1}
    assert block["socialCount"]["twitter"] == 1


def test_the_statistics_survive_the_clicks_deletion(link, history):
    link.refresh_from_db()
    before = stats.link_stats(link)

    Click.objects.all().delete()

    assert stats.link_stats(link) == before
    assert stats.series(link, TODAY, TODAY) == [(TODAY, 2, 1)]


def test_pruning_past_the_retention_leaves_the_rollups(link, owner, settings):
    settings.PAID_PLANS = True  # retention applies with paid plans (D38)
    on_plan(owner, retention=7)
    now = timezone.now()
    buffer.process(
        [
            event(
                link,
                (now - datetime.timedelta(days=30)).date(),
                at=(now - datetime.timedelta(days=30)).timestamp(),
            ),
            event(link, now.date(), at=now.timestamp()),
        ]
    )
    rollups_before = list(DailyStat.objects.values_list("day", "dimension", "clicks"))

    assert tasks.prune_clicks.delay().get() == 1

    assert Click.objects.count() == 1
    assert list(DailyStat.objects.values_list("day", "dimension", "clicks")) == (
        rollups_before
    )
    assert stats.link_stats(link)["topCountries"] == {"France": 2}


def test_the_migration_rolls_up_the_clicks_recorded_before(link, owner):
    when = datetime.datetime(2026, 3, 1, 10, tzinfo=timezone.get_current_timezone())
    rows = [
        ("France", "Chrome", "t.co", False, True),
        ("France", "Chrome", "", False, False),
        ("Canada", "Safari", "news.example", False, True),
        ("", "Googlebot", "", True, False),
    ]
    for country, browser, referrer, is_bot, is_unique in rows:
        Click.objects.create(  # as recorded before rollups existed
            link=link,
            created=when,
            country=country,
            browser=browser,
            os="Windows",
            device_type="bot" if is_bot else "desktop",
            referrer_domain=referrer,
            language="en",
            is_bot=is_bot,
            is_unique=is_unique,
            visitor="v" * 64,
        )
    module = importlib.import_module("analytics.migrations.0003_rollups_from_clicks")

    module.build(apps, SimpleNamespace(connection=connection))

    day = datetime.date(2026, 3, 1)
    assert stats.series(link, day, day) == [(day, 3, 2)]
    assert stats.breakdown(link, "country", None, None) == {"France": 2, "Canada": 1}
    assert stats.breakdown(link, "referrer", None, None) == {
        "": 1,
        "news.example": 1,
        "t.co": 1,
    }
    assert stats.breakdown(link, "os", None, None) == {"Windows": 3}
    assert stats.bot_visits(link, None, None) == 1
    link.clicks, link.unique_clicks = 3, 2
    assert stats.link_stats(link)["topBrowsers"] == {"Chrome": 2, "Safari": 1}

    module.unbuild(apps, SimpleNamespace(connection=connection))
    assert not DailyStat.objects.exists()

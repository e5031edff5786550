"""The plan's tracked clicks per month (api-spec §16.3, §16.8 `clicks`).

Past the allowance visits still redirect but are not recorded. The redirect asks
the cache, not the database (analytics.allowance).
"""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone

from analytics.models import Click
from shortener.models import Link
from tests.analytics import visits
from tests.analytics.factories import ClickFactory
from tests.analytics.visits import visit
from tests.factories import LinkFactory
from tests.limits.conftest import on_plan
from tests.redirect.test_queries import counted_visit_cost

# Visitors the allowance tells apart (a repeat within 15 minutes is never counted).
ADDRESSES = ["8.8.8.8", "5.39.0.1", "24.48.0.1", "1.1.1.1", "9.9.9.9"]


@pytest.fixture
def link(owner):
    return LinkFactory(owner=owner, alias="Promo", long_url="https://example.com/")


def visits_from(client, count: int, path: str = "/Promo", **headers: str) -> list[int]:
    return [
        visit(client, path, REMOTE_ADDR=address, **headers).status_code
        for address in ADDRESSES[:count]
    ]


def counted(link: Link) -> tuple[int, int]:
    """The link's click counter and its human click rows."""
    link.refresh_from_db()
    return link.clicks, Click.objects.filter(link=link, is_bot=False).count()


@pytest.mark.usefixtures("paid")
def test_visits_past_the_allowance_redirect_but_are_not_recorded(client, owner, link):
    on_plan(owner, clicks=2)

    assert visits_from(client, 3) == [302, 302, 302]

    assert counted(link) == (2, 2)


@pytest.mark.usefixtures("paid")
def test_the_allowance_counts_all_of_the_owners_links(client, owner, link):
    on_plan(owner, clicks=2)
    other = LinkFactory(owner=owner, alias="Other")

    visits_from(client, 1)
    visits_from(client, 2, "/Other")

    assert counted(link) == (1, 1)
    assert counted(other) == (1, 1)


@pytest.mark.usefixtures("paid")
def test_the_count_survives_a_lost_cache(client, owner, link):
    on_plan(owner, clicks=2)
    visits_from(client, 2)
    cache.clear()  # the counter is rebuilt from this month's rows

    visit(client, "/Promo", REMOTE_ADDR="1.1.1.1")

    assert counted(link) == (2, 2)


@pytest.mark.usefixtures("paid")
def test_last_months_clicks_do_not_count(client, owner, link):
    on_plan(owner, clicks=1)
    ClickFactory(link=link, created=timezone.now() - timedelta(days=40))

    visits_from(client, 1)

    assert Click.objects.filter(link=link).count() == 2


@pytest.mark.usefixtures("paid")
def test_a_new_month_brings_a_new_allowance(client, owner, link):
    on_plan(owner, clicks=1)
    subscription = owner.subscription
    subscription.expires = None
    subscription.save()
    start = datetime(2031, 3, 31, 12, 0, tzinfo=UTC)  # TIME_ZONE is UTC in tests
    with time_machine.travel(start, tick=False):
        visits_from(client, 2)
    with time_machine.travel(start + timedelta(days=1), tick=False):
        visit(client, "/Promo", REMOTE_ADDR="1.1.1.1")

    assert counted(link) == (2, 2)


@pytest.mark.usefixtures("paid")
def test_bots_are_not_kept_once_the_allowance_is_used(client, owner, link):
    on_plan(owner, clicks=1)
    visit(client, "/Promo", HTTP_USER_AGENT=visits.GOOGLEBOT)
    visits_from(client, 1)

    visit(client, "/Promo", HTTP_USER_AGENT=visits.GOOGLEBOT, REMOTE_ADDR="1.1.1.1")

    assert Click.objects.filter(link=link, is_bot=True).count() == 1
    assert counted(link) == (1, 1)


@pytest.mark.usefixtures("paid")
def test_an_unlimited_plan_records_every_visit(client, owner, link):
    on_plan(owner, clicks=0)

    visits_from(client, 4)

    assert counted(link) == (4, 4)


@pytest.mark.usefixtures("paid")
def test_an_admins_links_record_every_visit(client, admin):
    on_plan(admin, clicks=1)
    link = LinkFactory(owner=admin, alias="Promo")

    visits_from(client, 3)

    assert counted(link) == (3, 3)


def test_every_visit_is_recorded_while_paid_plans_are_off(client, owner, link):
    on_plan(owner, clicks=1)

    visits_from(client, 3)

    assert counted(link) == (3, 3)


@pytest.mark.click_buffer
@pytest.mark.usefixtures("paid")
def test_a_counted_redirect_costs_no_extra_query_once_cached(
    client, owner, link, django_assert_num_queries
):
    on_plan(owner, clicks=100)
    visit(client, "/Promo", REMOTE_ADDR="1.1.1.1")  # the limit and count get cached

    # As tests/redirect/test_queries.py pins it with paid plans off.
    with django_assert_num_queries(counted_visit_cost()):
        response = visit(client, "/Promo", REMOTE_ADDR="8.8.8.8")

    assert response.status_code == 302


@pytest.mark.usefixtures("paid")
def test_a_plan_change_reaches_the_redirect_once_the_limit_expires(client, owner, link):
    plan = on_plan(owner, clicks=1)
    visits_from(client, 2)
    plan.clicks = 10
    plan.save()
    cache.delete(f"analytics:click-limit:{owner.pk}")  # as after LIMIT_SECONDS

    visit(client, "/Promo", REMOTE_ADDR="1.1.1.1")

    assert counted(link) == (2, 2)


@pytest.mark.usefixtures("paid")
def test_a_cache_that_keeps_nothing_still_holds_the_allowance(
    client, owner, link, settings
):
    on_plan(owner, clicks=2)
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    }
    cache.set("kept", 1)
    assert cache.get("kept") is None

    visits_from(client, 3)

    assert counted(link) == (2, 2)

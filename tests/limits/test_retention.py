"""The plan's `retention`: a periodic task prunes click rows older than it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from analytics import tasks
from analytics.models import Click
from billing.models import Plan
from tests.analytics.factories import ClickFactory
from tests.factories import LinkFactory, UserFactory
from tests.limits.conftest import on_plan


def clicks_aged(owner, *days: int) -> list[Click]:
    link = LinkFactory(owner=owner)
    now = timezone.now()
    return [ClickFactory(link=link, created=now - timedelta(days=d)) for d in days]


def remaining(owner) -> list[int]:
    """The ages in days of the owner's click rows left, oldest first."""
    now = timezone.now()
    rows = Click.objects.filter(link__owner=owner).order_by("created")
    return [(now - click.created).days for click in rows]


@pytest.mark.usefixtures("paid")
def test_clicks_older_than_the_plans_retention_are_deleted(owner):
    on_plan(owner, retention=7)
    clicks_aged(owner, 30, 8, 6, 0)

    assert tasks.prune_clicks.delay().get() == 2

    assert remaining(owner) == [6, 0]


@pytest.mark.usefixtures("paid")
def test_the_links_counters_stay(owner):
    on_plan(owner, retention=7)
    click = clicks_aged(owner, 30)[0]
    link = click.link
    link.clicks = 1
    link.save()

    tasks.prune_clicks()

    link.refresh_from_db()
    assert (link.clicks, Click.objects.count()) == (1, 0)


@pytest.mark.usefixtures("paid")
def test_each_owner_keeps_their_own_plans_retention(owner, stranger):
    on_plan(owner, retention=7)
    on_plan(stranger, retention=0)  # forever
    clicks_aged(owner, 10)
    clicks_aged(stranger, 400)

    tasks.prune_clicks()

    assert remaining(owner) == []
    assert remaining(stranger) == [400]


@pytest.mark.usefixtures("paid")
def test_users_without_a_subscription_keep_the_default_plans_retention(owner):
    default = Plan.objects.default()
    default.retention = 30
    default.save()
    expired = UserFactory()
    on_plan(expired, retention=0)
    expired.subscription.expires = timezone.now() - timedelta(days=1)
    expired.subscription.save()
    clicks_aged(owner, 31, 29)
    clicks_aged(expired, 31, 29)

    tasks.prune_clicks()

    assert remaining(owner) == [29]
    assert remaining(expired) == [29]


@pytest.mark.usefixtures("paid")
def test_admins_keep_every_click(admin):
    on_plan(admin, retention=1)
    clicks_aged(admin, 100)

    tasks.prune_clicks()

    assert remaining(admin) == [100]


@pytest.mark.usefixtures("paid")
def test_rows_go_in_batches(owner, monkeypatch):
    monkeypatch.setattr(tasks, "PRUNE_BATCH", 2)
    on_plan(owner, retention=1)
    clicks_aged(owner, 5, 5, 5, 5, 5, 0)
    statements = []
    delete = tasks.Click.objects.filter

    def counting_filter(*args, **kwargs):
        if "pk__in" in kwargs:
            statements.append(len(kwargs["pk__in"]))
        return delete(*args, **kwargs)

    monkeypatch.setattr(tasks.Click.objects, "filter", counting_filter)

    assert tasks.prune_clicks() == 5

    assert statements == [2, 2, 1]
    assert remaining(owner) == [0]


def test_nothing_is_pruned_while_paid_plans_are_off(owner):
    on_plan(owner, retention=1)
    clicks_aged(owner, 100)

    assert tasks.prune_clicks() == 0

    assert remaining(owner) == [100]


def test_the_task_runs_periodically(settings):
    schedule = settings.CELERY_BEAT_SCHEDULE["analytics-prune-clicks"]
    assert schedule["task"] == "analytics.tasks.prune_clicks"

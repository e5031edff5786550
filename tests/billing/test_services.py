"""billing.services: subscribe, cancel, extend and the expiry task."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from billing import services
from billing.entitlements import plan_for
from billing.models import Plan, Subscription
from billing.tasks import expire_subscriptions
from tests.factories import PlanFactory, SubscriptionFactory

UTC = ZoneInfo("UTC")
NOW = datetime(2026, 1, 31, 12, 0, tzinfo=UTC)


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.mark.usefixtures("frozen")
@pytest.mark.parametrize(
    ("period", "expected"),
    [
        ("monthly", datetime(2026, 2, 28, 12, 0, tzinfo=UTC)),  # month end clamps
        ("yearly", datetime(2027, 1, 31, 12, 0, tzinfo=UTC)),
        ("lifetime", datetime(2036, 1, 31, 12, 0, tzinfo=UTC)),
    ],
)
def test_subscribe_computes_the_expiry_from_the_period(owner, period, expected):
    plan = PlanFactory()
    subscription = services.subscribe(owner, plan, period)
    subscription.refresh_from_db()
    assert subscription.expires == expected
    assert (subscription.plan, subscription.period, subscription.status) == (
        plan,
        period,
        "active",
    )
    assert plan_for(owner) == plan


def test_subscribe_keeps_a_given_expiry_and_provider_ids(owner):
    expires = timezone.now() + timedelta(days=3)
    services.subscribe(
        owner,
        PlanFactory(),
        "yearly",
        expires,
        provider="stripe",
        customer_ref="cus_1",
        subscription_ref="sub_1",
    )
    stored = Subscription.objects.get(user=owner)
    assert stored.expires == expires
    assert (stored.provider, stored.customer_ref, stored.subscription_ref) == (
        "stripe",
        "cus_1",
        "sub_1",
    )


def test_subscribe_replaces_the_previous_subscription(owner):
    SubscriptionFactory(user=owner, status="canceled", provider="stripe")
    plan = PlanFactory()
    services.subscribe(owner, plan, "monthly")
    assert Subscription.objects.filter(user=owner).count() == 1
    stored = Subscription.objects.get(user=owner)
    assert (stored.plan, stored.status, stored.provider) == (plan, "active", "")


def test_subscribe_refuses_an_unknown_period(owner):
    with pytest.raises(ValueError, match="weekly"):
        services.subscribe(owner, PlanFactory(), "weekly")
    assert not Subscription.objects.exists()


def test_cancel_puts_the_user_on_the_free_plan_at_once(owner):
    subscription = SubscriptionFactory(user=owner)
    assert plan_for(owner) == subscription.plan
    services.cancel(owner)
    assert plan_for(owner) == Plan.objects.default()
    subscription.refresh_from_db()
    assert subscription.status == "canceled"


def test_cancel_without_a_subscription_does_nothing(owner):
    services.cancel(owner)
    assert not Subscription.objects.exists()


@pytest.mark.usefixtures("frozen")
def test_extend_pushes_a_running_subscription_by_one_period(owner):
    subscription = SubscriptionFactory(user=owner, expires=NOW + timedelta(days=10))
    services.extend(subscription, "monthly")
    subscription.refresh_from_db()
    assert subscription.expires == datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


@pytest.mark.usefixtures("frozen")
def test_extend_gives_an_expired_subscription_a_period_from_now(owner):
    subscription = SubscriptionFactory(
        user=owner, expires=NOW - timedelta(days=100), status="expired"
    )
    services.extend(subscription, "yearly")
    subscription.refresh_from_db()
    assert subscription.expires == datetime(2027, 1, 31, 12, 0, tzinfo=UTC)
    assert subscription.status == "active"
    assert plan_for(owner) == subscription.plan


def test_extend_leaves_a_never_expiring_subscription_alone(owner):
    subscription = SubscriptionFactory(user=owner, expires=None, period="lifetime")
    assert services.extend(subscription, "lifetime").expires is None


def test_the_task_marks_overdue_subscriptions_expired(owner, stranger):
    overdue = SubscriptionFactory(
        user=owner, expires=timezone.now() - timedelta(minutes=1)
    )
    running = SubscriptionFactory(user=stranger)
    assert expire_subscriptions.delay().get() == 1
    overdue.refresh_from_db()
    running.refresh_from_db()
    assert (overdue.status, running.status) == ("expired", "active")
    assert expire_subscriptions() == 0  # safe to run again


def test_the_task_is_on_the_beat_schedule(settings):
    entries = settings.CELERY_BEAT_SCHEDULE.values()
    assert "billing.tasks.expire_subscriptions" in {entry["task"] for entry in entries}


def test_the_month_arithmetic_clamps_to_the_last_day():
    assert services.add_months(datetime(2024, 1, 31, tzinfo=UTC), 1).day == 29
    assert services.add_months(datetime(2024, 12, 15, tzinfo=UTC), 1) == datetime(
        2025, 1, 15, tzinfo=UTC
    )

"""billing.entitlements: plan_for, has, limit, require, quota_slot, usage (D38)."""

import threading
import time
from datetime import timedelta

import pytest
import time_machine
from django.db import connection
from django.utils import timezone

from billing import entitlements
from billing.entitlements import (
    LIMIT_REACHED,
    NO_PERMISSION,
    has,
    limit,
    plan_for,
    quota_slot,
    require,
    usage,
)
from billing.models import Plan
from core.errors import PermissionDenied
from shortener.models import Link
from tests.factories import LinkFactory, PlanFactory, SubscriptionFactory, UserFactory


@pytest.fixture
def paid(settings):
    settings.PAID_PLANS = True


def gold() -> Plan:
    plan = PlanFactory(name="Gold", links=3, clicks=1000, retention=0)
    plan.with_feature("qr", enabled=True, count=5)
    plan.with_feature("alias", enabled=True)
    plan.with_feature("geo", enabled=False)
    plan.save()
    return plan


def test_without_a_subscription_the_user_is_on_the_default_plan(owner):
    default = Plan.objects.default()
    assert default.is_default
    assert default.is_free
    assert plan_for(owner) == default


def test_the_default_plan_is_created_when_an_install_has_none(owner):
    Plan.objects.all().delete()
    plan = plan_for(owner)
    assert (plan.name, plan.is_free, plan.is_default) == ("Free", True, True)
    assert Plan.objects.filter(is_default=True).count() == 1
    assert plan_for(owner) == plan


def test_an_active_subscription_gives_its_plan(owner):
    subscription = SubscriptionFactory(user=owner, plan=gold())
    assert plan_for(owner) == subscription.plan


def test_a_subscription_without_expiry_never_ends(owner):
    subscription = SubscriptionFactory(user=owner, expires=None)
    assert plan_for(owner) == subscription.plan


def test_a_canceled_subscription_falls_back_to_the_default_plan(owner):
    SubscriptionFactory(user=owner, status="canceled")
    assert plan_for(owner) == Plan.objects.default()


def test_the_plan_ends_the_moment_the_subscription_expires(owner):
    expires = timezone.now() + timedelta(days=2)
    subscription = SubscriptionFactory(user=owner, expires=expires)
    with time_machine.travel(expires - timedelta(seconds=1), tick=False):
        assert plan_for(owner) == subscription.plan
        assert owner.is_pro
    with time_machine.travel(expires, tick=False):
        assert plan_for(owner) == Plan.objects.default()
        assert not owner.is_pro
        assert owner.membership == "free"


def test_while_paid_plans_are_off_everything_is_allowed_without_quota(owner, settings):
    settings.PAID_PLANS = False
    SubscriptionFactory(user=owner, plan=gold())
    assert has(owner, "geo")
    assert has(owner, "bulkqr")
    assert limit(owner, "links") is None
    assert limit(owner, "qr") is None
    require(owner, "geo")


@pytest.mark.usefixtures("paid")
def test_features_follow_the_plan(owner):
    SubscriptionFactory(user=owner, plan=gold())
    assert has(owner, "alias")
    assert has(owner, "qr")
    assert not has(owner, "geo")  # stored disabled
    assert not has(owner, "bulkqr")  # never stored
    assert not has(owner, "no-such-feature")


@pytest.mark.usefixtures("paid")
def test_limits_read_numbers_and_counts_with_zero_as_unlimited(owner):
    SubscriptionFactory(user=owner, plan=gold())
    assert limit(owner, "links") == 3
    assert limit(owner, "clicks") == 1000
    assert limit(owner, "retention") is None
    assert limit(owner, "qr") == 5
    assert limit(owner, "alias") is None
    assert limit(owner, "bulkqr") is None


@pytest.mark.usefixtures("paid")
@pytest.mark.parametrize("flag", ["is_staff", "is_superuser"])
def test_admins_bypass_gates_and_quotas(db, flag):
    admin = UserFactory(**{flag: True})
    SubscriptionFactory(user=admin, plan=gold())
    assert has(admin, "geo")
    assert limit(admin, "links") is None
    require(admin, "geo")


@pytest.mark.usefixtures("paid")
def test_require_raises_the_given_message(owner):
    SubscriptionFactory(user=owner, plan=gold())
    with pytest.raises(PermissionDenied) as error:
        require(owner, "geo")
    assert (error.value.message, error.value.status) == (NO_PERMISSION, 403)
    with pytest.raises(PermissionDenied) as error:
        require(owner, "geo", "Geo targeting is not in your plan.")
    assert error.value.message == "Geo targeting is not in your plan."
    require(owner, "alias")


def test_a_malformed_stored_feature_reads_as_disabled(db):
    plan = PlanFactory(features={"qr": "yes", "geo": {"enabled": 1, "count": "x"}})
    assert not plan.feature("qr").enabled
    assert plan.feature("geo").enabled
    assert plan.feature("geo").count == 0


def links_of(user):
    return lambda: Link.objects.filter(owner=user).count()


@pytest.mark.usefixtures("paid")
def test_quota_slot_lets_the_caller_create_below_the_limit(owner):
    SubscriptionFactory(user=owner, plan=gold())
    LinkFactory.create_batch(2, owner=owner)
    with quota_slot(owner, "links", links_of(owner)):
        LinkFactory(owner=owner)
    assert Link.objects.filter(owner=owner).count() == 3


@pytest.mark.usefixtures("paid")
def test_quota_slot_refuses_at_the_limit_and_nothing_is_created(owner):
    SubscriptionFactory(user=owner, plan=gold())
    LinkFactory.create_batch(3, owner=owner)
    with (
        pytest.raises(PermissionDenied) as error,
        quota_slot(owner, "links", links_of(owner)),
    ):
        LinkFactory(owner=owner)
    assert error.value.message == LIMIT_REACHED
    assert Link.objects.filter(owner=owner).count() == 3
    with (
        pytest.raises(PermissionDenied) as error,
        quota_slot(owner, "links", links_of(owner), entitlements.LINKS_LIMIT),
    ):
        pass
    assert error.value.message == (
        "You have reached your maximum links limit. Please upgrade to another plan."
    )


@pytest.mark.usefixtures("paid")
def test_quota_slot_does_not_count_when_unlimited(owner):
    SubscriptionFactory(user=owner, plan=PlanFactory(links=0))

    def never() -> int:
        raise AssertionError("an unlimited quota must not count")

    with quota_slot(owner, "links", never):
        LinkFactory(owner=owner)


@pytest.mark.usefixtures("paid")
def test_an_error_inside_the_slot_rolls_the_create_back(owner):
    SubscriptionFactory(user=owner, plan=gold())

    def create_then_fail() -> None:
        with quota_slot(owner, "links", links_of(owner)):
            LinkFactory(owner=owner)
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        create_then_fail()
    assert not Link.objects.filter(owner=owner).exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("concurrent_writers")
def test_concurrent_creates_cannot_both_take_the_last_slot(settings):
    settings.PAID_PLANS = True
    user = UserFactory()
    SubscriptionFactory(user=user, plan=gold())
    LinkFactory.create_batch(2, owner=user)  # one slot left of three
    barrier = threading.Barrier(4)
    outcomes: list[str] = []

    def slow_count() -> int:
        count = Link.objects.filter(owner=user).count()
        time.sleep(0.2)  # widen the window between counting and creating
        return count

    def create() -> None:
        try:
            barrier.wait()
            with quota_slot(user, "links", slow_count):
                LinkFactory(owner=user)
            outcomes.append("created")
        except PermissionDenied:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=create) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["created", "refused", "refused", "refused"]
    assert Link.objects.filter(owner=user).count() == 3


@pytest.mark.usefixtures("paid")
def test_usage_counts_what_each_quota_counts(owner, stranger):
    SubscriptionFactory(user=owner, plan=gold())
    LinkFactory.create_batch(2, owner=owner)
    LinkFactory(owner=stranger)
    lines = {line.key: line for line in usage(owner)}
    assert (lines["links"].used, lines["links"].limit) == (2, 3)
    assert (lines["clicks"].used, lines["clicks"].limit) == (0, 1000)
    assert (lines["qr"].used, lines["qr"].limit) == (0, 5)
    assert lines["pixels"].limit is None
    assert str(lines["links"].label) == "Links"
    assert {
        "links",
        "clicks",
        "qr",
        "domain",
        "pixels",
        "splash",
        "overlay",
        "files",
    } <= set(lines)


@pytest.mark.usefixtures("paid")
def test_a_monthly_links_quota_counts_this_months_links_only(owner):
    plan = gold()
    plan.links_monthly = True
    plan.save()
    SubscriptionFactory(user=owner, plan=plan, expires=None)
    LinkFactory(owner=owner, created=timezone.now() - timedelta(days=40))
    LinkFactory(owner=owner)
    lines = {line.key: line for line in usage(owner)}
    assert lines["links"].used == 1

"""The API rate follows the plan only while paid plans are on (§1.3, D38)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from api.ratelimit import rate_for
from tests.factories import PlanFactory, SubscriptionFactory


def plan_with(api_rate=0, apirate=None):
    plan = PlanFactory(api_rate=api_rate)
    if apirate is not None:
        enabled, count = apirate
        plan.with_feature("apirate", enabled=enabled, count=count)
        plan.save()
    return plan


def test_while_paid_plans_are_off_the_rate_is_the_site_default(owner, settings):
    settings.API_RATE_LIMIT = 30
    SubscriptionFactory(user=owner, plan=plan_with(api_rate=100, apirate=(True, 500)))
    assert rate_for(owner) == 30


@pytest.mark.parametrize(
    ("api_rate", "apirate", "expected"),
    [
        (100, (True, 500), 500),  # the feature's count wins
        (100, (False, 500), 100),  # a disabled feature is ignored
        (100, (True, 0), 100),  # 0 = no override
        (0, None, 30),  # nothing set: the site default
    ],
)
def test_the_plan_sets_the_rate(owner, settings, api_rate, apirate, expected):
    settings.PAID_PLANS = True
    settings.API_RATE_LIMIT = 30
    SubscriptionFactory(user=owner, plan=plan_with(api_rate, apirate))
    assert rate_for(owner) == expected


def test_an_expired_subscription_gives_the_free_plans_rate(owner, settings, owner_api):
    settings.PAID_PLANS = True
    settings.API_RATE_LIMIT = 30
    SubscriptionFactory(
        user=owner,
        plan=plan_with(api_rate=100),
        expires=timezone.now() - timedelta(seconds=1),
    )
    assert owner_api.get("/api/account")["X-RateLimit-Limit"] == "30"

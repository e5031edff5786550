"""What the plan-limit tests share: paid plans on, and users put on plans."""

import pytest

from billing.models import Plan
from tests.factories import PlanFactory, SubscriptionFactory, UserFactory

NO_API = "You do not have the permission to use the API."
NO_PERMISSION = "You do not have permission to access this endpoint."
LIMIT_REACHED = "You have reached your limit."
LINKS_LIMIT = (
    "You have reached your maximum links limit. Please upgrade to another plan."
)
MONTHLY_LIMIT = "You have reached your monthly limit. Please upgrade to another plan."
# How the dashboard words the same refusals (core.wording).
PAGE_NO_FEATURE = (
    "Your plan does not include this feature. Upgrade your plan to use it."
)
PAGE_LIMIT = "You have reached your plan&#x27;s limit. Upgrade your plan to add more."


@pytest.fixture
def paid(settings):
    """The site's paid plans are on: plans restrict what users do (D38)."""
    settings.PAID_PLANS = True


def on_plan(
    user,
    *,
    links: int = 0,
    links_monthly: bool = False,
    clicks: int = 0,
    retention: int = 0,
    is_free: bool = False,
    **features: int,
) -> Plan:
    """Subscribe `user` to a new plan with exactly these features enabled.

    Each keyword feature is enabled with that count (0 = unlimited); every other
    feature is disabled.
    """
    plan = PlanFactory(
        links=links,
        links_monthly=links_monthly,
        clicks=clicks,
        retention=retention,
        is_free=is_free,
    )
    for key, count in features.items():
        plan.with_feature(key, enabled=True, count=count)
    plan.save()
    SubscriptionFactory(user=user, plan=plan)
    return plan


@pytest.fixture
def admin(db):
    return UserFactory(username="admin", is_staff=True)

"""The one place that answers "may this user do X" (issue 5, api-spec D38).

While the site's paid plans are off (`PAID_PLANS`, the default) every user may
do everything without a quota. Admins bypass every gate. Otherwise the user's
plan decides: their subscription's while it is active and unexpired, else the
default free plan.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.functional import Promise

from billing.features import FEATURES_BY_KEY, NUMERIC_LIMITS
from billing.models import Plan, Subscription
from core.errors import PermissionDenied

NO_PERMISSION = "You do not have permission to access this endpoint."
LIMIT_REACHED = "You have reached your limit."
LINKS_LIMIT = (
    "You have reached your maximum links limit. Please upgrade to another plan."
)
MONTHLY_LIMIT = "You have reached your monthly limit. Please upgrade to another plan."


def paid_plans() -> bool:
    """Whether plans restrict anything on this site (D38)."""
    return bool(settings.PAID_PLANS)


def is_admin(user: Any) -> bool:
    """Admins bypass every gate (User.is_admin says who they are)."""
    return bool(getattr(user, "is_admin", False))


def current_subscription(user: Any) -> Subscription | None:
    """The user's subscription if it is active and unexpired, else None."""
    if user is None or user.pk is None:
        return None
    try:
        subscription = user.subscription
    except ObjectDoesNotExist:
        return None
    return subscription if subscription.is_current(timezone.now()) else None


def plan_for(user: Any) -> Plan:
    """The active, unexpired subscription's plan, else the default free plan."""
    subscription = current_subscription(user)
    if subscription is not None:
        return subscription.plan
    return Plan.objects.default()


def has(user: Any, feature: str) -> bool:
    """Whether the user may use a feature (a key of billing.features)."""
    if not paid_plans() or is_admin(user):
        return True
    return plan_for(user).feature(feature).enabled


def limit(user: Any, key: str) -> int | None:
    """The user's quota for `key`, or None for unlimited.

    `key` is "links", "clicks", "retention" or a feature key (its count). Whether
    a feature may be used at all is has()'s question, not this one's.
    """
    if not paid_plans() or is_admin(user):
        return None
    plan = plan_for(user)
    value = getattr(plan, key) if key in NUMERIC_LIMITS else plan.feature(key).count
    return value or None


def custom(user: Any, feature: str) -> str:
    """The plan's free text for a feature (`custom`), "" when nothing restricts.

    Admins and everyone while paid plans are off get "" (D38).
    """
    if not paid_plans() or is_admin(user):
        return ""
    return plan_for(user).feature(feature).custom.strip()


def owners_with(feature: str, owner: str = "owner") -> Q:
    """A filter keeping the rows whose `owner` may use `feature`, in the same query.

    For public pages that must not spend a query per visit on the owner's plan:
    the owner is an admin, or their current subscription's plan has the
    feature, or they have none and the default plan has it. Empty (keeps
    everything) while paid plans are off (D38).
    """
    if not paid_plans():
        return Q()
    enabled = {f"features__{feature}__enabled": True}
    current = Subscription.objects.current().filter(user=OuterRef(owner))
    return (
        Q(**{f"{owner}__is_staff": True})
        | Q(**{f"{owner}__is_superuser": True})
        | Exists(current.filter(**{f"plan__{key}": v for key, v in enabled.items()}))
        | (~Exists(current) & Exists(Plan.objects.filter(is_default=True, **enabled)))
    )


def require(user: Any, feature: str, message: str = NO_PERMISSION) -> None:
    """Raise PermissionDenied(message) unless the user has the feature."""
    if not has(user, feature):
        raise PermissionDenied(message)


@contextmanager
def quota_slot(
    user: Any, key: str, used: Callable[[], int], message: str = LIMIT_REACHED
) -> Iterator[None]:
    """Hold the user's quota for `key` while the caller creates one object.

    The user's row is locked (SELECT ... FOR UPDATE) for the whole transaction,
    so two concurrent creates are serialised: the second one counts the first's
    object and cannot also take the last slot.
    """
    with transaction.atomic():
        cap = limit(user, key)
        if cap is not None:
            get_user_model().objects.select_for_update().filter(pk=user.pk).exists()
            if used() >= cap:
                raise PermissionDenied(message)
        yield


@dataclass(frozen=True)
class Usage:
    """One line of the billing page: what is used of which quota."""

    key: str
    label: str | Promise
    used: int
    limit: int | None  # None = unlimited


# key -> (label, counter). Apps whose objects a quota counts register here.
COUNTERS: dict[str, tuple[str | Promise, Callable[[Any], int]]] = {}


def register_counter(
    key: str, label: str | Promise, counter: Callable[[Any], int]
) -> None:
    """Tell usage() how to count a user's objects for a quota key."""
    COUNTERS[key] = (label, counter)


def usage(user: Any) -> list[Usage]:
    """The user's usage of each counted quota, in registration order."""
    return [
        Usage(key=key, label=label, used=counter(user), limit=limit(user, key))
        for key, (label, counter) in COUNTERS.items()
        if key in NUMERIC_LIMITS or key in FEATURES_BY_KEY
    ]

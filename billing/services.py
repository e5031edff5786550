"""Changing subscriptions: the admin API, the admin site and payments call these."""

import calendar
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from billing.models import Period, Plan, Status, Subscription

LIFETIME_YEARS = 10  # api-spec §12.2: a lifetime subscription runs ten years


def add_months(moment: datetime, months: int) -> datetime:
    """The same day and time `months` later, on the month's last day if shorter."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def period_end(start: datetime, period: str) -> datetime:
    """When a subscription for `period` started at `start` ends."""
    months = {
        Period.MONTHLY: 1,
        Period.YEARLY: 12,
        Period.LIFETIME: 12 * LIFETIME_YEARS,
    }
    if period not in months:
        raise ValueError(f"Unknown period {period!r}")
    # Calendar months in the site's zone: the same wall-clock time, DST or not.
    return add_months(timezone.localtime(start), months[Period(period)])


@transaction.atomic
def save_plan(plan: Plan) -> Plan:
    """Save a plan; one made the default takes the flag from the previous one."""
    if plan.is_default:
        Plan.objects.filter(is_default=True).exclude(pk=plan.pk).update(
            is_default=False
        )
    plan.save()
    return plan


@transaction.atomic
def subscribe(
    user,
    plan: Plan,
    period: str,
    expires: datetime | None = None,
    *,
    provider: str = "",
    customer_ref: str = "",
    subscription_ref: str = "",
) -> Subscription:
    """Create or replace the user's subscription, active from now.

    Without `expires` it runs one month, one year or ten years (lifetime).
    """
    if period not in Period.values:
        raise ValueError(f"Unknown period {period!r}")
    if expires is None:
        expires = period_end(timezone.now(), period)
    subscription, _ = Subscription.objects.update_or_create(
        user=user,
        defaults={
            "plan": plan,
            "period": period,
            "expires": expires,
            "status": Status.ACTIVE,
            "provider": provider,
            "customer_ref": customer_ref,
            "subscription_ref": subscription_ref,
        },
    )
    # Readers holding this user object see the new plan at once.
    user.subscription = subscription
    return subscription


@transaction.atomic
def cancel(user) -> None:
    """End the user's subscription now: they are on the free plan from here on."""
    subscription = Subscription.objects.select_for_update().filter(user=user).first()
    if subscription is None:
        return
    subscription.status = Status.CANCELED
    subscription.save(update_fields=["status", "updated"])
    user.subscription = subscription  # readers holding this user see it at once


@transaction.atomic
def extend(subscription: Subscription, period: str) -> Subscription:
    """Push the expiry by one `period` and make the subscription active again.

    An expired subscription gets a full period from now, not from its old expiry;
    one that never expires stays so.
    """
    if period not in Period.values:
        raise ValueError(f"Unknown period {period!r}")
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if subscription.expires is not None:
        start = max(subscription.expires, timezone.now())
        subscription.expires = period_end(start, period)
    subscription.status = Status.ACTIVE
    subscription.save(update_fields=["expires", "status", "updated"])
    return subscription


def expire_overdue(now: datetime | None = None) -> int:
    """Mark active subscriptions past their expiry as expired; return how many."""
    return Subscription.objects.overdue(now).update(
        status=Status.EXPIRED, updated=timezone.now()
    )

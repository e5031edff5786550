"""Periodic statistics work (the beat schedule is in config/settings.py)."""

import logging
import time
from datetime import timedelta

from celery import shared_task
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.utils import timezone

from analytics import buffer
from analytics.models import Click
from billing import entitlements
from billing.models import Plan, Subscription

logger = logging.getLogger(__name__)

PRUNE_BATCH = 5000  # rows per DELETE: short statements, short locks
AGGREGATE_SECONDS = 30  # a run drains batches for at most this long, then yields


@shared_task
def aggregate_clicks(max_events: int = buffer.BATCH) -> int:
    """Drain the click buffer batch after batch until it is empty (or time is up).

    Beat starts one every few seconds; while one drains, the others find the
    lock taken and return at once. Returns the number of events taken.
    """
    taken = 0
    deadline = time.monotonic() + AGGREGATE_SECONDS
    while time.monotonic() < deadline:
        number = buffer.drain(max_events)
        taken += number
        if number < max_events:
            break
    if taken:
        logger.info("Aggregated %d click event(s)", taken)
    return taken


@shared_task
def prune_clicks() -> int:
    """Delete click rows older than their owner's plan retention; safe to repeat.

    1. Nothing is pruned while paid plans are off (D38).
    2. For each plan with a retention (0 = forever), find the owners it applies
       to: its current subscribers, and for the default plan everyone without a
       current subscription. Admins keep everything.
    3. Delete those owners' clicks older than the retention, PRUNE_BATCH rows at
       a time. The links' click counters stay: only the details go (§16.3).
    """
    if not entitlements.paid_plans():
        return 0
    now = timezone.now()
    deleted = 0
    for plan in Plan.objects.filter(retention__gt=0):
        cutoff = now - timedelta(days=plan.retention)
        deleted += delete_in_batches(
            Click.objects.filter(link__owner__in=owners_on(plan), created__lt=cutoff)
        )
    if deleted:
        logger.info("Pruned %d click(s) past their plan's retention", deleted)
    return deleted


def owners_on(plan: Plan) -> QuerySet:
    """The users (not admins) whose plan this is (billing.entitlements.plan_for)."""
    current = Subscription.objects.current()
    on_plan = Q(pk__in=current.filter(plan=plan).values("user_id"))
    if plan.is_default:
        on_plan |= ~Q(pk__in=current.values("user_id"))
    return (
        get_user_model()
        .objects.filter(is_staff=False, is_superuser=False)
        .filter(on_plan)
        .values("pk")
    )


def delete_in_batches(clicks: QuerySet) -> int:
    """Delete the rows of `clicks` in batches; return how many went."""
    total = 0
    while ids := list(clicks.values_list("pk", flat=True)[:PRUNE_BATCH]):
        deleted, _ = Click.objects.filter(pk__in=ids).delete()
        total += deleted
    return total

"""Periodic billing work (the beat schedule is in config/settings.py)."""

import logging

from celery import shared_task

from billing import services

logger = logging.getLogger(__name__)


@shared_task
def expire_subscriptions() -> int:
    """Mark subscriptions whose expiry has passed as expired (safe to repeat).

    Users already fall back to the free plan the moment their subscription
    expires (billing.entitlements); this keeps the stored status truthful for
    the admin and the billing pages.
    """
    count = services.expire_overdue()
    if count:
        logger.info("Marked %d subscription(s) as expired", count)
    return count

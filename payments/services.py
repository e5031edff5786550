"""What a verified payment event does to a user's subscription.

Provider-neutral: `payments/stripe_provider.py` turns Stripe's webhooks into
`PaymentEvent`s and these functions apply them through `billing.services`. Each
event is applied once: its id is stored in the same transaction, so a replayed
delivery (Stripe retries, or an attacker resends a captured one within the
signature's tolerance) changes nothing.
"""

import logging
from collections.abc import Callable
from datetime import datetime
from functools import partial

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

from billing import services as billing
from billing.models import Plan, Status, Subscription
from payments.models import Customer, ProcessedEvent
from payments.provider import (
    PERIODS,
    EventKind,
    PaymentError,
    PaymentEvent,
    get_provider,
)

logger = logging.getLogger(__name__)


def apply_event(*, provider: str, event: PaymentEvent) -> bool:
    """Apply a webhook event once; False when it was ignored or seen before."""
    handler = HANDLERS.get(event.kind)
    if handler is None:
        return False
    with transaction.atomic():
        try:
            with transaction.atomic():
                ProcessedEvent.objects.create(
                    provider=provider, event_id=event.id, type=event.type
                )
        except IntegrityError:
            # Seen before, or being applied right now by a concurrent delivery
            # (whose row this insert waited for).
            return False
        handler(provider, event)
    return True


def activate(provider: str, event: PaymentEvent) -> None:
    """A checkout was paid: put the user on the plan they bought."""
    user = get_user_model().objects.filter(pk=event.user_id).first()
    plan = Plan.objects.filter(pk=event.plan_id).first()
    if user is None or plan is None or event.period not in PERIODS:
        logger.warning(
            "Payment event %s names no known user, plan and period", event.id
        )
        return
    start(provider, event, user=user, plan=plan, period=event.period)


def renew(provider: str, event: PaymentEvent) -> None:
    """A subscription invoice was paid: the plan runs to the end of that period."""
    subscription = _subscription(provider, event.subscription_ref)
    if subscription is None:
        if event.first_payment:
            # The first invoice may be delivered before the checkout's own event.
            activate(provider, event)
        return
    _set_expiry(provider, subscription, event.period_end)


def update(provider: str, event: PaymentEvent) -> None:
    """The subscription's status or period changed at the provider."""
    subscription = _subscription(provider, event.subscription_ref)
    if subscription is None:
        return
    if not event.active:
        if subscription.status == Status.ACTIVE:
            billing.cancel(subscription.user)
        return
    if event.period_end is not None and event.period_end != subscription.expires:
        _set_expiry(provider, subscription, event.period_end)


def end(provider: str, event: PaymentEvent) -> None:
    """The subscription was deleted at the provider: back to the free plan."""
    subscription = _subscription(provider, event.subscription_ref)
    if subscription is not None and subscription.status == Status.ACTIVE:
        billing.cancel(subscription.user)


HANDLERS: dict[EventKind, Callable[[str, PaymentEvent], None]] = {
    EventKind.CHECKOUT_COMPLETED: activate,
    EventKind.PAYMENT_SUCCEEDED: renew,
    EventKind.SUBSCRIPTION_UPDATED: update,
    EventKind.SUBSCRIPTION_ENDED: end,
}


def start(provider: str, event: PaymentEvent, *, user, plan: Plan, period: str) -> None:
    """Subscribe the user to what they paid for; stop a subscription it replaces."""
    current = Subscription.objects.filter(user=user).first()
    expires: datetime | None = None
    if event.period_end is not None:
        expires = event.period_end
    elif current and event.subscription_ref == current.subscription_ref != "":
        # Its first invoice came first and already set the exact period end.
        expires = current.expires
    replaced = ""
    if (
        current is not None
        and current.provider == provider
        and current.subscription_ref
        and current.subscription_ref != event.subscription_ref
        and current.status == Status.ACTIVE
    ):
        replaced = current.subscription_ref
    billing.subscribe(
        user,
        plan,
        period,
        expires,
        provider=provider,
        customer_ref=event.customer_ref,
        subscription_ref=event.subscription_ref,
    )
    if event.customer_ref:
        remember_customer(user=user, provider=provider, ref=event.customer_ref)
    if replaced:
        # Buying another plan must not leave the old one billing: stop it once
        # this change is committed. Its deletion event then finds no match.
        transaction.on_commit(partial(stop_subscription, replaced))


def remember_customer(*, user, provider: str, ref: str) -> None:
    """Keep the user's customer id so the next checkout and the portal reuse it."""
    if Customer.objects.filter(provider=provider, ref=ref).exclude(user=user).exists():
        logger.warning("Customer %s already belongs to another user", ref)
        return
    Customer.objects.update_or_create(
        user=user, defaults={"provider": provider, "ref": ref}
    )


def stop_subscription(subscription_ref: str) -> None:
    """Cancel a replaced subscription at the provider; log if it cannot be."""
    provider = get_provider()
    if provider is None:
        return
    try:
        provider.cancel_subscription(subscription_ref)
    except PaymentError:
        logger.exception(
            "Could not cancel the replaced subscription %s", subscription_ref
        )


def _subscription(provider: str, ref: str) -> Subscription | None:
    if not ref:
        return None
    return (
        Subscription.objects.select_related("user", "plan")
        .filter(provider=provider, subscription_ref=ref)
        .first()
    )


def _set_expiry(
    provider: str, subscription: Subscription, period_end: datetime | None
) -> None:
    if period_end is None:
        billing.extend(subscription, subscription.period)
        return
    billing.subscribe(
        subscription.user,
        subscription.plan,
        subscription.period,
        period_end,
        provider=provider,
        customer_ref=subscription.customer_ref,
        subscription_ref=subscription.subscription_ref,
    )

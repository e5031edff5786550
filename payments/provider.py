"""The payment-provider seam.

Views and services talk to a `PaymentProvider`; only `payments/stripe_provider.py`
knows Stripe. A provider turns its own webhook payloads into `PaymentEvent`s, so
what an event does to a subscription (`payments/services.py`) is written once.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from django.conf import settings

if TYPE_CHECKING:
    from accounts.models import User
    from billing.models import Plan

PERIODS = ("monthly", "yearly", "lifetime")


class PaymentError(Exception):
    """The provider could not be reached or refused the request."""


class InvalidWebhook(Exception):
    """A webhook whose signature, timestamp or body does not check out."""


class EventKind(enum.StrEnum):
    CHECKOUT_COMPLETED = "checkout_completed"  # paid: start the subscription
    PAYMENT_SUCCEEDED = "payment_succeeded"  # a subscription invoice was paid
    SUBSCRIPTION_UPDATED = "subscription_updated"  # status or period changed
    SUBSCRIPTION_ENDED = "subscription_ended"  # deleted at the provider
    OTHER = "other"  # anything else: answered and ignored


@dataclass(frozen=True)
class PaymentEvent:
    """A verified webhook event, in the provider's own ids but our own terms."""

    id: str
    type: str  # the provider's name for it, e.g. "invoice.paid"
    kind: EventKind
    customer_ref: str = ""
    subscription_ref: str = ""
    # From the metadata our checkout attached (None when absent or malformed).
    user_id: int | None = None
    plan_id: int | None = None
    period: str = ""
    # End of the period paid for, when the provider says.
    period_end: datetime | None = None
    # Subscription updates: False once the provider no longer collects payment.
    active: bool = True
    # Invoices: True for the first invoice of a subscription.
    first_payment: bool = False


class PaymentProvider(Protocol):
    name: str

    def create_checkout(
        self,
        *,
        user: User,
        plan: Plan,
        period: str,
        success_url: str,
        cancel_url: str,
        customer_ref: str = "",
    ) -> str:
        """Create a hosted checkout for the plan and period; return its URL."""
        ...

    def parse_webhook(
        self, *, payload: bytes, headers: Mapping[str, str]
    ) -> PaymentEvent:
        """Verify a webhook delivery and translate it; raise InvalidWebhook."""
        ...

    def portal_url(self, *, customer_ref: str, return_url: str) -> str:
        """Open a customer-portal session; return its URL."""
        ...

    def cancel_subscription(self, subscription_ref: str) -> None:
        """Stop a subscription at the provider right away."""
        ...


def get_provider() -> PaymentProvider | None:
    """The configured provider, or None when online payments are not set up."""
    if not (settings.STRIPE_SECRET_KEY and settings.STRIPE_WEBHOOK_SECRET):
        return None
    from payments.stripe_provider import StripeProvider

    return StripeProvider(
        secret_key=settings.STRIPE_SECRET_KEY,
        webhook_secret=settings.STRIPE_WEBHOOK_SECRET,
        currency=settings.PAYMENTS_CURRENCY,
    )


def checkout_enabled() -> bool:
    """Whether the pricing page offers to buy plans online."""
    return settings.PAID_PLANS and get_provider() is not None

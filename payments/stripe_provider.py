"""Stripe behind the payment-provider seam.

Checkout uses inline `price_data` built from the plan's prices, so nothing has to
be configured at Stripe but the API key and a webhook endpoint: monthly and yearly
plans become subscriptions with a recurring interval, lifetime a one-time payment.
The metadata of the session (and of the subscription it starts) carries the user,
the plan and the period, which is how a webhook finds its way back to them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import stripe

from payments.provider import EventKind, InvalidWebhook, PaymentError, PaymentEvent

if TYPE_CHECKING:
    from accounts.models import User
    from billing.models import Plan

# Seconds a signed delivery stays acceptable (Stripe's own default): older ones
# are refused, so a captured request cannot be replayed later.
TOLERANCE = 300
INTERVALS = {"monthly": "month", "yearly": "year"}
# Currencies Stripe counts in whole units rather than hundredths.
ZERO_DECIMAL = frozenset(
    {
        "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx",
        "vnd", "vuv", "xaf", "xof", "xpf",
    }
)  # fmt: skip
# Subscription statuses under which the customer keeps the plan (past_due: Stripe
# is still retrying the payment).
ENTITLED = frozenset({"active", "trialing", "past_due"})
ENDED = frozenset({"canceled", "unpaid", "incomplete_expired", "paused"})


def minor_units(amount: Decimal, currency: str) -> int:
    """The amount as Stripe counts it (cents, or whole yen)."""
    factor = 1 if currency.lower() in ZERO_DECIMAL else 100
    return int((amount * factor).quantize(Decimal(1)))


class StripeProvider:
    name = "stripe"

    def __init__(
        self,
        *,
        secret_key: str,
        webhook_secret: str,
        currency: str = "usd",
        client: Any = None,
    ) -> None:
        self.secret_key = secret_key
        self.webhook_secret = webhook_secret
        self.currency = currency.lower()
        self._client = client

    @property
    def client(self) -> Any:
        if self._client is None:
            self._client = stripe.StripeClient(self.secret_key, max_network_retries=2)
        return self._client

    def checkout_params(
        self,
        *,
        user: User,
        plan: Plan,
        period: str,
        success_url: str,
        cancel_url: str,
        customer_ref: str = "",
    ) -> dict[str, Any]:
        """The Checkout Session to create for this user, plan and period."""
        price = getattr(plan, f"price_{period}")
        if price is None:
            raise ValueError(f"plan {plan.pk} has no {period} price")
        metadata = {"user_id": str(user.pk), "plan_id": str(plan.pk), "period": period}
        price_data: dict[str, Any] = {
            "currency": self.currency,
            "unit_amount": minor_units(price, self.currency),
            "product_data": {"name": plan.name, "metadata": {"plan_id": str(plan.pk)}},
        }
        params: dict[str, Any] = {
            "line_items": [{"quantity": 1, "price_data": price_data}],
            "metadata": metadata,
            "client_reference_id": str(user.pk),
            "success_url": success_url,
            "cancel_url": cancel_url,
        }
        if period in INTERVALS:
            price_data["recurring"] = {"interval": INTERVALS[period]}
            params["mode"] = "subscription"
            # Invoices name the subscription's metadata, not the session's.
            params["subscription_data"] = {"metadata": metadata}
        else:
            params["mode"] = "payment"
            params["payment_intent_data"] = {"metadata": metadata}
        if customer_ref:
            params["customer"] = customer_ref
        else:
            if user.email:
                params["customer_email"] = user.email
            if params["mode"] == "payment":
                # A one-time payment makes no customer by default; the portal
                # (receipts, payment methods) needs one.
                params["customer_creation"] = "always"
        return params

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
        params = self.checkout_params(
            user=user,
            plan=plan,
            period=period,
            success_url=success_url,
            cancel_url=cancel_url,
            customer_ref=customer_ref,
        )
        try:
            session = self.client.v1.checkout.sessions.create(params=params)
        except stripe.StripeError as error:
            raise PaymentError(str(error)) from error
        return session.url

    def portal_url(self, *, customer_ref: str, return_url: str) -> str:
        params = {"customer": customer_ref, "return_url": return_url}
        try:
            session = self.client.v1.billing_portal.sessions.create(params=params)
        except stripe.StripeError as error:
            raise PaymentError(str(error)) from error
        return session.url

    def cancel_subscription(self, subscription_ref: str) -> None:
        try:
            self.client.v1.subscriptions.cancel(subscription_ref)
        except stripe.StripeError as error:
            raise PaymentError(str(error)) from error

    def parse_webhook(
        self, *, payload: bytes, headers: Mapping[str, str]
    ) -> PaymentEvent:
        header = headers.get("Stripe-Signature", "")
        try:
            stripe.WebhookSignature.verify_header(
                payload, header, self.webhook_secret, tolerance=TOLERANCE
            )
            body = json.loads(payload)
        except (stripe.SignatureVerificationError, ValueError) as error:
            # ValueError covers bodies that are not UTF-8 or not JSON.
            raise InvalidWebhook(str(error)) from error
        if not (
            isinstance(body, dict)
            and isinstance(body.get("id"), str)
            and isinstance(body.get("type"), str)
            and isinstance(_dig(body, "data", "object"), dict)
        ):
            raise InvalidWebhook("not a Stripe event")
        return translate(body)


def translate(body: dict[str, Any]) -> PaymentEvent:
    """Read the parts of a Stripe event that matter to a subscription."""
    event_id, event_type = body["id"], body["type"]
    obj = body["data"]["object"]
    translator = TRANSLATORS.get(event_type)
    fields = translator(event_type, obj) if translator else None
    if fields is None:
        return PaymentEvent(id=event_id, type=event_type, kind=EventKind.OTHER)
    return PaymentEvent(id=event_id, type=event_type, **fields)


def _checkout(event_type: str, session: dict[str, Any]) -> dict[str, Any] | None:
    # A session paid by a delayed method (bank debit) completes unpaid; its
    # async_payment_succeeded event follows once the money is there.
    if event_type == "checkout.session.completed" and session.get(
        "payment_status"
    ) not in {"paid", "no_payment_required"}:
        return None
    metadata = _metadata(session.get("metadata"))
    return {
        "kind": EventKind.CHECKOUT_COMPLETED,
        "customer_ref": _ref(session.get("customer")),
        "subscription_ref": _ref(session.get("subscription")),
        "user_id": _int(metadata.get("user_id") or session.get("client_reference_id")),
        "plan_id": _int(metadata.get("plan_id")),
        "period": _str(metadata.get("period")),
    }


def _invoice(event_type: str, invoice: dict[str, Any]) -> dict[str, Any] | None:
    # API versions since 2025-03-31 name the subscription under `parent`.
    details = _dig(invoice, "parent", "subscription_details") or invoice.get(
        "subscription_details"
    )
    details = details if isinstance(details, dict) else {}
    subscription_ref = _ref(details.get("subscription")) or _ref(
        invoice.get("subscription")
    )
    if not subscription_ref:
        return None  # a one-off invoice, not a renewal
    metadata = _metadata(details.get("metadata"))
    lines = _dig(invoice, "lines", "data")
    ends = [
        _int(_dig(line, "period", "end"))
        for line in (lines if isinstance(lines, list) else [])
        if isinstance(line, dict)
    ]
    ends = [end for end in ends if end]
    return {
        "kind": EventKind.PAYMENT_SUCCEEDED,
        "customer_ref": _ref(invoice.get("customer")),
        "subscription_ref": subscription_ref,
        "user_id": _int(metadata.get("user_id")),
        "plan_id": _int(metadata.get("plan_id")),
        "period": _str(metadata.get("period")),
        "period_end": _timestamp(max(ends)) if ends else None,
        "first_payment": invoice.get("billing_reason") == "subscription_create",
    }


def _subscription(
    event_type: str, subscription: dict[str, Any]
) -> dict[str, Any] | None:
    status = subscription.get("status")
    ended = event_type == "customer.subscription.deleted" or status in ENDED
    if not ended and status not in ENTITLED:
        return None  # incomplete: the first payment has not gone through yet
    # API versions since 2025-03-31 keep the period on each subscription item.
    end = _int(subscription.get("current_period_end"))
    if not end:
        items = _dig(subscription, "items", "data")
        ends = [
            _int(item.get("current_period_end"))
            for item in (items if isinstance(items, list) else [])
            if isinstance(item, dict)
        ]
        end = max((e for e in ends if e), default=None)
    return {
        "kind": EventKind.SUBSCRIPTION_ENDED
        if event_type == "customer.subscription.deleted"
        else EventKind.SUBSCRIPTION_UPDATED,
        "customer_ref": _ref(subscription.get("customer")),
        "subscription_ref": _ref(subscription.get("id")),
        "period_end": _timestamp(end) if end else None,
        "active": not ended,
    }


TRANSLATORS = {
    "checkout.session.completed": _checkout,
    "checkout.session.async_payment_succeeded": _checkout,
    "invoice.paid": _invoice,
    "customer.subscription.updated": _subscription,
    "customer.subscription.deleted": _subscription,
}


def _dig(value: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _ref(value: Any) -> str:
    """An id, whether Stripe sent it bare or as an expanded object."""
    if isinstance(value, dict):
        value = value.get("id")
    return value if isinstance(value, str) else ""


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def _metadata(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _timestamp(seconds: int) -> datetime | None:
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None

"""Stripe webhook deliveries built locally: signed as Stripe signs them."""

import hashlib
import hmac
import itertools
import json
import time
from typing import Any

WEBHOOK_SECRET = "whsec_test_0123456789abcdef"
_ids = itertools.count(1)


def signature(
    payload: bytes, *, secret: str = WEBHOOK_SECRET, at: int | None = None
) -> str:
    """The Stripe-Signature header: t=<ts>,v1=<hmac-sha256 of "<ts>.<payload>">."""
    timestamp = int(time.time()) if at is None else at
    signed = f"{timestamp}.".encode() + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def event(event_type: str, obj: dict[str, Any], *, event_id: str = "") -> bytes:
    """The JSON body of a Stripe event carrying `obj`."""
    body = {
        "id": event_id or f"evt_test_{next(_ids)}",
        "object": "event",
        "api_version": "2025-10-29.clover",
        "created": int(time.time()),
        "type": event_type,
        "livemode": False,
        "data": {"object": obj},
    }
    return json.dumps(body).encode()


def checkout_session(
    *,
    user_id: int,
    plan_id: int,
    period: str,
    customer: str = "cus_test_1",
    subscription: str | None = "sub_test_1",
    payment_status: str = "paid",
) -> dict[str, Any]:
    return {
        "id": "cs_test_1",
        "object": "checkout.session",
        "mode": "payment" if period == "lifetime" else "subscription",
        "customer": customer,
        "subscription": subscription,
        "client_reference_id": str(user_id),
        "payment_status": payment_status,
        "metadata": {
            "user_id": str(user_id),
            "plan_id": str(plan_id),
            "period": period,
        },
    }


def invoice(
    *,
    subscription: str = "sub_test_1",
    period_end: int,
    customer: str = "cus_test_1",
    billing_reason: str = "subscription_cycle",
    metadata: dict[str, str] | None = None,
) -> dict[str, Any]:
    """An invoice as API versions since 2025-03-31 send it (`parent`)."""
    return {
        "id": "in_test_1",
        "object": "invoice",
        "customer": customer,
        "billing_reason": billing_reason,
        "status": "paid",
        "parent": {
            "type": "subscription_details",
            "subscription_details": {
                "subscription": subscription,
                "metadata": metadata or {},
            },
        },
        "lines": {
            "object": "list",
            "data": [
                {
                    "id": "il_test_1",
                    "period": {"start": period_end - 30 * 86400, "end": period_end},
                }
            ],
        },
    }


def subscription_object(
    *,
    ref: str = "sub_test_1",
    status: str = "active",
    period_end: int | None = None,
    customer: str = "cus_test_1",
) -> dict[str, Any]:
    items = []
    if period_end is not None:
        items.append({"id": "si_test_1", "current_period_end": period_end})
    return {
        "id": ref,
        "object": "subscription",
        "customer": customer,
        "status": status,
        "items": {"object": "list", "data": items},
    }

"""The Stripe side of the seam: signatures, event translation, API calls."""

import json
import time
from datetime import UTC, datetime
from decimal import Decimal
from types import SimpleNamespace
from unittest import mock

import pytest
import stripe

from payments.provider import EventKind, InvalidWebhook, PaymentError
from payments.stripe_provider import StripeProvider, minor_units
from tests.payments import stripe_events as se


def provider(client=None, currency="usd") -> StripeProvider:
    return StripeProvider(
        secret_key="sk_test_x",
        webhook_secret=se.WEBHOOK_SECRET,
        currency=currency,
        client=client,
    )


def parse(payload: bytes, header: str | None):
    headers = {} if header is None else {"Stripe-Signature": header}
    return provider().parse_webhook(payload=payload, headers=headers)


PLAN = SimpleNamespace(
    pk=7,
    name="Pro",
    price_monthly=Decimal("9.99"),
    price_yearly=Decimal("99.00"),
    price_lifetime=Decimal("249.50"),
)
USER = SimpleNamespace(pk=3, email="ada@example.com")


# Signatures


def test_a_correctly_signed_event_is_accepted():
    payload = se.event("ping", {"id": "x"}, event_id="evt_1")
    event = parse(payload, se.signature(payload))
    assert (event.id, event.type, event.kind) == ("evt_1", "ping", EventKind.OTHER)


def test_a_missing_signature_is_refused():
    with pytest.raises(InvalidWebhook):
        parse(se.event("ping", {}), None)


def test_a_signature_made_with_another_secret_is_refused():
    payload = se.event("ping", {})
    with pytest.raises(InvalidWebhook):
        parse(payload, se.signature(payload, secret="whsec_someone_else"))


def test_a_signature_of_another_body_is_refused():
    payload = se.event("ping", {"amount": 1})
    tampered = payload.replace(b'"amount": 1', b'"amount": 2')
    with pytest.raises(InvalidWebhook):
        parse(tampered, se.signature(payload))


def test_a_stale_timestamp_is_refused_even_when_correctly_signed():
    payload = se.event("ping", {})
    with pytest.raises(InvalidWebhook, match="tolerance"):
        parse(payload, se.signature(payload, at=int(time.time()) - 301))


def test_a_recent_timestamp_within_tolerance_is_accepted():
    payload = se.event("ping", {})
    assert parse(payload, se.signature(payload, at=int(time.time()) - 200))


@pytest.mark.parametrize("header", ["garbage", "t=abc,v1=00", "v1=deadbeef", "t=1"])
def test_a_malformed_signature_header_is_refused(header):
    with pytest.raises(InvalidWebhook):
        parse(se.event("ping", {}), header)


@pytest.mark.parametrize(
    "payload",
    [b"not json", b"\xff\xfe", b"[]", b'{"id": 1, "type": "x", "data": {}}'],
)
def test_a_signed_body_that_is_not_a_stripe_event_is_refused(payload):
    with pytest.raises(InvalidWebhook):
        parse(payload, se.signature(payload))


# Translation


def signed(event_type, obj):
    payload = se.event(event_type, obj)
    return parse(payload, se.signature(payload))


def test_a_paid_checkout_carries_its_metadata_and_refs():
    session = se.checkout_session(user_id=3, plan_id=7, period="yearly")
    event = signed("checkout.session.completed", session)
    assert event.kind == EventKind.CHECKOUT_COMPLETED
    assert (event.user_id, event.plan_id, event.period) == (3, 7, "yearly")
    assert (event.customer_ref, event.subscription_ref) == ("cus_test_1", "sub_test_1")


def test_an_unpaid_checkout_is_not_an_activation_until_payment_succeeds():
    session = se.checkout_session(
        user_id=3, plan_id=7, period="lifetime", payment_status="unpaid"
    )
    assert signed("checkout.session.completed", session).kind == EventKind.OTHER
    later = signed("checkout.session.async_payment_succeeded", session)
    assert later.kind == EventKind.CHECKOUT_COMPLETED


def test_malformed_metadata_reads_as_none():
    session = se.checkout_session(user_id=3, plan_id=7, period="monthly")
    session["metadata"] = {"user_id": "3; drop", "plan_id": ["7"]}
    session["client_reference_id"] = None
    event = signed("checkout.session.completed", session)
    assert (event.user_id, event.plan_id, event.period) == (None, None, "")


def test_a_paid_invoice_names_the_end_of_the_period_paid_for():
    end = 1_900_000_000
    event = signed("invoice.paid", se.invoice(period_end=end))
    assert event.kind == EventKind.PAYMENT_SUCCEEDED
    assert event.subscription_ref == "sub_test_1"
    assert event.period_end == datetime.fromtimestamp(end, tz=UTC)
    assert event.first_payment is False


def test_an_invoice_in_the_older_api_shape_is_read_too():
    obj = {
        "id": "in_1",
        "subscription": "sub_old",
        "billing_reason": "subscription_create",
        "subscription_details": {"metadata": {"user_id": "3", "plan_id": "7"}},
        "lines": {"data": [{"period": {"end": 1_900_000_000}}]},
    }
    event = signed("invoice.paid", obj)
    assert (event.subscription_ref, event.user_id, event.plan_id) == ("sub_old", 3, 7)
    assert event.first_payment is True


def test_an_invoice_without_subscription_is_ignored():
    obj = {"id": "in_1", "customer": "cus_1", "lines": {"data": []}}
    assert signed("invoice.paid", obj).kind == EventKind.OTHER


@pytest.mark.parametrize(
    ("status", "kind", "active"),
    [
        ("active", EventKind.SUBSCRIPTION_UPDATED, True),
        ("trialing", EventKind.SUBSCRIPTION_UPDATED, True),
        ("past_due", EventKind.SUBSCRIPTION_UPDATED, True),
        ("unpaid", EventKind.SUBSCRIPTION_UPDATED, False),
        ("canceled", EventKind.SUBSCRIPTION_UPDATED, False),
        ("incomplete", EventKind.OTHER, True),
    ],
)
def test_subscription_updates_say_whether_the_plan_is_still_paid(status, kind, active):
    obj = se.subscription_object(status=status, period_end=1_900_000_000)
    event = signed("customer.subscription.updated", obj)
    assert (event.kind, event.active) == (kind, active)


def test_a_subscription_update_reads_the_period_from_either_api_shape():
    new = signed(
        "customer.subscription.updated",
        se.subscription_object(period_end=1_900_000_000),
    )
    old = signed(
        "customer.subscription.updated",
        {"id": "sub_1", "status": "active", "current_period_end": 1_800_000_000},
    )
    assert new.period_end == datetime.fromtimestamp(1_900_000_000, tz=UTC)
    assert old.period_end == datetime.fromtimestamp(1_800_000_000, tz=UTC)


def test_a_deleted_subscription_has_ended():
    event = signed(
        "customer.subscription.deleted", se.subscription_object(status="canceled")
    )
    assert (event.kind, event.subscription_ref, event.active) == (
        EventKind.SUBSCRIPTION_ENDED,
        "sub_test_1",
        False,
    )


def test_an_unknown_event_type_is_other():
    assert signed("customer.created", {"id": "cus_1"}).kind == EventKind.OTHER


# Checkout, portal and cancellation calls


def fake_client(url="https://checkout.stripe.com/c/pay/cs_test_1"):
    client = mock.Mock()
    client.v1.checkout.sessions.create.return_value = SimpleNamespace(url=url)
    client.v1.billing_portal.sessions.create.return_value = SimpleNamespace(
        url="https://billing.stripe.com/p/session/test"
    )
    return client


def checkout(client, period, customer_ref=""):
    return provider(client).create_checkout(
        user=USER,
        plan=PLAN,
        period=period,
        success_url="https://sho.rt/user/billing?checkout=success",
        cancel_url="https://sho.rt/pricing",
        customer_ref=customer_ref,
    )


def test_a_monthly_checkout_is_a_subscription_priced_inline():
    client = fake_client()
    url = checkout(client, "monthly")
    assert url == "https://checkout.stripe.com/c/pay/cs_test_1"
    metadata = {"user_id": "3", "plan_id": "7", "period": "monthly"}
    client.v1.checkout.sessions.create.assert_called_once_with(
        params={
            "mode": "subscription",
            "line_items": [
                {
                    "quantity": 1,
                    "price_data": {
                        "currency": "usd",
                        "unit_amount": 999,
                        "product_data": {"name": "Pro", "metadata": {"plan_id": "7"}},
                        "recurring": {"interval": "month"},
                    },
                }
            ],
            "metadata": metadata,
            "subscription_data": {"metadata": metadata},
            "client_reference_id": "3",
            "customer_email": "ada@example.com",
            "success_url": "https://sho.rt/user/billing?checkout=success",
            "cancel_url": "https://sho.rt/pricing",
        }
    )


def test_a_yearly_checkout_recurs_every_year():
    client = fake_client()
    checkout(client, "yearly")
    params = client.v1.checkout.sessions.create.call_args.kwargs["params"]
    item = params["line_items"][0]["price_data"]
    assert (item["unit_amount"], item["recurring"]) == (9900, {"interval": "year"})


def test_a_lifetime_checkout_is_a_one_time_payment_that_creates_a_customer():
    client = fake_client()
    checkout(client, "lifetime")
    params = client.v1.checkout.sessions.create.call_args.kwargs["params"]
    assert params["mode"] == "payment"
    assert "recurring" not in params["line_items"][0]["price_data"]
    assert params["line_items"][0]["price_data"]["unit_amount"] == 24950
    assert params["customer_creation"] == "always"
    assert params["payment_intent_data"] == {"metadata": params["metadata"]}
    assert "subscription_data" not in params


def test_a_known_customer_is_reused():
    client = fake_client()
    checkout(client, "lifetime", customer_ref="cus_known")
    params = client.v1.checkout.sessions.create.call_args.kwargs["params"]
    assert params["customer"] == "cus_known"
    assert "customer_email" not in params
    assert "customer_creation" not in params


def test_a_period_without_a_price_cannot_be_checked_out():
    plan = SimpleNamespace(**{**vars(PLAN), "price_lifetime": None})
    with pytest.raises(ValueError, match="no lifetime price"):
        provider(fake_client()).checkout_params(
            user=USER, plan=plan, period="lifetime", success_url="s", cancel_url="c"
        )


def test_stripe_errors_become_payment_errors():
    client = fake_client()
    client.v1.checkout.sessions.create.side_effect = stripe.APIConnectionError("down")
    client.v1.billing_portal.sessions.create.side_effect = stripe.InvalidRequestError(
        "No such customer", "customer"
    )
    client.v1.subscriptions.cancel.side_effect = stripe.AuthenticationError("bad key")
    with pytest.raises(PaymentError):
        checkout(client, "monthly")
    with pytest.raises(PaymentError):
        provider(client).portal_url(customer_ref="cus_x", return_url="r")
    with pytest.raises(PaymentError):
        provider(client).cancel_subscription("sub_x")


def test_the_portal_session_returns_to_the_billing_page():
    client = fake_client()
    url = provider(client).portal_url(
        customer_ref="cus_1", return_url="https://sho.rt/user/billing"
    )
    assert url == "https://billing.stripe.com/p/session/test"
    client.v1.billing_portal.sessions.create.assert_called_once_with(
        params={"customer": "cus_1", "return_url": "https://sho.rt/user/billing"}
    )


def test_cancelling_names_the_subscription():
    client = fake_client()
    provider(client).cancel_subscription("sub_9")
    client.v1.subscriptions.cancel.assert_called_once_with("sub_9")


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        ("9.99", "usd", 999),
        ("0.5", "eur", 50),
        ("1200", "jpy", 1200),
        ("1.005", "usd", 100),
    ],
)
def test_minor_units(amount, currency, expected):
    assert minor_units(Decimal(amount), currency) == expected


def test_the_client_is_built_from_the_secret_key():
    real = StripeProvider(secret_key="sk_test_abc", webhook_secret="whsec_x").client
    assert isinstance(real, stripe.StripeClient)


def test_payloads_are_signed_like_stripe_signs_them():
    payload = json.dumps({"a": 1}).encode()
    header = se.signature(payload, at=1_700_000_000)
    expected = stripe.WebhookSignature.generate_signature_header(
        payload.decode(), se.WEBHOOK_SECRET, timestamp=1_700_000_000
    )
    assert header == expected

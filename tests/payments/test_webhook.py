"""POST /billing/webhook/stripe: signed Stripe events change subscriptions, once."""

import time
from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from billing import entitlements
from billing.models import Subscription
from payments.models import Customer, ProcessedEvent
from tests.factories import SubscriptionFactory, UserFactory
from tests.payments import stripe_events as se

URL = "/billing/webhook/stripe"
NEXT_PERIOD_END = int(time.time()) + 40 * 86400

pytestmark = pytest.mark.usefixtures("stripe_keys", "stripe_api")


@pytest.fixture
def stripe_client() -> Client:
    """Stripe's side: no session, no CSRF cookie."""
    return Client(enforce_csrf_checks=True)


def deliver(client, payload: bytes, header: str | None = "sign"):
    headers = {}
    if header == "sign":
        headers["Stripe-Signature"] = se.signature(payload)
    elif header is not None:
        headers["Stripe-Signature"] = header
    return client.post(URL, payload, content_type="application/json", headers=headers)


def checkout_event(user, plan, period="monthly", **fields) -> bytes:
    if period == "lifetime":
        fields.setdefault("subscription", None)
    session = se.checkout_session(
        user_id=user.pk, plan_id=plan.pk, period=period, **fields
    )
    return se.event("checkout.session.completed", session)


def stripe_subscription(
    user, plan, ref="sub_test_1", days=10, **fields
) -> Subscription:
    return SubscriptionFactory(
        user=user,
        plan=plan,
        provider="stripe",
        customer_ref="cus_test_1",
        subscription_ref=ref,
        expires=timezone.now() + timedelta(days=days),
        **fields,
    )


def fresh(user):
    """The user as a new request would load them (no cached subscription)."""
    return type(user).objects.get(pk=user.pk)


def close_to(moment, expected, seconds=120) -> bool:
    return abs((moment - expected).total_seconds()) < seconds


# checkout.session.completed


def test_a_paid_monthly_checkout_subscribes_the_user(stripe_client, owner, pro):
    response = deliver(stripe_client, checkout_event(owner, pro))
    assert response.status_code == 200
    assert response.json() == {"received": True, "applied": True}
    sub = Subscription.objects.get(user=owner)
    assert (sub.plan, sub.period, sub.status, sub.provider) == (
        pro,
        "monthly",
        "active",
        "stripe",
    )
    assert (sub.customer_ref, sub.subscription_ref) == ("cus_test_1", "sub_test_1")
    assert close_to(sub.expires, timezone.now() + timedelta(days=30), 4 * 86400)
    assert Customer.objects.get(user=owner).ref == "cus_test_1"
    assert entitlements.plan_for(fresh(owner)) == pro


def test_a_lifetime_payment_subscribes_for_ten_years(stripe_client, owner, pro):
    deliver(stripe_client, checkout_event(owner, pro, "lifetime"))
    sub = Subscription.objects.get(user=owner)
    assert (sub.period, sub.subscription_ref) == ("lifetime", "")
    assert sub.expires.year == timezone.now().year + 10


def test_an_unpaid_checkout_changes_nothing_until_its_payment_succeeds(
    stripe_client, owner, pro
):
    session = se.checkout_session(
        user_id=owner.pk, plan_id=pro.pk, period="lifetime", payment_status="unpaid"
    )
    response = deliver(stripe_client, se.event("checkout.session.completed", session))
    assert response.json() == {"received": True, "applied": False}
    assert not Subscription.objects.exists()
    deliver(
        stripe_client, se.event("checkout.session.async_payment_succeeded", session)
    )
    assert Subscription.objects.get(user=owner).plan == pro


@pytest.mark.parametrize("field", ["user", "plan", "period"])
def test_a_checkout_naming_nothing_known_changes_no_subscription(
    stripe_client, owner, pro, field
):
    session = se.checkout_session(user_id=owner.pk, plan_id=pro.pk, period="monthly")
    session["metadata"][f"{field}_id" if field != "period" else "period"] = (
        "weekly" if field == "period" else "999999"
    )
    session["client_reference_id"] = None
    response = deliver(stripe_client, se.event("checkout.session.completed", session))
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert not Customer.objects.exists()


def test_buying_another_plan_stops_the_old_stripe_subscription(
    stripe_client, owner, pro, starter, stripe_api, django_capture_on_commit_callbacks
):
    stripe_subscription(owner, starter, ref="sub_old")
    payload = checkout_event(owner, pro, subscription="sub_new")
    with django_capture_on_commit_callbacks(execute=True):
        deliver(stripe_client, payload)
    sub = Subscription.objects.get(user=owner)
    assert (sub.plan, sub.subscription_ref) == (pro, "sub_new")
    [call] = stripe_api.cancel_subscription.call_args_list
    assert call.args[1] == "sub_old"
    # The old subscription's deletion then leaves the new one alone.
    deleted = se.subscription_object(ref="sub_old", status="canceled")
    deliver(stripe_client, se.event("customer.subscription.deleted", deleted))
    assert Subscription.objects.get(user=owner).status == "active"


def test_a_first_purchase_stops_nothing(
    stripe_client, owner, pro, stripe_api, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        deliver(stripe_client, checkout_event(owner, pro))
    stripe_api.cancel_subscription.assert_not_called()


# invoice.paid


def test_a_paid_renewal_runs_the_plan_to_the_end_of_the_period(
    stripe_client, owner, pro
):
    stripe_subscription(owner, pro)
    response = deliver(
        stripe_client, se.event("invoice.paid", se.invoice(period_end=NEXT_PERIOD_END))
    )
    assert response.json() == {"received": True, "applied": True}
    sub = Subscription.objects.get(user=owner)
    assert sub.expires == datetime.fromtimestamp(NEXT_PERIOD_END, tz=UTC)
    assert sub.status == "active"


def test_a_replayed_renewal_does_not_extend_twice(stripe_client, owner, pro):
    sub = stripe_subscription(owner, pro)
    before = sub.expires
    renewal = se.invoice(period_end=NEXT_PERIOD_END)
    renewal["lines"]["data"] = []  # no period given: pushed by one period instead
    payload = se.event("invoice.paid", renewal, event_id="evt_renewal")
    deliver(stripe_client, payload)
    once = Subscription.objects.get(user=owner).expires
    assert close_to(once, before + timedelta(days=30), 2 * 86400)

    replay = deliver(stripe_client, payload)
    assert replay.status_code == 200
    assert replay.json() == {"received": True, "applied": False}
    assert Subscription.objects.get(user=owner).expires == once
    assert ProcessedEvent.objects.filter(event_id="evt_renewal").count() == 1


def test_the_first_invoice_may_arrive_before_the_checkout(stripe_client, owner, pro):
    metadata = {"user_id": str(owner.pk), "plan_id": str(pro.pk), "period": "monthly"}
    first = se.invoice(
        period_end=NEXT_PERIOD_END,
        billing_reason="subscription_create",
        metadata=metadata,
    )
    deliver(stripe_client, se.event("invoice.paid", first))
    exact = datetime.fromtimestamp(NEXT_PERIOD_END, tz=UTC)
    assert Subscription.objects.get(user=owner).expires == exact
    deliver(stripe_client, checkout_event(owner, pro))
    sub = Subscription.objects.get(user=owner)
    assert (sub.plan, sub.subscription_ref, sub.expires) == (pro, "sub_test_1", exact)


def test_a_renewal_of_an_unknown_subscription_changes_nothing(
    stripe_client, owner, pro
):
    metadata = {"user_id": str(owner.pk), "plan_id": str(pro.pk), "period": "monthly"}
    renewal = se.invoice(
        subscription="sub_gone", period_end=NEXT_PERIOD_END, metadata=metadata
    )
    response = deliver(stripe_client, se.event("invoice.paid", renewal))
    assert response.status_code == 200
    assert not Subscription.objects.exists()


# customer.subscription.updated / deleted


def test_an_updated_period_moves_the_expiry(stripe_client, owner, pro):
    stripe_subscription(owner, pro)
    updated = se.subscription_object(status="active", period_end=NEXT_PERIOD_END)
    deliver(stripe_client, se.event("customer.subscription.updated", updated))
    sub = Subscription.objects.get(user=owner)
    assert (sub.status, sub.expires) == (
        "active",
        datetime.fromtimestamp(NEXT_PERIOD_END, tz=UTC),
    )


def test_a_past_due_subscription_keeps_its_plan_while_stripe_retries(
    stripe_client, owner, pro
):
    sub = stripe_subscription(owner, pro)
    updated = se.subscription_object(status="past_due", period_end=None)
    deliver(stripe_client, se.event("customer.subscription.updated", updated))
    assert Subscription.objects.get(user=owner).expires == sub.expires
    assert entitlements.plan_for(fresh(owner)) == pro


@pytest.mark.parametrize("status", ["unpaid", "canceled", "incomplete_expired"])
def test_an_unpaid_subscription_falls_back_to_the_free_plan(
    stripe_client, owner, pro, free, status
):
    stripe_subscription(owner, pro)
    updated = se.subscription_object(status=status, period_end=NEXT_PERIOD_END)
    deliver(stripe_client, se.event("customer.subscription.updated", updated))
    assert Subscription.objects.get(user=owner).status == "canceled"
    assert entitlements.plan_for(fresh(owner)) == free


def test_a_deleted_subscription_cancels_the_plan(stripe_client, owner, pro, free):
    stripe_subscription(owner, pro)
    deleted = se.subscription_object(status="canceled")
    response = deliver(
        stripe_client, se.event("customer.subscription.deleted", deleted)
    )
    assert response.json() == {"received": True, "applied": True}
    assert Subscription.objects.get(user=owner).status == "canceled"
    assert entitlements.plan_for(fresh(owner)) == free


def test_events_about_another_subscription_leave_others_alone(
    stripe_client, owner, pro
):
    mine = stripe_subscription(owner, pro, ref="sub_mine")
    other = UserFactory()
    deleted = se.subscription_object(ref="sub_someone_else", status="canceled")
    deliver(stripe_client, se.event("customer.subscription.deleted", deleted))
    updated = se.subscription_object(ref="sub_someone_else", period_end=NEXT_PERIOD_END)
    deliver(stripe_client, se.event("customer.subscription.updated", updated))
    sub = Subscription.objects.get(user=owner)
    assert (sub.status, sub.expires) == ("active", mine.expires)
    assert not Subscription.objects.filter(user=other).exists()


# Refusals


def test_a_bad_signature_is_refused_and_changes_nothing(stripe_client, owner, pro):
    payload = checkout_event(owner, pro)
    forged = se.signature(payload, secret="whsec_guessed")
    response = deliver(stripe_client, payload, forged)
    assert response.status_code == 400
    assert response.json() == {"error": "Invalid signature."}
    assert not Subscription.objects.exists()
    assert not ProcessedEvent.objects.exists()


def test_a_missing_signature_is_refused(stripe_client, owner, pro):
    response = deliver(stripe_client, checkout_event(owner, pro), None)
    assert response.status_code == 400
    assert not Subscription.objects.exists()


def test_a_stale_timestamp_is_refused(stripe_client, owner, pro):
    payload = checkout_event(owner, pro)
    stale = se.signature(payload, at=int(time.time()) - 600)
    response = deliver(stripe_client, payload, stale)
    assert response.status_code == 400
    assert not Subscription.objects.exists()
    assert not ProcessedEvent.objects.exists()


def test_an_unknown_event_type_is_answered_and_ignored(stripe_client, owner, pro):
    stripe_subscription(owner, pro)
    payload = se.event("customer.created", {"id": "cus_new", "object": "customer"})
    response = deliver(stripe_client, payload)
    assert response.status_code == 200
    assert response.json() == {"received": True, "applied": False}
    assert not ProcessedEvent.objects.exists()


def test_without_keys_the_webhook_refuses_everything(
    stripe_client, owner, pro, settings
):
    settings.STRIPE_SECRET_KEY = settings.STRIPE_WEBHOOK_SECRET = ""
    response = deliver(stripe_client, checkout_event(owner, pro))
    assert response.status_code == 400
    assert response.json() == {"error": "Webhooks are not configured."}
    assert not Subscription.objects.exists()


def test_only_post_is_allowed(stripe_client):
    assert stripe_client.get(URL).status_code == 405

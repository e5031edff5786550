"""POST /user/billing/checkout and /user/billing/portal."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from payments.models import Customer
from payments.provider import PaymentError
from tests.factories import SubscriptionFactory
from tests.payments.conftest import CHECKOUT_URL, PORTAL_URL

CHECKOUT = "/user/billing/checkout"
PORTAL = "/user/billing/portal"


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.usefixtures("stripe_keys")
class TestCheckout:
    def test_it_sends_the_user_to_stripe(self, owner_client, owner, pro, stripe_api):
        response = owner_client.post(CHECKOUT, {"plan": pro.pk, "period": "yearly"})
        assert response.status_code == 302
        assert response["Location"] == CHECKOUT_URL
        [call] = stripe_api.create_checkout.call_args_list
        assert call.kwargs == {
            "user": owner,
            "plan": pro,
            "period": "yearly",
            "success_url": "http://127.0.0.1:8000/user/billing?checkout=success",
            "cancel_url": "http://127.0.0.1:8000/pricing",
            "customer_ref": "",
        }

    def test_a_known_customer_is_reused(self, owner_client, owner, pro, stripe_api):
        Customer.objects.create(user=owner, provider="stripe", ref="cus_known")
        owner_client.post(CHECKOUT, {"plan": pro.pk, "period": "monthly"})
        assert (
            stripe_api.create_checkout.call_args.kwargs["customer_ref"] == "cus_known"
        )

    def test_signed_out_visitors_are_sent_to_log_in(self, client, pro, stripe_api):
        response = client.post(CHECKOUT, {"plan": pro.pk, "period": "monthly"})
        assert response.status_code == 302
        assert response["Location"] == "/user/login?next=/user/billing/checkout"
        stripe_api.create_checkout.assert_not_called()

    @pytest.mark.parametrize(
        "data",
        [
            {"plan": "hidden", "period": "monthly"},
            {"plan": "free", "period": "monthly"},
            {"plan": "starter", "period": "yearly"},  # no yearly price
            {"plan": "pro", "period": "weekly"},
            {"plan": "999999", "period": "monthly"},
            {"plan": "", "period": ""},
        ],
    )
    def test_plans_that_cannot_be_bought_are_refused(
        self, owner_client, request, stripe_api, data, hidden, free, starter, pro
    ):
        plans = {"hidden": hidden, "free": free, "starter": starter, "pro": pro}
        plan = plans[data["plan"]].pk if data["plan"] in plans else data["plan"]
        response = owner_client.post(CHECKOUT, {**data, "plan": plan})
        assert response.status_code == 302
        assert response["Location"] == "/pricing"
        assert messages_of(response) == ["This plan cannot be bought."]
        stripe_api.create_checkout.assert_not_called()

    def test_the_plan_already_paid_for_is_not_sold_twice(
        self, owner_client, owner, pro, stripe_api
    ):
        SubscriptionFactory(
            user=owner,
            plan=pro,
            period="monthly",
            provider="stripe",
            subscription_ref="s",
        )
        response = owner_client.post(CHECKOUT, {"plan": pro.pk, "period": "monthly"})
        assert response["Location"] == "/user/billing"
        assert messages_of(response) == ["You are already subscribed to this plan."]
        stripe_api.create_checkout.assert_not_called()
        # Another period of it may be bought.
        response = owner_client.post(CHECKOUT, {"plan": pro.pk, "period": "lifetime"})
        assert response["Location"] == CHECKOUT_URL

    def test_an_expired_subscription_may_be_bought_again(
        self, owner_client, owner, pro, stripe_api
    ):
        SubscriptionFactory(
            user=owner,
            plan=pro,
            provider="stripe",
            expires=timezone.now() - timedelta(days=1),
        )
        response = owner_client.post(CHECKOUT, {"plan": pro.pk, "period": "monthly"})
        assert response["Location"] == CHECKOUT_URL

    def test_a_provider_failure_is_explained(self, owner_client, pro, stripe_api):
        stripe_api.create_checkout.side_effect = PaymentError("down")
        response = owner_client.post(CHECKOUT, {"plan": pro.pk, "period": "monthly"})
        assert response["Location"] == "/pricing"
        assert messages_of(response) == [
            "The payment service could not be reached. Please try again later."
        ]

    def test_get_is_not_allowed(self, owner_client):
        assert owner_client.get(CHECKOUT).status_code == 405


def test_without_keys_checkout_is_refused(owner_client, no_keys, pro, stripe_api):
    response = owner_client.post(CHECKOUT, {"plan": pro.pk, "period": "monthly"})
    assert response["Location"] == "/pricing"
    assert messages_of(response) == [
        "Online payments are not available. Please contact us."
    ]
    stripe_api.create_checkout.assert_not_called()


def test_with_plans_off_checkout_is_refused(
    owner_client, stripe_keys, settings, pro, stripe_api
):
    settings.PAID_PLANS = False
    response = owner_client.post(CHECKOUT, {"plan": pro.pk, "period": "monthly"})
    assert response["Location"] == "/pricing"
    stripe_api.create_checkout.assert_not_called()


@pytest.mark.usefixtures("stripe_keys")
class TestPortal:
    def test_it_opens_the_customers_portal(self, owner_client, owner, stripe_api):
        Customer.objects.create(user=owner, provider="stripe", ref="cus_1")
        response = owner_client.post(PORTAL)
        assert response.status_code == 302
        assert response["Location"] == PORTAL_URL
        assert stripe_api.portal_url.call_args.kwargs == {
            "customer_ref": "cus_1",
            "return_url": "http://127.0.0.1:8000/user/billing",
        }

    def test_a_user_without_customer_is_refused(
        self, owner_client, stranger, stripe_api
    ):
        Customer.objects.create(user=stranger, provider="stripe", ref="cus_2")
        response = owner_client.post(PORTAL)
        assert response["Location"] == "/user/billing"
        assert messages_of(response) == ["You have no billing account to manage."]
        stripe_api.portal_url.assert_not_called()

    def test_signed_out_visitors_are_sent_to_log_in(self, client, stripe_api):
        response = client.post(PORTAL)
        assert response["Location"] == "/user/login?next=/user/billing/portal"
        stripe_api.portal_url.assert_not_called()

    def test_a_provider_failure_is_explained(self, owner_client, owner, stripe_api):
        Customer.objects.create(user=owner, provider="stripe", ref="cus_1")
        stripe_api.portal_url.side_effect = PaymentError("down")
        response = owner_client.post(PORTAL)
        assert response["Location"] == "/user/billing"
        assert messages_of(response) == [
            "The payment service could not be reached. Please try again later."
        ]


def test_without_keys_the_portal_is_refused(owner_client, owner, no_keys, stripe_api):
    Customer.objects.create(user=owner, provider="stripe", ref="cus_1")
    response = owner_client.post(PORTAL)
    assert response["Location"] == "/user/billing"
    stripe_api.portal_url.assert_not_called()

from unittest import mock

import pytest

from billing.models import Plan
from tests.factories import PlanFactory
from tests.payments import stripe_events as se

CHECKOUT_URL = "https://checkout.stripe.com/c/pay/cs_test_1"
PORTAL_URL = "https://billing.stripe.com/p/session/test_1"


@pytest.fixture
def stripe_keys(settings):
    """Online payments set up, with plans in force."""
    settings.PAID_PLANS = True
    settings.STRIPE_SECRET_KEY = "sk_test_0123"
    settings.STRIPE_WEBHOOK_SECRET = se.WEBHOOK_SECRET
    settings.PAYMENTS_CURRENCY = "usd"


@pytest.fixture
def no_keys(settings):
    settings.PAID_PLANS = True
    settings.STRIPE_SECRET_KEY = ""
    settings.STRIPE_WEBHOOK_SECRET = ""


@pytest.fixture
def stripe_api():
    """The Stripe API calls, mocked at the seam: nothing leaves the machine."""
    with (
        mock.patch(
            "payments.stripe_provider.StripeProvider.create_checkout",
            autospec=True,
            return_value=CHECKOUT_URL,
        ) as create_checkout,
        mock.patch(
            "payments.stripe_provider.StripeProvider.portal_url",
            autospec=True,
            return_value=PORTAL_URL,
        ) as portal_url,
        mock.patch(
            "payments.stripe_provider.StripeProvider.cancel_subscription",
            autospec=True,
        ) as cancel_subscription,
    ):
        yield mock.Mock(
            create_checkout=create_checkout,
            portal_url=portal_url,
            cancel_subscription=cancel_subscription,
        )


@pytest.fixture
def pro(db) -> Plan:
    plan = PlanFactory(
        name="Pro",
        is_public=True,
        position=2,
        price_monthly="9.99",
        price_yearly="99.00",
        price_lifetime="249.00",
        links=0,
        clicks=50000,
        features={
            "qr": {"enabled": True, "count": 0, "custom": ""},
            "domain": {"enabled": True, "count": 5, "custom": ""},
            "geo": {"enabled": True, "count": 0, "custom": ""},
            "custom": {"enabled": False, "count": 0, "custom": "Priority support"},
        },
    )
    return plan


@pytest.fixture
def starter(db) -> Plan:
    return PlanFactory(
        name="Starter",
        is_public=True,
        position=1,
        price_monthly="4.00",
        price_yearly=None,
        price_lifetime=None,
        links=100,
        links_monthly=True,
        retention=30,
        features={"qr": {"enabled": True, "count": 10, "custom": ""}},
    )


@pytest.fixture
def hidden(db) -> Plan:
    return PlanFactory(name="Hidden", is_public=False, price_monthly="1.00")


@pytest.fixture
def free(db) -> Plan:
    return Plan.objects.default()

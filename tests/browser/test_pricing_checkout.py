"""Pricing → Stripe Checkout (mocked at the seam) → webhook → billing page."""

import re
from unittest import mock

import pytest
from playwright.sync_api import Page, expect

from accounts.models import User
from tests.factories import PASSWORD, PlanFactory, UserFactory
from tests.payments import stripe_events as se

pytestmark = pytest.mark.browser


@pytest.fixture
def pro(transactional_db):
    return PlanFactory(
        name="Pro",
        is_public=True,
        price_monthly="9.99",
        price_yearly="99.00",
        features={"qr": {"enabled": True, "count": 25, "custom": ""}},
    )


def log_in(page: Page) -> None:
    UserFactory(username="owner")
    page.goto("/user/login")
    page.get_by_label("Username").fill("owner")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/user$"))


def test_without_keys_the_pricing_page_sends_people_to_the_administrator(
    page: Page, live_server, transactional_db, settings, pro
):
    settings.PAID_PLANS = True
    settings.STRIPE_SECRET_KEY = settings.STRIPE_WEBHOOK_SECRET = ""
    page.goto("/")
    page.get_by_role("link", name="Pricing").click()
    expect(page.get_by_role("heading", name="Pro")).to_be_visible()
    expect(
        page.get_by_text("Upgrades are handled by the administrator")
    ).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Buy"))).to_have_count(0)


def test_buying_a_plan_shows_it_on_the_billing_page_once_stripe_confirms(
    page: Page, live_server, transactional_db, settings, pro
):
    settings.PAID_PLANS = True
    settings.STRIPE_SECRET_KEY = "sk_test_browser"
    settings.STRIPE_WEBHOOK_SECRET = se.WEBHOOK_SECRET
    log_in(page)
    owner = User.objects.get(username="owner")
    back_from_stripe = f"{live_server.url}/user/billing?checkout=success"
    with mock.patch(
        "payments.stripe_provider.StripeProvider.create_checkout",
        return_value=back_from_stripe,
    ) as create_checkout:
        page.get_by_role("link", name="Billing").click()
        page.get_by_role("link", name="Upgrade").click()
        page.get_by_role("button", name="Buy Monthly Pro").click()
        expect(page).to_have_url(back_from_stripe)
    assert create_checkout.call_args.kwargs["period"] == "monthly"
    expect(page.get_by_text("Thank you for your payment.")).to_be_visible()
    expect(page.locator("dd").first).to_have_text("Free")

    # Stripe then tells the site, over HTTP, with its signature.
    session = se.checkout_session(user_id=owner.pk, plan_id=pro.pk, period="monthly")
    payload = se.event("checkout.session.completed", session)
    response = page.request.post(
        f"{live_server.url}/billing/webhook/stripe",
        data=payload,
        headers={
            "Content-Type": "application/json",
            "Stripe-Signature": se.signature(payload),
        },
    )
    assert response.status == 200

    page.goto("/user/billing")
    expect(page.locator("dd").first).to_have_text("Pro")
    expect(page.get_by_role("row", name=re.compile("QR codes"))).to_contain_text("25")
    expect(
        page.get_by_role("button", name="Manage billing and invoices")
    ).to_be_visible()

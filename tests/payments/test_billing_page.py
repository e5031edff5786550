"""GET /user/billing: the plan, its period and expiry, and usage of each quota."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from payments.models import Customer
from tests.analytics.factories import ClickFactory
from tests.factories import DomainFactory, LinkFactory, SubscriptionFactory
from tests.pixels.factories import PixelFactory

URL = "/user/billing"


def usage_rows(html: str) -> dict[str, tuple[str, str, str]]:
    """{key: (label, used, limit)} read off the usage table."""
    rows = re.findall(
        r'<tr data-key="(\w+)">\s*<th scope="row">([^<]+)</th>\s*'
        r'<td class="numeric">(\d+)</td>\s*<td class="numeric">([^<]+)</td>',
        html,
    )
    return {key: (label, used, limit) for key, label, used, limit in rows}


def test_signed_out_visitors_are_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == "/user/login?next=/user/billing"


def test_usage_is_counted_against_the_plans_quotas(
    owner_client, owner, no_keys, starter
):
    SubscriptionFactory(user=owner, plan=starter)
    this_month = LinkFactory(owner=owner)
    LinkFactory(owner=owner)
    old = LinkFactory(owner=owner)
    # A link from an earlier month does not count on a monthly quota.
    type(old).objects.filter(pk=old.pk).update(
        created=timezone.now().replace(day=1) - timedelta(days=3)
    )
    LinkFactory()  # someone else's
    ClickFactory.create_batch(3, link=this_month)
    ClickFactory(link=this_month, is_bot=True)
    DomainFactory(owner=owner)
    PixelFactory.create_batch(2, owner=owner)

    html = owner_client.get(URL).content.decode()
    rows = usage_rows(html)
    assert rows["links"] == ("Links this month", "2", "100")
    assert rows["clicks"] == ("Clicks this month", "3", "Unlimited")
    assert rows["qr"] == ("QR codes", "0", "10")
    assert rows["domain"] == ("Branded domains", "1", "Not in your plan")
    assert rows["pixels"] == ("Tracking pixels", "2", "Not in your plan")
    assert {"splash", "overlay", "files"} <= rows.keys()
    assert 'value="2"' in html  # links: 2 of 100 used, as a meter


def test_total_links_count_on_a_plan_without_a_monthly_quota(
    owner_client, owner, no_keys, pro
):
    SubscriptionFactory(user=owner, plan=pro)
    LinkFactory.create_batch(3, owner=owner)
    rows = usage_rows(owner_client.get(URL).content.decode())
    assert rows["links"] == ("Links", "3", "Unlimited")
    assert rows["clicks"] == ("Clicks this month", "0", "50,000")
    assert rows["domain"] == ("Branded domains", "0", "5")


def test_with_plans_off_nothing_is_limited(owner_client, owner, settings, starter):
    settings.PAID_PLANS = False
    SubscriptionFactory(user=owner, plan=starter)
    LinkFactory(owner=owner)
    html = owner_client.get(URL).content.decode()
    assert "Every feature is currently available to every account" in html
    rows = usage_rows(html)
    assert rows["links"] == ("Links", "1", "Unlimited")
    assert {limit for _, _, limit in rows.values()} == {"Unlimited"}


def test_the_plan_period_and_expiry_are_shown(owner_client, owner, no_keys, pro):
    expires = datetime(2031, 3, 4, 12, 0, tzinfo=UTC)
    SubscriptionFactory(user=owner, plan=pro, period="yearly", expires=expires)
    html = owner_client.get(URL).content.decode()
    assert re.search(r"<dt>Plan</dt>\s*<dd>Pro</dd>", html)
    assert re.search(r"<dt>Period</dt>\s*<dd>Yearly</dd>", html)
    assert 'datetime="2031-03-04T12:00:00+00:00"' in html


def test_a_user_without_subscription_is_on_the_free_plan(owner_client, no_keys, free):
    html = owner_client.get(URL).content.decode()
    assert re.search(r"<dt>Plan</dt>\s*<dd>Free</dd>", html)
    assert "<dt>Period</dt>" not in html


def test_an_ended_subscription_is_named_as_the_previous_plan(
    owner_client, owner, no_keys, pro, free
):
    SubscriptionFactory(user=owner, plan=pro, status="canceled")
    html = owner_client.get(URL).content.decode()
    assert re.search(r"<dt>Plan</dt>\s*<dd>Free</dd>", html)
    assert "Pro (Canceled)" in html


def test_without_keys_there_is_no_upgrade_or_portal_button(
    owner_client, owner, no_keys
):
    Customer.objects.create(user=owner, provider="stripe", ref="cus_1")
    html = owner_client.get(URL).content.decode()
    assert "See the plans" in html
    assert ">Upgrade<" not in html
    assert "/user/billing/portal" not in html


@pytest.mark.usefixtures("stripe_keys")
class TestWithStripe:
    def test_the_upgrade_button_leads_to_pricing(self, owner_client):
        html = owner_client.get(URL).content.decode()
        assert '<a class="button" href="/pricing">Upgrade</a>' in html
        assert "/user/billing/portal" not in html  # no Stripe customer yet

    def test_a_stripe_customer_gets_the_portal_button(self, owner_client, owner):
        Customer.objects.create(user=owner, provider="stripe", ref="cus_1")
        html = owner_client.get(URL).content.decode()
        assert 'action="/user/billing/portal"' in html
        assert "Manage billing and invoices" in html

    def test_the_return_from_checkout_is_acknowledged(self, owner_client):
        html = owner_client.get(URL + "?checkout=success").content.decode()
        assert "Thank you for your payment." in html
        assert "Thank you" not in owner_client.get(URL).content.decode()


def test_the_dashboard_navigation_links_to_billing(owner_client, no_keys):
    html = owner_client.get(URL).content.decode()
    assert '<a href="/user/billing" aria-current="page">Billing</a>' in html

"""GET /pricing: the public plans side by side."""

import re

import pytest

from tests.factories import SubscriptionFactory

URL = "/pricing"


def cards(html: str) -> list[str]:
    return re.findall(r'<li class="card plan[^"]*"[^>]*>.*?</ul>\s*</li>', html, re.S)


def test_without_keys_there_is_no_buy_button(client, no_keys, pro, starter):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Upgrades are handled by the administrator" in html
    assert "/user/billing/checkout" not in html
    assert "Log in to buy" not in html
    assert "9.99 USD" in html


def test_with_plans_off_every_feature_is_said_to_be_free(client, settings, pro):
    settings.PAID_PLANS = False
    settings.STRIPE_SECRET_KEY = "sk_test_x"
    settings.STRIPE_WEBHOOK_SECRET = "whsec_x"
    html = client.get(URL).content.decode()
    assert "Every feature is currently available to every account" in html
    assert "/user/billing/checkout" not in html


def test_public_plans_are_shown_in_their_order(
    client, no_keys, free, pro, starter, hidden
):
    html = client.get(URL).content.decode()
    names = re.findall(r'<h2 id="plan-\d+">([^<]+)</h2>', html)
    assert names == ["Free", "Starter", "Pro"]
    assert "Hidden" not in html


def test_prices_are_shown_per_period(client, no_keys, pro, starter):
    html = client.get(URL).content.decode()
    pro_card = next(card for card in cards(html) if ">Pro<" in card)
    starter_card = next(card for card in cards(html) if ">Starter<" in card)
    assert re.search(r"9\.99 USD</span>\s*<span class=\"muted\">per month", pro_card)
    assert re.search(r"99\.00 USD</span>\s*<span class=\"muted\">per year", pro_card)
    assert re.search(
        r"249\.00 USD</span>\s*<span class=\"muted\">once, for life", pro_card
    )
    assert "per month" in starter_card
    assert "per year" not in starter_card
    assert "for life" not in starter_card


def test_features_are_described_in_words(client, no_keys, pro, starter):
    html = client.get(URL).content.decode()
    pro_card = next(card for card in cards(html) if ">Pro<" in card)
    starter_card = next(card for card in cards(html) if ">Starter<" in card)
    pro_lines = re.findall(r"<li>([^<]+)</li>", pro_card)
    assert pro_lines == [
        "Unlimited links",
        "50,000 tracked clicks per month",
        "Statistics kept forever",
        "QR codes: unlimited",
        "Branded domains: 5",
        "Geo targeting",
        "Priority support",
    ]
    assert re.findall(r"<li>([^<]+)</li>", starter_card) == [
        "100 links per month",
        "Unlimited tracked clicks",
        "Statistics kept for 30 days",
        "QR codes: 10",
    ]


def test_the_signed_in_users_plan_is_highlighted(client, owner, no_keys, pro, starter):
    SubscriptionFactory(user=owner, plan=pro)
    client.force_login(owner)
    html = client.get(URL).content.decode()
    [current] = [card for card in cards(html) if "plan-current" in card]
    assert ">Pro<" in current
    assert "Your plan" in current
    assert html.count("Your plan") == 1


def test_with_keys_each_price_has_a_buy_button(owner_client, stripe_keys, pro, starter):
    html = owner_client.get(URL).content.decode()
    assert "Upgrades are handled by the administrator" not in html
    buttons = re.findall(
        r'name="plan" value="(\d+)">\s*'
        r'<input type="hidden" name="period" value="(\w+)">',
        html,
    )
    assert buttons == [
        (str(starter.pk), "monthly"),
        (str(pro.pk), "monthly"),
        (str(pro.pk), "yearly"),
        (str(pro.pk), "lifetime"),
    ]


def test_signed_out_visitors_are_asked_to_log_in_to_buy(client, stripe_keys, pro):
    html = client.get(URL).content.decode()
    assert "/user/billing/checkout" not in html
    assert html.count("Log in to buy") == 3
    assert "/user/login?next=/pricing" in html


def test_the_public_header_links_to_pricing(client, no_keys):
    html = client.get("/user/login").content.decode()
    assert '<a href="/pricing">Pricing</a>' in html


@pytest.mark.parametrize("plans_on", [True, False])
def test_pricing_renders_with_no_public_plan(client, db, settings, plans_on):
    settings.PAID_PLANS = plans_on
    from billing.models import Plan

    Plan.objects.update(is_public=False)
    response = client.get(URL)
    assert response.status_code == 200
    assert "No plan is on offer yet" in response.content.decode()


def test_pricing_answers_get_and_head_only(client, db, no_keys):
    assert client.head(URL).status_code == 200
    assert client.post(URL).status_code == 405

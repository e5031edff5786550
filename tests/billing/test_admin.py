"""The Django admin: plans with readable features, subscriptions, the user inline."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from billing.features import FEATURES
from billing.models import Plan, Subscription
from tests.factories import PlanFactory, SubscriptionFactory, UserFactory

PLANS = "/admin/billing/plan/"
SUBSCRIPTIONS = "/admin/billing/subscription/"
UTC = ZoneInfo("UTC")


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def plan_data(**overrides):
    data = {
        "name": "Gold",
        "position": "1",
        "is_public": "on",
        "price_monthly": "9.99",
        "price_yearly": "99",
        "price_lifetime": "",
        "links": "100",
        "clicks": "5000",
        "retention": "30",
        "api_rate": "0",
        "feature_qr_enabled": "on",
        "feature_qr_count": "5",
        "feature_alias_enabled": "on",
        "feature_geo_count": "",
        "feature_custom_custom": "  Priority support ",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_the_plan_form_has_a_row_per_feature_not_json(admin_client):
    html = admin_client.get(f"{PLANS}add/").content.decode()
    assert 'name="features"' not in html
    for spec in FEATURES:
        assert f'name="feature_{spec.key}_enabled"' in html
        assert (f'name="feature_{spec.key}_count"' in html) == spec.counted
        assert (f'name="feature_{spec.key}_custom"' in html) == spec.custom
    for label in (
        "QR codes",
        "Custom aliases",
        "count (0 = unlimited)",
        "Prices",
        "Limits",
    ):
        assert label in html


def test_adding_a_plan_stores_its_features(admin_client):
    response = admin_client.post(f"{PLANS}add/", plan_data())
    assert response.status_code == 302, response.content.decode()
    plan = Plan.objects.get(name="Gold")
    assert plan.features["qr"] == {"enabled": True, "count": 5, "custom": ""}
    assert plan.features["alias"] == {"enabled": True, "count": 0, "custom": ""}
    assert plan.features["geo"] == {"enabled": False, "count": 0, "custom": ""}
    assert plan.features["custom"] == {
        "enabled": False,
        "count": 0,
        "custom": "Priority support",
    }
    assert set(plan.features) == {spec.key for spec in FEATURES}
    assert (plan.links, plan.clicks, plan.retention) == (100, 5000, 30)
    assert str(plan.price_monthly) == "9.99"
    assert plan.price_lifetime is None


def test_the_change_form_shows_the_stored_features(admin_client):
    plan = PlanFactory()
    plan.with_feature("splash", enabled=True, count=7)
    plan.save()
    html = admin_client.get(f"{PLANS}{plan.pk}/change/").content.decode()
    assert 'name="feature_splash_enabled" id="id_feature_splash_0" checked' in html
    assert 'name="feature_splash_count" value="7"' in html


def test_a_negative_count_is_refused(admin_client):
    response = admin_client.post(f"{PLANS}add/", plan_data(feature_qr_count="-1"))
    assert response.status_code == 200
    assert (
        "Ensure this value is greater than or equal to 0." in response.content.decode()
    )
    assert not Plan.objects.filter(name="Gold").exists()


def test_keys_the_form_does_not_know_are_kept(admin_client):
    plan = PlanFactory(name="Gold", features={"legacy": {"enabled": True}})
    admin_client.post(f"{PLANS}{plan.pk}/change/", plan_data())
    plan.refresh_from_db()
    assert plan.features["legacy"] == {"enabled": True}
    assert plan.features["qr"]["count"] == 5


def test_only_a_free_plan_can_be_the_default(admin_client):
    response = admin_client.post(f"{PLANS}add/", plan_data(is_default="on"))
    assert response.status_code == 200
    assert "The default plan must be a free plan." in response.content.decode()


def test_a_new_default_plan_takes_the_flag_from_the_old_one(admin_client):
    old = Plan.objects.default()
    response = admin_client.post(
        f"{PLANS}add/", plan_data(is_free="on", is_default="on", name="Basic")
    )
    assert response.status_code == 302
    old.refresh_from_db()
    assert not old.is_default
    assert Plan.objects.default().name == "Basic"
    assert Plan.objects.filter(is_default=True).count() == 1


def test_the_default_plan_cannot_lose_its_flag_or_be_deleted(admin_client):
    default = Plan.objects.default()
    response = admin_client.post(
        f"{PLANS}{default.pk}/change/", plan_data(is_free="on", name="Free")
    )
    assert response.status_code == 200
    assert "Make another free plan the default" in response.content.decode()
    assert admin_client.get(f"{PLANS}{default.pk}/delete/").status_code == 403
    assert (
        admin_client.post(f"{PLANS}{default.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert Plan.objects.filter(pk=default.pk, is_default=True).exists()


def test_another_plan_can_be_deleted(admin_client):
    plan = PlanFactory()
    response = admin_client.post(f"{PLANS}{plan.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Plan.objects.filter(pk=plan.pk).exists()


def test_a_plan_with_subscribers_is_protected(admin_client, owner):
    subscription = SubscriptionFactory(user=owner)
    response = admin_client.post(
        f"{PLANS}{subscription.plan_id}/delete/", {"post": "yes"}
    )
    assert response.status_code == 200
    assert "Cannot delete plan" in response.content.decode()
    assert Plan.objects.filter(pk=subscription.plan_id).exists()


# Subscriptions


@pytest.fixture
def three(db):
    gold, silver = PlanFactory(name="Gold"), PlanFactory(name="Silver")
    now = timezone.now()
    return {
        "alice": SubscriptionFactory(
            user=UserFactory(username="alice"), plan=gold, period="monthly"
        ),
        "bob": SubscriptionFactory(
            user=UserFactory(username="bob", email="bob@corp.example"),
            plan=silver,
            period="yearly",
            expires=now - timedelta(days=1),
        ),
        "carol": SubscriptionFactory(
            user=UserFactory(username="carol"), plan=gold, status="canceled"
        ),
    }


def listed(response) -> set[str]:
    html = response.content.decode()
    return {
        name
        for name in ("alice", "bob", "carol")
        if f">{name}:" in html or f">{name}<" in html
    }


def test_the_subscription_list_searches_by_user(admin_client, three):
    assert listed(admin_client.get(SUBSCRIPTIONS, {"q": "corp.example"})) == {"bob"}
    assert listed(admin_client.get(SUBSCRIPTIONS, {"q": "ALI"})) == {"alice"}


def test_the_subscription_list_filters(admin_client, three):
    gold = three["alice"].plan
    assert listed(admin_client.get(SUBSCRIPTIONS, {"plan__id__exact": gold.pk})) == {
        "alice",
        "carol",
    }
    assert listed(admin_client.get(SUBSCRIPTIONS, {"period__exact": "yearly"})) == {
        "bob"
    }
    assert listed(admin_client.get(SUBSCRIPTIONS, {"status__exact": "canceled"})) == {
        "carol"
    }
    assert listed(admin_client.get(SUBSCRIPTIONS, {"expired": "yes"})) == {"bob"}
    assert listed(admin_client.get(SUBSCRIPTIONS, {"expired": "no"})) == {
        "alice",
        "carol",
    }


def test_the_extend_action_pushes_each_expiry_by_its_period(admin_client, db):
    now = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    with time_machine.travel(now, tick=False):
        running = SubscriptionFactory(period="monthly", expires=now + timedelta(days=5))
        lapsed = SubscriptionFactory(
            period="yearly", expires=now - timedelta(days=40), status="expired"
        )
        response = admin_client.post(
            SUBSCRIPTIONS,
            {
                "action": "extend_one_period",
                "_selected_action": [running.pk, lapsed.pk],
            },
            follow=True,
        )
    assert "2 subscriptions were extended." in response.content.decode()
    running.refresh_from_db()
    lapsed.refresh_from_db()
    assert running.expires == datetime(2026, 4, 15, 9, 0, tzinfo=UTC)
    assert lapsed.expires == datetime(2027, 3, 10, 9, 0, tzinfo=UTC)
    assert lapsed.status == "active"


def test_the_cancel_action_puts_users_on_the_free_plan(admin_client, three):
    alice = three["alice"]
    response = admin_client.post(
        SUBSCRIPTIONS,
        {
            "action": "cancel_subscriptions",
            "_selected_action": [alice.pk, three["carol"].pk],
        },
        follow=True,
    )
    assert "1 subscription was canceled." in response.content.decode()
    alice.refresh_from_db()
    assert alice.status == "canceled"
    assert not alice.user.is_pro
    assert Subscription.objects.get(pk=three["bob"].pk).status == "active"


# The user admin's inline


def inline(**fields):
    data = {
        "subscription-TOTAL_FORMS": "1",
        "subscription-INITIAL_FORMS": "0",
        "subscription-MIN_NUM_FORMS": "0",
        "subscription-MAX_NUM_FORMS": "1",
    }
    data.update({f"subscription-0-{key}": value for key, value in fields.items()})
    return data


def test_the_user_admin_sets_the_subscription(admin_client, owner):
    plan = PlanFactory(name="Gold")
    data = {
        "username": "owner",
        "email": "owner@example.com",
        "is_active": "on",
        "is_staff": "on",
        **inline(
            plan=plan.pk,
            period="yearly",
            expires_0="2030-01-02",
            expires_1="03:04:05",
            status="active",
            provider="",
        ),
    }
    response = admin_client.post(f"/admin/accounts/user/{owner.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()
    subscription = Subscription.objects.get(user=owner)
    assert (subscription.plan, subscription.period) == (plan, "yearly")
    assert subscription.expires == datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)
    owner.refresh_from_db()
    assert owner.is_staff
    assert owner.is_pro


def test_the_user_list_shows_and_filters_by_plan(admin_client, owner, stranger):
    SubscriptionFactory(user=owner, plan=PlanFactory(name="Gold"))
    html = admin_client.get("/admin/accounts/user/").content.decode()
    assert '<td class="field-plan">Gold</td>' in html
    gold = Plan.objects.get(name="Gold")
    html = admin_client.get(
        "/admin/accounts/user/", {"subscription__plan__id__exact": gold.pk}
    ).content.decode()
    assert "owner@example.com" in html
    assert "stranger@example.com" not in html


def test_an_untouched_blank_inline_adds_no_subscription(admin_client, owner):
    data = {
        "username": "owner",
        "email": "owner@example.com",
        "is_active": "on",
        **inline(period="monthly", status="active", plan="", provider=""),
    }
    response = admin_client.post(f"/admin/accounts/user/{owner.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()
    assert not Subscription.objects.filter(user=owner).exists()


def test_the_admin_pages_open(admin_client, owner):
    subscription = SubscriptionFactory(user=owner)
    for url in (
        PLANS,
        f"{PLANS}{subscription.plan_id}/change/",
        SUBSCRIPTIONS,
        f"{SUBSCRIPTIONS}{subscription.pk}/change/",
        f"{SUBSCRIPTIONS}add/",
        f"/admin/accounts/user/{owner.pk}/change/",
    ):
        assert admin_client.get(url).status_code == 200, url

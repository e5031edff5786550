"""GET /api/plans and PUT /api/plan/:planid/user/:userid (§12, D15, D28, D31, D42)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from billing.features import FEATURES
from billing.models import Plan, Subscription
from tests.conftest import api_client_for
from tests.factories import PlanFactory, SubscriptionFactory, UserFactory

PLANS = "/api/plans"
NO_PERMISSION = {
    "error": 1,
    "message": "You do not have permission to access this endpoint.",
}
UTC = ZoneInfo("UTC")


def subscribe_url(plan_id: int, user_id: int) -> str:
    return f"/api/plan/{plan_id}/user/{user_id}"


def disabled_limits(**overrides):
    limits = {"links": 0, "clicks": 0, "retention": 0}
    for spec in FEATURES:
        limits[spec.key] = (
            {"enabled": "0", "count": "0"} if spec.counted else {"enabled": "0"}
        )
    limits.update(overrides)
    return limits


@pytest.fixture
def business():
    plan = PlanFactory(
        name="Business",
        price_monthly="9.99",
        price_yearly="99.99",
        price_lifetime="999.99",
        links=100,
        clicks=100000,
        retention=60,
    )
    plan.with_feature("splash", enabled=True, count=5)
    plan.with_feature("alias", enabled=True)
    plan.with_feature("custom", enabled=False, custom="Priority support")
    plan.save()
    return plan


def test_the_list_has_every_plan_newest_first_with_typed_limits(admin_api, business):
    Plan.objects.exclude(pk=business.pk).delete()
    starter = PlanFactory(
        name="Starter", is_free=True, price_monthly=None, links=10, clicks=1000
    )
    starter.with_feature("pixels", enabled=False, count=10)
    starter.save()

    response = admin_api.get(PLANS)

    assert response.status_code == 200
    assert response.json() == {
        "error": 0,
        "data": [
            {
                "id": starter.pk,
                "name": "Starter",
                "free": True,
                "prices": None,
                "limits": disabled_limits(
                    links=10, clicks=1000, pixels={"enabled": "0", "count": "10"}
                ),
            },
            {
                "id": business.pk,
                "name": "Business",
                "free": False,
                "prices": {"monthly": 9.99, "yearly": 99.99, "lifetime": 999.99},
                "limits": disabled_limits(
                    links=100,
                    clicks=100000,
                    retention=60,
                    splash={"enabled": "1", "count": "5"},
                    alias={"enabled": "1"},
                    custom={"enabled": "0", "custom": "Priority support"},
                ),
            },
        ],
    }


def test_every_feature_of_the_catalogue_is_listed(admin_api):
    plans = admin_api.get(PLANS).json()["data"]
    assert plans  # the install's default free plan at least
    keys = {spec.key for spec in FEATURES}
    assert {"files", "apirate", "bio", "qr", "team", "api", "custom"} <= keys
    for plan in plans:
        assert set(plan["limits"]) == keys | {"links", "clicks", "retention"}


def test_a_price_the_plan_does_not_offer_is_null(admin_api):
    Plan.objects.all().delete()
    PlanFactory(price_monthly="5", price_yearly=None, price_lifetime=None)
    prices = admin_api.get(PLANS).json()["data"][0]["prices"]
    assert prices == {"monthly": 5.0, "yearly": None, "lifetime": None}


def test_a_superuser_without_staff_flag_is_an_admin(db):
    boss = UserFactory(is_superuser=True, is_staff=False)
    assert api_client_for(boss).get(PLANS).status_code == 200


def test_a_user_gets_403(owner_api):
    response = owner_api.get(PLANS)
    assert response.status_code == 403
    assert response.json() == NO_PERMISSION


def test_no_key_gets_401_before_anything(client, db):
    response = client.get(PLANS)
    assert response.status_code == 401
    assert response.json() == {
        "error": 1,
        "message": "A valid API key is required to use this service.",
    }


def test_a_wrong_method_is_405_before_the_admin_check(owner_api, owner):
    assert owner_api.post(PLANS).status_code == 405
    assert owner_api.get(subscribe_url(1, owner.pk)).status_code == 405


def test_the_rate_limit_comes_before_the_admin_check(owner_api, settings):
    settings.API_RATE_LIMIT = 1
    assert owner_api.get(PLANS).status_code == 403
    assert owner_api.get(PLANS).status_code == 429


def test_an_unknown_admin_path_is_404_for_anyone(owner_api):
    assert owner_api.get("/api/plan/x/user/1").status_code == 404


@pytest.fixture
def frozen():
    with time_machine.travel(datetime(2026, 1, 31, 12, 0, tzinfo=UTC), tick=False):
        yield


@pytest.mark.usefixtures("frozen")
@pytest.mark.parametrize(
    ("period", "expires"),
    [
        ("monthly", datetime(2026, 2, 28, 12, 0, tzinfo=UTC)),
        ("yearly", datetime(2027, 1, 31, 12, 0, tzinfo=UTC)),
        ("lifetime", datetime(2036, 1, 31, 12, 0, tzinfo=UTC)),
    ],
)
def test_subscribing_without_expiration_computes_it(
    admin_api, owner, business, period, expires
):
    response = admin_api.put(
        subscribe_url(business.pk, owner.pk), {"type": period}, format="json"
    )
    assert response.status_code == 200
    assert response.json() == {
        "error": 0,
        "message": "User has been subscribed to this plan.",
    }
    subscription = Subscription.objects.get(user=owner)
    assert (subscription.plan, subscription.period, subscription.status) == (
        business,
        period,
        "active",
    )
    assert subscription.expires == expires


def test_the_expiration_is_read_in_the_sites_time_zone(
    admin_api, owner, business, settings
):
    settings.TIME_ZONE = "Europe/Paris"
    body = {"type": "yearly", "expiration": "2030-01-15 10:30:00"}
    response = admin_api.put(subscribe_url(business.pk, owner.pk), body, format="json")
    assert response.status_code == 200
    expires = Subscription.objects.get(user=owner).expires
    assert expires == datetime(2030, 1, 15, 9, 30, tzinfo=UTC)


def test_the_subscribed_user_becomes_pro(admin_api, owner, owner_api, business):
    body = {"type": "monthly", "expiration": "2099-11-15 15:00:00"}
    admin_api.put(subscribe_url(business.pk, owner.pk), body, format="json")
    data = owner_api.get("/api/account").json()["data"]
    assert (data["status"], data["planid"], data["expires"]) == (
        "pro",
        business.pk,
        "2099-11-15 15:00:00",
    )


def test_subscribing_replaces_the_current_subscription(admin_api, owner, business):
    SubscriptionFactory(user=owner, provider="stripe", subscription_ref="sub_1")
    body = {"type": "lifetime", "expiration": "2040-01-01 00:00:00"}
    admin_api.put(subscribe_url(business.pk, owner.pk), body, format="json")
    assert Subscription.objects.filter(user=owner).count() == 1
    subscription = Subscription.objects.get(user=owner)
    assert (subscription.plan, subscription.period, subscription.provider) == (
        business,
        "lifetime",
        "",
    )


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"type": ""},
        {"type": "weekly"},
        {"type": 1},
        {"type": None},
        {"type": ["monthly"]},
    ],
)
def test_a_missing_or_invalid_type_is_400(admin_api, owner, business, body):
    response = admin_api.put(subscribe_url(business.pk, owner.pk), body, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "error": 1,
        "message": "API request is missing the type parameter.",
    }
    assert not Subscription.objects.exists()


def test_the_type_is_checked_before_the_lookups(admin_api):
    response = admin_api.put(subscribe_url(999999, 999999), {}, format="json")
    assert response.status_code == 400


def test_an_unknown_plan_is_404(admin_api, owner):
    response = admin_api.put(
        subscribe_url(999999, owner.pk), {"type": "monthly"}, format="json"
    )
    assert response.status_code == 404
    assert response.json() == {"error": 1, "message": "Plan does not exist."}
    assert not Subscription.objects.exists()


def test_an_unknown_user_is_404(admin_api, business):
    response = admin_api.put(
        subscribe_url(business.pk, 999999), {"type": "monthly"}, format="json"
    )
    assert response.status_code == 404
    assert response.json() == {"error": 1, "message": "User does not exist."}


@pytest.mark.parametrize(
    "expiration",
    [
        "2024-02-30 10:00:00",
        "tomorrow",
        "2030-01-01",
        "2030-01-01T10:00:00",
        1893456000,
        True,
    ],
)
def test_an_invalid_expiration_is_400_and_nothing_changes(
    admin_api, owner, business, expiration
):
    previous = SubscriptionFactory(user=owner)
    body = {"type": "monthly", "expiration": expiration}
    response = admin_api.put(subscribe_url(business.pk, owner.pk), body, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "error": 1,
        "message": "The expiration date is not valid.",
    }
    subscription = Subscription.objects.get(user=owner)
    assert (subscription.plan_id, subscription.expires) == (
        previous.plan_id,
        previous.expires,
    )


def test_a_malformed_body_is_400(admin_api, owner, business):
    response = admin_api.put(
        subscribe_url(business.pk, owner.pk), "{", content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json() == {
        "error": 1,
        "message": "Invalid request or incorrect data format.",
    }


def test_a_user_cannot_subscribe_anyone(owner_api, owner, business):
    response = owner_api.put(
        subscribe_url(business.pk, owner.pk), {"type": "lifetime"}, format="json"
    )
    assert response.status_code == 403
    assert response.json() == NO_PERMISSION
    assert not Subscription.objects.exists()


def test_a_past_expiration_is_accepted_and_ends_at_once(admin_api, owner, business):
    body = {"type": "monthly", "expiration": "2020-11-20 11:00:00"}
    response = admin_api.put(subscribe_url(business.pk, owner.pk), body, format="json")
    assert response.status_code == 200
    assert not owner.is_pro
    assert Subscription.objects.get(user=owner).expires < timezone.now() - timedelta(
        days=1
    )

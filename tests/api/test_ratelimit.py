"""Per-key rate limiting and its headers (§1.3, D3, D36)."""

import time

import pytest
from rest_framework.test import APIClient

from api import ratelimit
from tests.factories import PlanFactory, SubscriptionFactory

ACCOUNT = "/api/account"

# Windows are 60 s: a slow run of 31 requests must not see one end mid-test.
pytestmark = pytest.mark.usefixtures("still_clock")


def remaining(response) -> int:
    return int(response["X-RateLimit-Remaining"])


def test_every_authenticated_answer_carries_the_headers(owner_api):
    before = int(time.time())
    response = owner_api.get(ACCOUNT)
    assert response["X-RateLimit-Limit"] == "30"
    assert remaining(response) == 29
    assert before < int(response["X-RateLimit-Reset"]) <= before + 61


def test_errors_carry_the_headers_too(owner_api):
    response = owner_api.get("/api/unknown")
    assert response.status_code == 404
    assert response["X-RateLimit-Limit"] == "30"
    response = owner_api.put(
        "/api/account/update", "{", content_type="application/json"
    )
    assert response.status_code == 400
    assert remaining(response) == 28


def test_an_unauthenticated_answer_has_no_headers(db):
    response = APIClient().get(ACCOUNT)
    assert "X-RateLimit-Limit" not in response


def test_the_31st_request_in_a_window_is_429(owner_api):
    for expected in range(29, -1, -1):
        assert remaining(owner_api.get(ACCOUNT)) == expected
    response = owner_api.get(ACCOUNT)
    assert response.status_code == 429
    wait = int(response["Retry-After"])
    assert 1 <= wait <= 60
    assert response.json() == {
        "error": 429,
        "message": "Too Many API Requests.",
        "Retry-After": wait,
    }
    assert response["X-RateLimit-Remaining"] == "0"
    assert response["X-RateLimit-Limit"] == "30"


def test_rate_limit_comes_before_routing(owner_api, settings):
    settings.API_RATE_LIMIT = 1
    owner_api.get(ACCOUNT)
    assert owner_api.get("/api/unknown").status_code == 429
    assert owner_api.delete(ACCOUNT).status_code == 429


def test_two_clients_of_one_key_share_the_budget(owner):
    by_header, by_query = APIClient(), APIClient()
    by_header.credentials(HTTP_AUTHORIZATION=f"Token {owner.api_key}")
    for _ in range(15):
        by_header.get(ACCOUNT)
        by_query.get(ACCOUNT, {"key": owner.api_key})
    assert by_header.get(ACCOUNT).status_code == 429
    assert by_query.get(ACCOUNT, {"key": owner.api_key}).status_code == 429


def test_each_key_has_its_own_budget(owner_api, stranger_api, settings):
    settings.API_RATE_LIMIT = 2
    owner_api.get(ACCOUNT)
    owner_api.get(ACCOUNT)
    assert owner_api.get(ACCOUNT).status_code == 429
    assert stranger_api.get(ACCOUNT).status_code == 200


def test_a_regenerated_key_keeps_the_users_budget(owner, owner_api, settings):
    settings.API_RATE_LIMIT = 2
    owner_api.get(ACCOUNT)
    owner_api.get(ACCOUNT)
    owner.regenerate_api_key()
    response = APIClient().get(ACCOUNT, HTTP_AUTHORIZATION=f"Bearer {owner.api_key}")
    assert response.status_code == 429


def test_the_plan_rate_overrides_the_site_default(owner, owner_api, settings):
    settings.PAID_PLANS = True
    SubscriptionFactory(user=owner, plan=PlanFactory(api_rate=100))
    response = owner_api.get(ACCOUNT)
    assert response["X-RateLimit-Limit"] == "100"
    assert remaining(response) == 99


def test_a_plan_without_a_rate_uses_the_site_default(owner, owner_api, settings):
    settings.API_RATE_LIMIT = 7
    settings.PAID_PLANS = True
    SubscriptionFactory(user=owner, plan=PlanFactory(api_rate=0))
    assert owner_api.get(ACCOUNT)["X-RateLimit-Limit"] == "7"


def test_the_api_stays_up_when_the_counter_store_is_down(owner_api, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(ratelimit, "get_usage", broken)
    response = owner_api.get(ACCOUNT)
    assert response.status_code == 200
    assert "X-RateLimit-Limit" not in response


@pytest.mark.parametrize("count", [31, 45])
def test_remaining_never_goes_negative(owner_api, count):
    for _ in range(count):
        response = owner_api.get(ACCOUNT)
    assert response["X-RateLimit-Remaining"] == "0"

"""Every credential form of D1, and the refusals of §1.2."""

import pytest
from rest_framework.test import APIClient

ACCOUNT = "/api/account"
INVALID_KEY = {
    "error": 1,
    "message": "A valid API key is required to use this service.",
}


@pytest.fixture
def client():
    return APIClient()


@pytest.mark.parametrize(
    "header",
    ["Bearer {key}", "Token {key}", "bearer {key}", "TOKEN {key}", "{key}"],
)
def test_it_accepts_each_header_form(client, owner, header):
    response = client.get(ACCOUNT, HTTP_AUTHORIZATION=header.format(key=owner.api_key))
    assert response.status_code == 200
    assert response.json()["data"]["id"] == owner.pk


def test_it_accepts_the_key_query_parameter(client, owner):
    response = client.get(ACCOUNT, {"key": owner.api_key})
    assert response.status_code == 200
    assert response.json()["data"]["username"] == "owner"


def test_a_missing_key_is_401_with_a_challenge(client, db):
    response = client.get(ACCOUNT)
    assert response.status_code == 401
    assert response.json() == INVALID_KEY
    assert response["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize(
    "header",
    [
        "Bearer not-a-key",
        "Basic {key}",
        "Bearer {key} extra",
        "Bearer",
        "Token",
        "Bearer  ",
    ],
)
def test_a_wrong_credential_is_401(client, owner, header):
    response = client.get(ACCOUNT, HTTP_AUTHORIZATION=header.format(key=owner.api_key))
    assert response.status_code == 401
    assert response.json() == INVALID_KEY


def test_the_header_wins_over_the_query_parameter(client, owner):
    response = client.get(
        ACCOUNT, {"key": owner.api_key}, HTTP_AUTHORIZATION="Bearer wrong"
    )
    assert response.status_code == 401


def test_an_empty_key_parameter_is_refused(client, db):
    response = client.get(ACCOUNT, {"key": ""})
    assert response.status_code == 401
    assert response.json() == INVALID_KEY


def test_a_regenerated_key_replaces_the_old_one(client, owner):
    old = owner.api_key
    owner.regenerate_api_key()
    assert client.get(ACCOUNT, HTTP_AUTHORIZATION=f"Bearer {old}").status_code == 401
    response = client.get(ACCOUNT, HTTP_AUTHORIZATION=f"Bearer {owner.api_key}")
    assert response.status_code == 200


def test_a_banned_user_may_not_use_the_api(client, owner):
    owner.is_banned = True
    owner.save()
    response = client.get(ACCOUNT, HTTP_AUTHORIZATION=f"Bearer {owner.api_key}")
    assert response.status_code == 403
    assert response.json() == {
        "error": 1,
        "message": "You do not have the permission to use the API.",
    }


def test_an_inactive_user_must_activate_first(client, owner):
    owner.is_active = False
    owner.save()
    response = client.get(ACCOUNT, HTTP_AUTHORIZATION=f"Bearer {owner.api_key}")
    assert response.status_code == 403
    assert response.json() == {"error": 1, "message": "Please activate your account."}


def test_a_disabled_api_refuses_everyone(client, owner, settings):
    settings.API_ENABLED = False
    response = client.get(ACCOUNT, HTTP_AUTHORIZATION=f"Bearer {owner.api_key}")
    assert response.status_code == 403
    assert response.json() == {"error": 1, "message": "API service is disabled."}


def test_the_key_is_never_echoed(client, owner):
    response = client.get("/api/nothing-here", HTTP_AUTHORIZATION=owner.api_key)
    assert owner.api_key not in response.content.decode()
    assert owner.api_key not in str(response.headers)

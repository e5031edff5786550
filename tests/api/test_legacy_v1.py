"""The v1 query-string API: GET /api?key=…&url=… (§15.1, D20)."""

import json

import pytest
from django.test import Client

from shortener.models import Link
from tests.factories import LinkFactory


@pytest.fixture
def client():
    return Client()


def test_it_shortens(client, owner, settings):
    response = client.get("/api", {"key": owner.api_key, "url": "https://google.com"})
    assert response.status_code == 200
    link = Link.objects.get()
    assert link.owner == owner
    assert response.json() == {"error": 0, "short": f"{settings.SITE_URL}/{link.alias}"}
    assert response["X-RateLimit-Limit"] == "30"


def test_the_trailing_slash_form_and_api_param_work(client, owner):
    response = client.get("/api/", {"api": owner.api_key, "url": "https://google.com"})
    assert response.json()["error"] == 0


def test_options(client, owner, settings):
    response = client.get(
        "/api",
        {"key": owner.api_key, "url": "https://x.example", "custom": "legacy",
         "pass": "pw123", "type": "frame"},
    )  # fmt: skip
    assert response.json() == {"error": 0, "short": f"{settings.SITE_URL}/legacy"}
    link = Link.objects.get()
    assert link.check_password("pw123")
    assert link.redirect_type == "frame"


def test_text_format(client, owner, settings):
    response = client.get(
        "/api", {"key": owner.api_key, "url": "https://x.example", "format": "text"}
    )
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode().startswith(f"{settings.SITE_URL}/")


def test_jsonp_callback(client, owner):
    response = client.get(
        "/api",
        {"key": owner.api_key, "url": "https://x.example", "callback": "cb.done"},
    )
    assert response["Content-Type"].startswith("application/javascript")
    text = response.content.decode()
    assert text.startswith("/**/cb.done(")
    assert text.endswith(");")
    assert json.loads(text[len("/**/cb.done(") : -2])["error"] == 0


def test_an_unsafe_callback_is_ignored(client, owner):
    response = client.get(
        "/api",
        {"key": owner.api_key, "url": "https://x.example", "callback": "alert(1)//"},
    )
    assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    ("params", "status", "msg"),
    [
        ({}, 401, "A valid API key is required to use this service."),
        ({"key": "nope", "url": "https://x.example"}, 401,
         "A valid API key is required to use this service."),
        ({"key": "{key}"}, 400, "Please enter a valid URL."),
        ({"key": "{key}", "url": "javascript:alert(1)"}, 400,
         "Please enter a valid URL."),
        ({"key": "{key}", "url": "https://x.example", "type": "weird"}, 400,
         "The redirection type is invalid."),
        ({"key": "{key}", "short": "https://nowhere.example/abc"}, 404,
         "This URL couldn't be found. Please double check it."),
    ],
)  # fmt: skip
def test_errors_use_msg(client, owner, params, status, msg):
    params = {k: v.format(key=owner.api_key) for k, v in params.items()}
    response = client.get("/api", params)
    assert response.status_code == status
    assert response.json() == {"error": 1, "msg": msg}


def test_a_banned_user_is_refused(client, owner):
    owner.is_banned = True
    owner.save()
    response = client.get("/api", {"key": owner.api_key, "url": "https://x.example"})
    assert response.status_code == 403
    assert (
        response.json()["msg"]
        == "You account is either not active or banned for abuse."
    )


def test_short_expands_a_public_link(client, owner, stranger, settings):
    LinkFactory(owner=stranger, alias="Theirs", long_url="https://dest.example/")
    response = client.get(
        "/api", {"key": owner.api_key, "short": f"{settings.SITE_URL}/theirs"}
    )
    assert response.json() == {
        "error": 0,
        "long": "https://dest.example/",
        "short": f"{settings.SITE_URL}/Theirs",
    }


def test_short_never_reveals_a_protected_destination(client, owner, settings):
    link = LinkFactory(alias="locked")
    link.set_password("secret")
    link.save()
    response = client.get(
        "/api", {"key": owner.api_key, "short": f"{settings.SITE_URL}/locked"}
    )
    assert response.status_code == 404
    assert "dest" not in response.content.decode()


def test_only_get(client, owner):
    response = client.post(f"/api?key={owner.api_key}&url=https://x.example")
    assert response.status_code == 405
    assert response.json() == {
        "error": 1,
        "msg": "Wrong endpoint or invalid API request.",
    }
    assert not Link.objects.exists()


def test_it_shares_the_keys_rate_limit(client, owner, settings):
    settings.API_RATE_LIMIT = 1
    client.get("/api", {"key": owner.api_key, "url": "https://x.example"})
    response = client.get("/api", {"key": owner.api_key, "url": "https://y.example"})
    assert response.status_code == 429
    assert response.json()["error"] == 429
    assert response["Retry-After"] == str(response.json()["Retry-After"])

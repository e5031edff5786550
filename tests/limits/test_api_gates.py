"""The API's plan gates (api-spec §1.2, D38, D42): `api`, then each family's feature."""

import pytest

from shortener.models import Link
from tests.conftest import api_client_for
from tests.limits.conftest import NO_API, NO_PERMISSION, on_plan

# Every route of each gated family, with the plan feature behind it (§1.2, D22).
FAMILY_ROUTES = [
    ("qr", "get", "/api/qr"),
    ("qr", "get", "/api/qr/999"),
    ("qr", "post", "/api/qr/add"),
    ("qr", "put", "/api/qr/999/update"),
    ("qr", "delete", "/api/qr/999/delete"),
    ("domain", "get", "/api/domains"),
    ("domain", "post", "/api/domain/add"),
    ("domain", "put", "/api/domain/999/update"),
    ("domain", "delete", "/api/domain/999/delete"),
    ("pixels", "get", "/api/pixels"),
    ("pixels", "post", "/api/pixel/add"),
    ("pixels", "put", "/api/pixel/999/update"),
    ("pixels", "delete", "/api/pixel/999/delete"),
    ("splash", "get", "/api/splash"),
    ("overlay", "get", "/api/overlay"),
    ("files", "get", "/api/files"),
    ("files", "post", "/api/files/upload/notes.txt"),
]
UNGATED_ROUTES = [
    ("get", "/api/account"),
    ("get", "/api/urls"),
    ("post", "/api/url/add"),
]


def call(client, method: str, path: str):
    return getattr(client, method)(path, {}, format="json")


@pytest.mark.usefixtures("paid")
@pytest.mark.parametrize(
    ("method", "path"), UNGATED_ROUTES + [(m, p) for _, m, p in FAMILY_ROUTES]
)
def test_a_plan_without_the_api_is_refused_everywhere(owner, method, path):
    on_plan(owner, qr=0, domain=0, pixels=0, splash=0, overlay=0, files=0)

    response = call(api_client_for(owner), method, path)

    assert response.status_code == 403
    assert response.json() == {"error": 1, "message": NO_API}


@pytest.mark.usefixtures("paid")
def test_the_api_refusal_comes_after_the_rate_limit(owner, settings):
    on_plan(owner)
    client = api_client_for(owner)

    response = client.get("/api/account")

    assert response.status_code == 403
    assert response["X-RateLimit-Limit"] == str(settings.API_RATE_LIMIT)
    assert response["X-RateLimit-Remaining"] == str(settings.API_RATE_LIMIT - 1)


@pytest.mark.usefixtures("paid")
def test_an_unknown_key_is_still_a_401_and_an_unknown_path_a_404(owner):
    on_plan(owner)
    assert call(api_client_for(owner), "get", "/api/nothing-here").status_code == 404
    response = call(api_client_for(owner), "get", "/api/nothing-here")
    assert response.json()["message"] == "Wrong endpoint or invalid API request."
    owner.api_key = "wrong"
    assert call(api_client_for(owner), "get", "/api/account").status_code == 401


@pytest.mark.usefixtures("paid")
def test_the_documentation_needs_no_plan(client, owner):
    on_plan(owner)
    client.force_login(owner)
    assert client.get("/api/schema").status_code == 200
    assert client.get("/developers").status_code == 200


@pytest.mark.usefixtures("paid")
def test_nothing_is_written_when_the_api_is_refused(owner):
    on_plan(owner, links=0)

    response = api_client_for(owner).post(
        "/api/url/add", {"url": "https://example.com"}, format="json"
    )

    assert response.status_code == 403
    assert not Link.objects.exists()


@pytest.mark.usefixtures("paid")
def test_the_legacy_api_is_refused_without_the_api_too(client, owner):
    on_plan(owner)

    response = client.get("/api", {"key": owner.api_key, "url": "https://example.com"})

    assert response.status_code == 403
    assert response.json() == {"error": 1, "msg": NO_API}
    assert not Link.objects.exists()


@pytest.mark.usefixtures("paid")
def test_the_legacy_api_shortens_with_the_api(client, owner):
    on_plan(owner, api=0)

    response = client.get("/api", {"key": owner.api_key, "url": "https://example.com"})

    assert response.status_code == 200
    assert Link.objects.filter(owner=owner).count() == 1


@pytest.mark.usefixtures("paid")
@pytest.mark.parametrize(("feature", "method", "path"), FAMILY_ROUTES)
def test_a_family_is_refused_without_its_feature(owner, feature, method, path):
    on_plan(owner, api=0)

    response = call(api_client_for(owner), method, path)

    assert response.status_code == 403
    assert response.json() == {"error": 1, "message": NO_PERMISSION}


@pytest.mark.usefixtures("paid")
@pytest.mark.parametrize(("feature", "method", "path"), FAMILY_ROUTES)
def test_a_family_answers_with_its_feature(owner, feature, method, path):
    on_plan(owner, api=0, **{feature: 0})

    response = call(api_client_for(owner), method, path)

    assert response.status_code != 403
    assert response.status_code in {200, 400, 404}


@pytest.mark.usefixtures("paid")
@pytest.mark.parametrize(("feature", "method", "path"), FAMILY_ROUTES)
def test_admins_bypass_every_gate(admin, feature, method, path):
    on_plan(admin)  # nothing enabled, not even the API

    response = call(api_client_for(admin), method, path)

    assert response.status_code in {200, 400, 404}


@pytest.mark.parametrize(("feature", "method", "path"), FAMILY_ROUTES)
def test_no_gate_applies_while_paid_plans_are_off(owner, feature, method, path):
    on_plan(owner)  # nothing enabled: ignored (D38)

    response = call(api_client_for(owner), method, path)

    assert response.status_code in {200, 400, 404}


def test_a_plan_without_the_api_may_use_it_while_paid_plans_are_off(owner):
    on_plan(owner)

    response = api_client_for(owner).get("/api/account")

    assert response.status_code == 200


@pytest.mark.usefixtures("paid")
def test_a_wrong_method_is_a_405_before_any_plan_gate(owner):
    on_plan(owner)  # neither the API nor pixels

    response = api_client_for(owner).get("/api/pixel/add")

    assert response.status_code == 405  # D42: route and method before gates


@pytest.mark.usefixtures("paid")
def test_a_gate_answers_before_the_body_is_read(owner):
    on_plan(owner, api=0)

    response = api_client_for(owner).post(
        "/api/pixel/add", "{not json", content_type="application/json"
    )

    assert response.status_code == 403  # D42: gates (403) before the body (400)
    assert response.json() == {"error": 1, "message": NO_PERMISSION}

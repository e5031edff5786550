"""The envelope on every answer under /api, errors included (§1.5, D2, D26, D42)."""

import pytest
from django.urls import path
from rest_framework.test import APIClient

from api.views import ContractAPIView

WRONG_ENDPOINT = {"error": 1, "message": "Wrong endpoint or invalid API request."}
INVALID_BODY = {"error": 1, "message": "Invalid request or incorrect data format."}


class Explodes(ContractAPIView):
    def get(self, request):
        raise RuntimeError("boom")


urlpatterns = [path("api/explodes", Explodes.as_view())]


@pytest.mark.parametrize("url", ["/api/nothing", "/api/url/abc", "/api/account/"])
def test_unknown_routes_answer_404_in_the_envelope(owner_api, url):
    response = owner_api.get(url)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == WRONG_ENDPOINT


def test_an_unknown_route_without_a_key_is_401_first(db):
    response = APIClient().get("/api/nothing")
    assert response.status_code == 401


def test_a_wrong_method_is_405_with_allow(owner_api):
    response = owner_api.delete("/api/account")
    assert response.status_code == 405
    assert response.json() == WRONG_ENDPOINT
    assert set(response["Allow"].split(", ")) == {"GET", "POST", "HEAD"}


def test_options_is_not_answered_with_metadata(owner_api):
    response = owner_api.options("/api/account")
    assert response.status_code == 405
    assert response.json() == WRONG_ENDPOINT


@pytest.mark.parametrize(
    "body", ["{not json", "[1, 2]", '"text"', "42", "null", '{"a": NaN}', b"\xff\xfe"]
)
def test_a_body_that_is_not_a_json_object_is_400(owner_api, body):
    response = owner_api.put(
        "/api/account/update", body, content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json() == INVALID_BODY


def test_json_is_read_whatever_the_content_type(owner_api, owner):
    response = owner_api.put(
        "/api/account/update", '{"email": "new@example.com"}', content_type="text/plain"
    )
    assert response.status_code == 200
    owner.refresh_from_db()
    assert owner.email == "new@example.com"


def test_an_oversized_body_is_413(owner_api, settings):
    settings.API_MAX_BODY_BYTES = 100
    body = '{"email": "%s@example.com"}' % ("a" * 200)
    response = owner_api.put(
        "/api/account/update", body, content_type="application/json"
    )
    assert response.status_code == 413
    assert response.json() == {"error": 1, "message": "The request body is too large."}


def test_the_answer_is_json_whatever_the_client_accepts(owner_api):
    response = owner_api.get("/api/account", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.urls("tests.api.test_envelope")
def test_an_unexpected_error_is_a_logged_500_envelope(owner_api, caplog):
    response = owner_api.get("/api/explodes")
    assert response.status_code == 500
    assert response.json() == {"error": 1, "message": "An error occurred"}
    assert "boom" in caplog.text


def test_django_level_errors_under_api_are_json(rf):
    from core.views import bad_request, page_not_found, server_error

    request = rf.get("/api/whatever")
    assert page_not_found(request).status_code == 404
    assert server_error(request)["Content-Type"] == "application/json"
    assert bad_request(request).status_code == 400


def test_django_level_errors_elsewhere_are_html(rf, db):
    from core.views import server_error

    response = server_error(rf.get("/somewhere"))
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")

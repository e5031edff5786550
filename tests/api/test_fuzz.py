"""Arbitrary input to the API never yields a 500, an HTML page or a partial write."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accounts.models import User
from tests.factories import PASSWORD

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
bodies = (
    st.dictionaries(
        st.sampled_from(["email", "password", "other"]) | st.text(max_size=6),
        json_values,
        max_size=4,
    ).map(json.dumps)
    | json_values.map(json.dumps)
    | st.binary(max_size=64)
)


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    # Hundreds of examples share one key: keep the rate limit out of the way.
    settings.API_RATE_LIMIT = 1_000_000


relaxed = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@relaxed
@given(body=bodies)
def test_account_update_survives_any_body(owner_api, owner, body):
    owner_api.credentials(HTTP_AUTHORIZATION=f"Bearer {owner.api_key}")
    response = owner_api.put(
        "/api/account/update", body, content_type="application/json"
    )
    assert response.status_code in {200, 400, 409}
    payload = response.json()
    assert payload["error"] in {0, 1}
    assert isinstance(payload["message"], str)
    fresh = User.objects.get(pk=owner.pk)
    if response.status_code != 200:
        assert fresh.email == owner.email
        assert fresh.password == owner.password
    else:
        # Restore the account for the next example.
        fresh.email = "owner@example.com"
        fresh.set_password(PASSWORD)
        fresh.save()
        owner.refresh_from_db()


@relaxed
@given(
    # Not "" nor a bare query: `/api/` alone is the legacy v1 API, keyed by ?key=.
    path=st.text(
        alphabet=st.characters(blacklist_categories=["Cs", "Cc"]), max_size=30
    ).filter(lambda path: path and path[0] not in "?#"),
    method=st.sampled_from(["get", "post", "put", "delete", "patch"]),
)
def test_any_api_path_answers_in_the_envelope(owner_api, path, method):
    response = getattr(owner_api, method)(f"/api/{path}")
    assert response.status_code in {200, 400, 404, 405}
    assert response["Content-Type"].startswith("application/json")
    assert "error" in response.json()


@relaxed
@given(header=st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126)))
def test_any_unknown_authorization_header_is_401(db, header):
    from rest_framework.test import APIClient

    response = APIClient().get("/api/account", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response.json() == {
        "error": 1,
        "message": "A valid API key is required to use this service.",
    }

"""The OpenAPI document at /api/schema (D43: no key; JSON or YAML)."""

import json
from dataclasses import replace

import pytest
import yaml
from openapi_spec_validator import validate

from api import reference
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_schema_is_valid_openapi_3_in_yaml_by_default(client):
    response = client.get("/api/schema")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/yaml; charset=utf-8"
    schema = yaml.safe_load(response.content)
    assert schema["openapi"].startswith("3.")
    validate(schema)


@pytest.mark.parametrize(
    ("query", "headers"),
    [("?format=json", {}), ("", {"HTTP_ACCEPT": "application/json"})],
)
def test_the_schema_is_json_when_asked_for(client, query, headers):
    response = client.get(f"/api/schema{query}", **headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "Accept" in response["Vary"]
    validate(json.loads(response.content))


def test_a_key_is_neither_needed_nor_used(client, owner):
    anonymous = client.get("/api/schema?format=json").json()
    client.force_login(owner)
    assert client.get("/api/schema?format=json").json() == anonymous
    assert owner.api_key not in json.dumps(anonymous)


def test_the_schema_describes_the_envelope_and_the_examples(client, settings):
    settings.SITE_URL = "https://sho.rt"
    schema = client.get("/api/schema?format=json").json()
    assert schema["servers"] == [{"url": "https://sho.rt"}]
    add = schema["paths"]["/api/url/add"]["post"]
    by_name = {e.name: e for e in reference.endpoints()}
    assert add["requestBody"]["content"]["application/json"]["example"] == (
        by_name["url-add"].request
    )
    answer = add["responses"]["200"]["content"]["application/json"]
    assert answer["example"] == by_name["url-add"].response
    assert answer["schema"]["properties"]["id"] == {"type": "integer"}
    assert add["responses"]["401"] == {"$ref": "#/components/responses/Error401"}
    stats = schema["paths"]["/api/url/{id}"]["get"]["responses"]["200"]
    countries = stats["content"]["application/json"]["schema"]["properties"]["data"]
    assert countries["properties"]["topCountries"] == {
        "type": "object",
        "additionalProperties": {"type": "integer"},
    }
    upload = schema["paths"]["/api/files/upload/{filename}"]["post"]["requestBody"]
    assert list(upload["content"]) == ["application/octet-stream"]
    v1 = schema["paths"]["/api"]["get"]
    assert v1["security"] == [{"queryKey": []}]


def test_the_schema_is_in_english_whatever_the_language(client):
    english = client.get("/api/schema?format=json").json()
    french = client.get("/api/schema?format=json", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert french == english


@pytest.fixture
def with_admin_section(monkeypatch):
    admin_endpoint = replace(
        reference.SECTIONS[1].endpoints[0],
        name="url-admin",
        path="/api/urls/all",
        admin_only=True,
    )
    links = replace(
        reference.SECTIONS[1],
        endpoints=(*reference.SECTIONS[1].endpoints, admin_endpoint),
    )
    sections = (reference.SECTIONS[0], links, *reference.SECTIONS[2:])
    monkeypatch.setattr(reference, "SECTIONS", sections)


@pytest.mark.usefixtures("with_admin_section")
def test_admin_endpoints_are_in_the_schema_for_admins_only(client):
    paths = client.get("/api/schema?format=json").json()["paths"]
    assert "/api/users" not in paths
    assert "/api/urls/all" not in paths

    client.force_login(UserFactory(is_staff=True))
    schema = client.get("/api/schema?format=json").json()
    validate(schema)
    assert "/api/users" in schema["paths"]
    assert "/api/urls/all" in schema["paths"]

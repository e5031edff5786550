"""Every route under /api is in the reference and in the schema, with the same
parameters, so neither can drift from the URL configuration or the code."""

import re

import pytest
from django.urls import URLPattern, get_resolver

from accounts.api import AccountUpdateSerializer
from api import reference
from api.reference.openapi import document, openapi_path
from files.parsing import FILE_PARAMETERS
from shortener.parsing import LINK_PARAMETERS

NOT_ENDPOINTS = {"wrong-endpoint", "schema"}  # the catch-all and the schema itself
CONVERTER = re.compile(r"<(?:\w+:)?(\w+)>")
PATH_NAMES = {"pk": "id"}  # the contract writes `:id` where Django says `pk`


def contract_path(route: str) -> str:
    """`url/<int:pk>/update` as the contract writes it: `/api/url/:id/update`."""
    return "/api/" + CONVERTER.sub(
        lambda m: ":" + PATH_NAMES.get(m[1], m[1]), route
    ).rstrip("/")


def methods_of(pattern: URLPattern) -> set[str]:
    callback = pattern.callback
    if actions := getattr(callback, "actions", None):  # a viewset's bound actions
        # DRF answers HEAD wherever GET is (and adds it to `actions` when called).
        return {method.upper() for method in actions if method != "head"}
    view = callback.view_class
    return {
        m.upper()
        for m in view.http_method_names
        if m not in {"options", "head"} and hasattr(view, m)
    }


def api_routes() -> set[tuple[str, str]]:
    """(method, path) of every /api route in the URL configuration."""
    root = get_resolver()
    api = next(p for p in root.url_patterns if str(p.pattern) == "api/")
    routes = {
        (method, contract_path(str(pattern.pattern)))
        for pattern in api.url_patterns
        if pattern.name not in NOT_ENDPOINTS
        for method in methods_of(pattern)
    }
    legacy = next(p for p in root.url_patterns if getattr(p, "name", "") == "api-v1")
    assert legacy.callback.__name__ == "v1"
    routes.add(("GET", "/api"))  # the v1 API answers GET (and HEAD) only
    return routes


def documented() -> set[tuple[str, str]]:
    return {
        (method, endpoint.path)
        for endpoint in reference.endpoints()
        for method in endpoint.methods
    }


def in_schema() -> set[tuple[str, str]]:
    paths = document(include_admin=True)["paths"]
    return {
        (method.upper(), re.sub(r"\{(\w+)\}", r":\1", path))
        for path, item in paths.items()
        for method in item
    }


def test_every_api_route_is_documented_and_nothing_else():
    assert documented() == api_routes()


def test_every_api_route_is_in_the_schema_and_nothing_else():
    assert in_schema() == api_routes()


def test_endpoint_names_are_the_url_names():
    api = next(p for p in get_resolver().url_patterns if str(p.pattern) == "api/")
    url_names = {p.name for p in api.url_patterns} | {"api-v1"}
    assert {e.name for e in reference.endpoints()} <= url_names


@pytest.mark.parametrize("endpoint", reference.endpoints(), ids=lambda e: e.anchor)
def test_schema_has_the_documented_parameters(endpoint):
    item = document(include_admin=True)["paths"][openapi_path(endpoint)]
    for method in endpoint.methods:
        operation = item[method.lower()]
        for where in ("path", "query"):
            in_doc = [p.name for p in endpoint.params_in(where)]
            in_op = [p["name"] for p in operation["parameters"] if p["in"] == where]
            assert in_op == in_doc
        body = [p.name for p in endpoint.params_in("body")]
        content = operation.get("requestBody", {}).get("content", {})
        properties = content.get("application/json", {}).get("schema", {})
        assert list(properties.get("properties", {})) == body


@pytest.mark.parametrize("endpoint", reference.endpoints(), ids=lambda e: e.anchor)
def test_path_parameters_are_the_routes(endpoint):
    assert [p.name for p in endpoint.params_in("path")] == endpoint.path_names()


@pytest.mark.parametrize("endpoint", reference.endpoints(), ids=lambda e: e.anchor)
def test_the_request_example_uses_documented_parameters_only(endpoint):
    assert set(endpoint.request or {}) <= {p.name for p in endpoint.params_in("body")}
    assert set(endpoint.query) <= {p.name for p in endpoint.params_in("query")}


def by_name(name: str) -> reference.Endpoint:
    return next(e for e in reference.endpoints() if e.name == name)


@pytest.mark.parametrize("name", ["url-add", "url-update"])
def test_link_parameters_are_those_the_parser_reads(name):
    assert {p.name for p in by_name(name).params_in("body")} == set(LINK_PARAMETERS)


def test_account_parameters_are_the_serializers_fields():
    documented = {p.name for p in by_name("account-update").params_in("body")}
    assert documented == set(AccountUpdateSerializer().fields)


def test_upload_options_are_those_the_parser_reads():
    documented = {p.name for p in by_name("file-upload").params_in("query")}
    assert documented == set(FILE_PARAMETERS)

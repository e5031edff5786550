"""The OpenAPI 3 document of the API, generated from the endpoint descriptions."""

from typing import Any

from django.conf import settings
from django.utils import translation

from api import reference
from api.envelope import WRONG_ENDPOINT
from api.exceptions import INVALID_KEY, NO_PERMISSION
from api.exceptions import RATE_LIMITED as RATE_LIMITED_MESSAGE
from api.reference.model import Endpoint, Param, visible_sections

OPENAPI_VERSION = "3.0.3"
ERROR_SCHEMA = {
    "type": "object",
    "properties": {"error": {"type": "integer"}, "message": {"type": "string"}},
    "required": ["error", "message"],
}
# Status → (description, an example message); the rate limit has its own shape.
ERRORS = {
    "400": ("Invalid input.", "Please enter a valid URL."),
    "401": ("Missing or unknown API key.", INVALID_KEY),
    "403": ("The key may not do this.", NO_PERMISSION),
    "404": ("Unknown object or route.", WRONG_ENDPOINT),
}
RATE_LIMITED = {"error": 429, "message": RATE_LIMITED_MESSAGE, "Retry-After": 42}


def schema_of(value: Any, path: str = "", maps: tuple[str, ...] = ()) -> dict[str, Any]:
    """A JSON Schema for an example value; `maps` are objects keyed by labels."""
    if value is None:
        return {"nullable": True}
    if isinstance(value, bool):
        return {"type": "boolean"}
    if isinstance(value, int):
        return {"type": "integer"}
    if isinstance(value, float):
        return {"type": "number"}
    if isinstance(value, str):
        return {"type": "string"}
    if isinstance(value, list):
        items = schema_of(value[0], f"{path}[]", maps) if value else {}
        return {"type": "array", "items": items}
    if path in maps:
        first = next(iter(value.values()), None)
        return {"type": "object", "additionalProperties": schema_of(first)}
    return {
        "type": "object",
        "properties": {
            key: schema_of(item, f"{path}.{key}".lstrip("."), maps)
            for key, item in value.items()
        },
        "required": list(value),
    }


def openapi_path(endpoint: Endpoint) -> str:
    """`/api/url/:id/update` as OpenAPI writes it: `/api/url/{id}/update`."""
    path = endpoint.path
    for name in endpoint.path_names():
        path = path.replace(f":{name}", f"{{{name}}}")
    return path


def parameter(param: Param) -> dict[str, Any]:
    return {
        "name": param.name,
        "in": param.where,
        "required": param.required or param.where == "path",
        "description": str(param.description),
        "schema": {"type": param.type},
    }


def request_body(endpoint: Endpoint) -> dict[str, Any] | None:
    if endpoint.upload:
        return {
            "required": True,
            "content": {
                "application/octet-stream": {
                    "schema": {"type": "string", "format": "binary"}
                }
            },
        }
    body = endpoint.params_in("body")
    if not body:
        return None
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {
            p.name: {"type": p.type, "description": str(p.description)} for p in body
        },
    }
    if required := [p.name for p in body if p.required]:
        schema["required"] = required
    content: dict[str, Any] = {"schema": schema}
    if endpoint.request is not None:
        content["example"] = endpoint.request
    return {"required": bool(required), "content": {"application/json": content}}


def operation(endpoint: Endpoint, tag: str, method: str) -> dict[str, Any]:
    op: dict[str, Any] = {
        "operationId": endpoint.name
        if method == endpoint.method
        else f"{endpoint.name}-{method.lower()}",
        "tags": [tag],
        "summary": str(endpoint.title),
        "description": str(endpoint.description),
        "parameters": [
            parameter(p) for p in endpoint.params if p.where in {"path", "query"}
        ],
        "responses": {
            "200": {
                "description": "Success.",
                "content": {
                    "application/json": {
                        "schema": schema_of(endpoint.response, maps=endpoint.maps),
                        "example": endpoint.response,
                    }
                },
            },
            **{
                status: {"$ref": f"#/components/responses/Error{status}"}
                for status in [*ERRORS, "429"]
            },
        },
    }
    if endpoint.key_in_query:
        op["security"] = [{"queryKey": []}]
    if (body := request_body(endpoint)) is not None:
        op["requestBody"] = body
    return op


def document(*, include_admin: bool = False) -> dict[str, Any]:
    """The OpenAPI document; admin-only endpoints only when `include_admin`."""
    with translation.override("en"):
        sections = visible_sections(reference.SECTIONS, include_admin=include_admin)
        paths: dict[str, dict[str, Any]] = {}
        for section in sections:
            for endpoint in section.endpoints:
                item = paths.setdefault(openapi_path(endpoint), {})
                for method in endpoint.methods:
                    item[method.lower()] = operation(endpoint, section.slug, method)
        tags = [
            {"name": s.slug, "description": f"{s.title}. {s.description}"}
            for s in sections
        ]
    return {
        "openapi": OPENAPI_VERSION,
        "info": {
            "title": f"{settings.SITE_NAME} API",
            "version": "3",
            "description": (
                "Every answer is JSON with an `error` key: 0 on success, 1 (or 429) "
                "on failure with a `message`. Every authenticated answer carries "
                "X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset."
            ),
        },
        "servers": [{"url": settings.SITE_URL}],
        "tags": tags,
        "paths": paths,
        "security": [{"bearerKey": []}],
        "components": {
            "securitySchemes": {
                "bearerKey": {"type": "http", "scheme": "bearer"},
                "queryKey": {"type": "apiKey", "in": "query", "name": "key"},
            },
            "schemas": {"Error": ERROR_SCHEMA},
            "responses": {
                **{
                    f"Error{status}": error_response(description, message)
                    for status, (description, message) in ERRORS.items()
                },
                "Error429": {
                    "description": "Too many requests in this minute.",
                    "content": {
                        "application/json": {
                            "schema": schema_of(RATE_LIMITED),
                            "example": RATE_LIMITED,
                        }
                    },
                },
            },
        },
    }


def error_response(description: str, message: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {
            "application/json": {
                "schema": {"$ref": "#/components/schemas/Error"},
                "example": {"error": 1, "message": message},
            }
        },
    }

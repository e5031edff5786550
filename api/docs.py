"""The public API documentation: the reference page, the OpenAPI document and its
explorer (D43: no API key needed). All three render `api.reference`.
"""

import json
from dataclasses import dataclass

import yaml
from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from accounts.models import User
from api import reference
from api.ratelimit import rate_for
from api.reference.model import Endpoint, Param, Section
from api.reference.openapi import document
from api.reference.samples import Sample, samples

# The reference's example of authentication (template "A" of the seeds, §17).
AUTH_EXAMPLE = "account"


@dataclass(frozen=True)
class EndpointPage:
    """One endpoint as the page shows it."""

    endpoint: Endpoint
    url: str
    params: list[Param]
    samples: list[Sample]
    response: str


@dataclass(frozen=True)
class SectionPage:
    section: Section
    endpoints: list[EndpointPage]


def is_admin(user: User) -> bool:
    """Whether the viewer sees the admin-only sections (plans, users)."""
    return bool(user.is_authenticated and user.is_admin)


def endpoint_page(endpoint: Endpoint, key: str) -> EndpointPage:
    return EndpointPage(
        endpoint=endpoint,
        url=settings.SITE_URL + endpoint.path,
        params=list(endpoint.params),
        samples=samples(endpoint, settings.SITE_URL, key),
        response=json.dumps(endpoint.response, indent=2, ensure_ascii=False),
    )


@require_safe
@never_cache  # a signed-in viewer's own API key is in the samples
def developers(request: HttpRequest) -> HttpResponse:
    """The developer API reference, with the viewer's key in every sample."""
    user = request.user
    key = user.api_key if user.is_authenticated else ""
    sections = reference.visible_sections(
        reference.SECTIONS, include_admin=is_admin(user)
    )
    pages = [
        SectionPage(section, [endpoint_page(e, key) for e in section.endpoints])
        for section in sections
    ]
    auth = next(e for e in reference.endpoints() if e.name == AUTH_EXAMPLE)
    rate = rate_for(user) if user.is_authenticated else settings.API_RATE_LIMIT
    return render(
        request,
        "developers/reference.html",
        {
            "sections": pages,
            "auth_samples": samples(auth, settings.SITE_URL, key),
            "rate": rate,
            "rate_remaining": rate - 1,
            "has_key": bool(key),
        },
    )


@require_safe
def schema(request: HttpRequest) -> HttpResponse:
    """The OpenAPI document: JSON when asked for (`?format=json` or Accept), else
    YAML."""
    body = document(include_admin=is_admin(request.user))
    wanted = request.GET.get("format", "")
    if wanted == "json" or (not wanted and "json" in request.headers.get("Accept", "")):
        response: HttpResponse = JsonResponse(body, json_dumps_params={"indent": 2})
    else:
        response = HttpResponse(
            yaml.safe_dump(body, sort_keys=False, allow_unicode=True),
            content_type="application/yaml; charset=utf-8",
        )
    patch_vary_headers(response, ["Accept", "Cookie"])
    return response


@require_safe
def explorer(request: HttpRequest) -> HttpResponse:
    """Swagger UI on the OpenAPI document, served from our own static files."""
    return render(request, "developers/explorer.html")

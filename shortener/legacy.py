"""The deprecated v1 query-string API, `GET /api?key=…&url=…` (api-spec §15.1, D20).

Older clients still call it. Its answers use `msg` instead of `message`, and it can
answer as plain text (`format=text`) or JSONP (`callback=`).
"""

import json
import re
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from accounts.models import User
from api.envelope import WRONG_ENDPOINT
from api.exceptions import RateLimited
from api.gates import NO_API
from api.ratelimit import consume
from billing import entitlements
from core.errors import DomainError, InvalidInput, NotFound, PermissionDenied
from shortener import parsing, services
from shortener.models import Link

CALLBACK = re.compile(r"^[A-Za-z_$][\w$.]{0,63}$")
INVALID_KEY = "A valid API key is required to use this service."


class Unauthorized(DomainError):
    status = 401


@csrf_exempt  # an API for scripts: no session, no CSRF token
def v1(request: HttpRequest) -> HttpResponse:
    """Shorten `url`, or expand `short`, for the user whose key is given."""
    if request.method not in {"GET", "HEAD"}:
        response = render(request, {"error": 1, "msg": WRONG_ENDPOINT}, 405)
        response["Allow"] = "GET, HEAD"
        return response
    params = request.GET
    try:
        user = authenticate(params.get("key") or params.get("api") or "")
        consume(request, user)
        entitlements.require(user, "api", NO_API)  # after the rate limit (D42)
        if params.get("short"):
            link = expand(params["short"])
            body: dict[str, Any] = {
                "error": 0,
                "long": link.long_url,
                "short": link.short_url,
            }
        else:
            body = {"error": 0, "short": shorten(user, params).short_url}
        status = 200
    except RateLimited as limited:
        body = {
            "error": 429,
            "msg": "Too Many API Requests.",
            "Retry-After": limited.wait,
        }
        status = 429
    except DomainError as error:
        body, status = {"error": 1, "msg": error.message}, error.status
    response = render(request, body, status)
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="api"'
    if usage := getattr(request, "rate_limit", None):
        for name, value in usage.headers().items():
            response[name] = value
    if status == 429:
        response["Retry-After"] = str(body["Retry-After"])
    return response


def authenticate(key: str) -> User:
    if not settings.API_ENABLED:
        raise PermissionDenied("API service is disabled.")
    user = User.objects.holding_key(key)
    if user is None:
        raise Unauthorized(INVALID_KEY)
    if user.is_banned or not user.is_active:
        raise PermissionDenied("You account is either not active or banned for abuse.")
    return user


def shorten(user: User, params: Any) -> Link:
    if not params.get("url"):
        raise InvalidInput("Please enter a valid URL.")
    redirect_type = params.get("type", "")
    if redirect_type and redirect_type not in parsing.REDIRECT_TYPES:
        raise InvalidInput("The redirection type is invalid.")
    data = {
        "url": params["url"],
        "custom": params.get("custom", ""),
        "password": params.get("password") or params.get("pass") or "",
        "domain": params.get("domain", ""),
        "type": redirect_type,
    }
    spec, _ = parsing.link_spec(data, user)
    link, _ = services.create_link(owner=user, spec=spec)
    return link


def expand(short: str) -> Link:
    """The public link behind a short URL of this site (any owner, no password)."""
    missing = "This URL couldn't be found. Please double check it."
    link = Link.objects.select_related("domain").behind_short_url(short).first()
    if link is None or link.password or link.is_expired():
        raise NotFound(missing)
    return link


def render(request: HttpRequest, body: dict[str, Any], status: int) -> HttpResponse:
    if request.GET.get("format") == "text":
        text = body.get("short") if body["error"] == 0 else body.get("msg", "")
        return HttpResponse(
            text, status=status, content_type="text/plain; charset=utf-8"
        )
    payload = json.dumps(body)
    callback = request.GET.get("callback", "")
    if callback and CALLBACK.match(callback):
        return HttpResponse(
            f"/**/{callback}({payload});",
            status=status,
            content_type="application/javascript; charset=utf-8",
        )
    return HttpResponse(payload, status=status, content_type="application/json")

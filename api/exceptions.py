"""The one place where API errors become responses (api-spec §1.5, D2, D3)."""

import logging
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

from api.envelope import GENERIC_ERROR, INVALID_BODY, WRONG_ENDPOINT, Envelope, fail
from core.errors import DomainError

logger = logging.getLogger("api")

INVALID_KEY = "A valid API key is required to use this service."
NO_PERMISSION = "You do not have permission to access this endpoint."
RATE_LIMITED = "Too Many API Requests."


class RateLimited(exceptions.Throttled):
    """The key used up its window; `wait` is the number of seconds left."""


def contract_exception_handler(exc: Exception, context: dict[str, Any]) -> Response:
    """Turn any exception raised under /api into the contract's envelope."""
    set_rollback()  # nothing a failed request wrote may be kept
    headers: dict[str, str] = {}
    if isinstance(exc, DomainError):
        body, code = fail(exc.message, **exc.extra), exc.status
    elif isinstance(exc, RateLimited):
        wait = int(exc.wait or 0)
        body = Envelope(error=429, message=RATE_LIMITED, **{"Retry-After": wait})
        code, headers = status.HTTP_429_TOO_MANY_REQUESTS, {"Retry-After": str(wait)}
    elif isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
        body, code = fail(INVALID_KEY), status.HTTP_401_UNAUTHORIZED
        headers = {"WWW-Authenticate": 'Bearer realm="api"'}
    elif isinstance(exc, exceptions.MethodNotAllowed):
        body, code = fail(WRONG_ENDPOINT), status.HTTP_405_METHOD_NOT_ALLOWED
    elif isinstance(exc, exceptions.ParseError | exceptions.UnsupportedMediaType):
        body, code = fail(INVALID_BODY), status.HTTP_400_BAD_REQUEST
    elif isinstance(exc, exceptions.ValidationError):
        body, code = fail(first_message(exc.detail)), status.HTTP_400_BAD_REQUEST
    elif isinstance(exc, Http404 | exceptions.NotFound):
        body, code = fail(WRONG_ENDPOINT), status.HTTP_404_NOT_FOUND
    elif isinstance(exc, DjangoPermissionDenied | exceptions.PermissionDenied):
        body, code = fail(NO_PERMISSION), status.HTTP_403_FORBIDDEN
    elif isinstance(exc, exceptions.APIException):
        body, code = fail(first_message(exc.detail)), exc.status_code
    else:
        request = context.get("request")
        logger.exception(
            "Unhandled error in %s %s",
            getattr(request, "method", "?"),
            getattr(request, "path", "?"),
        )
        body, code = fail(GENERIC_ERROR), status.HTTP_500_INTERNAL_SERVER_ERROR
    return Response(body, status=code, headers=headers)


def first_message(detail: Any) -> str:
    """The first message of a DRF error detail (field order is declaration order)."""
    if isinstance(detail, dict):
        detail = next(iter(detail.values()), GENERIC_ERROR)
        return first_message(detail)
    if isinstance(detail, list):
        return first_message(detail[0]) if detail else GENERIC_ERROR
    return str(detail)

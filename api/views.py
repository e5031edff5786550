"""Base views for every API endpoint: authentication, rate limit, scoping."""

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from rest_framework import viewsets
from rest_framework.exceptions import NotAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api import ratelimit
from api.envelope import WRONG_ENDPOINT
from api.permissions import IsAdmin
from core.errors import NotFound


class ContractMixin:
    """The contract's request pipeline, in the order of decision D42.

    DRF authenticates, then checks permissions, then throttles; the contract wants
    authentication (401), the rate limit (429), then routing (404/405) and
    permissions (403). Both of the first two happen here, before DRF goes on;
    a method the route does not take is refused before any permission.

    `admin_only = True` restricts a view to admins (api-spec §12-§13): anyone
    else gets 403 "You do not have permission to access this endpoint.".
    """

    admin_only = False

    def perform_authentication(self, request: Request) -> None:
        if request.user is None:
            raise NotAuthenticated()
        ratelimit.consume(request, request.user)

    def get_permissions(self) -> list[Any]:
        permissions = super().get_permissions()  # type: ignore[misc]
        return [*permissions, IsAdmin()] if self.admin_only else permissions

    def check_permissions(self, request: Request) -> None:
        method = (request.method or "").lower()
        if method not in self.http_method_names or not hasattr(self, method):  # type: ignore[attr-defined]
            self.http_method_not_allowed(request)  # type: ignore[attr-defined]
        super().check_permissions(request)  # type: ignore[misc]

    @property
    def allowed_methods(self) -> list[str]:
        return [m for m in super().allowed_methods if m != "OPTIONS"]  # type: ignore[misc]

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)  # type: ignore[misc]
        usage = getattr(request, "rate_limit", None)
        if usage is not None:
            for name, value in usage.headers().items():
                response[name] = value
        return response


class ContractAPIView(ContractMixin, APIView):
    """An endpoint that is not a collection (the account, assignments, …)."""


class ContractViewSet(ContractMixin, viewsets.GenericViewSet):
    """A resource collection of the caller's own objects.

    Subclasses set `queryset`, `serializer_class`, `list_key` (the collection's
    key in the list envelope) and `not_found` (the resource's message).
    `get_queryset()` narrows to the caller, so another user's object is missing,
    exactly like one that never existed (D25).
    """

    list_key = "items"
    not_found = WRONG_ENDPOINT
    owner_field = "owner"

    def get_queryset(self) -> QuerySet:
        return super().get_queryset().filter(**{self.owner_field: self.request.user.pk})

    def get_object(self) -> Any:
        try:
            return super().get_object()
        except Http404:
            raise NotFound(self.not_found) from None

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(self.get_serializer(page, many=True).data)


class WrongEndpoint(ContractAPIView):
    """Every /api path the contract does not know: 404 for a known key (D42)."""

    plan_gated = False  # routing (404) comes before plan gates (D42)

    def dispatch_unknown(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        raise NotFound(WRONG_ENDPOINT)

    get = post = put = patch = delete = head = dispatch_unknown

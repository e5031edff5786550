"""Custom splash pages in the API (api-spec §9): the read-only list (D21)."""

from typing import Any

from rest_framework.request import Request
from rest_framework.response import Response

from api.formats import timestamp
from api.views import ContractViewSet
from splash.models import SplashPage


def splash_item(page: SplashPage) -> dict[str, Any]:
    """One entry of `GET /api/splash` (§9.1)."""
    return {"id": page.pk, "name": page.name, "date": timestamp(page.created)}


class SplashViewSet(ContractViewSet):
    """`GET /api/splash`: the caller's pages, oldest first (D31)."""

    feature = "splash"  # the plan feature behind the family (api.gates)
    queryset = SplashPage.objects.order_by("id")
    list_key = "splash"

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([splash_item(item) for item in page])

"""CTA overlays in the API (api-spec §10): the read-only list (D21)."""

from typing import Any

from rest_framework.request import Request
from rest_framework.response import Response

from api.formats import timestamp
from api.views import ContractViewSet
from overlays.models import Overlay


def overlay_item(overlay: Overlay) -> dict[str, Any]:
    """One entry of `GET /api/overlay` (§10.1)."""
    return {
        "id": overlay.pk,
        "type": overlay.kind,
        "name": overlay.name,
        "date": timestamp(overlay.created),
    }


class OverlayViewSet(ContractViewSet):
    """`GET /api/overlay`: oldest first (D31), under the key `cta` (D16)."""

    feature = "overlay"  # the plan feature behind the family (api.gates)
    queryset = Overlay.objects.order_by("id")
    list_key = "cta"

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([overlay_item(item) for item in page])

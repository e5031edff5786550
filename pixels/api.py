"""Pixels (api-spec §8): list, create, update, delete."""

from typing import Any

from rest_framework.request import Request
from rest_framework.response import Response

from api.envelope import ok
from api.formats import timestamp
from api.views import ContractViewSet
from pixels import services
from pixels.models import Pixel
from pixels.rules import NOT_FOUND

UPDATED = "Pixel has been updated successfully."
DELETED = "Pixel has been deleted successfully."


def pixel_item(pixel: Pixel) -> dict[str, Any]:
    """One entry of `GET /api/pixels`."""
    return {
        "id": pixel.pk,
        "type": pixel.type,
        "name": pixel.name,
        "tag": pixel.tag,
        "date": timestamp(pixel.created),
    }


class PixelViewSet(ContractViewSet):
    """`/api/pixels`: the caller's pixels, oldest first."""

    feature = "pixels"  # the plan feature behind the family (api.gates)
    queryset = Pixel.objects.oldest_first()
    list_key = "pixels"
    not_found = NOT_FOUND

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([pixel_item(p) for p in page])

    def create(self, request: Request) -> Response:
        data = request.data
        pixel = services.create_pixel(
            owner=request.user,
            kind=data.get("type"),
            name=data.get("name"),
            tag=data.get("tag"),
        )
        return Response(ok(id=pixel.pk))

    def update(self, request: Request, pk: int) -> Response:
        pixel = self.get_object()
        data = request.data
        services.update_pixel(pixel=pixel, name=data.get("name"), tag=data.get("tag"))
        return Response(ok(message=UPDATED))

    def destroy(self, request: Request, pk: int) -> Response:
        services.delete_pixel(pixel=self.get_object())
        return Response(ok(message=DELETED))

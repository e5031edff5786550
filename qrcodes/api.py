"""QR codes (api-spec §4): list, details with statistics, create, update, delete."""

from typing import Any

from rest_framework.request import Request
from rest_framework.response import Response

from analytics.stats import empty_stats, link_stats
from api.envelope import ok
from api.formats import timestamp
from api.views import ContractViewSet
from core.errors import InvalidInput
from qrcodes import services
from qrcodes.models import DEFAULT_BACKGROUND, DEFAULT_FOREGROUND, QRCode
from qrcodes.parsing import INVALID_FORMAT

NO_DATA = "No data sent."


def qr_item(qr: QRCode) -> dict[str, Any]:
    """One entry of `GET /api/qr`, and the `details` of `GET /api/qr/:id`."""
    return {
        "id": qr.pk,
        "link": qr.image_url,
        "scans": qr.scans,
        "name": qr.name,
        "date": timestamp(qr.created),
    }


def colour_or_default(value: Any, default: str) -> Any:
    """An absent, null or empty colour means the default (D14)."""
    return default if value in (None, "") else value


def logo_url_of(value: object) -> str:
    """The `logo` parameter: the URL of a PNG or JPEG."""
    if not isinstance(value, str):
        raise InvalidInput(services.LOGO_ERROR)
    return value.strip()


class QRViewSet(ContractViewSet):
    """`/api/qr`: the caller's codes, newest first (D31)."""

    feature = "qr"  # the plan feature behind the family (api.gates)
    queryset = QRCode.objects.select_related("link").newest_first()
    list_key = "qrs"
    not_found = "QR does not exist."

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([qr_item(qr) for qr in page])

    def retrieve(self, request: Request, pk: int) -> Response:
        qr = self.get_object()
        stats = link_stats(qr.link) if qr.link_id else empty_stats()
        return Response(ok(details=qr_item(qr), data=stats))

    def create(self, request: Request) -> Response:
        data = request.data
        if data.get("type") in (None, "") or data.get("data") in (None, ""):
            raise InvalidInput(INVALID_FORMAT)
        logo = data.get("logo")
        qr = services.create_qr(
            owner=request.user,
            kind=data["type"],
            data=data["data"],
            name=data.get("name") or "",
            foreground=colour_or_default(data.get("foreground"), DEFAULT_FOREGROUND),
            background=colour_or_default(data.get("background"), DEFAULT_BACKGROUND),
            logo_url=logo_url_of(logo) if logo not in (None, "") else "",
        )
        return Response(ok(id=qr.pk, link=qr.image_url))

    def update(self, request: Request, pk: int) -> Response:
        qr = self.get_object()
        data = request.data
        changes: dict[str, Any] = {
            key: data[key] for key in ("data", "name") if key in data
        }
        for key, default in (
            ("foreground", DEFAULT_FOREGROUND),
            ("background", DEFAULT_BACKGROUND),
        ):
            if key in data:
                changes[key] = colour_or_default(data[key], default)
        if "logo" in data:
            if data["logo"] in (None, ""):
                changes["logo"] = None  # D14: null or "" clears it
            else:
                changes["logo_url"] = logo_url_of(data["logo"])
        if not changes:
            raise InvalidInput(NO_DATA)
        services.update_qr(qr=qr, changes=changes)
        return Response(ok(message="QR has been updated successfully."))

    def destroy(self, request: Request, pk: int) -> Response:
        services.delete_qr(qr=self.get_object())
        return Response(ok(message="QR Code has been deleted successfully."))

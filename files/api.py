"""Files (api-spec §11): the list, and uploads of raw bytes (D22)."""

import tempfile
from typing import Any

from django.conf import settings
from django.core.files import File
from django.db.models import QuerySet
from django.http import HttpRequest
from rest_framework.parsers import BaseParser
from rest_framework.request import Request
from rest_framework.response import Response

from api.envelope import ok
from api.formats import timestamp
from api.views import ContractAPIView, ContractViewSet
from core.errors import PayloadTooLarge
from files import services
from files.models import SharedFile
from files.parsing import file_options

CHUNK_SIZE = 64 * 1024


def file_item(shared: SharedFile) -> dict[str, Any]:
    """One entry of `GET /api/files` (§11.1)."""
    return {
        "id": shared.pk,
        "name": shared.name,
        "downloads": shared.downloads,
        "shorturl": shared.link.short_url,
        "date": timestamp(shared.created),
    }


class FileViewSet(ContractViewSet):
    """`GET /api/files`: oldest first (D31), `name` filters by substring (D22)."""

    feature = "files"  # the plan feature behind the family (api.gates, D22)
    queryset = SharedFile.objects.select_related("link", "link__domain").order_by("id")
    list_key = "list"
    wrap_in_data = False  # §11.1: the page fields sit beside `error`

    def get_queryset(self) -> QuerySet:
        files = super().get_queryset()
        if text := self.request.query_params.get("name", "").strip():
            files = files.search(text)
        return files

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([file_item(shared) for shared in page])


class UnreadBody(BaseParser):
    """Accept any Content-Type (D22) and leave the body to the view.

    The body is a file of up to FILES_MAX_BYTES: it is streamed to disk by
    `receive_body`, never parsed or held whole in memory.
    """

    media_type = "*/*"

    def parse(self, stream, media_type=None, parser_context=None) -> dict[str, Any]:
        return {}


def receive_body(request: HttpRequest) -> File:
    """The request body in a temporary file, read chunk by chunk up to the cap."""
    limit = settings.FILES_MAX_BYTES
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit:  # refused before a byte is read
        raise PayloadTooLarge(services.TOO_LARGE)
    # Closed by the caller (or below, on a refusal): it outlives this function.
    spool = tempfile.TemporaryFile(dir=settings.FILE_UPLOAD_TEMP_DIR)  # noqa: SIM115
    size = 0
    try:
        while chunk := request.read(CHUNK_SIZE):
            size += len(chunk)
            if size > limit:
                raise PayloadTooLarge(services.TOO_LARGE)
            spool.write(chunk)
        spool.flush()
    except BaseException:
        spool.close()
        raise
    upload = File(spool, name="upload")
    upload.size = size
    return upload


class FileUploadView(ContractAPIView):
    """`POST /api/files/upload/:filename` with the raw bytes as the body (§11.2)."""

    feature = "files"  # checked before a byte of the body is read
    parser_classes = [UnreadBody]

    def post(self, request: Request, filename: str) -> Response:
        # Everything that needs no byte of the body is checked before reading it.
        options, _ = file_options(request.query_params, request.user)
        services.refuse_executable_name(services.clean_filename(filename))
        with receive_body(request._request) as content:
            shared = services.share_file(
                owner=request.user, filename=filename, content=content, options=options
            )
        return Response(ok(id=shared.pk, shorturl=shared.link.short_url))

from urllib.parse import urlencode

import pytest
from django.core.files.base import ContentFile
from rest_framework.test import APIClient

from files.models import SharedFile
from files.services import FileOptions, share_file

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def upload(api: APIClient, filename: str, body: bytes, **params: object):
    """POST raw bytes as the docs' samples do (with a JSON Content-Type, D22)."""
    query = f"?{urlencode(params)}" if params else ""
    return api.generic(
        "POST",
        f"/api/files/upload/{filename}{query}",
        body,
        content_type="application/json",
    )


def make_file(owner, body: bytes = PNG, filename: str = "photo.png", **options):
    """A file shared through the service, as an upload would share it."""
    return share_file(
        owner=owner,
        filename=filename,
        content=ContentFile(body, name=filename),
        options=FileOptions(**options),
    )


@pytest.fixture
def shared(owner) -> SharedFile:
    return make_file(owner, name="My Photo")

import io

import pytest
from django.test import Client
from PIL import Image


@pytest.fixture
def owner_client(client: Client, owner) -> Client:
    client.force_login(owner)
    return client


@pytest.fixture
def stranger_client(client: Client, stranger) -> Client:
    client.force_login(stranger)
    return client


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (600, 400)) -> bytes:
    """Encode a solid-colour picture in the given format."""
    output = io.BytesIO()
    Image.new("RGB", size, (200, 40, 40)).save(output, format=fmt)
    return output.getvalue()

"""What the QR tests share: reading codes back, logos, and the site's address."""

import io

import pytest
from PIL import Image
from pyzbar.pyzbar import decode

SITE = "https://sho.rt"


def decoded(png: bytes) -> str:
    """The one QR code in a PNG, read back by zbar."""
    with Image.open(io.BytesIO(png)) as image:
        symbols = decode(image.convert("L"))
    assert len(symbols) == 1, symbols
    return symbols[0].data.decode("utf-8")


def image_bytes(image_format: str = "PNG", size: int = 120) -> bytes:
    """A small, colourful logo."""
    image = Image.new("RGB", (size, size), "#d22")
    image.paste(
        Image.new("RGB", (size // 2, size // 2), "#22d"), (size // 4, size // 4)
    )
    buffer = io.BytesIO()
    image.save(buffer, format=image_format)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def logo() -> bytes:
    return image_bytes()

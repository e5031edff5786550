"""What the QR dashboard tests share: codes of the owner and of a stranger."""

import io

import pytest
from PIL import Image

from qrcodes import services
from qrcodes.models import QRCode, QRType

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_logo(size: int = 60) -> bytes:
    """A small red square as a PNG."""
    buffer = io.BytesIO()
    Image.new("RGB", (size, size), "#d22").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def link_code(owner) -> QRCode:
    return services.create_qr(
        owner=owner, kind=QRType.LINK, data="https://example.com/menu", name="Menu"
    )


@pytest.fixture
def wifi_code(owner) -> QRCode:
    return services.create_qr(
        owner=owner,
        kind=QRType.WIFI,
        data={"ssid": "Cafe", "pass": "espresso", "encryption": "WPA"},
        name="Guest Wi-Fi",
    )


@pytest.fixture
def strangers_code(stranger) -> QRCode:
    return services.create_qr(
        owner=stranger, kind=QRType.TEXT, data="Hello", name="Theirs"
    )

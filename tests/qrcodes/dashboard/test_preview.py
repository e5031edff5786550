"""/user/qr/preview draws an unsaved design, or says in a line why it cannot."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from qrcodes.models import QRCode
from tests.qrcodes.dashboard.conftest import PNG_SIGNATURE, png_logo

pytestmark = pytest.mark.django_db

COLOURS = {"foreground": "#000000", "background": "#ffffff"}


def preview(client, **fields: object):
    return client.post(reverse("qr:preview"), {**COLOURS, **fields})


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": "link", "link_url": "https://example.com"},
        {"kind": "wifi", "wifi_ssid": "Cafe", "wifi_encryption": "WPA"},
        {"kind": "text", "text_text": "Hello",
         "logo": SimpleUploadedFile("l.png", png_logo(), content_type="image/png")},
    ],
)  # fmt: skip
def test_a_valid_design_is_drawn_as_a_png(owner_client, fields):
    response = preview(owner_client, **fields)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(PNG_SIGNATURE)
    assert not QRCode.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"kind": "link", "link_url": "not a url"}, "Please enter a valid url."),
        ({"kind": "wifi"}, "Please enter the Wifi SSID"),
        ({"kind": "bogus"}, "Select a valid choice. bogus is not one of the "
         "available choices."),
        ({"kind": "text", "text_text": "x", "foreground": "red"},
         "Please enter a valid colour: rgb(r,g,b) or #rrggbb."),
    ],
)  # fmt: skip
def test_an_invalid_design_is_a_400_with_the_reason(owner_client, fields, message):
    response = preview(owner_client, **fields)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == message


def test_the_preview_needs_a_post(owner_client):
    assert owner_client.get(reverse("qr:preview")).status_code == 405


def test_an_edit_preview_uses_the_codes_own_type(owner_client, wifi_code):
    response = preview(owner_client, qr=wifi_code.pk, kind="link", wifi_ssid="Lobby")
    assert response.status_code == 200
    assert response.content.startswith(PNG_SIGNATURE)

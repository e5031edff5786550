"""Every QR page asks for a log-in and shows only the user's own codes."""

import pytest
from django.urls import reverse

from qrcodes.models import QRCode

pytestmark = pytest.mark.django_db

PAGES = ["qr:list", "qr:create"]
CODE_PAGES = ["qr:detail", "qr:edit", "qr:delete"]


@pytest.mark.parametrize("name", PAGES)
def test_pages_send_visitors_to_the_login(client, name):
    url = reverse(name)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/user/login?next={url}"


@pytest.mark.parametrize("name", CODE_PAGES)
def test_code_pages_send_visitors_to_the_login(client, link_code, name):
    url = reverse(name, args=[link_code.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/user/login?next={url}"


def test_the_preview_sends_visitors_to_the_login(client):
    response = client.post(reverse("qr:preview"), {"kind": "text"})
    assert response.status_code == 302


@pytest.mark.parametrize("name", CODE_PAGES)
def test_a_strangers_code_is_not_found(owner_client, strangers_code, name):
    response = owner_client.get(reverse(name, args=[strangers_code.pk]))
    assert response.status_code == 404


def test_a_stranger_cannot_delete_or_change_the_code(stranger_client, link_code):
    delete = stranger_client.post(reverse("qr:delete", args=[link_code.pk]))
    edit = stranger_client.post(
        reverse("qr:edit", args=[link_code.pk]), {"link_url": "https://evil.test"}
    )
    assert delete.status_code == edit.status_code == 404
    link_code.refresh_from_db()
    assert link_code.data == "https://example.com/menu"


def test_the_preview_refuses_a_strangers_code(owner_client, strangers_code):
    response = owner_client.post(
        reverse("qr:preview"),
        {"qr": strangers_code.pk, "text_text": "x", "foreground": "#000000",
         "background": "#ffffff"},
    )  # fmt: skip
    assert response.status_code == 404


def test_the_list_shows_only_the_users_codes(owner_client, link_code, strangers_code):
    response = owner_client.get(reverse("qr:list"))
    assert list(response.context["page"].object_list) == [link_code]
    assert QRCode.objects.count() == 2

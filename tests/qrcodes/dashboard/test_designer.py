"""/user/qr/new and /user/qr/<id>/edit: the designer saves through the services."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from qrcodes.models import QRCode
from tests.qrcodes.dashboard.conftest import png_logo

pytestmark = pytest.mark.django_db

COLOURS = {"foreground": "#112233", "background": "#ffffff"}


def create(client, **fields: object):
    return client.post(reverse("qr:create"), {**COLOURS, **fields})


def test_the_designer_has_a_fieldset_per_type(owner_client):
    html = owner_client.get(reverse("qr:create")).content.decode()
    for kind in ("text", "vcard", "link", "email", "phone", "sms", "wifi"):
        assert f'data-qr-kind="{kind}"' in html
    assert 'type="color"' in html
    assert 'name="remove_logo"' not in html
    assert 'data-preview-url="/user/qr/preview"' in html


def test_a_link_code_is_created_and_the_list_says_so(owner_client, owner):
    response = create(
        owner_client, kind="link", name="Menu", link_url="https://example.com/menu"
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("qr:list")
    qr = QRCode.objects.get()
    assert (qr.owner, qr.kind, qr.data, qr.name) == (
        owner, "link", "https://example.com/menu", "Menu"
    )  # fmt: skip
    assert (qr.foreground, qr.background) == ("#112233", "#ffffff")
    assert qr.link is not None
    page = owner_client.get(response["Location"]).content.decode()
    assert "Your QR code Menu is ready." in page


def test_only_the_chosen_types_fields_are_used(owner_client):
    create(
        owner_client,
        kind="wifi",
        wifi_ssid="Cafe",
        wifi_pass="espresso",
        wifi_encryption="WPA",
        link_url="https://example.com/ignored",
        text_text="ignored",
    )
    qr = QRCode.objects.get()
    assert qr.kind == "wifi"
    assert qr.data == {"ssid": "Cafe", "pass": "espresso", "encryption": "WPA"}
    assert qr.link is None


@pytest.mark.parametrize(
    ("fields", "kind", "data"),
    [
        ({"text_text": "Hello there"}, "text", "Hello there"),
        ({"phone_phone": "+33 1 23 45 67 89"}, "phone", "+33123456789"),
        (
            {"sms_phone": "+15550100", "sms_message": "Table 4"},
            "sms",
            {"phone": "+15550100", "message": "Table 4"},
        ),
        (
            {"email_email": "ada@example.com", "email_subject": "Hi"},
            "email",
            {"email": "ada@example.com", "subject": "Hi", "body": ""},
        ),
        (
            {"vcard_fname": "Ada", "vcard_lname": "Lovelace", "vcard_org": "AE"},
            "vcard",
            {"fname": "Ada", "lname": "Lovelace", "org": "AE"},
        ),
    ],
)
def test_each_type_saves_its_data(owner_client, fields, kind, data):
    response = create(owner_client, kind=kind, **fields)
    assert response.status_code == 302
    qr = QRCode.objects.get()
    assert (qr.kind, qr.data) == (kind, data)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"kind": "link", "link_url": ""}, "link_url",
         "QR data cannot be empty. Please fill the appropriate field."),
        ({"kind": "link", "link_url": "not a url"}, "link_url",
         "Please enter a valid url."),
        ({"kind": "phone", "phone_phone": "call me"}, "phone_phone",
         "Invalid phone number. Please try again."),
        ({"kind": "sms", "sms_phone": "12"}, "sms_phone",
         "Invalid phone number. Please try again."),
        ({"kind": "wifi", "wifi_pass": "secret"}, "wifi_ssid",
         "Please enter the Wifi SSID"),
        ({"kind": "vcard"}, "vcard_fname",
         "vCard data cannot be empty. Please fill some fields"),
        ({"kind": "text", "text_text": "x", "foreground": "#fefefe"}, "background",
         "The colours are too close: the code would not scan."),
    ],
)  # fmt: skip
def test_refusals_show_the_contracts_message_by_the_field(
    owner_client, fields, field, message
):
    response = create(owner_client, **fields)
    assert response.status_code == 200
    assert response.context["form"].errors == {field: [message]}
    assert message in response.content.decode()
    assert not QRCode.objects.exists()


def test_messages_are_shown_translated(owner_client, monkeypatch):
    monkeypatch.setattr("qrcodes.forms.gettext", lambda message: f"[fr] {message}")
    response = create(owner_client, kind="wifi")
    assert response.context["form"].errors == {
        "wifi_ssid": ["[fr] Please enter the Wifi SSID"]
    }


def test_a_logo_is_stored_and_a_wrong_one_refused(owner_client):
    logo = SimpleUploadedFile("logo.png", png_logo(), content_type="image/png")
    create(owner_client, kind="text", text_text="Hello", logo=logo)
    assert QRCode.objects.get().logo

    gif = SimpleUploadedFile("logo.gif", b"GIF89a", content_type="image/gif")
    response = create(owner_client, kind="text", text_text="Hello", logo=gif)
    assert response.context["form"].errors == {
        "logo": ["Logo must be either a PNG or a JPEG (Max 500kb)."]
    }
    assert QRCode.objects.count() == 1


def test_the_edit_form_shows_the_code_and_keeps_its_type(owner_client, wifi_code):
    url = reverse("qr:edit", args=[wifi_code.pk])
    html = owner_client.get(url).content.decode()
    assert 'value="Cafe"' in html
    assert 'data-qr-kind="wifi"' in html
    assert 'data-qr-kind="link"' not in html
    response = owner_client.post(
        url,
        {**COLOURS, "kind": "link", "name": "Lobby", "wifi_ssid": "Lobby",
         "wifi_encryption": "", "link_url": "https://example.com"},
    )  # fmt: skip
    assert response.status_code == 302
    wifi_code.refresh_from_db()
    assert wifi_code.kind == "wifi"
    assert wifi_code.name == "Lobby"
    assert wifi_code.data == {"ssid": "Lobby", "pass": "", "encryption": ""}
    page = owner_client.get(reverse("qr:list")).content.decode()
    assert "The QR code Lobby has been updated." in page


def test_an_edit_repoints_a_dynamic_code(owner_client, link_code):
    url = reverse("qr:edit", args=[link_code.pk])
    owner_client.post(url, {**COLOURS, "name": "Menu", "link_url": "https://new.test"})
    link_code.refresh_from_db()
    assert link_code.data == "https://new.test"
    assert link_code.link.long_url == "https://new.test"


def test_a_refused_edit_changes_nothing(owner_client, link_code):
    url = reverse("qr:edit", args=[link_code.pk])
    response = owner_client.post(url, {**COLOURS, "link_url": "nope"})
    assert response.context["form"].errors == {
        "link_url": ["Please enter a valid url."]
    }
    link_code.refresh_from_db()
    assert link_code.data == "https://example.com/menu"


def test_the_logo_can_be_removed(owner_client, link_code):
    url = reverse("qr:edit", args=[link_code.pk])
    logo = SimpleUploadedFile("logo.png", png_logo(), content_type="image/png")
    owner_client.post(url, {**COLOURS, "link_url": link_code.data, "logo": logo})
    link_code.refresh_from_db()
    assert link_code.logo
    assert 'name="remove_logo"' in owner_client.get(url).content.decode()
    owner_client.post(url, {**COLOURS, "link_url": link_code.data, "remove_logo": "on"})
    link_code.refresh_from_db()
    assert not link_code.logo


def test_delete_asks_then_deletes_the_code_and_its_link(owner_client, link_code):
    url = reverse("qr:delete", args=[link_code.pk])
    page = owner_client.get(url)
    assert "Delete this QR code?" in page.content.decode()
    assert QRCode.objects.exists()
    response = owner_client.post(url)
    assert response["Location"] == reverse("qr:list")
    assert not QRCode.objects.exists()
    assert not type(link_code.link).objects.filter(pk=link_code.link_id).exists()
    html = owner_client.get(reverse("qr:list")).content.decode()
    assert "The QR code Menu has been deleted." in html

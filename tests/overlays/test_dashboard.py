"""The dashboard at /user/overlay (D44): designer, responses, CSV, deletion."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from overlays.models import ContactMessage, Overlay, PollVote, Subscriber
from shortener.models import Link
from tests.factories import LinkFactory
from tests.overlays.conftest import make_overlay

COLOURS = {
    "background_color": "#ffffff",
    "text_color": "#111111",
    "button_color": "#2563eb",
    "position": "bottom-right",
}


def test_the_list_shows_only_the_users_overlays(owner, stranger, owner_client):
    make_overlay(owner, "poll", name="Tea poll")
    make_overlay(stranger, "poll", name="Their poll")

    response = owner_client.get("/user/overlay")

    assert response.status_code == 200
    assert "Tea poll" in response.content.decode()
    assert "Their poll" not in response.content.decode()


def test_the_dashboard_needs_a_login(client):
    response = client.get("/user/overlay")

    assert response.status_code == 302


def test_the_designer_has_a_live_preview(owner_client):
    response = owner_client.get("/user/overlay/new")

    content = response.content.decode()
    assert response.status_code == 200
    assert "data-overlay-form" in content
    assert "data-overlay-preview" in content
    assert "js/overlays.js" in content


def test_a_message_overlay_is_created(owner, owner_client):
    response = owner_client.post(
        "/user/overlay/new",
        {
            "name": "Sale",
            "kind": "message",
            "text": "Big sale",
            "button_label": "Shop",
            "button_url": "https://shop.example",
            **COLOURS,
        },
    )

    overlay = Overlay.objects.get()
    assert response.status_code == 302
    assert (overlay.owner, overlay.kind, overlay.settings) == (
        owner,
        "message",
        {
            "text": "Big sale",
            "button_label": "Shop",
            "button_url": "https://shop.example",
        },
    )


def test_a_poll_keeps_from_two_to_six_options(owner_client):
    data = {"name": "Poll", "kind": "poll", "question": "Tea?", **COLOURS}

    refused = owner_client.post("/user/overlay/new", {**data, "options": "Yes"})
    accepted = owner_client.post("/user/overlay/new", {**data, "options": "Yes\n\nNo"})

    assert refused.status_code == 400
    assert accepted.status_code == 302
    assert Overlay.objects.get().settings == {
        "question": "Tea?",
        "options": ["Yes", "No"],
    }


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>"]
)
def test_script_urls_are_refused(owner_client, url):
    response = owner_client.post(
        "/user/overlay/new",
        {
            "name": "Sale",
            "kind": "message",
            "text": "Big sale",
            "button_label": "Shop",
            "button_url": url,
            **COLOURS,
        },
    )

    assert response.status_code == 400
    assert not Overlay.objects.exists()


def test_a_colour_must_be_hex(owner_client):
    response = owner_client.post(
        "/user/overlay/new",
        {
            "name": "C",
            "kind": "coupon",
            "text": "T",
            "code": "X",
            **COLOURS,
            "text_color": "red;background:url(x)",
        },
    )

    assert response.status_code == 400
    assert not Overlay.objects.exists()


def test_an_overlay_is_edited(owner, owner_client):
    overlay = make_overlay(owner, "coupon")

    page = owner_client.get(f"/user/overlay/{overlay.pk}/edit")
    response = owner_client.post(
        f"/user/overlay/{overlay.pk}/edit",
        {"name": "New", "kind": "coupon", "text": "Save", "code": "NEW10", **COLOURS},
    )

    assert 'value="SAVE20"' in page.content.decode()
    assert response.status_code == 302
    overlay.refresh_from_db()
    assert (overlay.name, overlay.settings) == (
        "New",
        {"text": "Save", "code": "NEW10"},
    )


def test_another_users_overlay_is_not_found(owner, stranger_client):
    overlay = make_overlay(owner, "coupon")

    for path in ("", "/edit", "/delete", "/subscribers.csv"):
        assert (
            stranger_client.get(f"/user/overlay/{overlay.pk}{path}").status_code == 404
        )


def test_deleting_reverts_the_links_that_used_it(owner, owner_client):
    overlay = make_overlay(owner, "message")
    link = LinkFactory(owner=owner, redirect_type=overlay.link_type)
    other = LinkFactory(owner=owner, redirect_type="frame")

    confirm = owner_client.get(f"/user/overlay/{overlay.pk}/delete")
    response = owner_client.post(f"/user/overlay/{overlay.pk}/delete")

    assert "Delete this overlay?" in confirm.content.decode()
    assert response.status_code == 302
    assert not Overlay.objects.exists()
    assert Link.objects.get(pk=link.pk).redirect_type == ""
    assert Link.objects.get(pk=other.pk).redirect_type == "frame"


def test_poll_results_show_counts_and_percentages(owner, owner_client):
    overlay = make_overlay(owner, "poll")
    for n, option in enumerate([0, 1, 1, 1]):
        PollVote.objects.create(overlay=overlay, option=option, voter=f"v{n}")

    content = owner_client.get(f"/user/overlay/{overlay.pk}").content.decode()

    assert "<td>Tea</td><td>1</td><td>25%</td>" in content
    assert "<td>Coffee</td><td>3</td><td>75%</td>" in content
    assert "<td>Both</td><td>0</td><td>0%</td>" in content


def test_subscribers_download_as_csv_safe_from_formulas(owner, owner_client):
    overlay = make_overlay(owner, "newsletter")
    Subscriber.objects.create(overlay=overlay, email="ada@example.org")
    Subscriber.objects.create(overlay=overlay, email="=cmd|calc@example.org")
    Subscriber.objects.create(overlay=overlay, email="+1@example.org")
    Subscriber.objects.create(overlay=overlay, email="-2@example.org")
    Subscriber.objects.create(overlay=overlay, email="@3@example.org")

    response = owner_client.get(f"/user/overlay/{overlay.pk}/subscribers.csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="overlay-{overlay.pk}-subscribers.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert [row[0] for row in rows] == [
        "email",
        "ada@example.org",
        "'=cmd|calc@example.org",
        "'+1@example.org",
        "'-2@example.org",
        "'@3@example.org",
    ]


def test_contact_messages_are_listed_escaped(owner, owner_client):
    overlay = make_overlay(owner, "contact")
    ContactMessage.objects.create(
        overlay=overlay,
        name="<script>alert(1)</script>",
        email="ada@example.org",
        message="Call me back",
    )

    content = owner_client.get(f"/user/overlay/{overlay.pk}").content.decode()

    assert "Call me back" in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    assert "<script>alert(1)" not in content


def test_an_image_overlay_is_uploaded_to_the_default_storage(owner_client):
    response = owner_client.post(
        "/user/overlay/new",
        {
            "name": "Banner",
            "kind": "image",
            "url": "https://shop.example",
            "image": png_upload(),
            **COLOURS,
        },
    )

    overlay = Overlay.objects.get()
    assert response.status_code == 302
    assert overlay.image.name.startswith("overlays/")
    assert overlay.settings == {"url": "https://shop.example"}


def png_upload() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return SimpleUploadedFile("banner.png", buffer.getvalue(), "image/png")

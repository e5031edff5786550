"""What each type encodes, read back from the rendered images by zbar, with and
without a logo; the task renders into storage (api-spec §16.6, STYLE §5)."""

import pytest
from django.core.files.storage import default_storage

from qrcodes.models import QRCode
from qrcodes.render import payload, preview_png, render_png, render_svg
from qrcodes.services import create_qr
from qrcodes.tasks import render_qr_code
from tests.qrcodes.conftest import SITE, decoded

STATIC = [
    ("text", "Hello, world: 1 2 3", "Hello, world: 1 2 3"),
    (
        "sms",
        {"phone": "+33612345678", "message": "See you"},
        "SMSTO:+33612345678:See you",
    ),
    (
        "wifi",
        {"ssid": "Home;Net", "pass": "se:cret", "encryption": "WPA"},
        "WIFI:S:Home\\;Net;T:WPA;P:se\\:cret;;",
    ),
    ("wifi", {"ssid": "Cafe", "pass": "", "encryption": "WPA"}, "WIFI:S:Cafe;;"),
]
DYNAMIC = [
    ("link", "https://example.com/landing"),
    ("email", {"email": "ann@example.com", "subject": "Hello"}),
    ("phone", "+15550102030"),
    ("vcard", {"fname": "Ann", "lname": "Lee", "cell": "+15550102030"}),
]


def created(django_capture_on_commit_callbacks, **fields) -> QRCode:
    """A code created the way the API creates it, its rendering task run."""
    with django_capture_on_commit_callbacks(execute=True):
        qr = create_qr(**fields)
    qr.refresh_from_db()
    return qr


def stored_png(qr: QRCode) -> bytes:
    with qr.image.open("rb") as image:
        return image.read()


@pytest.mark.parametrize("with_logo", [False, True], ids=["plain", "logo"])
@pytest.mark.parametrize(("kind", "data", "text"), STATIC)
def test_a_static_code_encodes_its_content(
    owner, django_capture_on_commit_callbacks, logo, kind, data, text, with_logo
):
    qr = created(
        django_capture_on_commit_callbacks,
        owner=owner,
        kind=kind,
        data=data,
        logo=logo if with_logo else None,
    )

    assert qr.link is None
    assert payload(qr) == text
    assert decoded(stored_png(qr)) == text


@pytest.mark.parametrize("with_logo", [False, True], ids=["plain", "logo"])
@pytest.mark.parametrize(("kind", "data"), DYNAMIC)
def test_a_dynamic_code_encodes_its_tracking_link(
    owner, django_capture_on_commit_callbacks, logo, kind, data, with_logo
):
    qr = created(
        django_capture_on_commit_callbacks,
        owner=owner,
        kind=kind,
        data=data,
        logo=logo if with_logo else None,
    )

    assert qr.link.alias == qr.alias
    assert decoded(stored_png(qr)) == f"{SITE}/{qr.alias}"


def test_colours_and_a_jpeg_logo_still_scan(owner, django_capture_on_commit_callbacks):
    from tests.qrcodes.conftest import image_bytes

    qr = created(
        django_capture_on_commit_callbacks,
        owner=owner,
        kind="text",
        data="colours",
        foreground="rgb(26,35,126)",
        background="#fff8e1",
        logo=image_bytes("JPEG"),
    )

    assert (qr.foreground, qr.background) == ("#1a237e", "#fff8e1")
    assert qr.logo.name.endswith(".jpg")
    assert decoded(stored_png(qr)) == "colours"


@pytest.mark.parametrize(
    ("size", "pixels"), [(150, 150), (1000, 1000), (5, 100), (9999, 2000)]
)
def test_pngs_come_at_the_requested_size_within_bounds(owner, size, pixels):
    import io

    from PIL import Image

    qr = create_qr(owner=owner, kind="text", data="sized")

    png = render_png(qr, size)

    assert Image.open(io.BytesIO(png)).size == (pixels, pixels)
    assert decoded(png) == "sized"


def test_the_svg_is_drawn_with_the_colours_and_the_logo(owner, logo):
    qr = create_qr(
        owner=owner, kind="text", data="svg", foreground="#1a237e", logo=logo
    )

    svg = render_svg(qr).decode()

    assert svg.startswith("<svg")
    assert "#1a237e" in svg
    assert 'href="data:image/png;base64,' in svg


def test_the_task_stores_both_images_and_replaces_them_when_run_again(
    owner, django_capture_on_commit_callbacks
):
    qr = created(django_capture_on_commit_callbacks, owner=owner, kind="text", data="a")
    first = (qr.image.name, qr.svg.name)
    assert first[0].startswith("qr/images/")
    assert first[0].endswith(".png")
    assert first[1].endswith(".svg")

    render_qr_code(qr.pk)
    qr.refresh_from_db()

    assert (qr.image.name, qr.svg.name) != first
    assert not any(default_storage.exists(name) for name in first)
    assert default_storage.exists(qr.image.name)
    assert default_storage.exists(qr.svg.name)


def test_the_task_skips_a_deleted_code(db):
    render_qr_code(123456)  # nothing to do, nothing raised


def test_an_unsaved_design_is_previewed(logo):
    static = preview_png(
        "wifi",
        {"ssid": "Home", "pass": "", "encryption": ""},
        "#000000",
        "#ffffff",
        logo,
        300,
    )
    dynamic = preview_png(
        "link", "https://example.com", "#000000", "#ffffff", None, 300
    )

    assert decoded(static) == "WIFI:S:Home;;"
    assert decoded(dynamic) == f"{SITE}/000000"

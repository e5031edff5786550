"""The public images: `/qr/<alias>` and its downloads, and `/<alias>/qr` of a
plain short link (api-spec §16.1 item 10)."""

import io

import pytest
from PIL import Image

from qrcodes.services import create_qr
from tests.factories import LinkFactory
from tests.qrcodes.conftest import SITE, decoded


def size_of(png: bytes) -> tuple[int, int]:
    return Image.open(io.BytesIO(png)).size


@pytest.fixture
def qr(owner, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        code = create_qr(owner=owner, kind="link", data="https://example.com")
    code.refresh_from_db()
    return code


def test_the_image_url_serves_the_stored_png(client, qr):
    response = client.get(f"/qr/{qr.alias}")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, max-age=300"
    assert response.content == qr.image.read()
    assert decoded(response.content) == f"{SITE}/{qr.alias}"


def test_a_code_not_rendered_yet_is_drawn_on_the_fly(client, owner):
    code = create_qr(owner=owner, kind="text", data="fresh")  # no commit, no task

    response = client.get(f"/qr/{code.alias}")

    assert decoded(response.content) == "fresh"


@pytest.mark.parametrize(
    ("path", "pixels"),
    [("download/png", 300), ("download/png/800", 800), ("download/png/20", 100)],
)
def test_pngs_download_at_the_chosen_size(client, qr, path, pixels):
    response = client.get(f"/qr/{qr.alias}/{path}")

    assert response.status_code == 200
    assert (
        response["Content-Disposition"] == f'attachment; filename="qr-{qr.alias}.png"'
    )
    assert size_of(response.content) == (pixels, pixels)
    assert decoded(response.content) == f"{SITE}/{qr.alias}"


def test_the_svg_downloads(client, qr):
    response = client.get(f"/qr/{qr.alias}/download/svg")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert (
        response["Content-Disposition"] == f'attachment; filename="qr-{qr.alias}.svg"'
    )
    assert response.content.startswith(b"<svg")


@pytest.mark.parametrize(
    "path", ["/qr/abcdef", "/qr/{alias}/download/gif", "/qr/{alias}/download/png/x"]
)
def test_unknown_codes_and_formats_are_not_found(client, qr, path):
    assert client.get(path.format(alias=qr.alias)).status_code == 404


def test_a_short_link_has_its_own_qr_code(client, owner):
    LinkFactory(owner=owner, alias="promo", long_url="https://example.com")

    plain = client.get("/promo/qr")
    sized = client.get("/Promo/qr/600")
    svg = client.get("/promo/qr/download/svg")

    assert plain["Content-Type"] == "image/png"
    assert decoded(plain.content) == f"{SITE}/promo"
    assert size_of(sized.content) == (600, 600)
    assert svg["Content-Disposition"] == 'attachment; filename="qr-promo.svg"'


def test_only_plain_links_have_a_link_qr_code(client, qr):
    assert client.get("/nothing/qr").status_code == 404
    assert client.get(f"/{qr.alias}/qr").status_code == 404  # a tracking link

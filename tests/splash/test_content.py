"""The text and banner of a splash page, and what deleting one does to links."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from splash.images import clean_banner
from splash.sanitise import clean_html
from splash.services import delete_splash_page
from tests.factories import LinkFactory
from tests.splash.conftest import image_upload


def test_hostile_text_is_cleaned():
    hostile = (
        '<p onclick="steal()">Hi <script>alert(1)</script>'
        '<a href="javascript:alert(2)">bad</a> '
        '<a href="https://ok.example/" onmouseover="x()">good</a>'
        '<img src=x onerror="alert(3)"><iframe src="https://evil.example"></iframe>'
        "<b>bold</b></p>"
    )

    cleaned = clean_html(hostile)

    assert "script" not in cleaned
    assert "alert" not in cleaned
    assert "javascript:" not in cleaned
    assert "onclick" not in cleaned
    assert "onmouseover" not in cleaned
    assert "<img" not in cleaned
    assert "<iframe" not in cleaned
    assert '<a href="https://ok.example/" rel="nofollow noopener">good</a>' in cleaned
    assert "<b>bold</b>" in cleaned


@pytest.mark.parametrize("image_format", ["PNG", "JPEG", "WEBP"])
def test_png_jpeg_and_webp_banners_are_re_encoded(image_format):
    stored = clean_banner(image_upload(image_format))

    assert stored.name.endswith(
        {"PNG": ".png", "JPEG": ".jpg", "WEBP": ".webp"}[image_format]
    )
    assert stored.size > 0


def test_a_banner_over_1_mb_is_refused():
    upload = SimpleUploadedFile("big.png", b"\x89PNG" + b"0" * (1024 * 1024 + 1))

    with pytest.raises(ValidationError):
        clean_banner(upload)


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("fake.png", b"<svg onload=alert(1)>"),
        image_upload("GIF", name="anim.gif"),
        image_upload("BMP", name="old.bmp"),
    ],
    ids=["not-an-image", "gif", "bmp"],
)
def test_other_files_are_refused_as_banners(upload):
    with pytest.raises(ValidationError):
        clean_banner(upload)


def test_deleting_a_page_reverts_its_links_to_the_default(owner, splash_page):
    using = LinkFactory(owner=owner, redirect_type=str(splash_page.pk))
    framed = LinkFactory(owner=owner, redirect_type="frame")

    delete_splash_page(page=splash_page)

    using.refresh_from_db()
    framed.refresh_from_db()
    assert using.redirect_type == ""
    assert framed.redirect_type == "frame"
    assert not type(splash_page).objects.exists()

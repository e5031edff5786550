import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.accounts.conftest import image_bytes

SETTINGS_URL = "/user/settings"


def upload(client, content: bytes, name: str = "me.png"):
    picture = SimpleUploadedFile(name, content, content_type="image/png")
    return client.post(SETTINGS_URL, {"action": "avatar", "avatar": picture})


def stored_image(name: str) -> Image.Image:
    with default_storage.open(name) as stored:
        image = Image.open(io.BytesIO(stored.read()))
        image.load()
    return image


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "GIF", "WEBP"])
def test_a_picture_becomes_a_256_pixel_square_png(owner_client, owner, fmt):
    response = upload(owner_client, image_bytes(fmt, (600, 400)), name=f"me.{fmt}")

    assert response.status_code == 302
    assert response["Location"] == SETTINGS_URL
    owner.refresh_from_db()
    assert owner.avatar.name.startswith(f"avatars/{owner.pk}/")
    assert owner.avatar.name.endswith(".png")
    image = stored_image(owner.avatar.name)
    assert image.format == "PNG"
    assert image.size == (256, 256)
    page = owner_client.get(SETTINGS_URL).content.decode()
    assert "Your picture has been updated." in page
    assert f'src="{owner.avatar.url}"' in page
    assert "Remove picture" in page


def test_a_new_picture_replaces_and_deletes_the_previous_file(owner_client, owner):
    upload(owner_client, image_bytes())
    owner.refresh_from_db()
    first = owner.avatar.name

    upload(owner_client, image_bytes("JPEG"))

    owner.refresh_from_db()
    assert owner.avatar.name != first
    assert default_storage.exists(owner.avatar.name)
    assert not default_storage.exists(first)


def test_a_file_that_is_not_a_picture_is_refused(owner_client, owner):
    response = upload(owner_client, b"<?php echo 'hello'; ?>" * 10)

    assert response.status_code == 200
    assert (
        "Upload a PNG, JPEG, GIF or WebP picture; this file is not one."
        in response.content.decode()
    )
    owner.refresh_from_db()
    assert not owner.avatar


def test_a_truncated_picture_is_refused(owner_client, owner):
    content = image_bytes("PNG", (300, 300))

    response = upload(owner_client, content[: len(content) // 2])

    assert response.status_code == 200
    assert "this file is not one." in response.content.decode()
    owner.refresh_from_db()
    assert not owner.avatar


def test_a_picture_in_another_format_is_refused(owner_client, owner):
    response = upload(owner_client, image_bytes("BMP"), name="me.bmp")

    assert response.status_code == 200
    assert "this file is not one." in response.content.decode()
    owner.refresh_from_db()
    assert not owner.avatar


def test_a_file_over_the_size_limit_is_refused(owner_client, owner, settings):
    content = image_bytes()
    settings.AVATAR_MAX_BYTES = len(content) - 1

    response = upload(owner_client, content)

    assert response.status_code == 200
    assert "The file is too large: pictures may be up to" in response.content.decode()
    owner.refresh_from_db()
    assert not owner.avatar


def test_a_picture_over_4000_pixels_is_refused(owner_client, owner):
    response = upload(owner_client, image_bytes("PNG", (4001, 8)))

    assert response.status_code == 200
    assert (
        "The picture is 4001 by 8 pixels; the largest allowed is 4000 by 4000."
        in response.content.decode()
    )
    owner.refresh_from_db()
    assert not owner.avatar


def test_submitting_without_a_file_asks_for_one(owner_client, owner):
    response = owner_client.post(SETTINGS_URL, {"action": "avatar"})

    assert response.status_code == 200
    assert "Choose a picture to upload." in response.content.decode()


def test_removing_the_picture_deletes_the_file(owner_client, owner):
    upload(owner_client, image_bytes())
    owner.refresh_from_db()
    name = owner.avatar.name

    response = owner_client.post(SETTINGS_URL, {"action": "remove_avatar"})

    assert response.status_code == 302
    owner.refresh_from_db()
    assert not owner.avatar
    assert not default_storage.exists(name)
    page = owner_client.get(SETTINGS_URL).content.decode()
    assert "Your picture has been removed." in page
    assert "You have no picture yet." in page

"""Pictures of bio pages, decoded by Pillow and stored re-encoded.

The avatar is made exactly as the account's (accounts.forms.render_avatar: a
256x256 PNG); a block's image keeps its format and is scaled to fit 1200 pixels.
Re-encoding drops metadata, scripts in comments and any bytes after the image.
"""

import io
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from accounts.forms import render_avatar

IMAGE_MAX_BYTES = 2 * 1024 * 1024
IMAGE_MAX_PIXELS = 6000 * 6000
IMAGE_SIDE = 1200
FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp", "GIF": "png"}


def too_large(limit: int) -> ValidationError:
    return ValidationError(
        _("The file is too large: pictures may be up to %(size)s."),
        code="file_too_large",
        params={"size": filesizeformat(limit)},
    )


def clean_avatar(upload: UploadedFile) -> ContentFile:
    """The avatar as a 256x256 PNG, like the account's."""
    if upload.size is None or upload.size > settings.AVATAR_MAX_BYTES:
        raise too_large(settings.AVATAR_MAX_BYTES)
    return ContentFile(render_avatar(upload), name="avatar.png")


def clean_image(upload: UploadedFile) -> ContentFile:
    """A block's picture, re-encoded and at most 1200 pixels on its longer side."""
    if upload.size is None or upload.size > IMAGE_MAX_BYTES:
        raise too_large(IMAGE_MAX_BYTES)
    not_an_image = ValidationError(
        _("Upload a PNG, JPEG, GIF or WebP picture; this file is not one."),
        code="invalid_image",
    )
    data = upload.read()
    try:
        with Image.open(io.BytesIO(data)) as probe:
            image_format = probe.format
            if image_format not in FORMATS:
                raise not_an_image
            if probe.width * probe.height > IMAGE_MAX_PIXELS:
                raise not_an_image
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            picture = ImageOps.exif_transpose(image)
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise not_an_image from None
    picture.thumbnail((IMAGE_SIDE, IMAGE_SIDE), Image.Resampling.LANCZOS)
    out_format = "PNG" if image_format == "GIF" else image_format
    if out_format == "JPEG" and picture.mode not in {"RGB", "L"}:
        picture = picture.convert("RGB")
    elif out_format != "JPEG" and picture.mode not in {"RGB", "RGBA", "L", "LA"}:
        picture = picture.convert("RGBA")
    output = io.BytesIO()
    picture.save(output, format=out_format)
    name = f"{secrets.token_hex(8)}.{FORMATS[image_format]}"
    return ContentFile(output.getvalue(), name=name)

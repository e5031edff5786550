"""Banners of custom splash pages: verified by Pillow and stored re-encoded."""

import io
import secrets

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 1024 * 1024
MAX_PIXELS = 4096 * 4096
FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}
BANNER_ERROR = _("The banner must be a PNG, JPEG or WebP image of at most 1 MB.")


def clean_banner(upload: UploadedFile) -> ContentFile:
    """The upload decoded and re-encoded (metadata and trailing bytes dropped)."""
    if upload.size is None or upload.size > MAX_BYTES:
        raise ValidationError(BANNER_ERROR, code="banner")
    data = upload.read()
    try:
        with Image.open(io.BytesIO(data)) as probe:
            image_format = probe.format
            probe.verify()
        if image_format not in FORMATS:
            raise ValidationError(BANNER_ERROR, code="banner")
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(BANNER_ERROR, code="banner")
            image.load()
            if image_format == "JPEG" and image.mode not in {"RGB", "L"}:
                image = image.convert("RGB")
            output = io.BytesIO()
            image.save(output, format=image_format)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(BANNER_ERROR, code="banner") from None
    name = f"{secrets.token_hex(8)}.{FORMATS[image_format]}"
    return ContentFile(output.getvalue(), name=name)

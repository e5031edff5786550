"""QR images: `/qr/<alias>` and downloads, and `/<alias>/qr` of short links.

Included before shortener.urls, whose `/<alias>` takes what is left.
"""

from django.urls import path, register_converter

from qrcodes import images
from shortener import urls as shortener_urls  # noqa: F401  (registers `alias`)


class ImageFormatConverter:
    """`png` or `svg`."""

    regex = "png|svg"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ImageFormatConverter, "imageformat")

app_name = "qrcodes"

urlpatterns = [
    path("qr/<alias:alias>", images.qr_image, name="image"),
    path(
        "qr/<alias:alias>/download/<imageformat:image_format>",
        images.qr_download,
        name="download",
    ),
    path(
        "qr/<alias:alias>/download/<imageformat:image_format>/<int:size>",
        images.qr_download,
        name="download-size",
    ),
    path("<alias:alias>/qr", images.link_qr, name="link"),
    path("<alias:alias>/qr/<int:size>", images.link_qr, name="link-size"),
    path(
        "<alias:alias>/qr/download/<imageformat:image_format>",
        images.link_qr,
        {"download": True},
        name="link-download",
    ),
    path(
        "<alias:alias>/qr/download/<imageformat:image_format>/<int:size>",
        images.link_qr,
        {"download": True},
        name="link-download-size",
    ),
]

"""The public QR images: `/qr/<alias>` and its downloads, and the QR code of any
short link at `/<alias>/qr` (api-spec §16.1 item 10, §16.6)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from qrcodes.models import QRCode
from qrcodes.render import (
    DEFAULT_SIZE,
    clamp_size,
    draw_png,
    draw_svg,
    render_png,
    render_svg,
)
from shortener.middleware import branded_domain_of
from shortener.models import LinkKind
from shortener.redirect import find_link, not_found

# Images change when their code is edited: a short public cache, then revalidate.
IMAGE_CACHE = "public, max-age=300"
CONTENT_TYPES = {"png": "image/png", "svg": "image/svg+xml"}


def qr_of(alias: str) -> QRCode:
    return get_object_or_404(
        QRCode.objects.select_related("link", "link__domain"), alias=alias.lower()
    )


def image_response(body: bytes, image_format: str, filename: str = "") -> HttpResponse:
    response = HttpResponse(body, content_type=CONTENT_TYPES[image_format])
    response["Cache-Control"] = IMAGE_CACHE
    response["X-Content-Type-Options"] = "nosniff"
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def stored_or_rendered_png(qr: QRCode, size: int) -> bytes:
    """The PNG the task stored (default size), else a fresh rendering."""
    if size == DEFAULT_SIZE and qr.image:
        try:
            with qr.image.open("rb") as stored:
                return stored.read()
        except OSError:
            pass  # being replaced by a new rendering: draw it now
    return render_png(qr, size)


@require_safe
def qr_image(request: HttpRequest, alias: str) -> HttpResponse:
    """`/qr/<alias>`: the code's PNG."""
    qr = qr_of(alias)
    return image_response(stored_or_rendered_png(qr, DEFAULT_SIZE), "png")


@require_safe
def qr_download(
    request: HttpRequest, alias: str, image_format: str, size: int = DEFAULT_SIZE
) -> HttpResponse:
    """`/qr/<alias>/download/<png|svg>[/<size>]`: the image as an attachment."""
    qr = qr_of(alias)
    if image_format == "svg":
        body = render_svg(qr)
    else:
        body = stored_or_rendered_png(qr, clamp_size(size))
    return image_response(body, image_format, f"qr-{qr.alias}.{image_format}")


@require_safe
def link_qr(
    request: HttpRequest,
    alias: str,
    size: int = DEFAULT_SIZE,
    image_format: str = "png",
    download: bool = False,
) -> HttpResponse:
    """`/<alias>/qr[/<size>]`: a plain short link's own QR code, black on white."""
    domain = branded_domain_of(request)
    link = find_link(alias, domain)
    if link is None or link.kind != LinkKind.LINK:
        return not_found(domain)
    if image_format == "svg":
        body = draw_svg(link.short_url, "#000000", "#ffffff", None)
    else:
        body = draw_png(link.short_url, "#000000", "#ffffff", None, clamp_size(size))
    filename = f"qr-{link.alias}.{image_format}" if download else ""
    return image_response(body, image_format, filename)

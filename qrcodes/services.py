"""Creating, changing and deleting QR codes (api-spec §4, §16.6, D14)."""

import io
from functools import partial
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from PIL import Image, UnidentifiedImageError

from accounts.models import User
from billing import entitlements
from core.errors import InvalidInput
from core.fetch import FetchError, fetch
from qrcodes import render
from qrcodes.content import destination
from qrcodes.models import QRCode, QRType, new_alias
from qrcodes.parsing import INVALID_FORMAT, check_contrast, clean_colour, clean_data
from qrcodes.tasks import render_qr_code
from shortener.models import Link, LinkKind

LOGO_ERROR = "Logo must be either a PNG or a JPEG (Max 500kb)."
LOGO_MAX_BYTES = 500 * 1024
LOGO_MAX_PIXELS = 4096 * 4096
NAME_MAX = 255
DEFAULT_NAME = "Via API"
ALIAS_ATTEMPTS = 16


def clean_logo(logo: bytes) -> ContentFile:
    """A PNG or JPEG of at most 500 KB that decodes, ready to store."""
    if not logo or len(logo) > LOGO_MAX_BYTES:
        raise InvalidInput(LOGO_ERROR)
    try:
        with Image.open(io.BytesIO(logo)) as image:
            image_format = image.format
            if image.width * image.height > LOGO_MAX_PIXELS:
                raise InvalidInput(LOGO_ERROR)  # a small file can unpack huge
            image.verify()
        with Image.open(io.BytesIO(logo)) as image:
            image.load()  # verify() misses truncated pixel data
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise InvalidInput(LOGO_ERROR) from None
    if image_format not in {"PNG", "JPEG"}:
        raise InvalidInput(LOGO_ERROR)
    return ContentFile(logo, name="logo.png" if image_format == "PNG" else "logo.jpg")


def download_logo(url: object) -> ContentFile:
    """Fetch a logo with the safety rules of `metaimage` (D12) and check it."""
    if not isinstance(url, str) or not url.strip():
        raise InvalidInput(LOGO_ERROR)
    try:
        fetched = fetch(url.strip(), max_bytes=LOGO_MAX_BYTES, timeout=5)
    except FetchError:
        raise InvalidInput(LOGO_ERROR) from None
    return clean_logo(fetched.body)


def clean_name(name: object, default: str) -> str:
    text = name.strip() if isinstance(name, str) else ""
    return text[:NAME_MAX] or default


def clean_colours(foreground: object, background: object) -> tuple[str, str]:
    pair = clean_colour(foreground), clean_colour(background)
    check_contrast(*pair)
    return pair


def enqueue_render(qr: QRCode) -> None:
    """Render the images once the rows are committed (STYLE §5)."""
    transaction.on_commit(partial(render_qr_code.delay, qr.pk))


@transaction.atomic
def create_qr(
    *,
    owner: User,
    kind: str,
    data: object,
    name: str = "",
    foreground: str = "#000000",
    background: str = "#ffffff",
    logo: bytes | None = None,
    logo_url: str = "",
) -> QRCode:
    """Create a QR code; a dynamic type gets its tracking link (same alias).

    The plan must include QR codes, and their quota must have room once the
    input is valid (D42). A logo is kept only on a plan with `qrlogo`.
    """
    entitlements.require(owner, "qr")
    if kind not in QRType.values:
        raise InvalidInput(INVALID_FORMAT)
    cleaned = clean_data(kind, data)
    render.check_capacity(kind, cleaned)
    foreground, background = clean_colours(foreground, background)
    if not entitlements.has(owner, "qrlogo"):
        logo, logo_url = None, ""  # dropped without an error, as link options are
    logo_file = clean_logo(logo) if logo else None
    if logo_url and logo_file is None:
        logo_file = download_logo(logo_url)
    qr = QRCode(
        owner=owner,
        kind=kind,
        data=cleaned,
        name=clean_name(name, DEFAULT_NAME),
        foreground=foreground,
        background=background,
    )
    with entitlements.quota_slot(owner, "qr", owner.qr_codes.count):
        if logo_file is not None:
            qr.logo.save(logo_file.name, logo_file, save=False)
        save_with_new_alias(qr)
    enqueue_render(qr)
    return qr


def save_with_new_alias(qr: QRCode) -> None:
    """Insert the code (and its tracking link) under a fresh 6-hex alias.

    The alias must be free both for QR codes and as a short link on the main
    site; the unique constraints decide, and a collision draws again.
    """
    for _ in range(ALIAS_ATTEMPTS):
        qr.alias = new_alias()
        try:
            with transaction.atomic():
                if qr.is_dynamic:
                    qr.link = Link.objects.create(
                        owner=qr.owner,
                        kind=LinkKind.QR,
                        alias=qr.alias,
                        long_url=tracking_destination(qr),
                    )
                qr.save()
            return
        except IntegrityError:
            qr.link = None
            continue
    raise IntegrityError("no free QR alias")  # 16 collisions: the space is full


def tracking_destination(qr: QRCode) -> str:
    """The tracking link's destination.

    A vCard's link names its own address: its scans are answered with the card
    (shortener.redirect), and a link's destination is always a URL.
    """
    return destination(qr.kind, qr.data) or f"{settings.SITE_URL}/{qr.alias}"


@transaction.atomic
def update_qr(*, qr: QRCode, changes: dict[str, Any]) -> QRCode:
    """Change what `changes` names (D14: the rest keeps its value), re-render.

    Keys: data, name, foreground, background, logo (bytes, or None to remove it),
    logo_url. The type never changes; new data re-points the tracking link, so
    the printed code keeps working. A new logo needs a plan with `qrlogo`
    (without it the logo is left as it is); removing one is always allowed.
    """
    entitlements.require(qr.owner, "qr")
    if not entitlements.has(qr.owner, "qrlogo"):
        changes = {
            key: value
            for key, value in changes.items()
            if key != "logo_url" and not (key == "logo" and value)
        }
    if "data" in changes:
        qr.data = clean_data(qr.kind, changes["data"])
        render.check_capacity(qr.kind, qr.data)
    if "name" in changes:
        qr.name = clean_name(changes["name"], qr.name)
    if "foreground" in changes or "background" in changes:
        qr.foreground, qr.background = clean_colours(
            changes.get("foreground") or qr.foreground,
            changes.get("background") or qr.background,
        )
    old_logo = qr.logo.name if qr.logo else ""
    if "logo" in changes:
        logo = changes["logo"]
        if logo:
            stored = clean_logo(logo)
            qr.logo.save(stored.name, stored, save=False)
        else:
            qr.logo = None  # type: ignore[assignment]
    elif changes.get("logo_url"):
        stored = download_logo(changes["logo_url"])
        qr.logo.save(stored.name, stored, save=False)
    qr.save()
    if qr.link_id and "data" in changes:
        link = qr.link
        link.long_url = tracking_destination(qr)  # type: ignore[union-attr]
        link.save(update_fields=["long_url", "updated"])  # type: ignore[union-attr]
    if old_logo and old_logo != (qr.logo.name if qr.logo else ""):
        storage = qr.logo.storage
        transaction.on_commit(partial(storage.delete, old_logo))
    enqueue_render(qr)
    return qr


@transaction.atomic
def delete_qr(*, qr: QRCode) -> None:
    """Delete the code, its tracking link and the link's statistics.

    (qrcodes.signals removes the stored logo and images once committed.)
    """
    link = qr.link
    qr.delete()
    if link is not None:
        link.delete()  # its clicks go with it

"""Creating, changing and deleting pixels, and attaching them to links (§8, D17)."""

from collections.abc import Iterable

from django.db import IntegrityError, transaction

from accounts.models import User
from billing import entitlements
from core.errors import Conflict
from pixels.models import Pixel
from pixels.rules import (
    DUPLICATE,
    MISSING_NAME,
    MISSING_TAG,
    MISSING_TYPE,
    NAME_MAX,
    clean_tag,
    clean_type,
    present,
    require,
)
from shortener.models import Link


def check_unique(owner: User, kind: str, tag: str, *, exclude: int | None) -> None:
    """Refuse a second pixel of the owner with this provider and tag (D2: 409)."""
    taken = Pixel.objects.filter(owner=owner, type=kind, tag=tag)
    if exclude is not None:
        taken = taken.exclude(pk=exclude)
    if taken.exists():
        raise Conflict(DUPLICATE)


def save_unique(pixel: Pixel) -> None:
    """Save; a concurrent twin that got in first makes this a 409."""
    try:
        with transaction.atomic():
            pixel.save()
    except IntegrityError:
        raise Conflict(DUPLICATE) from None


def create_pixel(*, owner: User, kind: object, name: object, tag: object) -> Pixel:
    """Add a pixel from raw input, checked in the order of §8.2.

    The plan must include pixels; their quota is checked after the input (D42).
    """
    entitlements.require(owner, "pixels")
    raw_kind = require(kind, MISSING_TYPE)
    raw_name = require(name, MISSING_NAME)
    require(tag, MISSING_TAG)
    pixel = Pixel(owner=owner, type=clean_type(raw_kind), name=raw_name[:NAME_MAX])
    pixel.tag = clean_tag(pixel.type, tag)
    check_unique(owner, pixel.type, pixel.tag, exclude=None)
    with entitlements.quota_slot(owner, "pixels", owner.pixels.count):
        save_unique(pixel)
    return pixel


def update_pixel(*, pixel: Pixel, name: object = None, tag: object) -> Pixel:
    """Change the tag and, when given, the name (§8.3); the provider stays."""
    entitlements.require(pixel.owner, "pixels")
    new_tag = clean_tag(pixel.type, tag)
    if new_name := present(name):
        pixel.name = new_name[:NAME_MAX]
    check_unique(pixel.owner, pixel.type, new_tag, exclude=pixel.pk)
    pixel.tag = new_tag
    save_unique(pixel)
    return pixel


@transaction.atomic
def delete_pixel(*, pixel: Pixel) -> None:
    """Delete the pixel; the links that used it lose it (D17)."""
    link_ids = list(pixel.links.values_list("pk", flat=True))
    pixel.delete()
    refresh_has_pixels(link_ids)


def refresh_has_pixels(link_ids: Iterable[int]) -> None:
    """Set `Link.has_pixels` of these links from what they now hold."""
    links = Link.objects.filter(pk__in=list(link_ids))
    links.filter(pixels__isnull=True).update(has_pixels=False)
    links.filter(pixels__isnull=False).update(has_pixels=True)


def owned_pixel_ids(owner: User, ids: Iterable[int]) -> list[int]:
    """The ids among `ids` of the owner's pixels, in order; others are ignored."""
    wanted = set(ids)
    if not wanted:
        return []
    owned = Pixel.objects.filter(owner=owner, pk__in=wanted).values_list(
        "pk", flat=True
    )
    return sorted(owned)


def pixel_ids_of(link: Link) -> list[int]:
    """The ids of the link's pixels, in order; no query for a link without any."""
    if not link.has_pixels:
        return []
    return sorted(link.pixels.values_list("pk", flat=True))


def set_link_pixels(*, link: Link, pixel_ids: list[int]) -> None:
    """Attach exactly these (already owned) pixels to a saved link."""
    link.pixels.set(pixel_ids)
    if link.has_pixels != bool(pixel_ids):
        link.has_pixels = bool(pixel_ids)
        link.save(update_fields=["has_pixels"])

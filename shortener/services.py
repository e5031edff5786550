"""Creating, changing and deleting links and branded domains."""

import io
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import datetime
from functools import partial

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from PIL import Image, UnidentifiedImageError

from accounts.models import User
from billing import entitlements
from billing.counters import count_links
from core.errors import Conflict, InvalidInput
from core.fetch import FetchError, fetch
from shortener import aliases
from shortener.models import Domain, Link
from shortener.safety import domain_url, optional_url, site_hosts
from shortener.tasks import fetch_link_metadata

logger = logging.getLogger(__name__)

BANNER_ERROR = "Banner must be either a PNG or a JPEG (Max 500kb)."
BANNER_MAX_BYTES = 500 * 1024
ALIAS_TAKEN = "That alias is taken. Please choose another one."
RANDOM_ATTEMPTS = 8  # per length, before codes grow by one letter


@dataclass
class LinkSpec:
    """Everything a link can be told, already validated (see shortener.api)."""

    long_url: str
    alias: str = ""  # a cleaned custom alias, or "" for a random one
    domain: Domain | None = None
    redirect_type: str = ""
    password: str = ""
    expires_at: datetime | None = None
    geo_targets: dict[str, str] = field(default_factory=dict)
    device_targets: dict[str, str] = field(default_factory=dict)
    language_targets: dict[str, str] = field(default_factory=dict)
    meta_title: str = ""
    meta_description: str = ""
    meta_image_url: str = ""
    note: str = ""
    is_public: bool = False
    parameters: list[list[str]] = field(default_factory=list)
    deeplink: dict[str, str] = field(default_factory=dict)
    pixels: list[int] = field(default_factory=list)  # ids of the owner's pixels
    campaign: int | None = None  # id of one of the owner's campaigns
    channels: list[int] = field(default_factory=list)  # ids of the owner's channels


# The options that make two links "the same" for de-duplication (D13).
SAME_LINK_FIELDS = (
    "long_url", "redirect_type", "expires_at", "geo_targets", "device_targets",
    "language_targets", "parameters", "deeplink",
)  # fmt: skip


def find_duplicate(owner: User, spec: LinkSpec) -> Link | None:
    """The owner's existing link with this destination and these options."""
    candidates = Link.objects.plain().filter(
        owner=owner, long_url=spec.long_url, domain=spec.domain
    )
    if spec.alias:
        candidates = candidates.filter(alias__iexact=spec.alias)
    if spec.meta_image_url:
        return None  # a new banner to download: always a new link
    for link in candidates.order_by("-id")[:50]:
        if any(getattr(link, name) != getattr(spec, name) for name in SAME_LINK_FIELDS):
            continue
        if pixel_ids_of(link) != spec.pixels:
            continue
        # Preview texts count only when the request sets them (else they may have
        # been read from the destination since).
        if any(
            getattr(spec, name) and getattr(spec, name) != getattr(link, name)
            for name in ("meta_title", "meta_description")
        ):
            continue
        if spec.password:
            if link.check_password(spec.password):
                return link
        elif not link.password:
            return link
    return None


def pixel_ids_of(link: Link) -> list[int]:
    """The ids of the link's pixels (none without a query when it has none)."""
    from pixels.services import pixel_ids_of  # pixels builds on shortener

    return pixel_ids_of(link)


def set_link_pixels(*, link: Link, pixel_ids: list[int]) -> None:
    """Attach exactly these pixels of the owner to the saved link."""
    from pixels.services import set_link_pixels  # pixels builds on shortener

    set_link_pixels(link=link, pixel_ids=pixel_ids)


def download_banner(url: str) -> ContentFile:
    """Fetch a PNG or JPEG preview image (at most 500 KB) and check it decodes."""
    try:
        fetched = fetch(url, max_bytes=BANNER_MAX_BYTES, timeout=5)
        with Image.open(io.BytesIO(fetched.body)) as image:
            image_format = image.format
            image.verify()
    except (FetchError, UnidentifiedImageError, OSError, ValueError):
        raise InvalidInput(BANNER_ERROR) from None
    if image_format not in {"PNG", "JPEG"}:
        raise InvalidInput(BANNER_ERROR)
    extension = "png" if image_format == "PNG" else "jpg"
    return ContentFile(fetched.body, name=f"banner.{extension}")


def create_link(*, owner: User, spec: LinkSpec) -> tuple[Link, bool]:
    """Shorten a URL; return the link and whether it is new.

    An identical existing link of the owner is returned instead of a new one
    (D13), before the plan's link quota is checked (D30); the quota comes after
    every validation (D42) and holds its slot while the link is inserted.
    """
    if settings.DEDUPLICATE_LINKS and (existing := find_duplicate(owner, spec)):
        file_link(existing, spec, present={"campaign", "channels"})
        return existing, False
    banner = download_banner(spec.meta_image_url) if spec.meta_image_url else None
    if spec.alias and alias_taken(spec.alias, spec.domain):
        raise Conflict(ALIAS_TAKEN)
    link = Link(owner=owner)
    apply_spec(link, spec)
    with entitlements.quota_slot(
        owner, "links", partial(count_links, owner), links_limit_message(owner)
    ):
        if banner is not None:
            link.meta_image.save(banner.name, banner, save=False)
        save_with_alias(link, spec.alias)
        if spec.pixels:
            set_link_pixels(link=link, pixel_ids=spec.pixels)
        file_link(link, spec, present={"campaign", "channels"})
    if not (link.meta_title and link.meta_description):
        transaction.on_commit(lambda: fetch_link_metadata.delay(link.pk))
    return link, True


def links_limit_message(owner: User) -> str:
    """The refusal of the `links` quota: a total, or this month's links (§3.3)."""
    if entitlements.paid_plans() and entitlements.plan_for(owner).links_monthly:
        return entitlements.MONTHLY_LIMIT
    return entitlements.LINKS_LIMIT


def alias_taken(
    alias: str, domain: Domain | None, *, exclude: int | None = None
) -> bool:
    taken = Link.objects.on_host(domain).with_alias(alias)
    if exclude is not None:
        taken = taken.exclude(pk=exclude)
    return taken.exists()


def save_with_alias(link: Link, custom: str) -> None:
    """Insert the link under `custom`, or under a fresh random code.

    The database's unique constraint is the arbiter: a concurrent insert of the
    same code makes this one fail and draw again (random) or report the conflict.
    """
    if not custom:
        draw_alias_until_saved(link, link.save)
        return
    link.alias, link.is_custom = custom, True
    try:
        with transaction.atomic():
            link.save()
    except IntegrityError:
        raise Conflict(ALIAS_TAKEN) from None


def draw_alias_until_saved(link: Link, save: Callable[[], None]) -> None:
    """Give the link random codes until `save()` gets one past the constraint."""
    length = settings.ALIAS_LENGTH
    while True:
        for _ in range(RANDOM_ATTEMPTS):
            link.alias, link.is_custom = aliases.random_alias(length), False
            try:
                with transaction.atomic():
                    save()
                return
            except IntegrityError:
                continue
        length += 1  # this length is crowded: grow the codes


def apply_spec(link: Link, spec: LinkSpec, only: set[str] | None = None) -> None:
    """Copy the spec's values onto the link (all of them, or the names in `only`)."""
    for spec_field in fields(LinkSpec):
        name = spec_field.name
        if only is not None and name not in only:
            continue
        if name in {"alias", "meta_image_url", "campaign", "channels"}:
            continue  # set separately, or rows of their own (file_link)
        if name == "password":
            link.set_password(spec.password)
        elif name == "pixels":
            link.has_pixels = bool(spec.pixels)  # the rows follow once saved
        else:
            setattr(link, name, getattr(spec, name))


@transaction.atomic
def update_link(*, link: Link, spec: LinkSpec, present: set[str]) -> Link:
    """Change the fields named in `present`; the others keep their values (D14)."""
    if "meta_image_url" in present:
        if spec.meta_image_url:
            banner = download_banner(spec.meta_image_url)
            link.meta_image.save(banner.name, banner, save=False)
        else:
            link.meta_image = ""
    target_domain = spec.domain if "domain" in present else link.domain
    new_alias = spec.alias if "alias" in present and spec.alias else link.alias
    moving = target_domain != link.domain or new_alias.lower() != link.alias.lower()
    if moving and alias_taken(new_alias, target_domain, exclude=link.pk):
        raise Conflict(ALIAS_TAKEN)
    apply_spec(link, spec, only=present)
    if "alias" in present and spec.alias:
        link.alias, link.is_custom = spec.alias, True
    try:
        with transaction.atomic():
            link.save()
    except IntegrityError:
        raise Conflict(ALIAS_TAKEN) from None
    if "pixels" in present:
        set_link_pixels(link=link, pixel_ids=spec.pixels)
    file_link(link, spec, present=present, clear=True)
    return link


def file_link(
    link: Link, spec: LinkSpec, *, present: set[str], clear: bool = False
) -> None:
    """Put the saved link in the spec's campaign and channels (§3.3).

    On create (`clear` false) an empty value changes nothing; on update (D14) it
    takes the link out of its campaign, or out of every channel. Channels named
    are added to those the link is in already.
    """
    from campaigns.services import set_link_campaign  # campaigns build on links
    from channels.services import add_link_to_channels, remove_link_from_channels

    if "campaign" in present and (spec.campaign or clear):
        set_link_campaign(link=link, campaign_id=spec.campaign)
    if "channels" in present:
        if spec.channels:
            add_link_to_channels(link=link, channel_ids=spec.channels)
        elif clear:
            remove_link_from_channels(link=link)


def delete_link(*, link: Link) -> None:
    """Delete the link and, with it, its click statistics."""
    link.delete()


@transaction.atomic
def delete_domain(*, domain: Domain) -> None:
    """Delete a branded domain; its links move to the main site URL (D17).

    A link whose alias is already used on the main site gets a new random alias,
    since its short URL changes anyway.
    """
    for link in domain.links.select_for_update():
        clash = alias_taken(link.alias, None, exclude=link.pk)
        link.domain = None
        if clash:
            draw_alias_until_saved(
                link,
                lambda link=link: link.save(
                    update_fields=["domain", "alias", "is_custom"]
                ),
            )
        else:
            link.save(update_fields=["domain"])
    domain.delete()


DOMAIN_USED = "The domain has been already used."
ROOT_INVALID = "A valid url is required for the root domain."
NOT_FOUND_INVALID = "A valid url is required for the 404 page."


def add_domain(
    *,
    owner: User,
    domain: object,
    redirect_root: object = "",
    redirect_404: object = "",
) -> Domain:
    """Add a branded domain from raw input (§7.2); a host is used only once.

    The plan must include branded domains, and their quota must have room.
    """
    entitlements.require(owner, "domain")
    scheme, host = domain_url(domain)
    root = optional_url(redirect_root, ROOT_INVALID)
    missing = optional_url(redirect_404, NOT_FOUND_INVALID)
    own = site_hosts()
    if host in own or host.split(":")[0] in own:
        raise Conflict(DOMAIN_USED)
    if Domain.objects.filter(host=host).exists():
        raise Conflict(DOMAIN_USED)
    with entitlements.quota_slot(owner, "domain", owner.domains.count):
        try:
            with transaction.atomic():
                return Domain.objects.create(
                    owner=owner,
                    scheme=scheme,
                    host=host,
                    redirect_root=root,
                    redirect_404=missing,
                )
        except IntegrityError:  # added by someone else since the check
            raise Conflict(DOMAIN_USED) from None


def change_domain_redirects(*, domain: Domain, changes: dict[str, object]) -> Domain:
    """Set `redirect_root` and/or `redirect_404` from raw input (§7.3)."""
    entitlements.require(domain.owner, "domain")
    messages = {"redirect_root": ROOT_INVALID, "redirect_404": NOT_FOUND_INVALID}
    # Every value is checked before any is set: a refused change changes nothing.
    values = {
        name: optional_url(changes[name], message)
        for name, message in messages.items()
        if name in changes
    }
    for name, value in values.items():
        setattr(domain, name, value)
    domain.save(update_fields=["redirect_root", "redirect_404"])
    return domain

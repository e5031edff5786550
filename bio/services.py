"""Creating, changing and deleting bio pages, and counting clicks on their blocks."""

from contextlib import nullcontext
from datetime import datetime
from functools import partial
from typing import TypedDict

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest

from analytics.clicks import REPEAT_SECONDS, is_owner, today, visitor_hash
from analytics.visitors import visitor_of
from billing import entitlements
from bio.models import BioPage, Block
from core.errors import Conflict
from shortener import hosts
from shortener.models import Domain, Link, LinkKind
from shortener.services import ALIAS_TAKEN, alias_taken, draw_alias_until_saved


def page_link_destination(link: Link) -> str:
    """A bio link's destination is its own address: a link's URL is always valid."""
    return link.short_url


def save_page_link(link: Link, custom: str) -> None:
    """Insert or move the page's link under `custom`, or under a random code."""

    def save() -> None:
        link.long_url = page_link_destination(link)
        link.save()

    if not custom:
        draw_alias_until_saved(link, save)
        return
    if alias_taken(custom, link.domain, exclude=link.pk):
        raise Conflict(ALIAS_TAKEN)
    link.alias, link.is_custom = custom, True
    try:
        with transaction.atomic():
            save()
    except IntegrityError:
        raise Conflict(ALIAS_TAKEN) from None


@transaction.atomic
def save_bio_page(
    *, page: BioPage, alias: str = "", domain: Domain | None = None
) -> BioPage:
    """Save a new or changed page with its link at `alias` on `domain`.

    A new page without an alias gets a random one; an existing page keeps its
    alias unless given another (or moved to another domain). Being the default
    page, or a domain's root page, takes that role from the owner's other page.

    The owner's plan must include bio pages; a new page also takes a slot of
    the plan's `bio` count, held while its link and the page are inserted.
    """
    entitlements.require(page.owner, "bio")
    owner = page.owner
    with (
        entitlements.quota_slot(owner, "bio", owner.bio_pages.count)
        if page.pk is None
        else nullcontext()
    ):
        return save_page(page, alias=alias, domain=domain)


def save_page(page: BioPage, *, alias: str, domain: Domain | None) -> BioPage:
    link = page.link if page.link_id else Link(owner=page.owner, kind=LinkKind.BIO)
    moving = (
        link.pk is None
        or (domain.pk if domain else None) != link.domain_id
        or (alias and alias.lower() != link.alias.lower())
    )
    if moving:
        link.domain = domain
        save_page_link(link, alias or (link.alias if link.is_custom else ""))
    page.link = link
    if page.is_default:
        BioPage.objects.filter(owner=page.owner, is_default=True).exclude(
            pk=page.pk
        ).update(is_default=False)
    previous_root = (
        BioPage.objects.filter(pk=page.pk).values_list("root_of", flat=True).first()
        if page.pk
        else None
    )
    if page.root_of_id:
        BioPage.objects.filter(root_of=page.root_of_id).exclude(pk=page.pk).update(
            root_of=None
        )
    page.save()
    if previous_root != page.root_of_id:
        mark_root(previous_root, shows=False)
        mark_root(page.root_of_id, shows=True)
    return page


def mark_root(domain_id: int | None, *, shows: bool) -> None:
    """Say whether the domain's root shows a bio page; forget the cached domain."""
    if domain_id is None:
        return
    domain = Domain.objects.filter(pk=domain_id).first()
    if domain is None:
        return
    Domain.objects.filter(pk=domain_id).update(shows_bio_page=shows)
    transaction.on_commit(partial(hosts.forget, domain.host))


@transaction.atomic
def make_default(*, page: BioPage) -> None:
    """Show this page at /u/<username>; the owner's previous default stops.

    The owner's plan must include bio pages.
    """
    entitlements.require(page.owner, "bio")
    BioPage.objects.filter(owner=page.owner_id, is_default=True).exclude(
        pk=page.pk
    ).update(is_default=False)
    page.is_default = True
    page.save(update_fields=["is_default", "updated"])


def delete_bio_page(*, page: BioPage) -> None:
    """Delete the page, its blocks, its link and the link's statistics.

    (bio.signals removes the stored pictures once committed.)
    """
    with transaction.atomic():
        mark_root(page.root_of_id, shows=False)
        page.link.delete()


def count_block_click(block: Block, request: HttpRequest) -> bool:
    """Count a visitor's click on a link block, as analytics counts visits (D34).

    Not counted: HEAD, bots and link-preview crawlers, the owner signed in, and
    the same visitor clicking the same block again within 15 minutes.
    """
    if request.method == "HEAD" or is_owner(request, block.page.link):
        return False
    visitor = visitor_of(request)
    if visitor.is_bot:
        return False
    fingerprint = visitor_hash(visitor, today())
    if not cache.add(f"bio:block:{block.pk}:{fingerprint}", 1, REPEAT_SECONDS):
        return False
    Block.objects.filter(pk=block.pk).update(clicks=F("clicks") + 1)
    return True


class ChannelItem(TypedDict):
    title: str
    url: str
    created: datetime


def channel_item(page: BioPage) -> ChannelItem:
    """What a channel lists for a bio page (channel item type `bio`, §16.5)."""
    return {"title": page.name, "url": page.link.short_url, "created": page.created}

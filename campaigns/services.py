"""Creating, changing and deleting campaigns; filing links in them (§5, D17, D29)."""

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F

from accounts.models import User
from billing import entitlements
from campaigns import rules
from campaigns.models import MAX_WEIGHT, Campaign, Membership
from core.errors import Conflict
from core.values import object_id
from shortener.models import Link

RANDOM_SLUG_ATTEMPTS = 20


def check_name_free(owner: User, name: str, *, exclude: int | None = None) -> None:
    """Refuse a second campaign of the owner with this name, in any case (409)."""
    taken = Campaign.objects.filter(owner=owner, name__iexact=name)
    if exclude is not None:
        taken = taken.exclude(pk=exclude)
    if taken.exists():
        raise Conflict(rules.DUPLICATE_NAME)


def check_slug_free(slug: str, *, exclude: int | None = None) -> None:
    """Refuse a slug that any campaign already uses (409): `/r/` is global (D29)."""
    taken = Campaign.objects.filter(slug=slug)
    if exclude is not None:
        taken = taken.exclude(pk=exclude)
    if taken.exists():
        raise Conflict(rules.SLUG_TAKEN)


def free_random_slug() -> str:
    for _ in range(RANDOM_SLUG_ATTEMPTS):
        slug = rules.random_slug()
        if not Campaign.objects.filter(slug=slug).exists():
            return slug
    raise Conflict(rules.SLUG_TAKEN)  # 26^6 slugs: only reached if something is wrong


def save_checked(campaign: Campaign) -> None:
    """Save; a concurrent twin that got in first makes this the right 409."""
    try:
        with transaction.atomic():
            campaign.save()
    except IntegrityError:
        check_name_free(campaign.owner, campaign.name, exclude=campaign.pk)
        raise Conflict(rules.SLUG_TAKEN) from None


def create_campaign(
    *, owner: User, name: object, slug: object = None, public: bool = False,
    rotator: bool = True,
) -> Campaign:  # fmt: skip
    """Add a campaign from raw input (§5.2), checked in the order of D42.

    Without a slug, `rotator=True` (the API) draws a random six-letter one so the
    campaign has a rotator; `rotator=False` (the dashboard) leaves it without (D29).
    """
    clean_name = rules.clean_name(name)
    clean_slug = rules.clean_slug(slug)
    check_name_free(owner, clean_name)
    if clean_slug:
        check_slug_free(clean_slug)
    elif rotator:
        clean_slug = free_random_slug()
    # The plan gate comes after the input is validated, before anything is
    # written (D42); `bundle` has no count (§16.8), so there is no quota.
    entitlements.require(owner, "bundle")
    campaign = Campaign(
        owner=owner, name=clean_name, slug=clean_slug or None, is_public=public
    )
    save_checked(campaign)
    return campaign


def update_campaign(*, campaign: Campaign, changes: dict[str, Any]) -> Campaign:
    """Change the keys present in `changes` (`name`, `slug`, `public`; D14).

    The campaign's own slug is not a conflict (D29); an empty slug removes the
    rotator. The owner's plan must still include campaigns (`bundle`).
    """
    entitlements.require(campaign.owner, "bundle")
    if "name" in changes:
        name = rules.clean_name(changes["name"])
        check_name_free(campaign.owner, name, exclude=campaign.pk)
        campaign.name = name
    if "slug" in changes:
        slug = rules.clean_slug(changes["slug"])
        if slug:
            check_slug_free(slug, exclude=campaign.pk)
        campaign.slug = slug or None
    if "public" in changes:
        campaign.is_public = bool(changes["public"])
    save_checked(campaign)
    return campaign


def delete_campaign(*, campaign: Campaign) -> None:
    """Delete the campaign; its links stay, outside any campaign (D17)."""
    campaign.delete()


def assign_link(*, campaign: Campaign, link: Link) -> Membership:
    """File the link in the campaign, moving it out of any other (§5.3).

    A link that moves starts again with weight 1; one already here keeps its own.
    The owner's plan must include campaigns (`bundle`).
    """
    entitlements.require(campaign.owner, "bundle")
    membership, created = Membership.objects.get_or_create(
        link=link, defaults={"campaign": campaign}
    )
    if not created and membership.campaign_id != campaign.pk:
        membership.campaign = campaign
        membership.weight = 1
        membership.save(update_fields=["campaign", "weight"])
    return membership


def remove_link(*, campaign: Campaign, link_id: int) -> bool:
    """Take a link out of the campaign; say whether it was in it."""
    deleted, _ = Membership.objects.filter(campaign=campaign, link_id=link_id).delete()
    return bool(deleted)


def set_weight(*, membership: Membership, weight: int) -> None:
    """Set a link's rotator weight (1 to 100)."""
    membership.weight = max(1, min(int(weight), MAX_WEIGHT))
    membership.save(update_fields=["weight"])


def count_view(campaign: Campaign) -> None:
    """Add one view, in the database, so concurrent visits are all counted."""
    Campaign.objects.filter(pk=campaign.pk).update(views=F("views") + 1)


# The links API (§3.3, §3.4): `campaign` names one of the caller's campaigns.


def owned_campaign_id(owner: User, value: object) -> int | None:
    """The id of the owner's campaign named by `value`, or None (ignored)."""
    pk = object_id(value)
    if pk is None:
        return None
    return (
        Campaign.objects.filter(owner=owner, pk=pk).values_list("pk", flat=True).first()
    )


def set_link_campaign(*, link: Link, campaign_id: int | None) -> None:
    """Put the link in this (owned) campaign, or in none."""
    if campaign_id is None:
        Membership.objects.filter(link=link).delete()
        return
    campaign = Campaign.objects.filter(pk=campaign_id).first()
    if campaign is not None:  # else deleted since the request was read
        assign_link(campaign=campaign, link=link)


def campaign_ids_of(link_ids: Iterable[int]) -> dict[int, int]:
    """{link id: campaign id} for those of these links in a campaign (one query)."""
    return dict(
        Membership.objects.filter(link_id__in=list(link_ids)).values_list(
            "link_id", "campaign_id"
        )
    )

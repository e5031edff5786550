"""Overlay operations that span models: deleting one, recording responses."""

from functools import partial
from typing import Any

from django.db import IntegrityError, transaction

from accounts.models import User
from billing import entitlements
from overlays.models import ContactMessage, Overlay, PollVote, Subscriber
from shortener.models import Link


def save_overlay(*, overlay: Overlay, owner: User) -> Overlay:
    """Save a new or changed overlay of the owner.

    The plan must include overlays; a new one also needs room in their quota,
    held while it is inserted.
    """
    entitlements.require(owner, "overlay")
    overlay.owner = owner
    if overlay.pk is not None:
        overlay.save()
        return overlay
    with entitlements.quota_slot(owner, "overlay", owner.overlays.count):
        overlay.save()
    return overlay


@transaction.atomic
def delete_overlay(*, overlay: Overlay) -> None:
    """Delete an overlay; its links go back to the default redirect type (D17)."""
    Link.objects.filter(owner=overlay.owner_id, redirect_type=overlay.link_type).update(
        redirect_type=""
    )
    overlay.delete()


@transaction.atomic
def record_contact(
    *, overlay: Overlay, name: str, email: str, message: str
) -> ContactMessage:
    """Keep a contact message and e-mail it to the owner once it is saved."""
    from overlays.tasks import send_contact_message

    contact = ContactMessage.objects.create(
        overlay=overlay, name=name, email=email, message=message
    )
    transaction.on_commit(partial(send_contact_message.delay, contact.pk))
    return contact


def record_vote(*, overlay: Overlay, option: int, voter: str) -> bool:
    """Count a visitor's vote; False if this visitor had already voted."""
    try:
        with transaction.atomic():
            PollVote.objects.create(overlay=overlay, option=option, voter=voter)
    except IntegrityError:
        return False
    return True


def subscribe(*, overlay: Overlay, email: str) -> Subscriber:
    """Add an address to the newsletter list; an address already there stays once."""
    subscriber, _created = Subscriber.objects.get_or_create(
        overlay=overlay, email=email.lower()
    )
    return subscriber


def overlay_settings(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """The settings a kind keeps, from a form's cleaned data."""
    keys = {
        "message": ("text", "button_label", "button_url"),
        "contact": ("heading", "email"),
        "poll": ("question", "options"),
        "newsletter": ("heading", "button_label"),
        "image": ("url",),
        "coupon": ("text", "code"),
    }[kind]
    return {key: data.get(key) or ("" if key != "options" else []) for key in keys}

"""Recording a visit of a short link: classify it, store it, count it (D34)."""

from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import salted_hmac

from analytics import allowance
from analytics.models import Click
from analytics.visitors import Visitor, visitor_of
from shortener.models import Link

REPEAT_SECONDS = 15 * 60  # a visit this soon after the last one is left out
DAY_SECONDS = 24 * 60 * 60


def record_click(link: Link, request: HttpRequest) -> Click | None:
    """Store the visit, and count it when a person made it; None when left out.

    The one seam between the redirect and the statistics: a buffer can take the
    place of the direct insert without the redirect changing.
    """
    if is_owner(request, link):
        return None
    visitor = visitor_of(request)
    fingerprint = visitor_hash(visitor, timezone.localdate())
    if is_repeat(link, fingerprint):
        return None
    if not within_allowance(link, visitor):
        return None  # the plan's clicks of the month are used: still redirected
    unique = not visitor.is_bot and is_first_today(link, fingerprint)
    # The row and the counters together or not at all; one commit, not two.
    with transaction.atomic():
        click = store(link, visitor, fingerprint, unique=unique)
        if not visitor.is_bot:
            count_click(link, unique=unique)
    return click


def within_allowance(link: Link, visitor: Visitor) -> bool:
    """Whether the owner's plan still tracks clicks this month (§16.3).

    A person's visit takes one of the month's clicks; a bot's visit, which is
    not counted, is only kept while some are left.
    """
    if visitor.is_bot:
        return not allowance.exhausted(link.owner_id)
    return allowance.take(link.owner_id)


def store(link: Link, visitor: Visitor, fingerprint: str, *, unique: bool) -> Click:
    return Click.objects.create(
        link=link,
        country_code=visitor.country_code,
        country=visitor.country,
        browser=visitor.browser,
        os=visitor.os,
        device_type=visitor.device_type,
        referrer=visitor.referrer,
        referrer_domain=visitor.referrer_domain,
        language=visitor.language,
        is_bot=visitor.is_bot,
        is_unique=unique,
        visitor=fingerprint,
        ip=(visitor.ip or None) if settings.CLICKS_STORE_IP else None,
    )


def is_owner(request: HttpRequest, link: Link) -> bool:
    """The link's owner, signed in to the dashboard, trying their own link."""
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and user.pk == link.owner_id)


def visitor_hash(visitor: Visitor, day: date) -> str:
    """Who the visitor is today, without keeping their address.

    Keyed with SECRET_KEY and salted with the date, so it cannot be matched to
    an address by hashing guesses, nor to the same visitor on another day.
    """
    value = f"{visitor.ip}\n{visitor.user_agent}"
    digest = salted_hmac(f"analytics.visitor.{day}", value, algorithm="sha256")
    return digest.hexdigest()


def is_repeat(link: Link, fingerprint: str) -> bool:
    """Whether the visitor already came to this link in the last 15 minutes."""
    key = f"analytics:recent:{link.pk}:{fingerprint}"
    return not cache.add(key, 1, REPEAT_SECONDS)  # add() is atomic: one wins


def is_first_today(link: Link, fingerprint: str) -> bool:
    """Whether this is the visitor's first visit of the link today."""
    # The fingerprint changes with the day, so a day-long entry answers for it.
    return cache.add(f"analytics:seen:{link.pk}:{fingerprint}", 1, DAY_SECONDS)


def count_click(link: Link, *, unique: bool) -> None:
    """Add the click to the link's counters, in SQL: concurrent clicks add up."""
    counters = {"clicks": F("clicks") + 1}
    if unique:
        counters["unique_clicks"] = F("unique_clicks") + 1
    Link.objects.filter(pk=link.pk).update(**counters)

"""Recording a visit of a short link: classify it, then hand it to the buffer (D34).

`record_click` is the one seam between the pages that count a visit (the
redirect, bio pages, file downloads) and the statistics. It answers at once the
questions that need the request and the cache: whose visit, a bot or a person,
a repeat within 15 minutes, the plan's monthly allowance, the visitor's first
visit of the day. What the visit was made with (browser, system, device) is
worked out later, when the buffer is drained (`analytics.buffer`).
"""

import logging
import time
import uuid
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import salted_hmac
from redis import RedisError

from analytics import allowance, buffer
from analytics.visitors import (
    MAX_USER_AGENT,
    Visitor,
    client_ip,
    country_of,
    is_bot_agent,
    language_of,
    referrer_of,
)
from shortener.models import Link

logger = logging.getLogger(__name__)

REPEAT_SECONDS = 15 * 60  # a visit this soon after the last one is left out
DAY_SECONDS = 24 * 60 * 60
# What a cache that cannot be reached raises (Redis down); the visit still counts.
CACHE_ERRORS = (RedisError, OSError)


@dataclass(frozen=True)
class Glance:
    """What the request itself says about the visitor: no parsing of the agent."""

    ip: str
    user_agent: str
    country_code: str
    country: str
    language: str
    referrer: str
    is_bot: bool


def record_click(link: Link, request: HttpRequest) -> bool:
    """Record the visit unless left out; True when it counts as a person's click.

    Bot visits are recorded apart and answer False, as do the owner's own
    visits, repeats within 15 minutes and visits past the plan's allowance.
    Never raises: the visitor is redirected whatever happens to the click.
    """
    if is_owner(request, link):
        return False
    seen = glance(request)
    fingerprint = visitor_hash(seen, timezone.localdate())
    try:
        if is_repeat(link, fingerprint):
            return False
        if not within_allowance(link, seen.is_bot):
            return False  # the plan's clicks of the month are used: still redirected
        unique = not seen.is_bot and is_first_today(link, fingerprint)
    except CACHE_ERRORS:
        # Without the cache nothing tells a repeat apart: count the visit, as
        # a person's first of the day (losing it would be the worse error).
        logger.warning("Cache unreachable: click on link %s counted as new", link.pk)
        unique = not seen.is_bot
    buffer.push(event_of(link, seen, fingerprint, unique=unique))
    return not seen.is_bot


def glance(request: HttpRequest) -> Glance:
    """The visitor's address, agent, country, language, referrer and bot-ness."""
    described = getattr(request, "_analytics_visitor", None)
    if described is not None:  # the page already described the visitor in full
        return Glance(
            ip=described.ip,
            user_agent=described.user_agent,
            country_code=described.country_code,
            country=described.country,
            language=described.language,
            referrer=described.referrer,
            is_bot=described.is_bot,
        )
    ip = client_ip(request)
    user_agent = request.META.get("HTTP_USER_AGENT", "")[:MAX_USER_AGENT].strip()
    country_code, country = country_of(ip)
    return Glance(
        ip=ip,
        user_agent=user_agent,
        country_code=country_code,
        country=country,
        language=language_of(request),
        referrer=referrer_of(request)[0],
        is_bot=is_bot_agent(user_agent),
    )


def event_of(link: Link, seen: Glance, fingerprint: str, *, unique: bool) -> dict:
    """The compact, JSON-ready click event the buffer carries (plain values only).

    The address travels only when it is to be kept (CLICKS_STORE_IP).
    """
    return {
        "id": uuid.uuid4().hex,
        "link": link.pk,
        "owner": link.owner_id,
        "at": time.time(),  # UTC seconds
        "visitor": fingerprint,
        "ip": seen.ip if settings.CLICKS_STORE_IP else "",
        "agent": seen.user_agent,
        "referrer": seen.referrer,
        "language": seen.language,
        "country_code": seen.country_code,
        "country": seen.country,
        "bot": seen.is_bot,
        "unique": unique,
    }


def within_allowance(link: Link, is_bot: bool) -> bool:
    """Whether the owner's plan still tracks clicks this month (§16.3).

    A person's visit takes one of the month's clicks; a bot's visit, which is
    not counted, is only kept while some are left.
    """
    if is_bot:
        return not allowance.exhausted(link.owner_id)
    return allowance.take(link.owner_id)


def is_owner(request: HttpRequest, link: Link) -> bool:
    """The link's owner, signed in to the dashboard, trying their own link."""
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated and user.pk == link.owner_id)


def visitor_hash(visitor: Glance | Visitor, day: date) -> str:
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

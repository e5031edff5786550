"""Recording a visit of a short link: classify it, then hand it to the buffer (D34).

`record_click` is the one seam between the pages that count a visit (the
redirect, bio pages, file downloads) and the statistics. It works out at once
what only the request can tell: whose visit (the owner's is not recorded), a
bot or a person, where from, and who the visitor is today (a salted hash).
With a Redis buffer that is all the visitor waits for: whether the visit
counts (a repeat within 15 minutes, past the plan's monthly allowance, the
visitor's first of the day) is decided when the buffer is drained
(`analytics.decisions`), and what it was made with (browser, system, device)
is worked out then too (`analytics.buffer`).
"""

import hashlib
import hmac
import json
import logging
import os
import time
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta
from datetime import time as dt_time
from functools import lru_cache
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from redis import RedisError

from analytics import allowance, buffer, wire
from analytics.decisions import DAY_SECONDS, REPEAT_SECONDS
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

# What a cache that cannot be reached raises (Redis down); the visit still counts.
CACHE_ERRORS = (RedisError, OSError)


class Glance(NamedTuple):
    """What the request itself says about the visitor: no parsing of the agent.

    A named tuple: one is made per click, and a frozen dataclass costs
    several times as much to build."""

    ip: str
    user_agent: str
    country_code: str
    country: str
    language: str
    referrer: str
    is_bot: bool


EVENT_JSON = json.JSONEncoder(separators=(",", ":"))  # as json.dumps, made once


def record_click(link: Link, request: HttpRequest) -> None:
    """Hand the visit over to be recorded, unless it is the owner's.

    With a Redis buffer the event is pushed as it is, and whether it counts
    (a repeat, past the plan's allowance, the visitor's first today) is
    decided when the buffer is drained (`analytics.decisions`). Without one,
    the checks are made in the cache (`step_by_step`) and the click is stored
    at once. Never raises: the visitor is redirected whatever happens to the
    click.
    """
    if is_owner(request, link):
        return
    event = observe(link, request)
    try:
        if buffer.buffer_url():
            buffer.enqueue(EVENT_JSON.encode(event))
        else:
            step_by_step(link, event)
    except CACHE_ERRORS:
        counted_anyway(link, event)


async def record_click_async(
    link: Link,
    request: HttpRequest,
    redis: wire.Client,
    run: Callable[..., Awaitable[Any]],
) -> None:
    """`record_click` for a coroutine, with the buffer's Redis behind `redis`.

    The same event and push over the lean connection of `analytics.wire`, so
    the event loop never waits on a socket. When Redis cannot be reached the
    click is stored through `run`, which runs a blocking call in a worker
    thread and awaits it.
    """
    if is_owner(request, link):
        return
    event = observe(link, request)
    try:
        await redis.command(b"RPUSH", buffer.QUEUE, EVENT_JSON.encode(event))
    except (wire.Unavailable, wire.ReplyError):
        await run(counted_anyway, link, event)


def observe(link: Link, request: HttpRequest) -> dict:
    """The visit's event (`event_of`), whether it counts still to be decided."""
    seen = glance(request)
    return event_of(link, seen, visitor_hash(seen, today()))


def counted_anyway(link: Link, event: dict) -> None:
    """Store the visit at once: the buffer (or the cache) cannot be reached.

    Nothing tells a repeat apart then: the visit counts, as a person's first
    of the day (losing it would be the worse error).
    """
    logger.warning("Redis unreachable: click on link %s counted as new", link.pk)
    buffer.store({**event, "unique": not event["bot"]})


def step_by_step(link: Link, event: dict) -> None:
    """The checks in the cache, one operation each, then the click is stored.

    Without a buffer (the embedded default): the same checks as the drain's
    (`analytics.decisions`), made at once.
    """
    is_bot, fingerprint = event["bot"], event["visitor"]
    if is_repeat(link, fingerprint):
        return
    if not within_allowance(link, is_bot):
        return  # the plan's clicks of the month are used: still redirected
    unique = not is_bot and is_first_today(link, fingerprint)
    buffer.store({**event, "unique": unique})


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


def event_of(
    link: Link, seen: Glance, fingerprint: str, *, unique: bool | None = None
) -> dict:
    """The compact, JSON-ready click event the buffer carries (plain values only).

    `unique` is None until the checks have decided whether the visit counts
    (then it is left out, or its flag is set). The address travels only when
    it is to be kept (CLICKS_STORE_IP).
    """
    return {
        "id": new_event_id(),
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


def new_event_id() -> str:
    """A new click event's id: a UUID laid out as version 7 (RFC 9562).

    Milliseconds since the epoch come first, then random bits, so the ids of
    stored clicks follow the clock and their unique index grows at its end
    (random ids land all over it: 40 to 65% slower to insert into a table of two
    million rows). 32 hex digits, as the buffer carries it.
    """
    value = int(time.time() * 1000) << 80 | int.from_bytes(os.urandom(10))
    value = value & ~(0xF << 76) | 0x7 << 76  # the version
    value = value & ~(0x3 << 62) | 0x2 << 62  # the variant
    return f"{value:032x}"


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
    The same value as Django's `salted_hmac(f"analytics.visitor.{day}", …,
    algorithm="sha256")`, its key derived once a day instead of every click.
    """
    value = f"{visitor.ip}\n{visitor.user_agent}".encode()
    key = visitor_key(f"analytics.visitor.{day}", settings.SECRET_KEY)
    return hmac.digest(key, value, "sha256").hex()


@lru_cache(maxsize=4)
def visitor_key(salt: str, secret: str) -> bytes:
    """salted_hmac's key for the day's salt."""
    return hashlib.sha256((salt + secret).encode()).digest()


class Today:
    """The site's date (TIME_ZONE), worked out once a day rather than per click.

    It salts the visitor's fingerprint; Django's `timezone.localdate()` costs
    a time zone look-up and conversion on every call.
    """

    def __init__(self) -> None:
        # (zone, first second, first second of the next day, date): replaced
        # whole, so a thread never sees half of another's update.
        self.state: tuple[str, float, float, date] = ("", 0.0, 0.0, date.min)

    def __call__(self) -> date:
        now, zone = time.time(), settings.TIME_ZONE
        known_zone, start, end, day = self.state
        if start <= now < end and zone == known_zone:
            return day
        local = datetime.fromtimestamp(now, ZoneInfo(zone))
        midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
        following = midnight.date() + timedelta(days=1)
        end = datetime.combine(following, dt_time(), local.tzinfo).timestamp()
        self.state = (zone, midnight.timestamp(), end, local.date())
        return local.date()


today = Today()


def repeat_key(link: Link, fingerprint: str) -> str:
    """Present while the visitor's last visit of the link is under 15 minutes old."""
    return f"analytics:recent:{link.pk}:{fingerprint}"


def seen_key(link: Link, fingerprint: str) -> str:
    """Present once the visitor came to the link today."""
    # The fingerprint changes with the day, so a day-long entry answers for it.
    return f"analytics:seen:{link.pk}:{fingerprint}"


def is_repeat(link: Link, fingerprint: str) -> bool:
    """Whether the visitor already came to this link in the last 15 minutes."""
    # add() is atomic: one wins
    return not cache.add(repeat_key(link, fingerprint), 1, REPEAT_SECONDS)


def is_first_today(link: Link, fingerprint: str) -> bool:
    """Whether this is the visitor's first visit of the link today."""
    return cache.add(seen_key(link, fingerprint), 1, DAY_SECONDS)

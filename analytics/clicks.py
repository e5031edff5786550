"""Recording a visit of a short link: classify it, then hand it to the buffer (D34).

`record_click` is the one seam between the pages that count a visit (the
redirect, bio pages, file downloads) and the statistics. It answers at once the
questions that need the request and the cache: whose visit, a bot or a person,
a repeat within 15 minutes, the plan's monthly allowance, the visitor's first
visit of the day. What the visit was made with (browser, system, device) is
worked out later, when the buffer is drained (`analytics.buffer`).
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
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest
from redis import RedisError

from analytics import allowance, buffer, wire
from analytics.visitors import (
    MAX_USER_AGENT,
    Visitor,
    client_ip,
    country_of,
    is_bot_agent,
    language_of,
    referrer_of,
)
from billing import entitlements
from shortener.models import Link

logger = logging.getLogger(__name__)

REPEAT_SECONDS = 15 * 60  # a visit this soon after the last one is left out
DAY_SECONDS = 24 * 60 * 60
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


# The checks of `record_click` and the push, as one atomic step in the buffer's
# Redis (one round trip): the same sequence as `step_by_step` below.
# KEYS: the buffer's queue, repeat, seen today, the month's counter (with a limit).
# ARGV: repeat seconds, day seconds, limit (0: none), bot ("1"/"0"), the
# month's count when the counter is to be set ("": not known), month seconds,
# the event's JSON up to its "unique" value.
# Answers SEED (the counter is missing: call again with the count, nothing
# done yet), LEFT_OUT, RECORDED or RECORDED_UNIQUE.
ONE_TRIP = """
local function add(key, seconds)  -- as the cache's add(): true when it was absent
  if tonumber(seconds) > 0 then
    return redis.call('SET', key, 1, 'NX', 'EX', seconds)
  end
  return redis.call('EXISTS', key) == 0  -- kept for no time at all
end
local limit = tonumber(ARGV[3])
local bot = ARGV[4] == '1'
if limit > 0 and ARGV[5] == '' and redis.call('EXISTS', KEYS[4]) == 0 then
  return -1
end
if not add(KEYS[2], ARGV[1]) then
  return 0
end
if limit > 0 then
  if ARGV[5] ~= '' then
    redis.call('SET', KEYS[4], ARGV[5], 'NX', 'EX', ARGV[6])
  end
  if bot then
    if tonumber(redis.call('GET', KEYS[4])) >= limit then
      return 0
    end
  elseif redis.call('INCR', KEYS[4]) > limit then
    return 0
  end
end
local unique = false
if not bot and add(KEYS[3], ARGV[2]) then
  unique = true
end
redis.call('RPUSH', KEYS[1], ARGV[7] .. (unique and 'true}' or 'false}'))
return unique and 2 or 1
"""
SEED, LEFT_OUT, RECORDED, RECORDED_UNIQUE = -1, 0, 1, 2
EVENT_JSON = json.JSONEncoder(separators=(",", ":"))  # as json.dumps, made once


def record_click(link: Link, request: HttpRequest) -> bool:
    """Record the visit unless left out; True when it counts as a person's click.

    Bot visits are recorded apart and answer False, as do the owner's own
    visits, repeats within 15 minutes and visits past the plan's allowance.
    Never raises: the visitor is redirected whatever happens to the click.

    With a Redis buffer the checks and the push take one round trip
    (`ONE_TRIP`); without one they are made in the cache (`step_by_step`).
    """
    if is_owner(request, link):
        return False
    event = observe(link, request)
    try:
        if buffer.buffer_url():
            outcome = in_one_trip(link, event)
        else:
            outcome = step_by_step(link, event)
    except CACHE_ERRORS:
        outcome = counted_anyway(link, event)
    return outcome != LEFT_OUT and not event["bot"]


async def record_click_async(
    link: Link,
    request: HttpRequest,
    redis: wire.Client,
    run: Callable[..., Awaitable[Any]],
) -> bool:
    """`record_click` for a coroutine, with the buffer's Redis behind `redis`.

    The same checks and push (`ONE_TRIP`) over the lean connection of
    `analytics.wire`, so the event loop never waits on a socket; the steps
    that may query the database (the plan's allowance, the fallback when
    Redis cannot be reached) go through `run`, which runs a blocking call in a
    worker thread and awaits it.
    """
    if is_owner(request, link):
        return False
    event = observe(link, request)
    cap = None
    if entitlements.paid_plans():
        cap = await run(allowance.allowance_of, link.owner_id)
    keys, args = one_trip_arguments(link, event, cap)
    try:
        outcome = await redis.run_script(ONE_TRIP, [buffer.QUEUE, *keys], args)
        if outcome == SEED:  # the month's counter is not in Redis: rebuild it first
            args[4] = await run(allowance.counted_this_month, link.owner_id)
            outcome = await redis.run_script(ONE_TRIP, [buffer.QUEUE, *keys], args)
    except (wire.Unavailable, wire.ReplyError):
        outcome = await run(counted_anyway, link, event)
    return outcome != LEFT_OUT and not event["bot"]


def observe(link: Link, request: HttpRequest) -> dict:
    """The visit's event (`event_of`), its `unique` flag still to be decided."""
    seen = glance(request)
    return event_of(link, seen, visitor_hash(seen, today()), unique=False)


def counted_anyway(link: Link, event: dict) -> int:
    """Store the visit when the checks cannot be made (the cache is unreachable).

    Nothing tells a repeat apart then: the visit counts, as a person's first
    of the day (losing it would be the worse error).
    """
    logger.warning("Cache unreachable: click on link %s counted as new", link.pk)
    buffer.push({**event, "unique": not event["bot"]})
    return RECORDED


def step_by_step(link: Link, event: dict) -> int:
    """The checks in the cache, one operation each, then the push (no buffer)."""
    is_bot, fingerprint = event["bot"], event["visitor"]
    if is_repeat(link, fingerprint):
        return LEFT_OUT
    if not within_allowance(link, is_bot):
        return LEFT_OUT  # the plan's clicks of the month are used: still redirected
    unique = not is_bot and is_first_today(link, fingerprint)
    buffer.push({**event, "unique": unique})
    return RECORDED_UNIQUE if unique else RECORDED


def in_one_trip(link: Link, event: dict) -> int:
    """The same checks and the push in the buffer's Redis, atomically (ONE_TRIP)."""
    cap = allowance.allowance_of(link.owner_id)  # None: no limit
    keys, args = one_trip_arguments(link, event, cap)
    outcome = buffer.push_scripted(ONE_TRIP, keys, args)
    if outcome == SEED:  # the month's counter is not in Redis: rebuild it first
        args[4] = allowance.counted_this_month(link.owner_id)
        outcome = buffer.push_scripted(ONE_TRIP, keys, args)
    return outcome


@lru_cache(maxsize=1)
def cache_key_function() -> Callable[[str], str]:
    """The default cache's `make_key` (a pure function of the settings), found
    once: the cache handle is looked up per context on every use."""
    return caches[DEFAULT_CACHE_ALIAS].make_key


@receiver(setting_changed, dispatch_uid="analytics.clicks.cache_key_function")
def forget_cache_key_function(setting: str, **kwargs: Any) -> None:
    if setting == "CACHES":
        cache_key_function.cache_clear()


def one_trip_arguments(link: Link, event: dict, cap: int | None) -> tuple[list, list]:
    """ONE_TRIP's keys (after the queue's) and arguments for the event.

    The keys are the cache's own (`cache.make_key`), so both ways share them
    when the cache and the buffer are the same Redis. `cap` is the owner's
    monthly allowance, None for no limit.
    """
    make_key = cache_key_function()
    fingerprint = event["visitor"]
    keys = [
        make_key(repeat_key(link, fingerprint)),
        make_key(seen_key(link, fingerprint)),
    ]
    if cap is not None:
        keys.append(make_key(allowance.counter_key(link.owner_id)))
    # The event's JSON up to its unique flag (its last member), which the
    # script adds and closes. Inside a JSON string a quote is escaped, so
    # '"unique":' is only ever the member's name.
    text = EVENT_JSON.encode(event)
    head = text[: text.rindex('"unique":') + len('"unique":')]
    args = [REPEAT_SECONDS, DAY_SECONDS, cap or 0, int(event["bot"]), ""]
    args += [allowance.MONTH_SECONDS, head]
    return keys, args


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

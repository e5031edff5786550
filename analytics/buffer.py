"""The click buffer: events in a Redis list, drained in batches by a worker.

- `push(event)`: one pipelined RPUSH to `analytics:clicks` and the visitor is
  on their way. Redis unreachable: the event is processed at once instead (a
  batch of one, straight into the database). No Redis configured (the embedded
  default): processed at once too. Never raises.
- `drain()`: move up to `max_events` events to `analytics:clicks:processing`
  in one atomic step, process them, then drop that list. A worker that dies
  in between leaves the batch there; the next drain processes it first.
  Processing is idempotent: each event's id is unique among the click rows,
  and only events not stored yet are inserted and counted, so a batch
  processed twice counts once. One drain runs at a time (a Redis lock).

Processing = enrich (browser, system, device from the user agent, referrer
domain), bulk-insert the `Click` rows, add them to the rollups and the links'
totals — all in one transaction.
"""

import functools
import json
import logging
import uuid
from datetime import UTC, datetime
from typing import Any

import redis
from django.conf import settings
from django.db import transaction
from redis.commands.core import Script

from analytics import rollups
from analytics.models import Click
from analytics.visitors import agent_facts, referrer_domain
from shortener.models import Link

logger = logging.getLogger(__name__)

QUEUE = "analytics:clicks"
PROCESSING = "analytics:clicks:processing"
LOCK = "analytics:clicks:lock"
LOCK_SECONDS = 120  # a drain holding the lock longer is taken for dead
BATCH = 5000
INSERT_CHUNK = 1000
CONNECT_TIMEOUT = 0.25  # seconds: an unreachable Redis costs the visitor this much
SOCKET_TIMEOUT = 1.0

# Move up to ARGV[1] events from the queue to the processing list, atomically.
TAKE = """
local items = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)
if #items > 0 then
  redis.call('LTRIM', KEYS[1], #items, -1)
  for i = 1, #items, 500 do
    redis.call('RPUSH', KEYS[2], unpack(items, i, math.min(i + 499, #items)))
  end
end
return items
"""
# Give the lock back only if it is still ours.
RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""


def buffer_url() -> str:
    """The Redis holding the buffer; "" means no buffer (process inline)."""
    return settings.CLICKS_BUFFER_URL


@functools.cache
def client(url: str) -> redis.Redis:
    """One connection pool per process (and URL)."""
    return redis.Redis.from_url(
        url, socket_connect_timeout=CONNECT_TIMEOUT, socket_timeout=SOCKET_TIMEOUT
    )


def push(event: dict) -> None:
    """Hand a click event over; it is stored now (no buffer) or when drained."""
    url = buffer_url()
    if url:
        try:
            pipe = client(url).pipeline(transaction=False)
            pipe.rpush(QUEUE, json.dumps(event, separators=(",", ":")))
            pipe.execute()
            return
        except redis.RedisError:
            logger.warning("Click buffer unreachable: storing the click directly")
    try:
        process([event], fresh=True)
    except Exception:  # the visitor is redirected whatever happens to the click
        logger.exception("Click on link %s could not be stored", event.get("link"))


@functools.cache
def script(url: str, source: str) -> Script:
    """A Lua script registered once per process (EVALSHA, loaded when missing)."""
    return client(url).register_script(source)


def push_scripted(source: str, keys: list[str], args: list) -> Any:
    """Run `source`, which decides on an event and pushes it to the list named by
    its first key, in one round trip; return its answer (analytics.clicks).

    Needs a buffer; raises redis.RedisError when it cannot be reached.
    """
    return script(buffer_url(), source)(keys=[QUEUE, *keys], args=args)


def pending() -> int:
    """Events waiting in the buffer, processing list included (0 without one)."""
    url = buffer_url()
    if not url:
        return 0
    r = client(url)
    return r.llen(QUEUE) + r.llen(PROCESSING)


def drain(max_events: int = BATCH) -> int:
    """Process one batch of buffered events; return how many were taken.

    A batch left in the processing list by a worker that died is taken first.
    Returns 0 without a buffer, when it is empty, or while another drain runs.
    """
    url = buffer_url()
    if not url:
        return 0
    r = client(url)
    token = uuid.uuid4().hex
    if not r.set(LOCK, token, nx=True, ex=LOCK_SECONDS):
        return 0
    try:
        raw = r.lrange(PROCESSING, 0, -1)
        if not raw:
            raw = r.eval(TAKE, 2, QUEUE, PROCESSING, max_events)
        if not raw:
            return 0
        process(decode(raw))
        r.delete(PROCESSING)
        return len(raw)
    finally:
        r.eval(RELEASE, 1, LOCK, token)


def decode(raw: list[bytes]) -> list[dict]:
    events = []
    for item in raw:
        try:
            events.append(json.loads(item))
        except ValueError:
            logger.error("Dropped a click event that is not JSON: %r", item[:200])
    return events


def process(events: list[dict], *, fresh: bool = False) -> int:
    """Store and count the events not stored yet; return how many were.

    `fresh`: the events were made just now (not replayed), so the check for
    ids already stored, and for links deleted meanwhile, is skipped.
    """
    with transaction.atomic():
        if not fresh:
            events = unseen(events)
        clicks = [click_of(event) for event in events]
        Click.objects.bulk_create(
            clicks, batch_size=INSERT_CHUNK, ignore_conflicts=True
        )
        rollups.add(clicks)
    return len(clicks)


def unseen(events: list[dict]) -> list[dict]:
    """The events whose click is not stored yet, of links that still exist."""
    by_id: dict[uuid.UUID, dict] = {}
    for event in events:
        by_id.setdefault(uuid.UUID(event["id"]), event)  # a batch may repeat one
    stored: set[uuid.UUID] = set()
    link_ids: set[int] = set()
    ids = list(by_id)
    for start in range(0, len(ids), INSERT_CHUNK):
        chunk = ids[start : start + INSERT_CHUNK]
        stored.update(
            Click.objects.filter(event_id__in=chunk).values_list("event_id", flat=True)
        )
    wanted = {event["link"] for key, event in by_id.items() if key not in stored}
    wanted_ids = list(wanted)
    for start in range(0, len(wanted_ids), INSERT_CHUNK):
        chunk = wanted_ids[start : start + INSERT_CHUNK]
        link_ids.update(Link.objects.filter(pk__in=chunk).values_list("pk", flat=True))
    return [
        event
        for key, event in by_id.items()
        if key not in stored and event["link"] in link_ids
    ]


def click_of(event: dict) -> Click:
    """The click row of an event, enriched from its user agent and referrer."""
    browser, system, device_type = agent_facts(event["agent"], event["bot"])
    referrer = event["referrer"]
    return Click(
        event_id=uuid.UUID(event["id"]),
        link_id=event["link"],
        created=datetime.fromtimestamp(event["at"], tz=UTC),
        country_code=event["country_code"],
        country=event["country"],
        browser=browser,
        os=system,
        device_type=device_type,
        referrer=referrer,
        referrer_domain=referrer_domain(referrer) if referrer else "",
        language=event["language"],
        is_bot=event["bot"],
        is_unique=event["unique"],
        visitor=event["visitor"],
        ip=event["ip"] or None,
    )

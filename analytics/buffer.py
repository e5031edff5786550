"""The click buffer: events in a Redis list, drained in batches by a worker.

- `enqueue(event)`: one RPUSH to `analytics:clicks` and the visitor is on
  their way; whether the visit counts is decided later. When Redis cannot be
  reached, or there is none (the embedded default), `analytics.clicks` makes
  the checks itself and `store(event)` processes the event at once (a batch
  of one, straight into the database).
- `drain()`: decide which of the first `max_events` events of
  `analytics:clicks:processing` count (`analytics.decisions`), process those,
  then trim the batch off; when that list is empty,
  the queue is renamed to it first (atomic, and as cheap for a million events
  as for one). A worker that dies in between leaves the batch there; the next
  drain processes it first.
  Processing is idempotent: a batch decided twice gets the same verdicts,
  each event's id is unique among the click rows, and only events not stored
  yet are inserted and counted, so a batch processed twice counts once. One
  drain runs at a time (a Redis lock).

Processing = enrich (browser, system, device from the user agent, referrer
domain), bulk-insert the `Click` rows, add them to the rollups and the links'
totals — all in one transaction.
"""

import functools
import json
import logging
import uuid
from collections import Counter
from datetime import UTC, datetime
from typing import NamedTuple

import redis
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from analytics import bulk, decisions, rollups
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
# Events per LRANGE: Redis serves no one else while it copies a reply (1,000
# events: about 0.15 ms), and every redirect's click waits on it meanwhile.
READ_CHUNK = 1000
CONNECT_TIMEOUT = 0.25  # seconds: an unreachable Redis costs the visitor this much
SOCKET_TIMEOUT = 1.0

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


def enqueue(event: bytes) -> None:
    """Push a click event (its JSON) to the queue; raises redis.RedisError."""
    client(buffer_url()).rpush(QUEUE, event)


def store(event: dict) -> None:
    """Store a decided click event at once (a batch of one); never raises."""
    try:
        process([event], fresh=True)
    except Exception:  # the visitor is redirected whatever happens to the click
        logger.exception("Click on link %s could not be stored", event.get("link"))


def pending() -> int:
    """Events waiting in the buffer, processing list included (0 without one)."""
    url = buffer_url()
    if not url:
        return 0
    r = client(url)
    return r.llen(QUEUE) + r.llen(PROCESSING)


def drain(max_events: int = BATCH) -> int:
    """Process one batch of buffered events; return how many were taken.

    The processing list is worked through first, `max_events` at a time: what
    a worker that died left there, or what the last take brought. When it is
    empty, the whole queue becomes the processing list by RENAME, which costs
    Redis the same whatever the queue holds (moving events one by one blocked it
    for about 6 ms a batch), and new clicks start a new queue.
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
        raw = head(r, max_events)
        if not raw:
            try:
                r.renamenx(QUEUE, PROCESSING)  # PROCESSING is gone when empty
            except redis.ResponseError:  # no queue: nothing was pushed
                return 0
            raw = head(r, max_events)
        if not raw:
            return 0
        process(decisions.decide(r, decode(raw)))
        pipe = r.pipeline(transaction=True)
        pipe.ltrim(PROCESSING, len(raw), -1)  # done (the key goes when empty)
        pipe.delete(decisions.VERDICTS)  # the batch's, needed no more
        pipe.execute()
        return len(raw)
    finally:
        r.eval(RELEASE, 1, LOCK, token)


def head(r: redis.Redis, count: int) -> list[bytes]:
    """The first `count` events of the processing list, READ_CHUNK per LRANGE."""
    pipe = r.pipeline(transaction=False)
    for start in range(0, count, READ_CHUNK):
        pipe.lrange(PROCESSING, start, min(start + READ_CHUNK, count) - 1)
    return [event for chunk in pipe.execute() for event in chunk]


def decode(raw: list[bytes]) -> list[dict]:
    """The events of a batch; one that is not JSON is dropped (and logged)."""
    try:  # the whole batch in one call: half the cost of one call per event
        return json.loads(b"[" + b",".join(raw) + b"]")
    except ValueError:
        pass
    events = []
    for item in raw:
        try:
            events.append(json.loads(item))
        except ValueError:
            logger.error("Dropped a click event that is not JSON: %r", item[:200])
    return events


class Row(NamedTuple):
    """A click row to insert, enriched; the columns of `Click` in this order."""

    event_id: str  # the event's id, as 32 lowercase hex digits
    link_id: int
    at: float  # `created`, in UTC seconds
    country_code: str
    country: str
    browser: str
    os: str
    device_type: str
    referrer: str
    referrer_domain: str
    language: str
    is_bot: bool
    is_unique: bool
    visitor: str
    ip: str | None


def process(events: list[dict], *, fresh: bool = False) -> int:
    """Store and count the events not stored yet; return how many were.

    On PostgreSQL the insert itself skips the events stored already and those
    of links deleted meanwhile, and says which rows it inserted. Elsewhere they
    are looked up first, unless `fresh`: the events were made just now (not
    replayed), so the check is skipped.
    """
    rows = rows_of(events)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            rows = insert_returning(rows)
        else:
            if not fresh:
                rows = unseen(rows)
            Click.objects.bulk_create(
                [click_of(row) for row in rows],
                batch_size=INSERT_CHUNK,
                ignore_conflicts=True,
            )
        rollups.add_facts(facts_of(rows))
    return len(rows)


def rows_of(events: list[dict]) -> list[Row]:
    """The click rows of the events, enriched; one per event id."""
    rows: dict[str, Row] = {}
    for event in events:
        key = uuid.UUID(event["id"]).hex
        if key in rows:  # a batch may repeat an event
            continue
        browser, system, device_type = agent_facts(event["agent"], event["bot"])
        referrer = event["referrer"]
        rows[key] = Row(
            key,
            event["link"],
            event["at"],
            event["country_code"],
            event["country"],
            browser,
            system,
            device_type,
            referrer,
            domain_of(referrer) if referrer else "",
            event["language"],
            event["bot"],
            event["unique"],
            event["visitor"],
            event["ip"] or None,
        )
    return list(rows.values())


# The same referrers recur: parse each once per process (a bounded cache).
domain_of = functools.lru_cache(maxsize=4096)(referrer_domain)


def insert_returning(rows: list[Row]) -> list[Row]:
    """Insert the rows (PostgreSQL) in one statement; return those inserted.

    Each column travels as one array (`analytics.bulk`), so the statement has
    15 parameters whatever the batch. Rows whose event id is stored already,
    or whose link is gone, are skipped; RETURNING names the ones that went in.
    """
    if not rows:
        return []
    quote = connection.ops.quote_name
    table = quote(Click._meta.db_table)
    links = quote(Link._meta.db_table)
    names = ", ".join(quote(name) for name in CLICK_COLUMNS)
    # The arrays' columns, `created` travelling as UTC seconds (`at`).
    aliases = ", ".join("at" if name == "created" else name for name in CLICK_COLUMNS)
    values = ", ".join(
        "to_timestamp(at)" if name == "created" else name for name in CLICK_COLUMNS
    )
    sql = (
        f"INSERT INTO {table} ({names}) "
        f"SELECT {values} FROM unnest({bulk.arrays(*ARRAY_TYPES)}) AS e({aliases}) "
        f"WHERE EXISTS (SELECT 1 FROM {links} WHERE {links}.id = e.link_id) "
        "ON CONFLICT (event_id) DO NOTHING "
        "RETURNING replace(event_id::text, '-', '')"
    )
    with bulk.cursor() as cursor:
        cursor.execute(sql, [list(column) for column in zip(*rows, strict=True)])
        inserted = {event_id for (event_id,) in cursor.fetchall()}
    if len(inserted) == len(rows):
        return rows
    return [row for row in rows if row.event_id in inserted]


CLICK_COLUMNS = (
    "event_id", "link_id", "created", "country_code", "country", "browser", "os",
    "device_type", "referrer", "referrer_domain", "language", "is_bot",
    "is_unique", "visitor", "ip",
)  # fmt: skip
ARRAY_TYPES = (
    "uuid", "bigint", "float8", "text", "text", "text", "text", "text", "text",
    "text", "text", "boolean", "boolean", "text", "inet",
)  # fmt: skip


def unseen(rows: list[Row]) -> list[Row]:
    """The rows whose click is not stored yet, of links that still exist."""
    stored: set[str] = set()
    link_ids: set[int] = set()
    ids = [uuid.UUID(row.event_id) for row in rows]
    for start in range(0, len(ids), INSERT_CHUNK):
        chunk = ids[start : start + INSERT_CHUNK]
        stored.update(
            event_id.hex
            for event_id in Click.objects.filter(event_id__in=chunk).values_list(
                "event_id", flat=True
            )
        )
    wanted_ids = list({row.link_id for row in rows if row.event_id not in stored})
    for start in range(0, len(wanted_ids), INSERT_CHUNK):
        chunk = wanted_ids[start : start + INSERT_CHUNK]
        link_ids.update(Link.objects.filter(pk__in=chunk).values_list("pk", flat=True))
    return [
        row for row in rows if row.event_id not in stored and row.link_id in link_ids
    ]


def click_of(row: Row) -> Click:
    """The Click model instance of a row (the ORM's insert, off PostgreSQL)."""
    return Click(
        event_id=uuid.UUID(row.event_id),
        link_id=row.link_id,
        created=datetime.fromtimestamp(row.at, tz=UTC),
        country_code=row.country_code,
        country=row.country,
        browser=row.browser,
        os=row.os,
        device_type=row.device_type,
        referrer=row.referrer,
        referrer_domain=row.referrer_domain,
        language=row.language,
        is_bot=row.is_bot,
        is_unique=row.is_unique,
        visitor=row.visitor,
        ip=row.ip,
    )


def facts_of(rows: list[Row]) -> Counter[rollups.Fact]:
    """How many of the rows share each counted fact (the day in local time)."""
    zone = timezone.get_current_timezone()
    alike = Counter(
        (
            row.link_id,
            datetime.fromtimestamp(row.at, tz=zone).date(),
            row.is_bot,
            row.is_unique and not row.is_bot,
            row.country,
            row.referrer_domain,
            row.browser,
            row.os,
            row.device_type,
            row.language,
        )
        for row in rows
    )
    return Counter({rollups.Fact._make(key): number for key, number in alike.items()})

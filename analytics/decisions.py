"""Which buffered visits count (D34), decided when the buffer is drained.

A redirect hands its visit over as it is (one RPUSH) and answers: no check
costs the visitor anything. The drain decides, event after event in the
order they arrived, on the events' own times:

- a visit of a link by a visitor within 15 minutes of their last recorded
  visit of it is a repeat: left out;
- once the owner's plan has counted its clicks for the month of the visit, a
  person's visit is left out, and so is a bot's (bots are kept while some of
  the allowance is left, and take none of it);
- a person's first recorded visit of the link that day is unique.

What the verdicts read lives in the buffer's Redis, under keys only the
drain writes (one drain runs at a time): per link and visitor of the day (the
fingerprint changes with the day) their last recorded visit, "<time> <event
id>", kept a day, so that a key present also means "seen today"; per owner
and month the clicks counted. It is read once per batch. The verdicts are
written to a hash together with the state they changed, in one atomic script
call per CHUNK events, so a batch taken again after its worker died gets the
same verdicts and spends nothing twice. The drain empties the hash with the
batch.
"""

import functools
import json
import math
import time
from datetime import UTC, datetime

import redis
from redis.commands.core import Script

from analytics import allowance

VERDICTS = "analytics:clicks:verdicts"  # event id -> verdict, for the batch
REPEAT_SECONDS = 15 * 60  # a visit this soon after the last one is left out
DAY_SECONDS = 24 * 60 * 60
CHUNK = 200  # events per WRITE: Redis serves no one else while it runs (~1 ms)
READ_CHUNK = 500  # keys per READ or HMGET
LEFT_OUT, COUNTED, UNIQUE = "0", "1", "2"

# Each script takes its keys and values as one JSON argument: redis-py spends
# about a microsecond of Python on every argument of a command, which for the
# thousands of keys of a batch cost more than the rest of deciding.
# Real keys are named in the JSON, not in KEYS: the buffer needs one Redis, not
# a cluster, as its RENAME of the queue does.

# The values of some keys, as a JSON array (false for a key that is absent).
READ = """
local keys = cjson.decode(ARGV[1])
return cjson.encode(redis.call('MGET', unpack(keys)))
"""

# Some verdicts and the state they changed, in one step: ARGV[1] is
# [verdicts' lifetime, [event id, verdict, ...], [key, value, seconds, ...]].
WRITE = """
local todo = cjson.decode(ARGV[1])
local given, changed = todo[2], todo[3]
if #given > 0 then
  redis.call('HSET', KEYS[1], unpack(given))
  redis.call('EXPIRE', KEYS[1], todo[1])
end
for i = 1, #changed, 3 do
  redis.call('SET', changed[i], changed[i + 1], 'EX', changed[i + 2])
end
return #given / 2
"""
DUMP = json.JSONEncoder(separators=(",", ":")).encode


def decide(r: redis.Redis, events: list[dict]) -> list[dict]:
    """The events that count, in order, their `unique` flag set.

    An event whose flag is set already (true or false) was decided when it
    was made (by an earlier version, or counted as new while Redis was
    unreachable) and passes as it is.
    """
    undecided = [event for event in events if event.get("unique") is None]
    if not undecided:
        return events
    verdicts = earlier_verdicts(r, [event["id"] for event in undecided])
    fresh = [event for event in undecided if event["id"] not in verdicts]
    if fresh:
        verdicts.update(Ledger(r, fresh).judge_all())
    kept = []
    for event in events:
        if event.get("unique") is None:
            verdict = verdicts[event["id"]]
            if verdict == LEFT_OUT:
                continue
            event["unique"] = verdict == UNIQUE
        kept.append(event)
    return kept


def earlier_verdicts(r: redis.Redis, ids: list[str]) -> dict[str, str]:
    """The verdicts given already to some of the events (a batch taken again)."""
    if not r.exists(VERDICTS):
        return {}
    pipe = r.pipeline(transaction=False)
    for start in range(0, len(ids), READ_CHUNK):
        pipe.hmget(VERDICTS, ids[start : start + READ_CHUNK])
    found = [value for chunk in pipe.execute() for value in chunk]
    return {
        event_id: verdict.decode()
        for event_id, verdict in zip(ids, found, strict=True)
        if verdict is not None
    }


def visit_key(event: dict) -> str:
    """The visitor's last recorded visit of the link, that day."""
    return f"analytics:last-visit:{event['link']}:{event['visitor']}"


def is_recent(last: str, at: float, event_id: str) -> bool:
    """Whether the last visit (`"<time> <event id>"`) was within 15 minutes.

    The event itself, pushed again, is not its own repeat.
    """
    when, _, last_id = last.partition(" ")
    return last_id != event_id and abs(at - float(when)) < REPEAT_SECONDS


class Ledger:
    """The state the verdicts of some events read, read at once, and what they
    change, written a chunk at a time."""

    def __init__(self, r: redis.Redis, events: list[dict]) -> None:
        self.r = r
        self.events = events
        self.now = time.time()
        owners = {event["owner"] for event in events}
        self.caps = {owner: allowance.allowance_of(owner) for owner in owners}
        self.counters: dict[int, str] = {}  # position -> the owner's month counter
        self.changed: dict[str, tuple[str, int]] = {}  # key -> (value, seconds)
        keys: set[str] = set()
        for position, event in enumerate(events):
            keys.add(visit_key(event))
            if self.caps[event["owner"]] is not None:
                month = datetime.fromtimestamp(event["at"], tz=UTC)
                counter = allowance.counter_key(event["owner"], month)
                self.counters[position] = counter
                keys.add(counter)
        self.state = self.read(sorted(keys))
        self.seed_counters()

    def read(self, keys: list[str]) -> dict[str, str]:
        """The keys' values, without those that are absent (READ)."""
        pipe = self.r.pipeline(transaction=False)
        for start in range(0, len(keys), READ_CHUNK):
            script(self.r, READ)(
                args=[DUMP(keys[start : start + READ_CHUNK])], client=pipe
            )
        values = [value for chunk in pipe.execute() for value in json.loads(chunk)]
        return {
            key: value
            for key, value in zip(keys, values, strict=True)
            if value is not False
        }

    def seed_counters(self) -> None:
        """A month's counter Redis does not hold starts from the rollups."""
        for position, counter in self.counters.items():
            if counter not in self.state:
                owner, at = self.events[position]["owner"], self.events[position]["at"]
                month = datetime.fromtimestamp(at, tz=UTC)
                self.state[counter] = str(allowance.counted_this_month(owner, month))

    def judge_all(self) -> dict[str, str]:
        """Each event's verdict, the state written as the verdicts are given."""
        verdicts: dict[str, str] = {}
        for start in range(0, len(self.events), CHUNK):
            given: dict[str, str] = {}
            self.changed = {}
            for position in range(start, min(start + CHUNK, len(self.events))):
                event = self.events[position]
                if event["id"] not in verdicts and event["id"] not in given:
                    given[event["id"]] = self.judge(position, event)
            self.write(given)
            verdicts.update(given)
        return verdicts

    def judge(self, position: int, event: dict) -> str:
        """The event's verdict: the checks of `clicks.step_by_step`, in its order."""
        at, event_id, is_bot = event["at"], event["id"], event["bot"]
        key = visit_key(event)
        last = self.state.get(key)
        if last is not None and is_recent(last, at, event_id):
            return LEFT_OUT
        counter = self.counters.get(position)
        if counter is not None:
            cap = self.caps[event["owner"]]
            count = int(self.state[counter])
            if is_bot:
                if count >= cap:
                    return LEFT_OUT
            else:
                self.change(counter, str(count + 1), allowance.MONTH_SECONDS)
                if count + 1 > cap:
                    return LEFT_OUT
        lag = max(0, math.ceil(self.now - at))  # a late drain keeps the key longer
        self.change(key, f"{at!r} {event_id}", DAY_SECONDS + lag)
        return COUNTED if is_bot or last is not None else UNIQUE

    def change(self, key: str, value: str, seconds: int) -> None:
        self.state[key] = value
        self.changed[key] = (value, seconds)

    def write(self, given: dict[str, str]) -> None:
        """The verdicts and the state they changed, atomically (WRITE)."""
        verdicts = [item for pair in given.items() for item in pair]
        changed = [
            item
            for key, (value, seconds) in self.changed.items()
            for item in (key, value, seconds)
        ]
        todo = DUMP([DAY_SECONDS, verdicts, changed])
        script(self.r, WRITE)(keys=[VERDICTS], args=[todo])


@functools.cache
def script(r: redis.Redis, source: str) -> Script:
    """A script registered once per client (EVALSHA, loaded when missing)."""
    return r.register_script(source)

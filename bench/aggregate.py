"""Click aggregation alone: `analytics.buffer.drain` timed against PostgreSQL.

Needs a throwaway PostgreSQL database (its click tables are emptied) and a Redis
(the buffer's keys in the chosen db are deleted):

    createdb shortener_bench
    .venv/bin/python bench/aggregate.py \\
        --database-url postgres://USER:PASSWORD@127.0.0.1:5432/shortener_bench \\
        --redis-url redis://127.0.0.1:6379/0

Migrates the database, makes --links links, pushes --events click events into
the buffer as `record_click` makes them (the same events as `clicks.py`), then
calls `drain()` in this process until the buffer is empty, and prints clicks
per second and a check that every event was counted once. Then the same again
for --profile-events events under cProfile, and the 15 functions that took the
most time of their own.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    parser.add_argument(
        "--redis-url", default=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    )
    parser.add_argument("--events", type=int, default=200_000, help="to aggregate")
    parser.add_argument("--links", type=int, default=100)
    parser.add_argument("--batch", type=int, default=0, help="default: buffer.BATCH")
    parser.add_argument("--profile-events", type=int, default=50_000, help="0: none")
    parser.add_argument("--top", type=int, default=15, help="profile lines")
    args = parser.parse_args()
    if not args.database_url or not args.database_url.startswith("postgres"):
        parser.error("--database-url (or DATABASE_URL) must name a PostgreSQL database")
    return args


def setup(args: argparse.Namespace) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="false",
        SECRET_KEY="bench-only-secret-key-not-for-production",
        DATABASE_URL=args.database_url,
        REDIS_URL=args.redis_url,
        CLICKS_BUFFER_URL=args.redis_url,
        LOG_LEVEL="WARNING",
    )
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "bench"))
    import django

    django.setup()


def prepare(args: argparse.Namespace) -> tuple[list[int], int]:
    """Migrate, empty the click tables, make the links; (link ids, owner id)."""
    from django.core.management import call_command

    from accounts.models import User
    from analytics import buffer
    from analytics.models import Click, DailyStat
    from shortener.models import Link

    call_command("migrate", verbosity=0, interactive=False)
    Click.objects.all().delete()
    DailyStat.objects.all().delete()
    owner, _ = User.objects.get_or_create(
        username="aggregate-bench", defaults={"email": "aggregate@example.com"}
    )
    aliases = [f"agg{n:04d}" for n in range(args.links)]
    Link.objects.bulk_create(
        [
            Link(owner=owner, alias=alias, long_url=f"https://example.com/{alias}")
            for alias in aliases
        ],
        ignore_conflicts=True,
    )
    Link.objects.filter(alias__in=aliases).update(clicks=0, unique_clicks=0)
    buffer.client(buffer.buffer_url()).delete(
        buffer.QUEUE, buffer.PROCESSING, buffer.LOCK
    )
    ids = list(Link.objects.filter(alias__in=aliases).values_list("pk", flat=True))
    return ids, owner.pk


def drain_all(batch: int) -> tuple[int, float]:
    """Drain the buffer to empty; (events taken, seconds)."""
    from analytics import buffer

    taken = 0
    start = time.perf_counter()
    while number := buffer.drain(batch):
        taken += number
    return taken, time.perf_counter() - start


def check(events: int, link_ids: list[int]) -> str:
    """Clicks stored and counted against the events pushed (each counted once)."""
    from django.db.models import Sum

    from analytics.models import Click, DailyStat, Dimension
    from shortener.models import Link

    rows = Click.objects.filter(link_id__in=link_ids).count()
    humans = Click.objects.filter(link_id__in=link_ids, is_bot=False).count()
    totals = Link.objects.filter(pk__in=link_ids).aggregate(n=Sum("clicks"))["n"]
    rollup = DailyStat.objects.filter(
        link_id__in=link_ids, dimension=Dimension.TOTAL
    ).aggregate(n=Sum("clicks"))["n"]
    ok = rows == events and totals == humans == rollup
    return (
        f"{events:,} events, {rows:,} click rows, {humans:,} human clicks, "
        f"links' totals {totals:,}, daily rollups {rollup:,}: "
        + ("OK" if ok else "MISMATCH")
    )


def statements(queries: list[dict]) -> dict[str, tuple[int, float]]:
    """(number, seconds) of the statements run, by verb and table."""
    spent: dict[str, tuple[int, float]] = {}
    for query in queries:
        words = query["sql"].replace('"', "").split()
        table = next((w for w in words[1:] if "_" in w and w.isidentifier()), "")
        what = f"{words[0]} {table}".strip()
        number, seconds = spent.get(what, (0, 0.0))
        spent[what] = (number + 1, seconds + float(query["time"]))
    return dict(sorted(spent.items(), key=lambda item: -item[1][1]))


def main() -> None:
    args = arguments()
    setup(args)
    from clicks import push_events
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from analytics import buffer

    batch = args.batch or buffer.BATCH
    link_ids, owner_id = prepare(args)
    print(f"Batch: {batch:,} events; {len(link_ids)} links", flush=True)

    push_events(args.events, link_ids, owner_id)
    drain_all(batch)  # warm-up of caches and connections: a first, untimed run
    link_ids, owner_id = prepare(args)
    push_events(args.events, link_ids, owner_id)
    taken, seconds = drain_all(batch)
    print(
        f"Aggregation, drain() in one process: {taken:,} clicks in {seconds:.2f} s "
        f"= {taken / seconds:,.0f} clicks/s"
    )
    print("Check: " + check(args.events, link_ids), flush=True)

    if args.profile_events:
        link_ids, owner_id = prepare(args)
        push_events(args.profile_events, link_ids, owner_id)
        profile = cProfile.Profile()
        with CaptureQueriesContext(connection) as queries:
            profile.enable()
            taken, seconds = drain_all(batch)
            profile.disable()
        print(f"\nProfile: {taken:,} clicks in {seconds:.2f} s under cProfile")
        print("Time in the database, by statement (as Django measures it):")
        for what, (number, spent) in statements(queries.captured_queries).items():
            print(f"  {spent:6.2f} s  {number:4} x {what}")
        stats = pstats.Stats(profile, stream=sys.stdout)
        stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()

"""Microseconds per `analytics.clicks.record_click`, in-process, against local Redis.

    .venv/bin/python bench/record_click.py [--redis-url redis://127.0.0.1:6390/13]
        [--calls 20000] [--before MICROSECONDS]

Times N calls of record_click on prepared requests, each a new visitor (its own
address, one of six user agents, one a bot), each observed and pushed to the
Redis buffer as in `clicks.py`'s load test (whether it counts is decided when
the buffer is drained, not timed here). No database is touched (the link is
not saved). The Redis database named is used as cache and buffer and emptied
(FLUSHDB) before and after: give it one of its own.

Then the same for `record_click_async` (the fast path's: the same event and
push over `analytics.wire`), 64 visits at a time in one event loop (uvloop), as
a web worker under load runs them.

`--before` and `--before-cpu` print the ratios to figures measured earlier (another
commit, e.g. from `git archive`).
"""

import argparse
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from clicks import USER_AGENTS  # noqa: E402  (the load test's six agents)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6390/13")
    parser.add_argument("--calls", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=3, help="best of")
    parser.add_argument("--before", type=float, help="µs per call measured before")
    parser.add_argument("--before-cpu", type=float, help="CPU µs per call before")
    args = parser.parse_args()
    if not args.redis_url.startswith("redis://127.0.0.1:"):
        parser.error("only a local Redis on 127.0.0.1")

    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        DEBUG="false",
        SECRET_KEY="bench-only-secret-key-not-for-production",
        DATABASE_URL=f"sqlite:///{tempfile.mkdtemp(prefix='bench-click-')}/db",
        REDIS_URL=args.redis_url,
        CLICKS_BUFFER_URL=args.redis_url,
        CELERY_BROKER_URL="",
        TRUSTED_PROXY_COUNT="0",
    )
    warnings.filterwarnings("ignore", "No directory at", UserWarning)

    import django

    django.setup()

    from django.conf import settings
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    from analytics import buffer
    from analytics.clicks import record_click, record_click_async
    from shortener.models import Link

    settings.PAID_PLANS = False
    redis = buffer.client(args.redis_url)
    redis.flushdb()
    link = Link(pk=1, owner_id=1, alias="bench", long_url="https://example.com/")
    factory = RequestFactory()

    def requests(count: int, offset: int) -> list:
        prepared = []
        for n in range(offset, offset + count):
            request = factory.get(
                "/bench",
                REMOTE_ADDR=f"10.{n >> 16 & 255}.{n >> 8 & 255}.{n & 255}",
                HTTP_USER_AGENT=USER_AGENTS[n % len(USER_AGENTS)],
                HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9",
                HTTP_REFERER="https://news.example/story",
            )
            request.user = AnonymousUser()
            prepared.append(request)
        return prepared

    for request in requests(500, 1 << 23):  # warm-up: connections, caches, imports
        record_click(link, request)
    best = best_cpu = float("inf")
    try:
        for round_ in range(args.rounds):
            prepared = requests(args.calls, round_ * args.calls)
            start, cpu = time.perf_counter(), time.process_time()
            for request in prepared:
                record_click(link, request)
            elapsed = time.perf_counter() - start
            best = min(best, elapsed / args.calls * 1e6)
            best_cpu = min(best_cpu, (time.process_time() - cpu) / args.calls * 1e6)
        queued = redis.llen(buffer.QUEUE)
    finally:
        redis.flushdb()

    async_best, async_cpu = time_async(args, link, requests, record_click_async)
    redis.flushdb()

    print(f"record_click: {args.calls:,} calls x {args.rounds} rounds, best round")
    print(f"  {best:.1f} µs per call ({1e6 / best:,.0f} calls/s, one thread)")
    print(f"  {best_cpu:.1f} µs of this process's CPU per call (Redis's apart)")
    print(f"  {queued:,} events queued (warm-up and rounds)")
    if args.before:
        print(f"  before: {args.before:.1f} µs; {args.before / best:.2f}x faster")
    if args.before_cpu:
        ratio = args.before_cpu / best_cpu
        print(f"  before: {args.before_cpu:.1f} µs of CPU; {ratio:.2f}x less")
    print("record_click_async (analytics.wire), 64 at a time in one event loop")
    print(f"  {async_best:.1f} µs per call ({1e6 / async_best:,.0f} calls/s)")
    print(f"  {async_cpu:.1f} µs of this process's CPU per call")
    print(f"  {best_cpu / async_cpu:.2f}x less CPU than record_click")


def time_async(args, link, requests, record_click_async) -> tuple[float, float]:
    """(best wall µs, best CPU µs) per call of record_click_async, 64 at a time."""
    import asyncio

    import uvloop
    from django.conf import settings

    from analytics import wire

    client = wire.Client(settings.CLICKS_BUFFER_URL)

    async def rounds() -> tuple[float, float]:
        async def visit_all(prepared: list) -> None:
            async def one_by_one(part: list) -> None:
                for request in part:
                    await record_click_async(link, request, client, None)

            await asyncio.gather(*(one_by_one(prepared[n::64]) for n in range(64)))

        await visit_all(requests(500, 1 << 22))  # warm-up
        best = best_cpu = float("inf")
        for round_ in range(args.rounds):
            prepared = requests(args.calls, (round_ + 8) * args.calls)
            start, cpu = time.perf_counter(), time.process_time()
            await visit_all(prepared)
            elapsed = time.perf_counter() - start
            best = min(best, elapsed / args.calls * 1e6)
            best_cpu = min(best_cpu, (time.process_time() - cpu) / args.calls * 1e6)
        return best, best_cpu

    return uvloop.run(rounds())


if __name__ == "__main__":
    main()

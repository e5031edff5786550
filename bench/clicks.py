"""Click analytics under load: the production setup, measured in one run.

Needs PostgreSQL (a throwaway database: it is emptied), redis-server and wrk:

    apt-get install wrk redis-server postgresql
    .venv/bin/python bench/clicks.py \\
        --database-url postgres://USER:PASSWORD@127.0.0.1:5432/shortener_bench

Starts its own Redis (--redis-port), a Celery worker and beat, and the web server
as the README's production section runs it (python -m config.serve: 2 uvicorn
workers on config.asgi), then measures with wrk on 127.0.0.1 (64 connections,
--duration seconds).
With --aggregate-after beat does not run and the worker stays idle during the
redirect runs (as if it ran on another machine); the clicks are drained and
checked after each run.

1. redirects per second and latency, each request a new visitor whose click
   is recorded (buffered, then aggregated by the worker);
2. the same for a bare Django view returning the same redirect from the
   local-memory cache under gunicorn with 2 sync workers (the baseline);
   1 and 2 take turns for --rounds rounds (3), judged on the medians;
3. clicks aggregated per second by the one worker (events pushed to the buffer);
4. statistics latency of GET /api/url/:id for a link with 1,000,000 clicks
   (rows and rollups inserted with SQL), and for one with 10.

It prints the figures, the ratios and the targets of issue 4, and checks that
the clicks sent are the clicks stored. Servers it started are stopped at exit.
"""

import argparse
import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from http.client import HTTPConnection
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent
USER_AGENTS = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
]
TARGETS = {
    "ratio": 2.5,  # the redirect with clicks recorded / the bare Django view
    "p99_ms": 10.0,
    "aggregation": 20_000,  # clicks per second, one worker
    "stats_ms": 50.0,
}


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--database-url",
        default="postgres://ci:ci@127.0.0.1:5432/shortener_bench",
        help="a PostgreSQL database the benchmark may empty",
    )
    parser.add_argument("--redis-port", type=int, default=6391)
    parser.add_argument("--web-port", type=int, default=8801)
    parser.add_argument("--baseline-port", type=int, default=8802)
    parser.add_argument("--duration", type=int, default=20, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--links", type=int, default=100)
    parser.add_argument("--events", type=int, default=200_000, help="to aggregate")
    parser.add_argument("--stats-requests", type=int, default=300)
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="redirect and bare-view runs, in turn; the targets are judged on "
        "the medians",
    )
    parser.add_argument(
        "--aggregate-after",
        action="store_true",
        help="leave the Celery worker idle during the redirect runs (no beat), "
        "as if it ran on another machine: the redirect's figures without "
        "aggregation sharing the cores (the clicks are drained and checked "
        "after each run)",
    )
    parser.add_argument(
        "--worker-nice",
        type=int,
        default=0,
        help="run the Celery worker under `nice -n N`: on a host shared with the "
        "web server, the web's requests come first and the buffer absorbs the "
        "clicks meanwhile",
    )
    return parser.parse_args()


class Processes:
    """The servers started here, stopped (by their own process ids) at exit."""

    def __init__(self) -> None:
        self.running: list[subprocess.Popen] = []
        self.logs = Path(tempfile.mkdtemp(prefix="bench-clicks-"))

    def start(self, name: str, command: list[str], env: dict) -> subprocess.Popen:
        log = (self.logs / f"{name}.log").open("w")
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own group: workers stop with it
        )
        self.running.append(process)
        return process

    def stop(self, process: subprocess.Popen) -> None:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        if process in self.running:
            self.running.remove(process)

    def stop_all(self) -> None:
        for process in reversed(list(self.running)):
            self.stop(process)


def wait_for(check, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"bench: {what} did not come up in {seconds:.0f} s")


def answers(port: int, path: str, status: int) -> bool:
    connection = HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        connection.request("GET", path, headers={"X-Forwarded-For": "10.9.9.9"})
        return connection.getresponse().status == status
    finally:
        connection.close()


def wrk(args: argparse.Namespace, port: int, aliases: list[str], run: int) -> dict:
    """One wrk run; its JSON summary (see bench/clicks.lua)."""
    command = [
        "wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{args.duration}s",
        "--latency",
        "-s",
        str(ROOT / "bench" / "clicks.lua"),
        f"http://127.0.0.1:{port}",
        "--",
        ",".join(aliases),
        str(run),  # each run its own range of visitor addresses
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    summary = json.loads(output.strip().splitlines()[-1])
    seconds = summary["duration_us"] / 1e6
    summary["rps"] = summary["requests"] / seconds
    summary["errors"] = sum(
        summary[k]
        for k in ("connect_errors", "read_errors", "write_errors", "status_errors")
    )
    return summary


def stored_clicks() -> tuple[int, int]:
    """(human clicks in the links' totals, click rows) as stored now."""
    from django.db.models import Sum

    from analytics.models import Click
    from shortener.models import Link

    total = Link.objects.aggregate(n=Sum("clicks"))["n"] or 0
    return total, Click.objects.count()


def drain(send_tasks: bool, seconds: float = 300) -> float:
    """Wait until the worker has emptied the buffer; return the time it took.

    `send_tasks` when beat is not running: the drain tasks are sent from here.
    """
    from analytics import buffer, tasks

    start = sent = time.monotonic()

    def drained() -> bool:
        nonlocal sent
        if not buffer.pending():
            return True
        if send_tasks and time.monotonic() - sent > 1:
            tasks.aggregate_clicks.delay()  # a task drains for 30 s at most
            sent = time.monotonic()
        return False

    if send_tasks:
        tasks.aggregate_clicks.delay()
    wait_for(drained, "the drained buffer", seconds)
    return time.monotonic() - start


def settle() -> None:
    """Let PostgreSQL finish the drain's upkeep (vacuum, dirty pages) now rather
    than during the next run: with --aggregate-after the database plays a
    machine of its own."""
    from django.db import DatabaseError, connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE analytics_click, analytics_dailystat")
        with contextlib.suppress(DatabaseError):  # superusers and pg_checkpoint
            cursor.execute("CHECKPOINT")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed_gets(port: int, path: str, key: str, number: int) -> list[float]:
    """Milliseconds of `number` GETs on one kept-alive connection (after 10 more)."""
    connection = HTTPConnection("127.0.0.1", port, timeout=10)
    headers = {"Authorization": f"Bearer {key}"}
    times = []
    for index in range(number + 10):
        start = time.perf_counter()
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - start) * 1000
        if response.status != 200:
            raise SystemExit(f"bench: {path} answered {response.status}: {body[:200]}")
        if index >= 10:
            times.append(elapsed)
    connection.close()
    return times


def make_million(owner, alias: str, clicks: int):
    """A link with `clicks` click rows over the past year, and its rollups (SQL)."""
    from django.db import connection

    from analytics.models import Click, DailyStat
    from shortener.models import Link

    link = Link.objects.create(
        owner=owner, alias=alias, long_url="https://example.com/million"
    )
    click_table = Click._meta.db_table
    stat_table = DailyStat._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {click_table} (link_id, created, country_code, country,
                browser, os, device_type, referrer, referrer_domain, language,
                is_bot, is_unique, visitor, ip, event_id)
            SELECT %s, now() - (n %% 365) * interval '1 day' - (n %% 86400) * interval
                '1 second',
                (ARRAY['US','FR','DE','GB','IT','ES','CA','BR','IN','JP'])[n %% 10 + 1],
                (ARRAY['United States','France','Germany','United Kingdom','Italy',
                  'Spain','Canada','Brazil','India','Japan'])[n %% 10 + 1],
                (ARRAY['Chrome','Safari','Firefox','Edge','Opera'])[n %% 5 + 1],
                (ARRAY['Windows','Mac OS X','iOS','Android','Linux'])[n %% 5 + 1],
                (ARRAY['desktop','mobile','tablet'])[n %% 3 + 1],
                '', (ARRAY['','twitter.com','facebook.com','news.example',
                  'blog.example'])[n %% 5 + 1],
                (ARRAY['en','fr','de','it','es'])[n %% 5 + 1],
                false, n %% 3 = 0, md5(n::text), NULL, NULL
            FROM generate_series(1, %s) AS n
            """,
            [link.pk, clicks],
        )
        dimensions = {
            "total": "''",
            "country": "country",
            "referrer": "referrer_domain",
            "browser": "browser",
            "os": "os",
            "device": "device_type",
            "language": "language",
        }
        for dimension, column in dimensions.items():
            cursor.execute(
                f"""
                INSERT INTO {stat_table} (link_id, day, dimension, value, clicks,
                    unique_clicks)
                SELECT link_id, (created AT TIME ZONE 'UTC')::date, %s, {column},
                    count(*), count(*) FILTER (WHERE is_unique)
                FROM {click_table} WHERE link_id = %s
                GROUP BY 1, 2, 4
                """,
                [dimension, link.pk],
            )
        cursor.execute(f"ANALYZE {click_table}")
        cursor.execute(f"ANALYZE {stat_table}")
    uniques = Click.objects.filter(link=link, is_unique=True).count()
    Link.objects.filter(pk=link.pk).update(clicks=clicks, unique_clicks=uniques)
    return link


def push_events(number: int, link_ids: list[int], owner_id: int) -> None:
    """`number` click events straight into the buffer, as record_click makes them."""
    from analytics import buffer
    from analytics.clicks import new_event_id

    redis = buffer.client(buffer.buffer_url())
    now = time.time()
    languages = ["en", "fr", "de", "it", "es", ""]
    referrers = ["", "https://twitter.com/x", "https://news.example/a", ""]
    countries = [("US", "United States"), ("FR", "France"), ("DE", "Germany")]
    chunk = []
    for n in range(number):
        agent = USER_AGENTS[n % len(USER_AGENTS)]
        code, country = countries[n % len(countries)]
        event = {
            "id": new_event_id(),
            "link": link_ids[n % len(link_ids)],
            "owner": owner_id,
            "at": now - (n % 3600),
            "visitor": uuid.uuid4().hex,
            "ip": "",
            "agent": agent,
            "referrer": referrers[n % len(referrers)],
            "language": languages[n % len(languages)],
            "country_code": code,
            "country": country,
            "bot": "Googlebot" in agent,
            "unique": None,  # decided by the drain
        }
        chunk.append(json.dumps(event, separators=(",", ":")))
        if len(chunk) == 5000:
            redis.rpush(buffer.QUEUE, *chunk)
            chunk = []
    if chunk:
        redis.rpush(buffer.QUEUE, *chunk)


def main() -> None:
    args = arguments()
    for tool in ("wrk", "redis-server", "redis-cli"):
        if shutil.which(tool) is None:
            raise SystemExit(f"bench: {tool} is missing (apt-get install wrk redis)")
    redis_url = f"redis://127.0.0.1:{args.redis_port}/0"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-secret-key-not-for-production",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": redis_url,
        "CELERY_BROKER_URL": redis_url,
        "CLICKS_BUFFER_URL": redis_url,
        "SITE_URL": f"http://127.0.0.1:{args.web_port}",
        "TRUSTED_PROXY_COUNT": "1",  # wrk plays the proxy: one visitor a request
        "API_RATE_LIMIT": "100000000",
        "FETCH_LINK_METADATA": "false",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(ROOT),
    }
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    processes = Processes()
    try:
        run(args, env, processes)
    finally:
        processes.stop_all()
        print(f"\nlogs: {processes.logs}")


def run(args: argparse.Namespace, env: dict, processes: Processes) -> None:
    processes.start(
        "redis",
        ["redis-server", "--port", str(args.redis_port), "--bind", "127.0.0.1",
         "--save", "", "--appendonly", "no"],
        env,
    )  # fmt: skip
    wait_for(
        lambda: subprocess.run(
            ["redis-cli", "-p", str(args.redis_port), "ping"],
            capture_output=True, text=True,
        ).stdout.strip() == "PONG",
        "redis-server",
    )  # fmt: skip
    subprocess.run(["redis-cli", "-p", str(args.redis_port), "flushall"], check=True)

    import django

    django.setup()
    from django.core.management import call_command

    from accounts.models import User
    from shortener.models import Link

    print("Setting up the database …", flush=True)
    call_command("migrate", verbosity=0, interactive=False)
    call_command("flush", verbosity=0, interactive=False)
    owner = User.objects.create_user("bench", "bench@example.com", "bench-password")
    owner.regenerate_api_key()
    aliases = [f"b{n:04d}" for n in range(args.links)]
    Link.objects.bulk_create(
        Link(owner=owner, alias=alias, long_url=f"https://example.com/{alias}")
        for alias in aliases
    )
    few = Link.objects.create(owner=owner, alias="ten", long_url="https://example.com/")

    celery = [str(BIN / "celery"), "-A", "config"]
    nice = ["nice", "-n", str(args.worker_nice)] if args.worker_nice else []
    worker = processes.start(
        "worker",
        [*nice, *celery, "worker", "--pool", "solo", "-c", "1", "-l", "warning"],
        env,
    )
    beat = None
    if not args.aggregate_after:  # drains every CLICKS_DRAIN_SECONDS, during runs too
        beat = processes.start(
            "beat",
            [*celery, "beat", "-l", "warning", "-s", str(processes.logs / "beat")],
            env,
        )
    web = processes.start(
        "uvicorn",
        [PYTHON, "-m", "config.serve", "--host", "127.0.0.1",
         "--port", str(args.web_port), "--workers", "2"],
        env,
    )  # fmt: skip
    baseline_env = {**env, "DJANGO_SETTINGS_MODULE": "bench.baseline_settings"}
    gunicorn = processes.start(
        "gunicorn",
        [str(BIN / "gunicorn"), "config.wsgi", "--bind",
         f"127.0.0.1:{args.baseline_port}", "--workers", "2", "--log-level",
         "warning"],
        baseline_env,
    )  # fmt: skip
    wait_for(lambda: answers(args.web_port, f"/{aliases[0]}", 302), "uvicorn")
    wait_for(lambda: answers(args.baseline_port, f"/{aliases[0]}", 302), "gunicorn")

    # 1 and 2, in turn each round: the redirect with every click recorded (then
    # its clicks drained and counted), and the bare Django view under gunicorn
    # (2 sync workers), after a short warm-up of each.
    warm = argparse.Namespace(**dict(vars(args), duration=3))
    wrk(warm, args.web_port, aliases, 0)
    wrk(warm, args.baseline_port, aliases, 0)
    drain(send_tasks=args.aggregate_after)
    rounds = []
    for round_ in range(1, args.rounds + 1):
        print(f"Round {round_}: the redirect, then the bare view …", flush=True)
        before = stored_clicks()
        fast = wrk(args, args.web_port, aliases, 2 * round_ - 1)
        fast["drained_in"] = drain(send_tasks=args.aggregate_after)
        if args.aggregate_after:
            settle()
        after = stored_clicks()
        fast["stored"] = after[0] - before[0]
        fast["rows"] = after[1] - before[1]
        bare = wrk(args, args.baseline_port, aliases, 2 * round_)
        rounds.append((fast, bare))
    processes.stop(gunicorn)

    # 3. Aggregation: one worker drains events pushed to the buffer.
    print(f"Aggregating {args.events:,} buffered clicks with one worker …", flush=True)
    if beat is not None:
        processes.stop(beat)
    link_ids = list(Link.objects.filter(alias__in=aliases).values_list("pk", flat=True))
    rows_before = stored_clicks()[1]
    push_events(args.events, link_ids, owner.pk)
    aggregation_seconds = drain(send_tasks=True, seconds=600)
    aggregated = stored_clicks()[1] - rows_before

    # 4. Statistics of a link with 1,000,000 clicks (and of one with 10).
    print("Statistics of a link with 1,000,000 clicks …", flush=True)
    million = make_million(owner, "million", 1_000_000)
    make_ten = Link.objects.filter(pk=few.pk)
    make_ten.update(clicks=10)
    key = owner.api_key
    stats_million = timed_gets(
        args.web_port, f"/api/url/{million.pk}", key, args.stats_requests
    )
    stats_ten = timed_gets(
        args.web_port, f"/api/url/{few.pk}", key, args.stats_requests
    )
    processes.stop(web)
    processes.stop(worker)

    report(
        args,
        rounds,
        aggregated,
        aggregation_seconds,
        stats_million,
        stats_ten,
    )


def report(args, rounds, aggregated, agg_seconds, stats_million, stats_ten) -> None:
    ratios = [fast["rps"] / bare["rps"] for fast, bare in rounds]
    ratio = median(ratios)
    p99 = median(fast["p99_us"] / 1000 for fast, _ in rounds)
    lost = sum(max(fast["requests"] - fast["stored"], 0) for fast, _ in rounds)
    over = sum(max(fast["stored"] - fast["issued"], 0) for fast, _ in rounds)
    errors = sum(fast["errors"] for fast, _ in rounds)
    rate = aggregated / agg_seconds
    million_p50 = median(stats_million)
    million_p99 = percentile(stats_million, 0.99)
    ten_p50 = median(stats_ten)

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    def figures(run: dict) -> str:
        return (
            f"{run['rps']:>8,.0f} req/s   p50 {run['p50_us'] / 1000:.2f}   "
            f"p90 {run['p90_us'] / 1000:.2f}   p99 {run['p99_us'] / 1000:.2f} ms   "
            f"errors {run['errors']}  timeouts {run['timeouts']}"
        )

    lines = [
        "",
        f"Load: wrk, {args.connections} connections, {args.threads} threads, "
        f"{args.duration} s per run, 127.0.0.1; {os.cpu_count()} CPUs",
        "Redirect: every click recorded (uvicorn, 2 workers, fast path; the worker "
        + (
            "idle during the runs, draining after each)"
            if args.aggregate_after
            else "aggregating at the same time"
            + (f", under nice -n {args.worker_nice})" if args.worker_nice else ")")
        ),
        "Bare: a Django view, target from the local-memory cache (gunicorn, "
        "2 sync workers)",
    ]
    for number, (fast, bare) in enumerate(rounds, 1):
        lines += [
            "",
            f"Round {number}  redirect {figures(fast)}",
            f"         bare     {figures(bare)}",
            f"         ratio {fast['rps'] / bare['rps']:.2f}x; clicks: "
            f"{fast['requests']:,} answered, {fast['issued']:,} sent (the last in "
            f"flight when wrk stopped), {fast['stored']:,} counted, "
            f"{fast['rows']:,} rows; drained {fast['drained_in']:.1f} s after",
        ]
    lines += [
        "",
        f"Median of {len(rounds)} rounds: ratio {ratio:.2f}x, redirect p99 "
        f"{p99:.2f} ms",
        f"Clicks over all rounds: lost {lost}, counted twice {over}",
        "",
        f"Aggregation, one worker: {aggregated:,} clicks in {agg_seconds:.2f} s "
        f"= {rate:,.0f} clicks/s",
        "",
        "Statistics, GET /api/url/:id (uvicorn), one connection, "
        f"{len(stats_million)} requests",
        f"  1,000,000 clicks: p50 {million_p50:.2f} ms   p99 {million_p99:.2f} ms",
        f"         10 clicks: p50 {ten_p50:.2f} ms   "
        f"p99 {percentile(stats_ten, 0.99):.2f} ms",
        "",
        "Targets (issue 4; the redirect's on the medians)",
        f"  redirect >= {TARGETS['ratio']}x the bare view: {ratio:.2f}x "
        f"{verdict(ratio >= TARGETS['ratio'])}",
        f"  p99 < {TARGETS['p99_ms']:.0f} ms: {p99:.2f} ms "
        f"{verdict(p99 < TARGETS['p99_ms'])}",
        f"  0 clicks lost: {lost} lost, {over} twice "
        f"{verdict(lost == 0 and over == 0 and errors == 0)}",
        f"  aggregation >= {TARGETS['aggregation']:,}/s: {rate:,.0f}/s "
        f"{verdict(rate >= TARGETS['aggregation'])}",
        f"  statistics < {TARGETS['stats_ms']:.0f} ms: p99 {million_p99:.2f} ms "
        f"{verdict(million_p99 < TARGETS['stats_ms'])}",
    ]
    print("\n".join(lines))
    print(
        "\n"
        + json.dumps(
            {
                "rounds": [{"fast": fast, "bare": bare} for fast, bare in rounds],
                "ratio": round(ratio, 3),
                "p99_ms": p99,
                "aggregation_per_second": round(rate),
                "stats_million_ms": {"p50": million_p50, "p99": million_p99},
                "stats_ten_ms": {"p50": ten_p50},
            }
        )
    )


if __name__ == "__main__":
    main()

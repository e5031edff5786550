"""Redirects per second through the whole stack, against a trivial view.

    .venv/bin/python bench/redirect.py [--links 1000] [--requests 2000]

Creates a throwaway SQLite database, fills it with links, and times Django's
test client on: a trivial view (the baseline: the same middleware, no work),
a redirect that is recorded and counted (a new visitor each time), and a
repeat visit (not recorded: the link lookup alone). Same process, same run,
so the ratio holds from one machine to another better than the raw figures.
"""

import argparse
import os
import random
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = Path(tempfile.mkdtemp(prefix="bench-redirect-")) / "bench.sqlite3"
# Production-like settings: DEBUG off (no query log), a local SQLite file, and
# the local-memory cache, whatever the calling shell names.
os.environ.update(
    DJANGO_SETTINGS_MODULE="config.settings",
    DEBUG="false",
    SECRET_KEY="bench-only-secret-key-not-for-production",
    DATABASE_URL=f"sqlite:///{DATABASE}",
    REDIS_URL="",
    CELERY_BROKER_URL="",
    FETCH_LINK_METADATA="false",
)

# WhiteNoise looks for collected static files, which a benchmark does not need.
warnings.filterwarnings("ignore", "No directory at", UserWarning)

import django  # noqa: E402  (settings come from the environment set above)

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db.models import Sum  # noqa: E402
from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import path  # noqa: E402

from accounts.models import User  # noqa: E402
from config.urls import urlpatterns as site_urlpatterns  # noqa: E402
from shortener.models import Link  # noqa: E402

USER_AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"
)


def baseline(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


# This module is the URLconf while timing: the site's routes plus the baseline.
urlpatterns = [path("bench-baseline/", baseline), *site_urlpatterns]


def address(number: int) -> str:
    """A distinct public address, so that every visit is a new visitor."""
    return f"81.2.{number // 250 % 250}.{number % 250 + 1}"


def total_clicks() -> int:
    return Link.objects.aggregate(total=Sum("clicks"))["total"] or 0


def per_second(requests: int, send: Callable[[int], int], expected: int) -> float:
    """Send `requests` requests; return how many per second were answered."""
    start = time.perf_counter()
    for number in range(requests):
        status = send(number)
        if status != expected:
            raise SystemExit(f"request {number} answered {status}, not {expected}")
    return requests / (time.perf_counter() - start)


def main() -> None:
    """Fill a throwaway database, time the three kinds of request, print them."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=2000)
    options = parser.parse_args()
    try:
        run(options.links, options.requests)
    finally:
        DATABASE.unlink(missing_ok=True)
        DATABASE.parent.rmdir()


def run(links: int, requests: int) -> None:
    call_command("migrate", verbosity=0)
    owner = User.objects.create_user("bench", "bench@example.com", "bench-password")
    Link.objects.bulk_create(
        Link(owner=owner, alias=f"b{n}", long_url=f"https://example.com/{n}")
        for n in range(links)
    )
    aliases = [f"/B{n}" for n in range(links)]  # any case resolves (D32)
    picks = random.Random(7)
    client = Client(HTTP_USER_AGENT=USER_AGENT)

    def trivial(number: int) -> int:
        return client.get("/bench-baseline/", REMOTE_ADDR=address(number)).status_code

    def counted(number: int) -> int:
        alias = picks.choice(aliases)
        return client.get(alias, REMOTE_ADDR=address(number)).status_code

    def repeat(number: int) -> int:
        return client.get(aliases[0], REMOTE_ADDR="81.2.69.160").status_code

    with override_settings(ROOT_URLCONF=__name__):
        for number in range(50):  # warm up: country database, parsers, caches
            trivial(number)
            counted(number)
            repeat(number)
        base = per_second(requests, trivial, 200)
        before = total_clicks()
        recorded = per_second(requests, counted, 302)
        if total_clicks() - before != requests:
            raise SystemExit("not every timed redirect was counted as a click")
        rows = [
            ("baseline (trivial view)", base),
            ("redirect, click recorded", recorded),
            ("redirect, repeat (not stored)", per_second(requests, repeat, 302)),
        ]

    print(f"{links} links, {requests} requests of each kind, SQLite file")
    for label, rate in rows:
        print(f"{label:30} {rate:8.0f} req/s   ratio to baseline {rate / base:.2f}")


if __name__ == "__main__":
    main()

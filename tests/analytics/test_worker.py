"""End to end: visits → the Redis buffer → a real Celery worker (with beat) →
click rows, rollups and totals in the test database.

Runs on the PostgreSQL + Redis job of CI: the worker is another process, so it
needs the broker and buffer at REDIS_URL and a test database it can connect to
(a transactional test commits what it writes, so the worker sees the links).
"""

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

from analytics import buffer, stats
from analytics.models import Click, DailyStat
from tests.analytics import visits
from tests.analytics.visits import visit
from tests.factories import LinkFactory, UserFactory

ROOT = Path(__file__).resolve().parents[2]
WAIT_SECONDS = 90

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("REDIS_URL"),
        reason="needs a Redis server for the broker and the buffer: set REDIS_URL",
    ),
    pytest.mark.click_buffer,  # the worker drains, not the test
]


def database_url() -> str:
    """The test database, as the worker process reaches it."""
    db = connection.settings_dict
    user = quote(db["USER"] or "", safe="")
    password = quote(db["PASSWORD"] or "", safe="")
    host = db["HOST"] or "127.0.0.1"
    port = db["PORT"] or 5432
    return f"postgres://{user}:{password}@{host}:{port}/{db['NAME']}"


@pytest.fixture
def worker(transactional_db, settings, tmp_path):
    """`celery -A config worker --pool=solo -B` against the test database."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "the worker reaches the test database over the network: needs PostgreSQL"
        )
    redis_url = os.environ["REDIS_URL"]
    settings.CLICKS_BUFFER_URL = redis_url
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "REDIS_URL": redis_url,
        "CELERY_BROKER_URL": redis_url,
        "CLICKS_BUFFER_URL": redis_url,
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    log = tmp_path / "worker.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                sys.executable, "-m", "celery", "-A", "config", "worker",
                "--pool=solo", "--beat", "--loglevel=INFO",
                "--without-gossip", "--without-mingle", "--without-heartbeat",
                f"--schedule={tmp_path / 'beat-schedule'}",
                f"--hostname=clicks-test-{os.getpid()}@%h",
            ],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        yield SimpleWorker(process, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class SimpleWorker:
    def __init__(self, process: subprocess.Popen, log: Path) -> None:
        self.process = process
        self.log = log

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]


def wait_for(condition, worker: SimpleWorker) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if worker.process.poll() is not None:
            pytest.fail(f"the worker stopped:\n{worker.output()}")
        if condition():
            return
        time.sleep(0.5)
    pytest.fail(f"the worker did not drain the buffer in time:\n{worker.output()}")


def test_a_real_worker_drains_the_buffer_into_rollups_and_totals(client, worker):
    owner = UserFactory(username="owner")
    link = LinkFactory(owner=owner, alias="stats", long_url="https://example.com/")
    other = LinkFactory(owner=owner, alias="other", long_url="https://example.org/")
    addresses = [visits.US_IP, visits.FRANCE_IP, visits.CANADA_IP, "8.8.4.4"]
    for address in addresses:
        assert visit(client, "/stats", REMOTE_ADDR=address).status_code == 302
    visit(client, "/stats", REMOTE_ADDR=visits.US_IP)  # a repeat: not even pushed
    visit(client, "/stats", HTTP_USER_AGENT=visits.GOOGLEBOT)
    visit(client, "/other", HTTP_USER_AGENT=visits.IPHONE)
    assert not Click.objects.exists()  # nothing written by the visits themselves

    # Beat sends analytics.tasks.aggregate_clicks every few seconds.
    wait_for(lambda: buffer.pending() == 0 and Click.objects.count() == 6, worker)

    link.refresh_from_db()
    other.refresh_from_db()
    assert (link.clicks, link.unique_clicks) == (4, 4)
    assert (other.clicks, other.unique_clicks) == (1, 1)
    assert Click.objects.filter(is_bot=True).count() == 1
    assert stats.breakdown(link, "country", None, None) == {
        "Canada": 1,
        "France": 1,
        "United States": 2,
    }
    assert stats.breakdown(other, "device", None, None) == {"mobile": 1}
    assert stats.bot_visits(link, None, None) == 1
    total = DailyStat.objects.filter(link=link, dimension="total").get()
    assert (total.clicks, total.unique_clicks) == (4, 4)
    assert stats.link_stats(link)["topCountries"] == {
        "United States": 2,
        "Canada": 1,
        "France": 1,
    }

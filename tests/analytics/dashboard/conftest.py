"""What the statistics page tests share: a frozen today and rollup rows."""

import json
import re
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from analytics.models import DailyStat
from tests.factories import LinkFactory
from tests.limits.conftest import paid  # noqa: F401  (the CSV gate's tests)

# A Wednesday; the week it falls in starts on Monday 16 March.
NOW = datetime(2026, 3, 18, 12, 0, tzinfo=UTC)
TODAY = NOW.date()


@pytest.fixture(autouse=True)
def _today():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def link(owner):
    return LinkFactory(owner=owner, alias="spring", long_url="https://example.com/")


def days_ago(days: int) -> date:
    return TODAY - timedelta(days=days)


def rollup(
    link,
    day: date,
    clicks: int,
    unique: int = 0,
    dimension: str = "total",
    value: str = "",
) -> DailyStat:
    """One row of the daily rollups, as the aggregation writes them."""
    return DailyStat.objects.create(
        link=link,
        day=day,
        dimension=dimension,
        value=value,
        clicks=clicks,
        unique_clicks=unique,
    )


def chart_data(html: str, element_id: str) -> dict:
    """The JSON a page hands to stats.js in <script id=… type=application/json>."""
    found = re.search(
        rf'<script id="{element_id}" type="application/json">(.*?)</script>',
        html,
        re.DOTALL,
    )
    assert found, f"no {element_id} on the page"
    return json.loads(found.group(1))


def table_rows(html: str, dimension: str) -> list[tuple[str, int]]:
    """(label, count) rows of a breakdown table, as the page shows them."""
    found = re.search(
        rf'<table class="links-table breakdown" data-dimension="{dimension}">'
        r"(.*?)</table>",
        html,
        re.DOTALL,
    )
    assert found, f"no {dimension} table on the page"
    cells = re.findall(
        r'<th scope="row">(.*?)</th><td class="numeric">(\d+)</td>', found.group(1)
    )
    return [(label, int(count)) for label, count in cells]

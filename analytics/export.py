"""A link's raw clicks as CSV, written row by row as the download goes."""

import csv
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from django.conf import settings
from django.utils import timezone

from analytics.models import Click
from core.spreadsheet import csv_cell
from shortener.models import Link

CHUNK = 2000  # rows fetched per database round trip
COLUMNS = [
    ("created", "date_utc"),
    ("country_code", "country_code"),
    ("country", "country"),
    ("browser", "browser"),
    ("os", "os"),
    ("device_type", "device"),
    ("language", "language"),
    ("referrer", "referrer"),
    ("referrer_domain", "referrer_domain"),
    ("is_bot", "bot"),
    ("is_unique", "unique"),
]
IP_COLUMN = ("ip", "ip")


class Echo:
    """A file-like object whose write() hands the line back to the caller."""

    def write(self, value: str) -> str:
        return value


def oldest_kept(retention_days: int | None) -> datetime | None:
    """The start of the plan's retention window; None keeps everything."""
    if retention_days is None:
        return None
    return timezone.now() - timedelta(days=retention_days)


def columns() -> list[tuple[str, str]]:
    # Addresses are only in the file where the site is set to keep them (D34).
    return [*COLUMNS, IP_COLUMN] if settings.CLICKS_STORE_IP else COLUMNS


def click_rows(link: Link, since: datetime | None) -> Iterator[list[str]]:
    """The header, then one row per click of the link since `since`, oldest first."""
    chosen = columns()
    yield [header for _field, header in chosen]
    clicks = Click.objects.filter(link=link)
    if since is not None:
        clicks = clicks.filter(created__gte=since)
    values = clicks.order_by("created", "pk").values_list(*(f for f, _h in chosen))
    for row in values.iterator(chunk_size=CHUNK):
        yield [cell(value) for value in row]


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
    return csv_cell(str(value))


def csv_lines(rows: Iterable[list[str]]) -> Iterator[str]:
    """Each row as one CSV line, for a StreamingHttpResponse."""
    writer = csv.writer(Echo())
    for row in rows:
        yield writer.writerow(row)

"""Per-link daily rollups and totals, added to set-wise for a batch of clicks.

A batch of clicks is counted in Python first (one entry per link, day,
dimension and value), then written with one `INSERT … ON CONFLICT DO UPDATE`
per chunk of rows, adding to what is there: concurrent batches add up, and no
row is read back. The links' totals take one UPDATE per link of the batch.
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from django.db import connection
from django.db.models import F
from django.utils import timezone

from analytics.models import Click, DailyStat, Dimension
from shortener.models import Link

Key = tuple[int, date, str, str]  # link id, day, dimension, value
UPSERT_CHUNK = 500  # rows per statement: 3,000 parameters, within SQLite's limit


def dimensions_of(click: Click) -> list[tuple[str, str]]:
    """The (dimension, value) pairs a click is counted under."""
    if click.is_bot:
        return [(Dimension.BOT, click.browser)]  # kept apart, by the bot's name
    return [
        (Dimension.TOTAL, ""),
        (Dimension.COUNTRY, click.country),
        (Dimension.REFERRER, click.referrer_domain),
        (Dimension.BROWSER, click.browser),
        (Dimension.OS, click.os),
        (Dimension.DEVICE, click.device_type),
        (Dimension.LANGUAGE, click.language),
    ]


def add(clicks: Iterable[Click], *, totals: bool = True) -> None:
    """Count `clicks` (rows just inserted) into the rollups and the link totals.

    `totals=False` leaves the links' totals alone (for rows made up by hand).
    """
    counted: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    counts: dict[Key, list[int]] = defaultdict(lambda: [0, 0])
    for click in clicks:
        day = timezone.localtime(click.created).date()
        unique = int(click.is_unique and not click.is_bot)
        for dimension, value in dimensions_of(click):
            entry = counts[(click.link_id, day, dimension, value)]
            entry[0] += 1
            entry[1] += unique
        if not click.is_bot:
            counted[click.link_id][0] += 1
            counted[click.link_id][1] += unique
    upsert(counts)
    # In id order, as the rollup rows: concurrent batches lock rows in one order.
    for link_id, (number, unique) in sorted(counted.items()) if totals else ():
        counters = {"clicks": F("clicks") + number}
        if unique:
            counters["unique_clicks"] = F("unique_clicks") + unique
        Link.objects.filter(pk=link_id).update(**counters)


def upsert(counts: dict[Key, list[int]]) -> None:
    """Add the counts to the rollup rows, creating the missing ones (SQL below).

    `bulk_create(update_conflicts=True)` would overwrite the counts, not add to
    them, so the statement is written out; SQLite and PostgreSQL both speak it.
    """
    if not counts:
        return
    quote = connection.ops.quote_name
    table = quote(DailyStat._meta.db_table)
    columns = ["link_id", "day", "dimension", "value", "clicks", "unique_clicks"]
    head = f"INSERT INTO {table} ({', '.join(quote(c) for c in columns)}) VALUES "
    tail = (
        f" ON CONFLICT ({', '.join(quote(c) for c in columns[:4])}) DO UPDATE SET "
        f"{quote('clicks')} = {table}.{quote('clicks')} + excluded.{quote('clicks')}, "
        f"{quote('unique_clicks')} = {table}.{quote('unique_clicks')} "
        f"+ excluded.{quote('unique_clicks')}"
    )
    rows = [
        (link_id, connection.ops.adapt_datefield_value(day), dimension, value, *nums)
        for (link_id, day, dimension, value), nums in sorted(counts.items())
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), UPSERT_CHUNK):
            chunk = rows[start : start + UPSERT_CHUNK]
            values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(chunk))
            params = [param for row in chunk for param in row]
            cursor.execute(head + values + tail, params)

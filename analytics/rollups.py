"""Per-link daily rollups and totals, added to set-wise for a batch of clicks.

A batch is counted in Python first: the clicks alike in every counted fact
(link, day, bot, unique, country, referrer, browser, system, device, language)
are counted together, then each distinct fact is spread over its dimensions
(one entry per link, day, dimension and value). The entries are written with
`INSERT … ON CONFLICT DO UPDATE`, adding to what is there: concurrent batches
add up, and no row is read back. On PostgreSQL that is one statement for the
batch (arrays unnested), and the links' totals one UPDATE; elsewhere (SQLite)
one statement per 500 rows and one UPDATE per link.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date
from typing import NamedTuple

from django.db import connection
from django.db.models import F
from django.utils import timezone

from analytics import bulk
from analytics.models import Click, DailyStat, Dimension
from shortener.models import Link

Key = tuple[int, date, str, str]  # link id, day, dimension, value
UPSERT_CHUNK = 500  # rows per statement: 3,000 parameters, within SQLite's limit


class Fact(NamedTuple):
    """What a click is counted by; a batch counts the clicks alike together."""

    link_id: int
    day: date  # in the site's time zone
    is_bot: bool
    is_unique: bool  # a unique human click (never a bot's)
    country: str
    referrer_domain: str
    browser: str
    os: str
    device_type: str
    language: str


def fact_of(click: Click) -> Fact:
    return Fact(
        click.link_id,
        timezone.localtime(click.created).date(),
        click.is_bot,
        click.is_unique and not click.is_bot,
        click.country,
        click.referrer_domain,
        click.browser,
        click.os,
        click.device_type,
        click.language,
    )


def dimensions_of(fact: Fact) -> list[tuple[str, str]]:
    """The (dimension, value) pairs a click is counted under."""
    if fact.is_bot:
        return [(Dimension.BOT, fact.browser)]  # kept apart, by the bot's name
    return [
        (Dimension.TOTAL, ""),
        (Dimension.COUNTRY, fact.country),
        (Dimension.REFERRER, fact.referrer_domain),
        (Dimension.BROWSER, fact.browser),
        (Dimension.OS, fact.os),
        (Dimension.DEVICE, fact.device_type),
        (Dimension.LANGUAGE, fact.language),
    ]


def add(clicks: Iterable[Click], *, totals: bool = True) -> None:
    """Count `clicks` (rows just inserted) into the rollups and the link totals.

    `totals=False` leaves the links' totals alone (for rows made up by hand).
    """
    add_facts(Counter(fact_of(click) for click in clicks), totals=totals)


def add_facts(facts: Counter[Fact], *, totals: bool = True) -> None:
    """Count clicks, given as how many share each fact (see `add`)."""
    counted: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    counts: dict[Key, list[int]] = defaultdict(lambda: [0, 0])
    for fact, number in facts.items():
        unique = number if fact.is_unique else 0
        for dimension, value in dimensions_of(fact):
            entry = counts[(fact.link_id, fact.day, dimension, value)]
            entry[0] += number
            entry[1] += unique
        if not fact.is_bot:
            entry = counted[fact.link_id]
            entry[0] += number
            entry[1] += unique
    upsert(counts)
    if totals:
        add_totals(counted)


def upsert(counts: dict[Key, list[int]]) -> None:
    """Add the counts to the rollup rows, creating the missing ones (SQL below).

    `bulk_create(update_conflicts=True)` would overwrite the counts, not add to
    them, so the statement is written out; SQLite and PostgreSQL both speak it.
    The rows go in key order: concurrent batches lock rows in one order.
    """
    if not counts:
        return
    quote = connection.ops.quote_name
    table = quote(DailyStat._meta.db_table)
    columns = ["link_id", "day", "dimension", "value", "clicks", "unique_clicks"]
    head = f"INSERT INTO {table} ({', '.join(quote(c) for c in columns)}) "
    tail = (
        f" ON CONFLICT ({', '.join(quote(c) for c in columns[:4])}) DO UPDATE SET "
        f"{quote('clicks')} = {table}.{quote('clicks')} + excluded.{quote('clicks')}, "
        f"{quote('unique_clicks')} = {table}.{quote('unique_clicks')} "
        f"+ excluded.{quote('unique_clicks')}"
    )
    rows = [(*key, *nums) for key, nums in sorted(counts.items())]
    if connection.vendor == "postgresql":
        # One statement whatever the size: one array per column (`bulk`).
        # WITH ORDINALITY … ORDER BY keeps the rows (and the locks) in order.
        arrays = bulk.arrays("bigint", "date", "text", "text", "bigint", "bigint")
        with bulk.cursor() as cursor:
            cursor.execute(
                head + f"SELECT l, d, m, v, c, u FROM unnest({arrays}) "
                "WITH ORDINALITY AS r(l, d, m, v, c, u, n) ORDER BY n" + tail,
                [list(column) for column in zip(*rows, strict=True)],
            )
        return
    with connection.cursor() as cursor:
        adapt = connection.ops.adapt_datefield_value
        for start in range(0, len(rows), UPSERT_CHUNK):
            chunk = rows[start : start + UPSERT_CHUNK]
            values = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(chunk))
            params = [
                param
                for link_id, day, *rest in chunk
                for param in (link_id, adapt(day), *rest)
            ]
            cursor.execute(head + "VALUES " + values + tail, params)


def add_totals(counted: dict[int, list[int]]) -> None:
    """Add (clicks, unique clicks) to each link's maintained totals."""
    if not counted:
        return
    # In id order, as the rollup rows: concurrent batches lock rows in one order.
    items = sorted(counted.items())
    if connection.vendor == "postgresql":
        table = connection.ops.quote_name(Link._meta.db_table)
        ids = [link_id for link_id, _ in items]
        with bulk.cursor() as cursor:
            cursor.execute(
                f"SELECT 1 FROM {table} WHERE id = ANY(%b::bigint[]) "
                "ORDER BY id FOR UPDATE",
                [ids],
            )
            cursor.execute(
                f"UPDATE {table} SET clicks = {table}.clicks + v.c, "
                f"unique_clicks = {table}.unique_clicks + v.u "
                f"FROM unnest({bulk.arrays(*['bigint'] * 3)}) AS v(id, c, u) "
                f"WHERE {table}.id = v.id",
                [ids, [n for _, (n, _) in items], [u for _, (_, u) in items]],
            )
        return
    for link_id, (number, unique) in items:
        counters = {"clicks": F("clicks") + number}
        if unique:
            counters["unique_clicks"] = F("unique_clicks") + unique
        Link.objects.filter(pk=link_id).update(**counters)

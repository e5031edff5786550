"""Statistics, read from the daily rollups only: never a scan of raw clicks.

- `link_stats(link)`: the block of `GET /api/url/:id` and `GET /api/qr/:id` (D9).
- `series`, `breakdown`, `bot_visits`: over a link or a queryset of links (one
  link, or all of a user's), between two dates (both included; None: open).

Values are stored as recorded: "" is an unknown country, browser or language,
and a direct visit in the `referrer` dimension.
"""

from collections import Counter
from datetime import date, timedelta
from typing import Literal, TypedDict

from django.db.models import Q, QuerySet, Sum

from analytics.models import DailyStat, Dimension
from shortener.models import Link

Links = Link | QuerySet[Link]
Unit = Literal["day", "week", "month"]

TOP = 10
UNKNOWN_COUNTRY = "Unknown"
DIRECT = "Direct, email and other"
# Referrer domains (and their subdomains) counted in socialCount, not topReferrers.
SOCIAL_DOMAINS = {
    "facebook": ("facebook.com", "fb.com", "fb.me"),
    "twitter": ("twitter.com", "x.com", "t.co"),
    "instagram": ("instagram.com",),
    "linkedin": ("linkedin.com", "lnkd.in"),
}


class SocialCount(TypedDict):
    facebook: int
    twitter: int
    instagram: int
    linkedin: int
    google: int


class LinkStats(TypedDict):
    """The `data` block of a link's details (D9); keys as the contract spells them."""

    clicks: int
    uniqueClicks: int
    topCountries: dict[str, int]
    topReferrers: dict[str, int]
    topBrowsers: dict[str, int]
    topOs: dict[str, int]
    socialCount: SocialCount


def link_stats(link: Link) -> LinkStats:
    """Counters and top-10 breakdowns of the link's human clicks (one query)."""
    rows = (
        DailyStat.objects.filter(
            link=link,
            dimension__in=[
                Dimension.COUNTRY,
                Dimension.REFERRER,
                Dimension.BROWSER,
                Dimension.OS,
            ],
        )
        .order_by()
        .values_list("dimension", "value")
        .annotate(number=Sum("clicks"))
    )
    by: dict[str, Counter[str]] = {
        dimension: Counter()
        for dimension in (
            Dimension.COUNTRY, Dimension.REFERRER, Dimension.BROWSER, Dimension.OS
        )
    }  # fmt: skip
    for dimension, value, number in rows:
        by[dimension][value] += number
    referrers = by[Dimension.REFERRER]
    social: Counter[str] = Counter()
    others: Counter[str] = Counter()
    for domain, number in referrers.items():
        network = social_network(domain)
        if network:
            social[network] += number
        else:
            others[domain or DIRECT] += number
    return {
        "clicks": link.clicks,
        "uniqueClicks": link.unique_clicks,
        "topCountries": top(by[Dimension.COUNTRY], empty=UNKNOWN_COUNTRY),
        "topReferrers": top(others),
        "topBrowsers": top(by[Dimension.BROWSER]),
        "topOs": top(by[Dimension.OS]),
        "socialCount": social_count(social),
    }


def social_count(numbers: Counter[str] | None = None) -> SocialCount:
    numbers = numbers or Counter()
    return {
        "facebook": numbers["facebook"],
        "twitter": numbers["twitter"],
        "instagram": numbers["instagram"],
        "linkedin": numbers["linkedin"],
        "google": 0,  # kept for the documented shape (D9)
    }


def empty_stats() -> LinkStats:
    """The block of something never counted, such as a static QR code (D9)."""
    return {
        "clicks": 0,
        "uniqueClicks": 0,
        "topCountries": {},
        "topReferrers": {},
        "topBrowsers": {},
        "topOs": {},
        "socialCount": social_count(),
    }


def top(numbers: Counter[str], empty: str = "") -> dict[str, int]:
    """The ten largest counts, largest first (ties in label order)."""
    labelled: Counter[str] = Counter()
    for label, number in numbers.items():
        labelled[label or empty] += number
    return largest(labelled, TOP)


def rollups(
    links: Links, dimension: str, start: date | None, end: date | None
) -> QuerySet[DailyStat]:
    """The rollup rows of `links` in one dimension between two days (included)."""
    where = Q(dimension=dimension)
    where &= Q(link=links) if isinstance(links, Link) else Q(link__in=links)
    if start is not None:
        where &= Q(day__gte=start)
    if end is not None:
        where &= Q(day__lte=end)
    return DailyStat.objects.filter(where).order_by()


def bucket(day: date, unit: Unit) -> date:
    """The first day of the day's week (Monday) or month; the day itself."""
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    return day


def series(
    links: Links, start: date, end: date, unit: Unit = "day"
) -> list[tuple[date, int, int]]:
    """(first day of the period, clicks, unique clicks) for every period, in order.

    Periods without clicks are listed with zeros, so a chart has no gaps.
    Unique clicks of a week or month add up the days' (a visitor is unique
    once a day: their hash changes with the day, D34).
    """
    if unit not in {"day", "week", "month"}:
        raise ValueError(f"unknown unit {unit!r}")
    totals: dict[date, list[int]] = {}
    period = bucket(start, unit)
    while period <= end:
        totals[period] = [0, 0]
        period = next_period(period, unit)
    rows = (
        rollups(links, Dimension.TOTAL, start, end)
        .values_list("day")
        .annotate(number=Sum("clicks"), unique=Sum("unique_clicks"))
    )
    for day, number, unique in rows:
        entry = totals[bucket(day, unit)]
        entry[0] += number
        entry[1] += unique
    return [(period, number, unique) for period, (number, unique) in totals.items()]


def next_period(period: date, unit: Unit) -> date:
    if unit == "week":
        return period + timedelta(days=7)
    if unit == "month":
        return (period.replace(day=28) + timedelta(days=4)).replace(day=1)
    return period + timedelta(days=1)


def breakdown(
    links: Links,
    dimension: str,
    start: date | None,
    end: date | None,
    top: int | None = TOP,  # None: every value
) -> dict[str, int]:
    """Human clicks by value of a dimension, largest first (ties in label order).

    `dimension` is one of `Dimension` ("bot" gives bot visits by bot name).
    """
    if dimension not in Dimension.values:
        raise ValueError(f"unknown dimension {dimension!r}")
    rows = (
        rollups(links, dimension, start, end)
        .values_list("value")
        .annotate(number=Sum("clicks"))
    )
    return largest(Counter(dict(rows)), top)


def largest(numbers: Counter[str], limit: int | None) -> dict[str, int]:
    ranked = sorted(numbers.items(), key=lambda item: (-item[1], item[0]))
    return dict(ranked if limit is None else ranked[:limit])


def bot_visits(links: Links, start: date | None, end: date | None) -> int:
    """Visits by bots and link-preview crawlers (kept out of every other count)."""
    found = rollups(links, Dimension.BOT, start, end).aggregate(number=Sum("clicks"))
    return found["number"] or 0


def social_network(domain: str) -> str | None:
    """The social network a referrer domain belongs to, if any."""
    for network, domains in SOCIAL_DOMAINS.items():
        if any(domain == d or domain.endswith(f".{d}") for d in domains):
            return network
    return None

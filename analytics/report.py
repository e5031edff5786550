"""What the statistics pages show, read from the daily rollups only.

Every figure comes from `analytics.stats` (series, breakdown, bot_visits), which
reads the per-day rollups: a page costs the same for ten clicks or ten million.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypedDict

from django.db.models import QuerySet
from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from analytics import stats
from analytics.models import DeviceType
from shortener.models import Link

RANGES = {"7d": 7, "30d": 30, "90d": 90, "365d": 365}
UNITS = ("day", "week", "month")
DEFAULT_RANGE = "30d"
DEFAULT_UNIT = "day"
OVERVIEW_DAYS = 30
TOP = 10
TOP_LINKS = 5
# The breakdowns a link's page shows, in order: (rollup dimension, heading).
DIMENSIONS: list[tuple[str, str | Promise]] = [
    ("country", _("Countries")),
    ("referrer", _("Referrers")),
    ("browser", _("Browsers")),
    ("os", _("Operating systems")),
    ("device", _("Devices")),
    ("language", _("Languages")),
]
# What an empty value of a dimension stands for.
EMPTY_LABELS: dict[str, str | Promise] = {
    "country": _("Unknown"),
    "referrer": _("Direct, email and other"),
    "language": _("Not sent"),
}


@dataclass(frozen=True)
class Period:
    """The days a page covers (both ends included) and how they are grouped."""

    start: date
    end: date
    unit: stats.Unit

    @classmethod
    def ending_today(cls, *, days: int, unit: stats.Unit = "day") -> "Period":
        end = timezone.localdate()
        return cls(start=end - timedelta(days=days - 1), end=end, unit=unit)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def bucket_label(bucket: date, unit: str) -> str:
    if unit == "month":
        return formats.date_format(bucket, "YEAR_MONTH_FORMAT")
    return formats.date_format(bucket, "SHORT_DATE_FORMAT")


@dataclass(frozen=True)
class Point:
    """One day, week or month of the clicks-over-time chart and table."""

    start: date
    label: str
    clicks: int
    unique: int


def timeline(links: QuerySet[Link], period: Period) -> list[Point]:
    """Clicks and unique clicks per day, week or month, idle ones included."""
    rows = stats.series(links, period.start, period.end, unit=period.unit)
    return [
        Point(start, bucket_label(start, period.unit), clicks, unique)
        for start, clicks, unique in rows
    ]


def display(dimension: str, value: str) -> str:
    """How a rollup value reads on a page: names rather than codes."""
    if not value:
        return str(EMPTY_LABELS.get(dimension, _("Unknown")))
    if dimension == "device" and value in DeviceType.values:
        return str(DeviceType(value).label)
    if dimension == "language":
        try:
            return get_language_info(value)["name_translated"]
        except KeyError:  # a language the site has no name for
            return value
    return value


@dataclass(frozen=True)
class Breakdown:
    """The top values of one dimension, largest first."""

    dimension: str
    title: str | Promise
    rows: list[tuple[str, int]]


def breakdown(
    links: QuerySet[Link], dimension: str, title: str | Promise, period: Period
) -> Breakdown:
    counts = stats.breakdown(links, dimension, period.start, period.end, top=TOP)
    merged: dict[str, int] = {}
    for value, number in counts.items():
        label = display(dimension, value)
        merged[label] = merged.get(label, 0) + number
    rows = sorted(merged.items(), key=lambda row: (-row[1], row[0]))
    return Breakdown(dimension, title, rows)


class Dataset(TypedDict):
    label: str
    data: list[int]


class Chart(TypedDict):
    """What static/analytics/stats.js draws, passed with json_script."""

    labels: list[str]
    datasets: list[Dataset]


def timeline_chart(points: list[Point]) -> Chart:
    return {
        "labels": [point.label for point in points],
        "datasets": [
            {"label": str(_("Clicks")), "data": [p.clicks for p in points]},
            {"label": str(_("Unique clicks")), "data": [p.unique for p in points]},
        ],
    }


def bar_chart(rows: list[tuple[str, int]], label: str | Promise) -> Chart:
    return {
        "labels": [name for name, _number in rows],
        "datasets": [{"label": str(label), "data": [n for _name, n in rows]}],
    }


def link_report(link: Link, period: Period) -> dict[str, Any]:
    """Everything a link's statistics page shows for the period."""
    links = Link.objects.filter(pk=link.pk)
    points = timeline(links, period)
    breakdowns = [
        breakdown(links, dimension, title, period) for dimension, title in DIMENSIONS
    ]
    countries = breakdowns[0]
    return {
        "period": period,
        "points": points,
        "clicks": sum(point.clicks for point in points),
        "unique": sum(point.unique for point in points),
        "bots": stats.bot_visits(links, period.start, period.end),
        "timeline_chart": timeline_chart(points),
        "countries": countries,
        "countries_chart": bar_chart(countries.rows, _("Clicks")),
        "breakdowns": breakdowns[1:],
        "bot_names": breakdown(links, "bot", _("Bots"), period),
    }


def account_overview(user: Any) -> dict[str, Any]:
    """The dashboard home's figures: the last 30 days across all the links."""
    links = Link.objects.filter(owner=user)
    period = Period.ending_today(days=OVERVIEW_DAYS)
    points = timeline(links, period)
    return {
        "period": period,
        "clicks": sum(point.clicks for point in points),
        "unique": sum(point.unique for point in points),
        "timeline_chart": timeline_chart(points),
        "points": points,
        # The maintained per-link totals: no count over clicks.
        "top_links": list(
            links.filter(clicks__gt=0)
            .select_related("domain")
            .order_by("-clicks", "-created", "-id")[:TOP_LINKS]
        ),
        "countries": breakdown(links, "country", _("Top countries"), period),
        "referrers": breakdown(links, "referrer", _("Top referrers"), period),
    }

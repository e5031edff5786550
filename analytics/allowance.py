"""The plan's monthly allowance of tracked clicks (api-spec §16.3, §16.8 `clicks`).

Once an owner's links have counted their plan's `clicks` this calendar month,
further visits still redirect but are not recorded. No visit pays a query for
this:

- the owner's limit is read from their plan at most every LIMIT_SECONDS
  (cached);
- a counter per owner and month counts the clicks. With the click buffer the
  drain keeps it in the buffer's Redis (`analytics.decisions`); without one
  `take` adds to it in the cache (INCR, atomic). Either way a counter that is
  missing is rebuilt from the daily rollups (`counted_this_month`).

While paid plans are off nothing is asked at all (D38).
"""

from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db.models import Sum
from django.utils import timezone

from billing import entitlements

LIMIT_SECONDS = 5 * 60  # a plan change reaches the redirect within this time
MONTH_SECONDS = 32 * 24 * 60 * 60  # a counter outlives its month, then expires
NO_LIMIT = 0  # what the cache holds for "unlimited" (None means "not cached")


def month_start(now: datetime | None = None) -> datetime:
    """The start of the calendar month in the site's time zone."""
    local = timezone.localtime(now)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def counter_key(owner_id: int, now: datetime | None = None) -> str:
    return f"analytics:month-clicks:{owner_id}:{month_start(now):%Y-%m}"


def limit_key(owner_id: int) -> str:
    return f"analytics:click-limit:{owner_id}"


def monthly_limit(owner_id: int) -> int | None:
    """The owner's tracked clicks per month, or None for unlimited (cached)."""
    cached = cache.get(limit_key(owner_id))
    if cached is None:
        owner = (
            get_user_model()
            .objects.select_related("subscription__plan")
            .filter(pk=owner_id)
            .first()
        )
        value = entitlements.limit(owner, "clicks") if owner is not None else None
        cached = value or NO_LIMIT
        cache.set(limit_key(owner_id), cached, LIMIT_SECONDS)
    return cached or None


def counted_this_month(owner_id: int, now: datetime | None = None) -> int:
    """The owner's human clicks recorded in the month of `now` (default: this one).

    Read from the daily rollups (a few rows per link and day, whatever the
    clicks); clicks still in the buffer are not in them yet.
    """
    from analytics.models import DailyStat, Dimension

    start = month_start(now)
    following = month_start(start + timedelta(days=32))
    found = DailyStat.objects.filter(
        link__owner=owner_id,
        dimension=Dimension.TOTAL,
        day__gte=start.date(),
        day__lt=following.date(),
    ).aggregate(number=Sum("clicks"))
    return found["number"] or 0


def take(owner_id: int) -> bool:
    """Count one human click against the owner's allowance; False once it is used.

    INCR is atomic, so concurrent visits cannot both take the last click.
    """
    cap = allowance_of(owner_id)
    if cap is None:
        return True
    key = counter_key(owner_id)
    try:
        count = cache.incr(key)
    except ValueError:  # not cached (first click of the month, or evicted)
        cache.add(key, counted_this_month(owner_id), MONTH_SECONDS)
        try:
            count = cache.incr(key)
        except ValueError:  # a cache that keeps nothing: count from the rows
            count = counted_this_month(owner_id) + 1
    return count <= cap


def exhausted(owner_id: int) -> bool:
    """Whether the owner's allowance is used up (asks, takes nothing)."""
    cap = allowance_of(owner_id)
    if cap is None:
        return False
    count = cache.get(counter_key(owner_id))
    if count is None:
        count = counted_this_month(owner_id)
        cache.add(counter_key(owner_id), count, MONTH_SECONDS)
    return count >= cap


def allowance_of(owner_id: int) -> int | None:
    """The limit that applies, or None: no plan limits while paid plans are off."""
    if not entitlements.paid_plans():
        return None
    return monthly_limit(owner_id)

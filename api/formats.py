"""Value formats of the contract (api-spec §1.7)."""

from datetime import date, datetime

from django.utils import timezone

DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def timestamp(value: datetime | None) -> str | None:
    """`YYYY-MM-DD HH:MM:SS` in the site's time zone, or None."""
    if value is None:
        return None
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime(DATETIME_FORMAT)


def day(value: date | datetime) -> str:
    """`YYYY-MM-DD` (channel items)."""
    if isinstance(value, datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.strftime("%Y-%m-%d")

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


def parse_timestamp(value: object) -> datetime | None:
    """An aware datetime from `YYYY-MM-DD HH:MM:SS` in the site's time zone.

    None when the value is not a string in exactly that format or not a real
    date (2024-02-30).
    """
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.strptime(value.strip(), DATETIME_FORMAT)  # noqa: DTZ007
    except ValueError:
        return None
    return timezone.make_aware(moment)

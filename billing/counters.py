"""How many of each counted thing a user has, for the billing page's usage().

Each app whose objects a plan quota counts is listed here by its related name on
the user; apps added later register their own counter with
`billing.entitlements.register_counter` in their AppConfig.ready().
"""

from datetime import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from billing import entitlements


def month_start() -> datetime:
    """The start of the current calendar month in the site's time zone."""
    now = timezone.localtime()
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def count_links(user: Any) -> int:
    """Links towards the `links` quota: all, or this month's on a monthly plan."""
    links = user.links.filter(kind="link")
    if entitlements.paid_plans() and entitlements.plan_for(user).links_monthly:
        links = links.filter(created__gte=month_start())
    return links.count()


def count_clicks(user: Any) -> int:
    """Human clicks on the user's links this calendar month (D34)."""
    from analytics.models import Click

    return Click.objects.filter(
        link__owner=user, is_bot=False, created__gte=month_start()
    ).count()


def related_count(name: str) -> Any:
    def count(user: Any) -> int:
        return getattr(user, name).count()

    return count


def register() -> None:
    entitlements.register_counter("links", _("Links"), count_links)
    entitlements.register_counter("clicks", _("Clicks this month"), count_clicks)
    for key, label, name in (
        ("qr", _("QR codes"), "qr_codes"),
        ("domain", _("Branded domains"), "domains"),
        ("pixels", _("Tracking pixels"), "pixels"),
        ("splash", _("Custom splash pages"), "splash_pages"),
        ("overlay", _("CTA overlays"), "overlays"),
        ("files", _("Shared files"), "files"),
    ):
        entitlements.register_counter(key, label, related_count(name))

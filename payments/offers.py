"""Plans as the pricing page shows them: prices per period and features in words."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from billing.features import FEATURES
from billing.models import Period, Plan


@dataclass(frozen=True)
class Price:
    period: str
    label: str
    amount: Decimal


@dataclass(frozen=True)
class Offer:
    plan: Plan
    prices: list[Price] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)


def amount(value: int) -> str:
    return number_format(value, force_grouping=True)


def prices(plan: Plan) -> list[Price]:
    """The plan's prices, per period it is sold for (none for a free plan)."""
    if plan.is_free:
        return []
    return [
        Price(period.value, str(period.label), price)
        for period in Period
        if (price := getattr(plan, f"price_{period.value}")) is not None
    ]


def limit_lines(plan: Plan) -> list[str]:
    """Links, clicks and retention in words (0 means unlimited or forever)."""
    if not plan.links:
        links = _("Unlimited links")
    elif plan.links_monthly:
        links = ngettext(
            "%(count)s link per month", "%(count)s links per month", plan.links
        ) % {"count": amount(plan.links)}
    else:
        links = ngettext("%(count)s link", "%(count)s links", plan.links) % {
            "count": amount(plan.links)
        }
    if not plan.clicks:
        clicks = _("Unlimited tracked clicks")
    else:
        clicks = ngettext(
            "%(count)s tracked click per month",
            "%(count)s tracked clicks per month",
            plan.clicks,
        ) % {"count": amount(plan.clicks)}
    if not plan.retention:
        retention = _("Statistics kept forever")
    else:
        retention = ngettext(
            "Statistics kept for %(count)s day",
            "Statistics kept for %(count)s days",
            plan.retention,
        ) % {"count": amount(plan.retention)}
    return [links, clicks, retention]


def feature_lines(plan: Plan) -> list[str]:
    """The plan's enabled features, with their quota where they have one."""
    lines = []
    for spec in FEATURES:
        feature = plan.feature(spec.key)
        if spec.key == "custom":
            # A free-text line; its `enabled` flag is vestigial (§16.8).
            if feature.custom.strip():
                lines.append(feature.custom.strip())
            continue
        if not feature.enabled:
            continue
        if not spec.counted:
            lines.append(str(spec.label))
        elif spec.key == "apirate" and not feature.count:
            lines.append(_("%(feature)s: site default") % {"feature": spec.label})
        elif not feature.count:
            lines.append(_("%(feature)s: unlimited") % {"feature": spec.label})
        else:
            lines.append(
                _("%(feature)s: %(count)s")
                % {"feature": spec.label, "count": amount(feature.count)}
            )
    return lines


def offers(plans: list[Plan]) -> list[Offer]:
    return [
        Offer(
            plan=plan,
            prices=prices(plan),
            lines=limit_lines(plan) + feature_lines(plan),
        )
        for plan in plans
    ]

"""Plans, for administrators (api-spec §12, §16.8; D15, D28, D31)."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from api.reference.model import Endpoint, Param, Section
from billing.features import FEATURES


def example_limits(
    links: int, clicks: int, retention: int, **features: tuple[str, str]
) -> dict[str, Any]:
    """`limits` as the endpoint writes it: every feature, flags as strings."""
    limits: dict[str, Any] = {"links": links, "clicks": clicks, "retention": retention}
    for spec in FEATURES:
        enabled, count = features.get(spec.key, ("0", "0"))
        limits[spec.key] = (
            {"enabled": enabled, "count": count}
            if spec.counted
            else {"enabled": enabled}
        )
    return limits


SECTION = Section(
    slug="plans",
    title=_("Plans"),
    description=_(
        "Administrators only: the site's plans, and putting a user on one. "
        "Other keys get 403."
    ),
    admin_only=True,
    endpoints=(
        Endpoint(
            name="plan-list",
            method="GET",
            path="/api/plans",
            title=_("List plans"),
            description=_(
                "Every plan, newest first, not paginated. `prices` is null for a "
                "free plan. `links`, `clicks` and `retention` are numbers (0 = "
                "unlimited, or forever); every feature is listed with `enabled` "
                "and, for features with a quota, `count` (0 = unlimited), both "
                "as strings; `custom` appears where the plan sets a text."
            ),
            response={
                "error": 0,
                "data": [
                    {
                        "id": 2,
                        "name": "Business",
                        "free": False,
                        "prices": {
                            "monthly": 9.99,
                            "yearly": 99.99,
                            "lifetime": 999.99,
                        },
                        "limits": example_limits(
                            100,
                            100000,
                            60,
                            splash=("1", "5"),
                            overlay=("1", "10"),
                            pixels=("1", "10"),
                            domain=("1", "1"),
                            alias=("1", "0"),
                        ),
                    },
                    {
                        "id": 1,
                        "name": "Starter",
                        "free": True,
                        "prices": None,
                        "limits": example_limits(
                            10, 1000, 7, overlay=("0", "10"), pixels=("0", "10")
                        ),
                    },
                ],
            },
        ),
        Endpoint(
            name="plan-subscribe",
            method="PUT",
            path="/api/plan/:planid/user/:userid",
            title=_("Subscribe a user to a plan"),
            description=_(
                "Put a user on a plan, replacing their subscription. Without "
                "`expiration` it runs one month, one year or ten years (lifetime) "
                "from now."
            ),
            params=(
                Param("planid", "path", "integer", _("The plan's id."), required=True),
                Param("userid", "path", "integer", _("The user's id."), required=True),
                Param(
                    "type",
                    "body",
                    "string",
                    _("The period: monthly, yearly or lifetime."),
                    required=True,
                ),
                Param(
                    "expiration",
                    "body",
                    "string",
                    _(
                        "When the subscription ends, YYYY-MM-DD HH:MM:SS in the "
                        "site's time zone."
                    ),
                ),
            ),
            request={"type": "monthly", "expiration": "2030-04-29 01:56:51"},
            response={"error": 0, "message": "User has been subscribed to this plan."},
        ),
    ),
)

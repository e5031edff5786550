"""Plans for administrators: list them, subscribe a user (api-spec §12)."""

from decimal import Decimal
from typing import Any, TypedDict

from rest_framework.request import Request
from rest_framework.response import Response

from accounts.models import User
from api.envelope import ok
from api.formats import parse_timestamp
from api.views import ContractAPIView
from billing import services
from billing.features import FEATURES
from billing.models import Period, Plan
from core.errors import InvalidInput, NotFound

PLAN_NOT_FOUND = "Plan does not exist."
USER_NOT_FOUND = "User does not exist."
MISSING_TYPE = "API request is missing the type parameter."
INVALID_EXPIRATION = "The expiration date is not valid."


class PlanData(TypedDict):
    id: int
    name: str
    free: bool
    prices: dict[str, float | None] | None
    limits: dict[str, Any]


def price(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def plan_limits(plan: Plan) -> dict[str, Any]:
    """`limits` of §12.1: numbers, then every feature with string flags (D28)."""
    limits: dict[str, Any] = {
        "links": plan.links,
        "clicks": plan.clicks,
        "retention": plan.retention,
    }
    for spec in FEATURES:
        feature = plan.feature(spec.key)
        item = {"enabled": "1" if feature.enabled else "0"}
        if spec.counted:
            item["count"] = str(feature.count)
        if spec.custom and feature.custom:
            item["custom"] = feature.custom
        limits[spec.key] = item
    return limits


def plan_data(plan: Plan) -> PlanData:
    prices = None
    if not plan.is_free:
        prices = {
            "monthly": price(plan.price_monthly),
            "yearly": price(plan.price_yearly),
            "lifetime": price(plan.price_lifetime),
        }
    return {
        "id": plan.pk,
        "name": plan.name,
        "free": plan.is_free,
        "prices": prices,
        "limits": plan_limits(plan),
    }


class PlanListView(ContractAPIView):
    """GET /api/plans: every plan, newest first (D31), not paginated."""

    admin_only = True

    def get(self, request: Request) -> Response:
        plans = Plan.objects.order_by("-id")
        return Response(ok(data=[plan_data(plan) for plan in plans]))


class SubscribeView(ContractAPIView):
    """PUT /api/plan/:planid/user/:userid: put a user on a plan (§12.2, D15)."""

    admin_only = True

    def put(self, request: Request, planid: int, userid: int) -> Response:
        period = request.data.get("type")
        if not isinstance(period, str) or period.strip() not in Period.values:
            raise InvalidInput(MISSING_TYPE)
        plan = Plan.objects.filter(pk=planid).first()
        if plan is None:
            raise NotFound(PLAN_NOT_FOUND)
        user = User.objects.filter(pk=userid).first()
        if user is None:
            raise NotFound(USER_NOT_FOUND)
        expires = None
        if request.data.get("expiration") not in (None, ""):
            expires = parse_timestamp(request.data["expiration"])
            if expires is None:
                raise InvalidInput(INVALID_EXPIRATION)
        services.subscribe(user, plan, period.strip(), expires)
        return Response(ok(message="User has been subscribed to this plan."))

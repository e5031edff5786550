"""Users, for administrators (api-spec §13, D15, D24, D25).

Admins see and manage every account here; everywhere else they act as
themselves. Not paginated, newest first (D31).
"""

from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from rest_framework.request import Request
from rest_framework.response import Response

from accounts import services
from accounts.api import AccountData, account_data
from accounts.models import User
from api.envelope import INVALID_BODY, ok
from api.formats import parse_timestamp
from api.views import ContractViewSet
from billing.api import INVALID_EXPIRATION, PLAN_NOT_FOUND, USER_NOT_FOUND
from billing.models import Plan, Subscription
from core.errors import InvalidInput, NotFound

FILTERS = {"admin", "free", "pro"}


class UserData(AccountData):
    apikey: str


def user_data(user: User, default_plan: Plan) -> UserData:
    return {**account_data(user, default_plan), "apikey": user.api_key}


def filtered(users: QuerySet, request: Request) -> QuerySet:
    """`filter=admin|free|pro`, else `email` (a case-insensitive search)."""
    kind = request.query_params.get("filter", "").strip().lower()
    if kind == "admin":
        return users.filter(Q(is_staff=True) | Q(is_superuser=True))
    if kind in FILTERS:
        pro = Subscription.objects.current(timezone.now()).filter(plan__is_free=False)
        pro_users = Q(pk__in=pro.values("user_id"))
        return users.filter(pro_users) if kind == "pro" else users.exclude(pro_users)
    if "filter" not in request.query_params and (
        email := request.query_params.get("email", "").strip()
    ):
        return users.filter(email__icontains=email)
    return users


def body_text(data: dict[str, Any], name: str) -> str:
    """A required string parameter, trimmed (passwords are taken as sent)."""
    value = data.get(name)
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(INVALID_BODY)
    return value if name == "password" else value.strip()


def requested_plan(data: dict[str, Any]) -> Plan | None:
    planid = data.get("planid")
    if planid in (None, ""):
        return None
    if isinstance(planid, bool) or not str(planid).strip().isdigit():
        raise InvalidInput(INVALID_BODY)
    plan = Plan.objects.filter(pk=int(str(planid).strip())).first()
    if plan is None:
        raise NotFound(PLAN_NOT_FOUND)
    return plan


class UserViewSet(ContractViewSet):
    admin_only = True
    not_found = USER_NOT_FOUND

    def get_queryset(self) -> QuerySet:
        return User.objects.select_related("subscription__plan").order_by("-id")

    def list(self, request: Request) -> Response:
        default = Plan.objects.default()
        users = filtered(self.get_queryset(), request)
        return Response(ok(data=[user_data(user, default) for user in users]))

    def retrieve(self, request: Request, pk: int) -> Response:
        user = self.get_object()
        return Response(ok(data=user_data(user, Plan.objects.default())))

    def create(self, request: Request) -> Response:
        """POST /api/user/add (§13.3): documented success shape of D15."""
        data = request.data
        username, email, password = (
            body_text(data, name) for name in ("username", "email", "password")
        )
        plan = requested_plan(data)
        expires = None
        if plan is not None:
            expires = parse_timestamp(data.get("expiration"))
            if expires is None:
                raise InvalidInput(INVALID_EXPIRATION)
        user = services.create_user(
            username=username,
            email=email,
            password=password,
            plan=plan,
            expires=expires,
        )
        return Response(
            ok(
                message="User has been registered.",
                data={"id": user.pk, "email": user.email, "username": user.username},
            )
        )

    def destroy(self, request: Request, pk: int) -> Response:
        services.delete_user(self.get_object())
        return Response(ok(message="User has been deleted."))

    def login(self, request: Request, pk: int) -> Response:
        """GET /api/user/login/:id (§13.5, D24): a one-time login URL."""
        token = services.issue_login_token(self.get_object())
        path = reverse("accounts:sso_login", args=[token])
        return Response(ok(url=f"{settings.SITE_URL}{path}"))

"""Account endpoints (api-spec §2)."""

from typing import Any, TypedDict

from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from accounts import services
from accounts.models import User
from api.envelope import ok
from api.formats import timestamp
from api.views import ContractAPIView
from billing import entitlements
from billing.models import Plan


class AccountData(TypedDict):
    id: int
    email: str
    username: str
    avatar: str
    status: str
    planid: int
    expires: str | None
    registered: str | None


def account_data(user: User, default_plan: Plan | None = None) -> AccountData:
    """The account object of §2.1 (also the user object of §13).

    `planid` is the plan the user is on (the default free plan without a
    current subscription); `expires` is the current subscription's expiry.
    `default_plan` saves a query per user when listing many.
    """
    subscription = entitlements.current_subscription(user)
    if subscription is not None:
        plan_id, expires = subscription.plan_id, subscription.expires
    else:
        plan_id, expires = (default_plan or Plan.objects.default()).pk, None
    is_pro = subscription is not None and not subscription.plan.is_free
    return {
        "id": user.pk,
        "email": user.email,
        "username": user.username,
        "avatar": user.avatar_url(),
        "status": "pro" if is_pro else "free",
        "planid": plan_id,
        "expires": timestamp(expires),
        "registered": timestamp(user.date_joined),
    }


class AccountView(ContractAPIView):
    """GET /api/account (and POST, D8): the caller's own account."""

    def get(self, request: Request) -> Response:
        return Response(account_data(request.user))

    post = get


class AccountUpdateSerializer(serializers.Serializer):
    email = serializers.EmailField(
        required=False,
        max_length=254,
        error_messages=dict.fromkeys(
            ("invalid", "blank", "null", "max_length"), "Please enter a valid email."
        ),
    )
    password = serializers.CharField(
        required=False,
        trim_whitespace=False,
        max_length=128,
        error_messages={
            "blank": "Password must be at least 5 characters.",
            "null": "Password must be at least 5 characters.",
            "invalid": "Password must be at least 5 characters.",
            "max_length": "Password must be at most 128 characters.",
        },
    )


class AccountUpdateView(ContractAPIView):
    """PUT /api/account/update: change e-mail and/or password."""

    def put(self, request: Request) -> Response:
        serializer = AccountUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        fields: dict[str, Any] = serializer.validated_data
        if not services.update_account(user=request.user, **fields):
            return Response(ok(message="No changes were done to the account."))
        return Response(ok(message="Account has been successfully updated."))

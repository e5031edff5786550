"""Who may call an endpoint, beyond holding a valid key."""

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from api.exceptions import NO_PERMISSION


class IsAdmin(BasePermission):
    """The admin endpoints (api-spec §12-§13): staff or superusers only."""

    message = NO_PERMISSION

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        return bool(user is not None and user.is_admin)

"""Plan gates of the API (api-spec §1.2, D38, D42), checked once for every view.

DRF asks permissions after authentication and the rate limit (api.views) and
after routing, so a refused key still used up a request of its window, and an
unknown path is still a 404. A view names the plan feature behind its endpoint
family with a `feature` attribute (`feature = "qr"`); the view needs nothing else.
"""

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from billing import entitlements

NO_API = "You do not have the permission to use the API."


class PlanGate(BasePermission):
    """The caller's plan must include the API, and the family's feature.

    Both refusals raise core.errors.PermissionDenied (403 with the contract's
    message). Admins bypass both (entitlements.has); while paid plans are off
    nobody is refused (D38). A view with `plan_gated = False` is not asked.
    """

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        if user is None or not getattr(view, "plan_gated", True):
            return True
        entitlements.require(user, "api", NO_API)
        if feature := getattr(view, "feature", None):
            entitlements.require(user, feature)
        return True

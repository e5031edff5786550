"""API keys, in every form the contract accepts (api-spec §1.2, D1)."""

from django.conf import settings
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from accounts.models import User
from core.errors import PermissionDenied

SCHEMES = {"bearer", "token"}


def credential(request: Request) -> str | None:
    """The key the request presents, or None when it presents none.

    Accepted, in order: `Authorization: Bearer KEY`, `Authorization: Token KEY`
    (scheme in any case), `Authorization: KEY`, then `?key=KEY`. Any other
    header (`Basic …`, extra words) yields "" so that it fails as an invalid key.
    """
    header = get_authorization_header(request).decode("latin-1").split()
    if header:
        if len(header) == 2 and header[0].lower() in SCHEMES:
            return header[1]
        if len(header) == 1 and header[0].lower() not in SCHEMES:
            return header[0]
        return ""
    return request.query_params.get("key")


class ApiKeyAuthentication(BaseAuthentication):
    def authenticate(self, request: Request) -> tuple[User, str] | None:
        if not settings.API_ENABLED:
            raise PermissionDenied("API service is disabled.")
        key = credential(request)
        if key is None:
            return None
        user = User.objects.holding_key(key)
        if user is None:
            raise AuthenticationFailed()
        if user.is_banned:
            raise PermissionDenied("You do not have the permission to use the API.")
        if not user.is_active:
            raise PermissionDenied("Please activate your account.")
        return user, key

    def authenticate_header(self, request: Request) -> str:
        # Makes DRF answer 401 (not 403) when credentials are missing or wrong.
        return 'Bearer realm="api"'

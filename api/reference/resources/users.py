"""Users, for administrators (api-spec §13, §16.9; D15, D24, D31)."""

from django.utils.translation import gettext_lazy as _

from api.reference.model import Endpoint, Param, Section
from api.reference.resources import ID

FREE_USER = {
    "id": 2,
    "email": "sample2@domain.com",
    "username": "sample2user",
    "avatar": "https://domain.com/content/avatar2.png",
    "status": "free",
    "planid": 1,
    "expires": None,
    "registered": "2020-11-10 18:01:43",
    "apikey": "ABC123DEF456",
}
PRO_USER = {
    "id": 1,
    "email": "sample@domain.com",
    "username": "sampleuser",
    "avatar": "https://domain.com/content/avatar.png",
    "status": "pro",
    "planid": 2,
    "expires": "2022-11-15 15:00:00",
    "registered": "2020-11-10 18:01:43",
    "apikey": "ABC123DEF456",
}

SECTION = Section(
    slug="users",
    title=_("Users"),
    description=_(
        "Administrators only: every account of the site. Other keys get 403."
    ),
    admin_only=True,
    endpoints=(
        Endpoint(
            name="user-list",
            method="GET",
            path="/api/users",
            title=_("List users"),
            description=_(
                "Every user, newest first, not paginated. `status` is pro while "
                "the user has an active paid subscription; `planid` is the plan "
                "they are on (the default free plan otherwise)."
            ),
            params=(
                Param("filter", "query", "string", _("admin, free or pro.")),
                Param(
                    "email",
                    "query",
                    "string",
                    _(
                        "Users whose e-mail contains this text, in any case "
                        "(ignored with filter)."
                    ),
                ),
            ),
            query={"filter": "free"},
            response={"error": 0, "data": [FREE_USER, PRO_USER]},
        ),
        Endpoint(
            name="user-retrieve",
            method="GET",
            path="/api/user/:id",
            title=_("Get a single user"),
            description=_("One user, with their plan and API key."),
            params=(ID,),
            response={"error": 0, "data": PRO_USER},
        ),
        Endpoint(
            name="user-add",
            method="POST",
            path="/api/user/add",
            title=_("Create a user"),
            description=_(
                "Register an active account with a fresh API key. With `planid`, "
                "`expiration` is required and the user is subscribed until then."
            ),
            params=(
                Param(
                    "username",
                    "body",
                    "string",
                    _("Letters, digits and @ . + - _ only."),
                    required=True,
                ),
                Param("email", "body", "string", _("A valid e-mail."), required=True),
                Param(
                    "password",
                    "body",
                    "string",
                    _("At least 5 characters."),
                    required=True,
                ),
                Param("planid", "body", "integer", _("A plan id (see List plans).")),
                Param(
                    "expiration",
                    "body",
                    "string",
                    _("When the plan ends, YYYY-MM-DD HH:MM:SS."),
                ),
            ),
            request={
                "username": "user",
                "password": "1234567891011",
                "email": "demo@yourwebsite.com",
                "planid": 1,
                "expiration": "2030-11-20 11:00:00",
            },
            response={
                "error": 0,
                "message": "User has been registered.",
                "data": {"id": 3, "email": "demo@yourwebsite.com", "username": "user"},
            },
        ),
        Endpoint(
            name="user-delete",
            method="DELETE",
            path="/api/user/:id/delete",
            title=_("Delete a user"),
            description=_(
                "Delete the account and everything it owns: links, QR codes, "
                "domains, pixels, splash pages, overlays, files and statistics."
            ),
            params=(ID,),
            response={"error": 0, "message": "User has been deleted."},
        ),
        Endpoint(
            name="user-login",
            method="GET",
            path="/api/user/login/:id",
            title=_("Login user (SSO link)"),
            description=_(
                "A link that logs the user in: it works once, within an hour. "
                "Asking again replaces the previous link."
            ),
            params=(ID,),
            response={
                "error": 0,
                "url": "https://domain.com/user/login/sso/hwgbopoqbdwnxxaxsbdkatmjgickazit",
            },
        ),
    ),
)

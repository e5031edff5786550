"""Account (api-spec §2)."""

from django.utils.translation import gettext_lazy as _

from api.reference.model import Endpoint, Param, Section

ACCOUNT = {
    "id": 1,
    "email": "sample@domain.com",
    "username": "sampleuser",
    "avatar": "https://domain.com/content/avatar.png",
    "status": "pro",
    "planid": 1,
    "expires": "2022-11-15 15:00:00",
    "registered": "2020-11-10 18:01:43",
}

SECTION = Section(
    slug="account",
    title=_("Account"),
    description=_("Read and change the account the API key belongs to."),
    endpoints=(
        Endpoint(
            name="account",
            method="GET",
            also=("POST",),
            path="/api/account",
            title=_("Get account"),
            description=_(
                "The account of the API key: e-mail, username, avatar, membership "
                "status and plan expiry. POST is answered the same way."
            ),
            response={"error": 0, "data": ACCOUNT},
        ),
        Endpoint(
            name="account-update",
            method="PUT",
            path="/api/account/update",
            title=_("Update account"),
            description=_(
                "Change the e-mail address and/or the password. A password change "
                "is announced to the account's e-mail address."
            ),
            params=(
                Param("email", "body", "string", _("The new e-mail address.")),
                Param(
                    "password",
                    "body",
                    "string",
                    _("The new password, at least 5 characters."),
                ),
            ),
            request={"email": "newemail@google.com", "password": "newpassword"},
            response={"error": 0, "message": "Account has been successfully updated."},
        ),
    ),
)

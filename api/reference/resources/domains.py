"""Branded domains (api-spec §7; D19)."""

from django.utils.translation import gettext_lazy as _

from api.reference.model import Endpoint, Param, Section
from api.reference.resources import ID, LIMIT, PAGE

REDIRECTROOT = Param(
    "redirectroot",
    "body",
    "string",
    _("Where visitors of the domain's root are sent."),
)
REDIRECT404 = Param(
    "redirect404",
    "body",
    "string",
    _("Where unknown short links on the domain are sent."),
)

SECTION = Section(
    slug="domains",
    title=_("Branded domains"),
    description=_(
        "Your own domains for short links. Point the domain's DNS at this site "
        "before adding it."
    ),
    endpoints=(
        Endpoint(
            name="domain-list",
            method="GET",
            path="/api/domains",
            title=_("List branded domains"),
            description=_("Your branded domains, oldest first."),
            params=(LIMIT, PAGE),
            query={"limit": "2", "page": "1"},
            response={
                "error": 0,
                "data": {
                    "result": 2,
                    "perpage": 2,
                    "currentpage": 1,
                    "nextpage": None,
                    "maxpage": 1,
                    "domains": [
                        {
                            "id": 1,
                            "domain": "https://domain1.com",
                            "redirectroot": "https://rootdomain.com",
                            "redirect404": "https://rootdomain.com/404",
                        },
                        {
                            "id": 2,
                            "domain": "https://domain2.com",
                            "redirectroot": "https://rootdomain2.com",
                            "redirect404": "https://rootdomain2.com/404",
                        },
                    ],
                },
            },
        ),
        Endpoint(
            name="domain-add",
            method="POST",
            path="/api/domain/add",
            title=_("Create a branded domain"),
            description=_("Add a domain; a domain can belong to one account only."),
            params=(
                Param(
                    "domain",
                    "body",
                    "string",
                    _("The domain, with http:// or https://."),
                    required=True,
                ),
                REDIRECTROOT,
                REDIRECT404,
            ),
            request={
                "domain": "https://domain1.com",
                "redirectroot": "https://rootdomain.com",
                "redirect404": "https://rootdomain.com/404",
            },
            response={"error": 0, "id": 1},
        ),
        Endpoint(
            name="domain-update",
            method="PUT",
            path="/api/domain/:id/update",
            title=_("Update a domain"),
            description=_(
                "Change where the domain's root and unknown links go; the domain "
                "name itself cannot change."
            ),
            params=(ID, REDIRECTROOT, REDIRECT404),
            request={
                "redirectroot": "https://rootdomain-new.com",
                "redirect404": "https://rootdomain-new.com/404",
            },
            response={"error": 0, "message": "Domain has been updated successfully."},
        ),
        Endpoint(
            name="domain-delete",
            method="DELETE",
            path="/api/domain/:id/delete",
            title=_("Delete a domain"),
            description=_(
                "Remove a domain; its links stay and move to this site's own address."
            ),
            params=(ID,),
            response={"error": 0, "message": "Domain has been deleted successfully."},
        ),
    ),
)

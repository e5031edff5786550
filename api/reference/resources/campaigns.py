"""Campaigns (api-spec §5, §16.4; D16, D17, D29)."""

from django.utils.translation import gettext_lazy as _

from api.reference.model import Endpoint, Param, Section
from api.reference.resources import ID, LIMIT, PAGE

NAME = Param(
    "name", "body", "string", _("The campaign's name (at least 2 characters).")
)
SLUG = Param(
    "slug",
    "body",
    "string",
    _("The rotator's slug: /r/<slug>. Slugs are unique on the whole site."),
)
PUBLIC = Param(
    "public",
    "body",
    "boolean",
    _("true: the rotator and the list page are public; false: private (default)."),
)


def answer(pk: int, name: str, slug: str) -> dict:
    return {
        "error": 0,
        "id": pk,
        "domain": name,
        "name": name,
        "public": True,
        "rotator": f"https://sho.rt/r/{slug}",
        "list": f"https://sho.rt/u/admin/{slug}-{pk}",
    }


SECTION = Section(
    slug="campaigns",
    title=_("Campaigns"),
    description=_(
        "Group links in campaigns. A public campaign's rotator, /r/<slug>, sends "
        "each visitor to one of its links at random. A link is in one campaign "
        "at most."
    ),
    endpoints=(
        Endpoint(
            name="campaign-list",
            method="GET",
            path="/api/campaigns",
            title=_("List campaigns"),
            description=_(
                'Your campaigns, oldest first. "rotator" is false for a campaign '
                'without a slug; "views" counts rotator visits.'
            ),
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
                    "campaigns": [
                        {
                            "id": 1,
                            "name": "Sample Campaign",
                            "public": False,
                            "rotator": "https://sho.rt/r/sample",
                            "list": "https://sho.rt/u/admin/sample-1",
                            "views": 0,
                        },
                        {
                            "id": 2,
                            "name": "Facebook Campaign",
                            "public": True,
                            "rotator": "https://sho.rt/r/test",
                            "list": "https://sho.rt/u/admin/test-2",
                            "views": 12,
                        },
                    ],
                },
            },
        ),
        Endpoint(
            name="campaign-add",
            method="POST",
            path="/api/campaign/add",
            title=_("Create a campaign"),
            description=_(
                "Add a campaign. Without a slug, a random one of 6 letters is "
                'chosen. The name is answered under "domain" and "name".'
            ),
            params=(
                Param(
                    "name",
                    "body",
                    "string",
                    _("The campaign's name (at least 2 characters)."),
                    required=True,
                ),
                SLUG,
                PUBLIC,
            ),
            request={"name": "New Campaign", "slug": "new-campaign", "public": True},
            response=answer(3, "New Campaign", "new-campaign"),
        ),
        Endpoint(
            name="campaign-assign",
            method="POST",
            path="/api/campaign/:campaignid/assign/:linkid",
            title=_("Assign a link to a campaign"),
            description=_(
                "Add one of your links to the campaign; it leaves any other campaign."
            ),
            params=(
                Param(
                    "campaignid",
                    "path",
                    "integer",
                    _("The campaign's id."),
                    required=True,
                ),
                Param("linkid", "path", "integer", _("The link's id."), required=True),
            ),
            response={
                "error": 0,
                "message": "Link successfully added to the campaign.",
            },
        ),
        Endpoint(
            name="campaign-update",
            method="PUT",
            path="/api/campaign/:id/update",
            title=_("Update a campaign"),
            description=_(
                "Change the parameters you send; the others keep their values. "
                "An empty slug removes the rotator."
            ),
            params=(ID, NAME, SLUG, PUBLIC),
            request={
                "name": "Twitter Campaign",
                "slug": "twitter-campaign",
                "public": True,
            },
            response=answer(3, "Twitter Campaign", "twitter-campaign"),
        ),
        Endpoint(
            name="campaign-delete",
            method="DELETE",
            path="/api/campaign/:id/delete",
            title=_("Delete a campaign"),
            description=_("Delete a campaign; its links are kept."),
            params=(ID,),
            response={
                "error": 0,
                "message": "Campaign has been deleted successfully.",
            },
        ),
    ),
)

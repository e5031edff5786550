"""Tracking pixels (api-spec §8, §16.7)."""

from django.utils.translation import gettext_lazy as _

from api.reference.model import Endpoint, Param, Section
from api.reference.resources import ID, LIMIT, PAGE

NAME = Param("name", "body", "string", _("A name for the pixel."))
TAG = Param(
    "tag",
    "body",
    "string",
    _(
        "The provider's id (at least 3 characters: letters, digits, _ . : -), "
        "for example GTM-ABCDE."
    ),
    required=True,
)

SECTION = Section(
    slug="pixels",
    title=_("Pixels"),
    description=_(
        "Analytics and advertising tags. Attach them to links with the `pixels` "
        "parameter of a link: their scripts run before visitors are redirected. "
        "Providers: gtmpixel, gapixel, fbpixel, adwordspixel, linkedinpixel, "
        "twitterpixel, adrollpixel, quorapixel, pinterest, bing, snapchat, "
        "reddit, tiktok."
    ),
    endpoints=(
        Endpoint(
            name="pixel-list",
            method="GET",
            path="/api/pixels",
            title=_("List pixels"),
            description=_("Your pixels, oldest first."),
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
                    "pixels": [
                        {
                            "id": 1,
                            "type": "gtmpixel",
                            "name": "GTM Pixel",
                            "tag": "GTM-ABCDE",
                            "date": "2020-11-10 18:00:00",
                        },
                        {
                            "id": 2,
                            "type": "twitterpixel",
                            "name": "Twitter Pixel",
                            "tag": "1234567",
                            "date": "2020-11-10 18:10:00",
                        },
                    ],
                },
            },
        ),
        Endpoint(
            name="pixel-add",
            method="POST",
            path="/api/pixel/add",
            title=_("Create a pixel"),
            description=_(
                "Add a pixel; a provider and tag can be added once per account."
            ),
            params=(
                Param(
                    "type",
                    "body",
                    "string",
                    _("The provider, for example gtmpixel or fbpixel."),
                    required=True,
                ),
                Param("name", "body", "string", _("A name for the pixel."), True),
                TAG,
            ),
            request={"type": "gtmpixel", "name": "My GTM", "tag": "GTM-ABCDE"},
            response={"error": 0, "id": 1},
        ),
        Endpoint(
            name="pixel-update",
            method="PUT",
            path="/api/pixel/:id/update",
            title=_("Update a pixel"),
            description=_("Change the tag and the name; the provider cannot change."),
            params=(ID, NAME, TAG),
            request={"name": "My GTM", "tag": "GTM-ABCDE"},
            response={"error": 0, "message": "Pixel has been updated successfully."},
        ),
        Endpoint(
            name="pixel-delete",
            method="DELETE",
            path="/api/pixel/:id/delete",
            title=_("Delete a pixel"),
            description=_("Remove a pixel; the links that used it lose it."),
            params=(ID,),
            response={"error": 0, "message": "Pixel has been deleted successfully."},
        ),
    ),
)

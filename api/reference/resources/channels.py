"""Channels (api-spec §6, §16.5; D15, D18, D41)."""

from django.utils.translation import gettext_lazy as _

from api.reference.model import Endpoint, Param, Section
from api.reference.resources import ID, LIMIT, PAGE

DESCRIPTION = Param("description", "body", "string", _("A description."))
COLOR = Param(
    "color", "body", "string", _("The badge colour, #rrggbb (random by default).")
)
STARRED = Param("starred", "body", "boolean", _("true to star the channel."))

SECTION = Section(
    slug="channels",
    title=_("Channels"),
    description=_(
        "Folders for your links, bio pages and QR codes: each channel has a "
        "name, a description, a colour and a star. An item may be in several "
        "channels."
    ),
    endpoints=(
        Endpoint(
            name="channel-list",
            method="GET",
            path="/api/channels",
            title=_("List channels"),
            description=_("Your channels, oldest first."),
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
                    "channels": [
                        {
                            "id": 1,
                            "name": "Channel 1",
                            "description": "Description of channel 1",
                            "color": "#000000",
                            "starred": True,
                        },
                        {
                            "id": 2,
                            "name": "Channel 2",
                            "description": "Description of channel 2",
                            "color": "#FF0000",
                            "starred": False,
                        },
                    ],
                },
            },
        ),
        Endpoint(
            name="channel-retrieve",
            method="GET",
            path="/api/channel/:id",
            title=_("List channel items"),
            description=_(
                "The links, bio pages and QR codes of a channel, in the order they "
                "were added. type is links, bio or qr; title (a link's meta title "
                "or destination, a bio page's name, a QR code's name) is cut to 30 "
                "characters; preview is a link's destination, a bio page's public "
                "URL or a QR code's image; date is YYYY-MM-DD."
            ),
            params=(ID, LIMIT, PAGE),
            query={"limit": "3", "page": "1"},
            response={
                "error": 0,
                "data": {
                    "result": 3,
                    "perpage": 3,
                    "currentpage": 1,
                    "nextpage": None,
                    "maxpage": 1,
                    "items": [
                        {
                            "type": "links",
                            "id": 1,
                            "title": "My Sample Link",
                            "preview": "https://google.com",
                            "link": "https://sho.rt/google",
                            "date": "2022-05-12",
                        },
                        {
                            "type": "bio",
                            "id": 1,
                            "title": "My Sample Bio",
                            "preview": "https://sho.rt/mybio",
                            "link": "https://sho.rt/mybio",
                            "date": "2022-06-01",
                        },
                        {
                            "type": "qr",
                            "id": 1,
                            "title": "My QR code",
                            "preview": "https://sho.rt/qr/a1b2c3",
                            "link": "https://sho.rt/qr/a1b2c3",
                            "date": "2022-06-01",
                        },
                    ],
                },
            },
        ),
        Endpoint(
            name="channel-add",
            method="POST",
            path="/api/channel/add",
            title=_("Create a channel"),
            description=_(
                "Add a channel. A name you already use answers the existing "
                'channel\'s "id" with the error.'
            ),
            params=(
                Param(
                    "name",
                    "body",
                    "string",
                    _("The channel's name (at least 2 characters)."),
                    required=True,
                ),
                DESCRIPTION,
                COLOR,
                STARRED,
            ),
            request={
                "name": "New Channel",
                "description": "my new channel",
                "color": "#000000",
                "starred": True,
            },
            response={
                "error": 0,
                "id": 3,
                "name": "New Channel",
                "description": "my new channel",
                "color": "#000000",
                "starred": True,
            },
        ),
        Endpoint(
            name="channel-assign",
            method="POST",
            path="/api/channel/:channelid/assign/:type/:itemid",
            title=_("Assign an item to a channel"),
            description=_(
                "File one of your links (links), bio pages (bio) or QR codes (qr)."
            ),
            params=(
                Param("channelid", "path", "integer", _("The channel's id."), True),
                Param(
                    "type",
                    "path",
                    "string",
                    _("The item's type: links, qr or bio."),
                    required=True,
                ),
                Param("itemid", "path", "integer", _("The item's id."), True),
            ),
            response={"error": 0, "message": "Item successfully added to the channel."},
        ),
        Endpoint(
            name="channel-update",
            method="PUT",
            path="/api/channel/:id/update",
            title=_("Update a channel"),
            description=_(
                "Change the parameters you send; the others keep their values."
            ),
            params=(
                ID,
                Param("name", "body", "string", _("The channel's name.")),
                DESCRIPTION,
                COLOR,
                STARRED,
            ),
            request={
                "name": "Acme Corp",
                "description": "channel for items for Acme Corp",
                "color": "#FFFFFF",
                "starred": False,
            },
            response={"error": 0, "message": "Channel has been updated successfully."},
        ),
        Endpoint(
            name="channel-delete",
            method="DELETE",
            path="/api/channel/:id/delete",
            title=_("Delete a channel"),
            description=_(
                "Delete a channel; its links, bio pages and QR codes are kept."
            ),
            params=(ID,),
            response={"error": 0, "message": "Channel has been deleted successfully."},
        ),
    ),
)

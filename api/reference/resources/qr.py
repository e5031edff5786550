"""QR codes (api-spec §4, §16.6; D9, D14, D15)."""

from django.utils.translation import gettext_lazy as _

from api.reference.model import Endpoint, Param, Section
from api.reference.resources import ID, LIMIT, PAGE

DATA = Param(
    "data",
    "body",
    "object",
    _(
        "The content: a string for text, link and phone; an object for email "
        "{email, subject, body}, sms {phone, message}, wifi {ssid, pass, "
        "encryption} and vcard {fname, lname, org, phone, cell, fax, email, site, "
        "facebook, instagram, twitter, linkedin, street, city, state, zip, "
        "country}."
    ),
)
BACKGROUND = Param(
    "background",
    "body",
    "string",
    _("Background colour, rgb(255,255,255) or #ffffff."),
)
FOREGROUND = Param(
    "foreground",
    "body",
    "string",
    _("Foreground colour, rgb(0,0,0) or #000000, contrasting with the background."),
)
LOGO = Param(
    "logo",
    "body",
    "string",
    _("URL of a PNG or JPEG logo (at most 500 KB) placed in the centre."),
)
NAME = Param("name", "body", "string", _("The QR code's name."))
STATS = {
    "clicks": 1,
    "uniqueClicks": 1,
    "topCountries": {"Unknown": 1},
    "topReferrers": {"Direct, email and other": 1},
    "topBrowsers": {"Chrome": 1},
    "topOs": {"Windows 10": 1},
    "socialCount": {
        "facebook": 0,
        "twitter": 0,
        "instagram": 0,
        "linkedin": 0,
        "google": 0,
    },
}

SECTION = Section(
    slug="qr",
    title=_("QR codes"),
    description=_(
        "QR codes of text, links, e-mail addresses, phone numbers, text messages, "
        "Wi-Fi networks and contact cards. Link, email, phone and vcard codes are "
        "dynamic: they encode a tracking short link, so scans are counted and the "
        "content can change after the code is printed. `link` in the answers is "
        "the code's PNG image."
    ),
    endpoints=(
        Endpoint(
            name="qr-list",
            method="GET",
            path="/api/qr",
            title=_("List QR codes"),
            description=_("Your QR codes, newest first."),
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
                    "qrs": [
                        {
                            "id": 2,
                            "link": "https://sho.rt/qr/a2d5e1",
                            "scans": 0,
                            "name": "Google",
                            "date": "2020-11-10 18:01:43",
                        },
                        {
                            "id": 1,
                            "link": "https://sho.rt/qr/b9edfe",
                            "scans": 5,
                            "name": "Google Canada",
                            "date": "2020-11-10 18:00:25",
                        },
                    ],
                },
            },
        ),
        Endpoint(
            name="qr-retrieve",
            method="GET",
            path="/api/qr/:id",
            title=_("Get a single QR code"),
            description=_(
                "A QR code's details and the statistics of its scans (zeros for "
                "the static types text, sms and wifi)."
            ),
            params=(ID,),
            maps=(
                "data.topCountries",
                "data.topReferrers",
                "data.topBrowsers",
                "data.topOs",
            ),
            response={
                "error": 0,
                "details": {
                    "id": 1,
                    "link": "https://sho.rt/qr/b9edfe",
                    "scans": 1,
                    "name": "Google Canada",
                    "date": "2020-11-10 18:00:25",
                },
                "data": STATS,
            },
        ),
        Endpoint(
            name="qr-add",
            method="POST",
            path="/api/qr/add",
            title=_("Create a QR code"),
            description=_("Create a QR code; its image is at the returned link."),
            params=(
                Param(
                    "type",
                    "body",
                    "string",
                    _("text, vcard, link, email, phone, sms or wifi."),
                    required=True,
                ),
                Param(
                    DATA.name, DATA.where, DATA.type, DATA.description, required=True
                ),
                BACKGROUND,
                FOREGROUND,
                LOGO,
                NAME,
            ),
            request={
                "type": "link",
                "data": "https://google.com",
                "background": "rgb(255,255,255)",
                "foreground": "rgb(0,0,0)",
                "name": "QR Code API",
            },
            response={"error": 0, "id": 3, "link": "https://sho.rt/qr/a58f79"},
        ),
        Endpoint(
            name="qr-update",
            method="PUT",
            path="/api/qr/:id/update",
            title=_("Update a QR code"),
            description=_(
                "Change what you send; the type cannot change. New data for a "
                "dynamic code re-points it: the printed code keeps working."
            ),
            params=(ID, DATA, BACKGROUND, FOREGROUND, LOGO, NAME),
            request={
                "data": "https://google.com/new",
                "background": "rgb(255,255,255)",
                "foreground": "rgb(0,0,0)",
            },
            response={"error": 0, "message": "QR has been updated successfully."},
        ),
        Endpoint(
            name="qr-delete",
            method="DELETE",
            path="/api/qr/:id/delete",
            title=_("Delete a QR code"),
            description=_(
                "Delete a QR code, with its tracking link and the statistics of "
                "its scans."
            ),
            params=(ID,),
            response={
                "error": 0,
                "message": "QR Code has been deleted successfully.",
            },
        ),
    ),
)

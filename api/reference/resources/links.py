"""Links (api-spec §3; D7, D9, D11, D13, D14, D15)."""

from django.utils.translation import gettext_lazy as _

from api.reference.model import Endpoint, Param, Section
from api.reference.resources import ID, LIMIT, PAGE

EXPIRY = "2099-12-31 23:59:59"


def link_params(*, url_required: bool) -> tuple[Param, ...]:
    """The parameters of `POST /api/url/add` and `PUT /api/url/:id/update`."""
    return (
        Param("url", "body", "string", _("The destination URL."), url_required),
        Param("custom", "body", "string", _("A custom alias instead of a random one.")),
        Param(
            "type",
            "body",
            "string",
            _("Redirect type: direct, frame or splash."),
        ),
        Param("password", "body", "string", _("A password visitors must enter.")),
        Param(
            "domain",
            "body",
            "string",
            _("One of your branded domains, with its scheme (https://domain1.com)."),
        ),
        Param(
            "expiry",
            "body",
            "string",
            _("Expiration date, YYYY-MM-DD HH:MM:SS."),
        ),
        Param(
            "geotarget",
            "body",
            "array",
            _('Per-country destinations: [{"location": "Canada", "link": "…"}].'),
        ),
        Param(
            "devicetarget",
            "body",
            "array",
            _('Per-device destinations: [{"device": "iPhone", "link": "…"}].'),
        ),
        Param(
            "languagetarget",
            "body",
            "array",
            _('Per-language destinations: [{"language": "en", "link": "…"}].'),
        ),
        Param("metatitle", "body", "string", _("Title of the social media preview.")),
        Param(
            "metadescription",
            "body",
            "string",
            _("Description of the social media preview."),
        ),
        Param(
            "metaimage",
            "body",
            "string",
            _("URL of a JPEG or PNG image (at most 500 KB) for the preview."),
        ),
        Param("description", "body", "string", _("A private note.")),
        Param(
            "status",
            "body",
            "string",
            _("public or private (default private)."),
        ),
        Param(
            "parameters",
            "body",
            "array",
            _('Query parameters added to the destination: [{"name": …, "value": …}].'),
        ),
        Param(
            "deeplink",
            "body",
            "object",
            _(
                'App links: {"apple": "…", "google": "…"}, or {"auto": true} to '
                "find them from the destination."
            ),
        ),
        Param(
            "pixels",
            "body",
            "array",
            _("Ids of your pixels, shown before the redirect; others are ignored."),
        ),
        Param(
            "channel",
            "body",
            "integer",
            _(
                "Id of one of your channels to file the link in (a list of ids is "
                "accepted too); other ids are ignored. On update, null removes the "
                "link from its channels."
            ),
        ),
        Param(
            "campaign",
            "body",
            "integer",
            _(
                "Id of one of your campaigns; the link leaves any other campaign. "
                "Other ids are ignored. On update, null removes it from its campaign."
            ),
        ),
    )


TARGETS = {
    "geotarget": [
        {"location": "Canada", "link": "https://google.ca"},
        {"location": "United States", "link": "https://google.us"},
    ],
    "devicetarget": [
        {"device": "iPhone", "link": "https://google.com"},
        {"device": "Android", "link": "https://google.com"},
    ],
}
DEEPLINK = {
    "apple": "https://apps.apple.com/us/app/google/id284815942",
    "google": "https://play.google.com/store/apps/details?id=com.google.android.googlequicksearchbox",
}


def list_item(pk: int, alias: str, long_url: str, title: str, date: str) -> dict:
    return {
        "id": pk,
        "alias": alias,
        "shorturl": f"https://sho.rt/{alias}",
        "longurl": long_url,
        "clicks": 0,
        "title": title,
        "description": "",
        "date": date,
        "uniqueclicks": 0,
        "domain": None,
        "campaign": None,
        "channel": [],
    }


SHORTENED = {"error": 0, "id": 3, "shorturl": "https://sho.rt/google"}
SHORTENED["short"] = SHORTENED["shorturl"]

SECTION = Section(
    slug="links",
    title=_("Links"),
    description=_(
        "Shorten links, list them with their clicks, change and delete them."
    ),
    endpoints=(
        Endpoint(
            name="url-list",
            method="GET",
            path="/api/urls",
            title=_("List links"),
            description=_(
                "Your links, newest first. With short, the single link behind that "
                "short URL is answered instead, as by Get a single link."
            ),
            params=(
                LIMIT,
                PAGE,
                Param(
                    "order",
                    "query",
                    "string",
                    _("date (newest first, the default) or click (most clicked)."),
                ),
                Param(
                    "short",
                    "query",
                    "string",
                    _("A full short URL: answer that link only."),
                ),
                Param(
                    "q",
                    "query",
                    "string",
                    _("Search in destinations, aliases and titles."),
                ),
            ),
            query={"limit": "2", "page": "1", "order": "date"},
            response={
                "error": 0,
                "data": {
                    "result": 2,
                    "perpage": 2,
                    "currentpage": 1,
                    "nextpage": None,
                    "maxpage": 1,
                    "urls": [
                        list_item(
                            2,
                            "google",
                            "https://google.com",
                            "Google",
                            "2020-11-10 18:01:43",
                        ),
                        list_item(
                            1,
                            "googlecanada",
                            "https://google.ca",
                            "Google Canada",
                            "2020-11-10 18:00:25",
                        ),
                    ],
                },
            },
        ),
        Endpoint(
            name="url-retrieve",
            method="GET",
            path="/api/url/:id",
            title=_("Get a single link"),
            description=_(
                "A link's details and statistics: clicks, unique clicks, and the "
                "top countries, referrers, browsers and operating systems."
            ),
            params=(ID,),
            maps=(
                "details.location",
                "details.device",
                "details.language",
                "data.topCountries",
                "data.topReferrers",
                "data.topBrowsers",
                "data.topOs",
            ),
            response={
                "error": 0,
                "id": 1,
                "details": {
                    "id": 1,
                    "alias": "google",
                    "shorturl": "https://sho.rt/google",
                    "longurl": "https://google.com",
                    "title": "Not Google",
                    "description": "Not Google description",
                    "location": {
                        "canada": "https://google.ca",
                        "united states": "https://google.us",
                    },
                    "device": {
                        "iphone": "https://google.com",
                        "android": "https://google.com",
                    },
                    "language": {"en": "https://google.com", "fr": "https://google.ca"},
                    "expiry": EXPIRY,
                    "date": "2020-11-10 18:01:43",
                    "campaign": None,
                    "channel": [],
                },
                "data": {
                    "clicks": 4,
                    "uniqueClicks": 3,
                    "topCountries": {"Canada": 3, "Unknown": 1},
                    "topReferrers": {
                        "Direct, email and other": 3,
                        "news.ycombinator.com": 1,
                    },
                    "topBrowsers": {"Chrome": 4},
                    "topOs": {"Windows": 3, "Android": 1},
                    "socialCount": {
                        "facebook": 0,
                        "twitter": 0,
                        "instagram": 0,
                        "linkedin": 0,
                        "google": 0,
                    },
                },
            },
        ),
        Endpoint(
            name="url-add",
            method="POST",
            path="/api/url/add",
            title=_("Shorten a link"),
            description=_(
                "Create a short link. If you already have a link with the same "
                "destination and options, that link is answered instead of a new one."
            ),
            params=link_params(url_required=True),
            request={
                "url": "https://google.com",
                "status": "private",
                "custom": "google",
                "password": "mypass",
                "expiry": EXPIRY,
                "type": "splash",
                "metatitle": "Not Google",
                "metadescription": "Not Google description",
                "description": "For facebook",
                "deeplink": DEEPLINK,
                **TARGETS,
                "languagetarget": [
                    {"language": "en", "link": "https://google.com"},
                    {"language": "fr", "link": "https://google.ca"},
                ],
                "parameters": [{"name": "aff", "value": "3"}],
            },
            response=SHORTENED,
        ),
        Endpoint(
            name="url-update",
            method="PUT",
            path="/api/url/:id/update",
            title=_("Update a link"),
            description=_(
                "Change a link. Only the parameters you send change; send null, an "
                'empty string or [] to clear one. The answer carries "shorturl" '
                'and, for older clients, "short".'
            ),
            params=(ID, *link_params(url_required=False)),
            request={
                "url": "https://google.com",
                "custom": "google",
                "password": "mypass",
                "expiry": EXPIRY,
                "type": "splash",
                "deeplink": DEEPLINK,
                **TARGETS,
                "parameters": [{"name": "aff", "value": "3"}],
            },
            response=SHORTENED,
        ),
        Endpoint(
            name="url-delete",
            method="DELETE",
            path="/api/url/:id/delete",
            title=_("Delete a link"),
            description=_("Delete a link and its statistics."),
            params=(ID,),
            response={"error": 0, "message": "Link has been deleted successfully"},
        ),
    ),
)

"""The deprecated v1 query-string API (api-spec §15.1; D20)."""

from django.utils.translation import gettext_lazy as _

from api.reference.model import Endpoint, Param, Section

SECTION = Section(
    slug="legacy",
    title=_("Legacy API (v1)"),
    description=_(
        "The query-string API of older clients, kept so they work unchanged. "
        'Its errors carry "msg" instead of "message". New code should use the '
        "endpoints above."
    ),
    endpoints=(
        Endpoint(
            name="api-v1",
            method="GET",
            path="/api",
            title=_("Shorten a link (v1)"),
            description=_(
                "Shorten url, or expand short, with the key in the query string."
            ),
            key_in_query=True,
            params=(
                Param("key", "query", "string", _("Your API key."), required=True),
                Param("url", "query", "string", _("The destination URL to shorten.")),
                Param("custom", "query", "string", _("A custom alias.")),
                Param("pass", "query", "string", _("A password visitors must enter.")),
                Param("domain", "query", "string", _("One of your branded domains.")),
                Param(
                    "type",
                    "query",
                    "string",
                    _("Redirect type: direct, frame or splash."),
                ),
                Param(
                    "format",
                    "query",
                    "string",
                    _("json (the default) or text: the short URL alone."),
                ),
                Param(
                    "callback",
                    "query",
                    "string",
                    _("A JavaScript function name to wrap the answer in (JSONP)."),
                ),
                Param(
                    "short",
                    "query",
                    "string",
                    _("Instead of url: a short URL to expand."),
                ),
            ),
            query={"url": "https://google.com"},
            response={"error": 0, "short": "https://sho.rt/DkZOb"},
        ),
    ),
)

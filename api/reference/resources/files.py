"""Files (api-spec §11; D22)."""

from django.utils.translation import gettext_lazy as _

from api.reference.model import Endpoint, Param, Section
from api.reference.resources import LIMIT, PAGE

SECTION = Section(
    slug="files",
    title=_("Files"),
    description=_(
        "Share files behind short links: visitors get a download page, optionally "
        "protected by a password, an expiry date or a download limit."
    ),
    endpoints=(
        Endpoint(
            name="file-list",
            method="GET",
            path="/api/files",
            title=_("List files"),
            description=_(
                "Your files, oldest first. The page fields sit beside error, "
                "without a data object."
            ),
            params=(
                Param("name", "query", "string", _("Search files by name.")),
                LIMIT,
                PAGE,
            ),
            query={"limit": "2", "page": "1"},
            response={
                "error": 0,
                "result": 3,
                "perpage": 2,
                "currentpage": 1,
                "nextpage": 2,
                "maxpage": 2,
                "list": [
                    {
                        "id": 1,
                        "name": "My Photo",
                        "downloads": 10,
                        "shorturl": "https://sho.rt/TgDNX",
                        "date": "2022-08-09 17:00:00",
                    },
                    {
                        "id": 2,
                        "name": "My Documents",
                        "downloads": 15,
                        "shorturl": "https://sho.rt/yGlFG",
                        "date": "2022-08-10 17:01:00",
                    },
                ],
            },
        ),
        Endpoint(
            name="file-upload",
            method="POST",
            path="/api/files/upload/:filename",
            title=_("Upload a file"),
            description=_(
                "Send the file's raw bytes as the request body; the options go in "
                "the query string."
            ),
            params=(
                Param(
                    "filename",
                    "path",
                    "string",
                    _("The file's name with its extension, e.g. brandkit.zip."),
                    required=True,
                ),
                Param("name", "query", "string", _("The name shown to visitors.")),
                Param(
                    "custom",
                    "query",
                    "string",
                    _("A custom alias instead of a random one."),
                ),
                Param("domain", "query", "string", _("One of your branded domains.")),
                Param(
                    "password",
                    "query",
                    "string",
                    _("A password visitors must enter to download."),
                ),
                Param(
                    "expiry",
                    "query",
                    "string",
                    _("Last day of downloads, YYYY-MM-DD."),
                ),
                Param(
                    "maxdownloads",
                    "query",
                    "integer",
                    _("Maximum number of downloads."),
                ),
            ),
            query={"name": "Brand kit"},
            upload="brandkit.zip",
            response={"error": 0, "id": 1, "shorturl": "https://sho.rt/IUyaK"},
        ),
    ),
)

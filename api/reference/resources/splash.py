"""Custom splash pages (api-spec §9; D21)."""

from django.utils.translation import gettext_lazy as _

from api.reference.model import Endpoint, Section
from api.reference.resources import LIMIT, PAGE

SECTION = Section(
    slug="splash",
    title=_("Custom splash pages"),
    description=_(
        "Landing pages shown before a link's destination: a banner, a title, a "
        "text and a product button, with a countdown. They are designed in the "
        "dashboard; use one on a link by giving its id as the link's type."
    ),
    endpoints=(
        Endpoint(
            name="splash-list",
            method="GET",
            path="/api/splash",
            title=_("List custom splash pages"),
            description=_("Your splash pages, oldest first, under the key splash."),
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
                    "splash": [
                        {
                            "id": 1,
                            "name": "Product 1 Promo",
                            "date": "2020-11-10 18:00:00",
                        },
                        {
                            "id": 2,
                            "name": "Product 2 Promo",
                            "date": "2020-11-10 18:10:00",
                        },
                    ],
                },
            },
        ),
    ),
)

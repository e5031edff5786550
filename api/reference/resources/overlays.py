"""CTA overlays (api-spec §10; D16, D21)."""

from django.utils.translation import gettext_lazy as _

from api.reference.model import Endpoint, Section
from api.reference.resources import LIMIT, PAGE

SECTION = Section(
    slug="overlays",
    title=_("CTA overlays"),
    description=_(
        "Call-to-action widgets shown over the page a link leads to. They are "
        "designed in the dashboard; use one on a link with the type overlay-<id>."
    ),
    endpoints=(
        Endpoint(
            name="overlay-list",
            method="GET",
            path="/api/overlay",
            title=_("List CTA overlays"),
            description=_(
                "Your overlays, oldest first, under the key cta. The type is one "
                "of message, contact, poll, newsletter, image and coupon."
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
                    "cta": [
                        {
                            "id": 1,
                            "type": "message",
                            "name": "Product 1 Promo",
                            "date": "2020-11-10 18:00:00",
                        },
                        {
                            "id": 2,
                            "type": "contact",
                            "name": "Contact Page",
                            "date": "2020-11-10 18:10:00",
                        },
                    ],
                },
            },
        ),
    ),
)

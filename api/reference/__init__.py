"""One description of every API endpoint: the reference page and the OpenAPI
document are both generated from it (api-spec §1 to §4, §7, §11, §15.1).

Each resource family is one module of this package listing its endpoints; the
order of `SECTIONS` is the order of the `/developers` page. Adding an endpoint is
one `Endpoint(...)` entry; adding a family is one module and one line below.
"""

from api.reference.model import Endpoint, Param, Section, visible_sections
from api.reference.resources import (
    account,
    domains,
    files,
    legacy,
    links,
    overlays,
    pixels,
    plans,
    qr,
    splash,
    users,
)

SECTIONS: tuple[Section, ...] = (
    account.SECTION,
    links.SECTION,
    qr.SECTION,
    domains.SECTION,
    pixels.SECTION,
    files.SECTION,
    splash.SECTION,
    overlays.SECTION,
    plans.SECTION,
    users.SECTION,
    legacy.SECTION,
)

__all__ = ["SECTIONS", "Endpoint", "Param", "Section", "endpoints", "visible_sections"]


def endpoints(*, include_admin: bool = True) -> list[Endpoint]:
    """Every documented endpoint, in page order."""
    return [
        endpoint
        for section in visible_sections(SECTIONS, include_admin=include_admin)
        for endpoint in section.endpoints
    ]

from collections.abc import Callable

from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse

from shortener import hosts
from shortener.models import Domain

# Branded domains answer their root with their own page, and every other path as
# the site does (shortener.branded_urls).
BRANDED_URLCONF = "shortener.branded_urls"


class KnownHostMiddleware:
    """Answer only the site's own hosts and its users' branded domains.

    ALLOWED_HOSTS is "*" so that any branded domain reaches the app; this check
    takes its place. A request to a branded domain carries it as `branded_domain`.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        host = request.get_host().lower()  # raises DisallowedHost when malformed
        domain = None
        if not hosts.is_site_host(host):
            domain = hosts.branded_domain(host)
            if domain is None and not hosts.accepts_any_host():
                # Django's own answer to a bad host: handler400, logged as such.
                raise DisallowedHost(f"Invalid HTTP_HOST header: {host!r}.")
        request.branded_domain = domain  # type: ignore[attr-defined]
        if domain is not None:
            request.urlconf = BRANDED_URLCONF  # type: ignore[attr-defined]
        return self.get_response(request)


def branded_domain_of(request: HttpRequest) -> Domain | None:
    """The branded domain the request came to; None on the site's own hosts."""
    return getattr(request, "branded_domain", None)

"""The pixel page: a direct link with pixels shows them, then goes on (§16.1 9)."""

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from pixels.csp import policy
from pixels.snippets import js_string, snippets_for
from shortener.models import Link

DIRECT_TYPES = frozenset({"", "direct"})
DELAY_MS = 2000  # §16.1: 2 s when pixels are present


def redirect_script(destination: str) -> str:
    """The inline script that goes on after the pixels had their time."""
    return (
        f"setTimeout(function(){{window.location.replace({js_string(destination)});}}"
        f",{DELAY_MS});"
    )


def pixel_page(
    request: HttpRequest, link: Link, destination: str
) -> HttpResponse | None:
    """Answer a direct link with pixels by the page that fires them; else None."""
    if not link.has_pixels or link.redirect_type not in DIRECT_TYPES:
        return None
    script = redirect_script(destination)
    context = {
        "link": link,
        "destination": destination,
        "pixel_snippets": snippets_for(link),
        "redirect_script": script,
        "delay": DELAY_MS // 1000,
    }
    response = HttpResponse(
        render_to_string("pixels/pixel_redirect.html", context, request=request)
    )
    response["Content-Security-Policy"] = policy(link, scripts=[script])
    response["Cache-Control"] = "private, max-age=0, no-store"
    return response

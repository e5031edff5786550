"""The pages of `frame`, `splash` and custom splash (numeric) links (§16.1 item 9)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from shortener.models import Link
from splash.models import SplashPage


def page_for(request: HttpRequest, link: Link, destination: str) -> HttpResponse | None:
    """The page of a frame, splash or custom splash link; None for other types."""
    kind = link.redirect_type
    if kind == "frame":
        return frame_page(request, link, destination)
    if kind == "splash":
        return site_splash_page(request, link, destination)
    if kind.isdigit():
        page = SplashPage.objects.filter(pk=int(kind), owner=link.owner_id).first()
        if page is not None:
            return custom_splash_page(request, link, destination, page)
    return None


def frame_page(request: HttpRequest, link: Link, destination: str) -> HttpResponse:
    """The destination in a full-page iframe under the site's top bar."""
    context = {"link": link, "destination": destination}
    return _render(request, "splash/frame.html", context, link, origin_of(destination))


def site_splash_page(
    request: HttpRequest, link: Link, destination: str
) -> HttpResponse:
    """The site's interstitial: the link's title, a countdown, then Continue."""
    context = {
        "link": link,
        "destination": destination,
        "seconds": settings.SPLASH_SECONDS,
    }
    return _render(request, "splash/site_splash.html", context, link)


def custom_splash_page(
    request: HttpRequest, link: Link, destination: str, page: SplashPage
) -> HttpResponse:
    """The owner's landing page, then a JavaScript redirect to the destination."""
    context = {"link": link, "destination": destination, "page": page}
    return _render(request, "splash/custom_splash.html", context, link)


def origin_of(url: str) -> str:
    """The scheme and host of `url`, as a CSP source."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _render(
    request: HttpRequest,
    template: str,
    context: dict,
    link: Link,
    frame_src: str | None = None,
) -> HttpResponse:
    response = render(
        request, template, {**context, "pixel_snippets": pixel_snippets(link)}
    )
    response["Content-Security-Policy"] = content_security_policy(link, frame_src)
    response["Cache-Control"] = "private, max-age=0, no-store"
    return response


def pixel_snippets(link: Link) -> object:
    """The link's tracking snippets from the pixels app."""
    from pixels.snippets import snippets_for  # pixels builds on shortener too

    return snippets_for(link)


def content_security_policy(link: Link, frame_src: str | None) -> str:
    """The pixels app's policy for this link, framing `frame_src` if given."""
    from pixels.csp import policy

    return policy(link, frame_src=frame_src)

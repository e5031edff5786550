"""The page of an `overlay-<id>` link: the destination framed, the widget on top."""

import re
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.crypto import salted_hmac

from overlays.models import Overlay, OverlayKind
from pixels.csp import policy
from pixels.snippets import snippets_for
from shortener.models import Link

OVERLAY_TYPE = re.compile(r"^overlay-(\d+)$")


def overlay_id(redirect_type: str) -> int | None:
    """The overlay id in a link type `overlay-<id>`, else None."""
    match = OVERLAY_TYPE.match(redirect_type or "")
    return int(match.group(1)) if match else None


def content_security_policy(link: Link, destination: str) -> str:
    """The pixels app's strict policy, allowing the destination in the frame."""
    return policy(link, frame_src=destination)


def voter_of(request: HttpRequest) -> str:
    """A visitor's fingerprint for polls: a keyed hash, never the address itself."""
    seed = f"{request.META.get('REMOTE_ADDR', '')}|"
    seed += request.META.get("HTTP_USER_AGENT", "")
    return salted_hmac("overlays.voter", seed).hexdigest()


def render_overlay(
    request: HttpRequest,
    link: Link,
    overlay: Overlay,
    destination: str,
    *,
    extra: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The framed destination under the widget, with its security headers."""
    voted = overlay.kind == OverlayKind.POLL and (
        overlay.votes.filter(voter=voter_of(request)).exists()
    )
    context = {
        "link": link,
        "overlay": overlay,
        "destination": destination,
        "voted": voted,
        "results": overlay.poll_results() if voted else [],
        "pixel_snippets": snippets_for(link),
        **(extra or {}),
    }
    response = render(request, "overlays/overlay_page.html", context, status=status)
    response["Content-Security-Policy"] = content_security_policy(link, destination)
    response["Cache-Control"] = "private, max-age=0, no-store"
    return response


def overlay_page(
    request: HttpRequest, link: Link, destination: str
) -> HttpResponse | None:
    """Answer links of type `overlay-<id>`; None for every other link."""
    pk = overlay_id(link.redirect_type)
    if pk is None:
        return None
    overlay = Overlay.objects.filter(pk=pk, owner=link.owner_id).first()
    if overlay is None:
        return None  # deleted meanwhile: the plain redirect
    return render_overlay(request, link, overlay, destination)

"""The Content-Security-Policy of a page that carries a link's pixels.

Scripts are allowed by hash: each pixel's inline snippet (and any inline script
the page passes in `scripts`) by its SHA-256, plus 'self' and exactly the hosts
of the link's providers. No 'unsafe-inline' for scripts. Styles may be inline
('unsafe-inline' in style-src): they cannot run code, and the site's pages use a
few style attributes.
"""

from collections.abc import Iterable
from urllib.parse import urlsplit

from pixels.snippets import (
    pixels_of,
    providers_of,
    script_body,
    script_hash,
)
from shortener.models import Link


def origin_of(url: str) -> str:
    """The `scheme://host[:port]` of an http(s) URL; "" for anything else."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    host = parts.hostname or ""
    if not host or any(c in host for c in " ;,'\""):
        return ""
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}"


def sources(*groups: Iterable[str]) -> str:
    """Each source once, in first-seen order; 'none' when there are none."""
    found = list(dict.fromkeys(source for group in groups for source in group))
    return " ".join(found) if found else "'none'"


def policy(
    link: Link, *, frame_src: str | None = None, scripts: Iterable[str] = ()
) -> str:
    """A strict CSP allowing the link's pixel providers and, if given, the frame.

    `scripts` are the bodies of the page's own inline scripts (each allowed by
    its hash); `frame_src` is the URL shown in a frame (its origin is allowed).
    """
    pixels = pixels_of(link)
    providers = providers_of(pixels)
    hashes = [script_hash(script_body(p)) for p in pixels]
    hashes += [script_hash(body) for body in scripts]
    frames = [origin] if frame_src and (origin := origin_of(frame_src)) else []
    directives = {
        "default-src": "'none'",
        "script-src": sources(
            ["'self'"], hashes, (h for p in providers for h in p.script_hosts)
        ),
        "img-src": sources(
            ["'self'", "data:"],
            (h for p in providers for h in p.img_hosts),
        ),
        "connect-src": sources(
            ["'self'"], (h for p in providers for h in p.connect_hosts)
        ),
        "frame-src": sources(frames, (h for p in providers for h in p.frame_hosts)),
        "style-src": "'self' 'unsafe-inline'",
        "font-src": "'self'",
        "form-action": "'self'",
        "base-uri": "'none'",
        "object-src": "'none'",
        "frame-ancestors": "'self'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())

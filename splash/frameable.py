"""Whether a destination lets browsers show it inside our frame (§3.3, §16.1).

Frames and CTA overlays put the destination in an iframe; a site that forbids it
(X-Frame-Options, or CSP frame-ancestors not naming us) would show an empty page.
"""

from urllib.parse import urlsplit

from django.conf import settings

from core.fetch import FetchError, fetch

CHECK_TIMEOUT = 3.0  # seconds for the whole check: creating a link must stay quick
CHECK_BYTES = 2_000_000


def frameable(url: str) -> bool:
    """False if `url` forbids framing by us; True if allowed or if unknown (offline)."""
    try:
        headers = fetch(url, max_bytes=CHECK_BYTES, timeout=CHECK_TIMEOUT).headers
    except FetchError:
        return True  # the check cannot be made: accept, as the product does
    return allows_framing(headers)


def allows_framing(headers: dict[str, str]) -> bool:
    """Read the response headers (lower-case names) as a browser framing us would."""
    sources = frame_ancestors(headers.get("content-security-policy", ""))
    if sources is not None:  # browsers ignore X-Frame-Options when this is present
        return any(_matches_us(source) for source in sources)
    option = headers.get("x-frame-options", "").strip().lower()
    return option not in {"deny", "sameorigin"}


def frame_ancestors(policy: str) -> list[str] | None:
    """The sources of the policy's frame-ancestors directive; None if it has none."""
    for directive in policy.replace(",", ";").split(";"):
        words = directive.split()
        if words and words[0].lower() == "frame-ancestors":
            return [source.lower() for source in words[1:]]
    return None


def _matches_us(source: str) -> bool:
    site = urlsplit(settings.SITE_URL)
    host, scheme = (site.hostname or "").lower(), site.scheme
    if source == "*":
        return True
    if source in {"https:", f"{scheme}:"}:
        return True
    if "://" in source:
        source_scheme, _, source = source.partition("://")
        if source_scheme != scheme:
            return False
    source_host = source.split("/")[0].split(":")[0]
    if source_host.startswith("*."):
        return host.endswith(source_host[1:])
    return bool(source_host) and source_host == host

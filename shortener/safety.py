"""Which destinations a link may point to (api-spec §3.3, D27)."""

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from core.errors import InvalidInput

INVALID_URL = "Please enter a valid URL."
EXECUTABLE_EXTENSIONS = frozenset(
    {"exe", "msi", "bat", "cmd", "scr", "pif", "vbs", "vbe", "ps1", "jar", "com",
     "cpl", "msc", "hta", "wsf", "dll", "apk", "dmg", "pkg", "deb", "rpm", "appimage"}
)  # fmt: skip
_http_url = URLValidator(schemes=["http", "https"])


def clean_url(raw: object, message: str = INVALID_URL) -> str:
    """An absolute http(s) URL, trimmed; anything else raises InvalidInput."""
    if not isinstance(raw, str):
        raise InvalidInput(message)
    url = raw.strip()
    if not url or len(url) > 4096 or any(ord(c) < 33 for c in url):
        raise InvalidInput(message)
    try:
        _http_url(url)
    except ValidationError:
        raise InvalidInput(message) from None
    if not host_of(url):
        raise InvalidInput(message)
    return url


def clean_app_url(raw: object) -> str:
    """An http(s) URL or one of the configured app schemes (deep links)."""
    if isinstance(raw, str) and ":" in raw:
        scheme, rest = raw.strip().split(":", 1)
        if scheme.lower() in settings.DEEPLINK_SCHEMES and rest.strip("/"):
            return raw.strip()
    return clean_url(raw)


def host_of(url: str) -> str:
    """`host` or `host:port` of a URL, lower-case; "" when it has none."""
    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".")
    try:
        port = parts.port
    except ValueError:  # out of range: not a URL anyone can visit
        return ""
    return f"{host}:{port}" if port else host


def split_short_url(url: str) -> tuple[str, str]:
    """(host, alias) of a short URL such as `https://sho.rt/abc`; "" for no alias."""
    url = url.strip()
    if "://" not in url:
        return "", ""
    alias = urlsplit(url).path.strip("/")
    return host_of(url).lower(), "" if "/" in alias else alias


def site_hosts() -> set[str]:
    """The platform's own hosts (branded domains are looked up separately)."""
    return {host_of(settings.SITE_URL), *settings.EXTRA_SHORT_HOSTS}


def check_destination(url: str) -> None:
    """Refuse destinations that loop back, are listed, or are executables."""
    from shortener.models import Domain

    host = host_of(url)
    bare = host.split(":")[0]
    own = site_hosts()
    if {host, bare} & own or Domain.objects.filter(host__in={host, bare}).exists():
        raise InvalidInput("You cannot shorten URLs of this website.")
    for listed in settings.BLACKLISTED_DOMAINS:
        if bare == listed or bare.endswith(f".{listed}"):
            raise InvalidInput("This domain name or link has been blacklisted.")
    lowered = url.lower()
    if any(word in lowered for word in settings.BLACKLISTED_KEYWORDS):
        raise InvalidInput("This URL contains blacklisted keywords.")
    path = urlsplit(url).path.lower()
    if "." in path.rsplit("/", 1)[-1]:
        extension = path.rsplit(".", 1)[-1]
        if extension in EXECUTABLE_EXTENSIONS:
            raise InvalidInput("Linking to executable files is not allowed.")


def domain_url(value: Any) -> tuple[str, str]:
    """(scheme, host) of a branded domain given as `https://domain.com`."""
    raw = value.strip().lower() if isinstance(value, str) else ""
    if raw and "://" not in raw:
        raw = f"https://{raw}"
    parts = urlsplit(raw)
    host = (parts.hostname or "").rstrip(".")
    try:
        port = parts.port
    except ValueError:
        raise InvalidInput("A valid domain name is required.") from None
    labels = host.split(".")
    valid = (
        parts.scheme in {"http", "https"}
        and len(labels) >= 2
        and all(label and len(label) <= 63 for label in labels)
        and all(c.isalnum() or c == "-" for c in host.replace(".", ""))
        and not labels[-1].isdigit()
        and parts.path in {"", "/"}
        and not parts.query
        and not parts.username
    )
    if not valid:
        raise InvalidInput("A valid domain name is required.")
    return parts.scheme, f"{host}:{port}" if port else host


def optional_url(value: Any, message: str) -> str:
    """A redirect target for a domain's root or 404: a URL, or empty."""
    if value in (None, ""):
        return ""
    return clean_url(value, message)

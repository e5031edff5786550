"""What a bio page's blocks may hold: safe URLs, cleaned HTML and CSS, known networks.

Every function raises InvalidInput (with a message the dashboard translates) for
input it cannot make safe, and returns the cleaned value otherwise.
"""

import re
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from core.errors import InvalidInput
from shortener.safety import INVALID_URL, clean_url, host_of
from splash.sanitise import clean_html

BLACKLISTED = _("This domain name or link has been blacklisted.")
NO_VIDEO = _("Enter the address of a YouTube video.")
NO_EMAIL = _("Enter a valid e-mail address.")
UNKNOWN_NETWORK = _("%(url)s is not the address of a supported network (%(networks)s).")
CSS_MAX_LENGTH = 10_000

# name: (label, hosts whose pages are that network's, subdomains included)
NETWORKS: dict[str, tuple[str, tuple[str, ...]]] = {
    "instagram": ("Instagram", ("instagram.com",)),
    "facebook": ("Facebook", ("facebook.com", "fb.com")),
    "x": ("X", ("x.com", "twitter.com")),
    "tiktok": ("TikTok", ("tiktok.com",)),
    "youtube": ("YouTube", ("youtube.com", "youtu.be")),
    "linkedin": ("LinkedIn", ("linkedin.com",)),
    "github": ("GitHub", ("github.com",)),
    "threads": ("Threads", ("threads.net",)),
    "pinterest": ("Pinterest", ("pinterest.com",)),
    "twitch": ("Twitch", ("twitch.tv",)),
    "spotify": ("Spotify", ("spotify.com",)),
    "whatsapp": ("WhatsApp", ("wa.me", "whatsapp.com")),
    "telegram": ("Telegram", ("t.me", "telegram.me")),
}

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
YOUTUBE_HOSTS = {"youtube.com", "youtube-nocookie.com"}
YOUTUBE_PATHS = ("/embed/", "/shorts/", "/live/", "/v/")


def clean_link_url(raw: object) -> str:
    """An absolute http(s) destination (D27) that is not blacklisted."""
    url = clean_url(raw, INVALID_URL)
    bare = host_of(url).split(":")[0]
    if any(bare == d or bare.endswith(f".{d}") for d in settings.BLACKLISTED_DOMAINS):
        raise InvalidInput(str(BLACKLISTED))
    if any(word in url.lower() for word in settings.BLACKLISTED_KEYWORDS):
        raise InvalidInput(str(BLACKLISTED))
    return url


def is_safe_link_url(url: str) -> bool:
    """Whether a stored block URL still passes the rules (checked again on redirect)."""
    try:
        clean_link_url(url)
    except InvalidInput:
        return False
    return True


def clean_text(html: str) -> str:
    """A text block's HTML, with only basic formatting and http(s) links kept."""
    return clean_html(html).strip()


def clean_email(raw: str) -> str:
    email = raw.strip()
    try:
        validate_email(email)
    except ValidationError:
        raise InvalidInput(str(NO_EMAIL)) from None
    return email


def network_of(url: str) -> str:
    """The name of the network `url` belongs to; "" when it is none of ours."""
    host = host_of(url).split(":")[0]
    host = host.removeprefix("www.")
    for name, (_label, hosts) in NETWORKS.items():
        if any(host == h or host.endswith(f".{h}") for h in hosts):
            return name
    return ""


def clean_socials(text: str) -> dict[str, str]:
    """{network: url} from one URL per line; each URL must be a known network's."""
    socials: dict[str, str] = {}
    for line in text.splitlines():
        if not (line := line.strip()):
            continue
        url = clean_link_url(line)
        network = network_of(url)
        if not network:
            labels = ", ".join(label for label, _hosts in NETWORKS.values())
            raise InvalidInput(
                str(UNKNOWN_NETWORK % {"url": url[:100], "networks": labels})
            )
        socials[network] = url
    return socials


def socials_as_text(socials: object) -> str:
    if not isinstance(socials, dict):
        return ""
    return "\n".join(str(url) for url in socials.values())


def network_label(name: str) -> str:
    return NETWORKS.get(name, (name, ()))[0]


def youtube_id(raw: str) -> str:
    """The id of the video a YouTube address names; InvalidInput for anything else.

    Only the id is kept: the page embeds it from youtube-nocookie.com itself.
    """
    url = raw.strip()
    if YOUTUBE_ID.match(url):
        return url
    try:
        url = clean_url(url)
    except InvalidInput:
        raise InvalidInput(str(NO_VIDEO)) from None
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    host = host.removeprefix("music.")
    found = ""
    if host == "youtu.be":
        found = parts.path.strip("/").split("/")[0]
    elif host in YOUTUBE_HOSTS:
        if parts.path == "/watch":
            found = (parse_qs(parts.query).get("v") or [""])[0]
        else:
            for prefix in YOUTUBE_PATHS:
                if parts.path.startswith(prefix):
                    found = parts.path[len(prefix) :].split("/")[0]
    if not YOUTUBE_ID.match(found):
        raise InvalidInput(str(NO_VIDEO))
    return found


# Custom CSS. Whatever can load or run something is cut out; the page's CSP
# (bio.theme) refuses external loads and scripts as well.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_COMMENT = re.compile(r"/\*.*?(\*/|$)", re.DOTALL)
_DANGEROUS = re.compile(
    r"@import[^;]*;?"
    r"|@charset[^;]*;?"
    r"|@namespace[^;]*;?"
    r"|expression\s*\([^)]*\)?"
    r"|javascript\s*:"
    r"|vbscript\s*:"
    r"|-moz-binding"
    r"|behavior"
    r"|(?:-webkit-)?image-set\s*\([^)]*\)?"
    r"|url\s*\((?!\s*['\"]?data:image/(?:png|jpeg|gif|webp)[;,])[^)]*\)?",
    re.IGNORECASE,
)


def clean_css(css: str) -> str:
    """Custom CSS with nothing that can load or execute, safe inside <style>.

    Escapes and comments go first (they could spell a keyword in pieces), and
    `<` (no `</style>` can close the element); then the dangerous constructs are
    removed until none is left, since a removal can join pieces into a new one.
    """
    text = _CONTROL.sub("", css[:CSS_MAX_LENGTH])
    text = text.replace("\\", "").replace("<", "")
    previous = None
    while previous != text:
        previous = text
        text = _COMMENT.sub("", text)
        text = _DANGEROUS.sub("", text)
    return text.strip()

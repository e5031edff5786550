"""Who is visiting: address, country, browser, device and language of a request."""

import functools
import ipaddress
import re
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

import ua_parser
from crawlerdetect import CrawlerDetect
from django.conf import settings
from django.http import HttpRequest
from django.http.request import split_domain_port
from geoip2fast import GeoIP2Fast

from analytics.models import DeviceType

MAX_USER_AGENT = 512  # longer strings are cut before parsing: regexes stay fast
MAX_REFERRER = 1000
# Services that fetch a shared link to show a preview card of it.
LINK_PREVIEW = re.compile(
    r"facebookexternalhit|facebookcatalog|facebot|twitterbot|linkedinbot|slackbot|"
    r"slack-imgproxy|whatsapp|telegrambot|discordbot|pinterest|skypeuripreview|"
    r"redditbot|embedly|vkshare|iframely|mastodon|bluesky|snapchat|viber",
    re.IGNORECASE,
)
MOBILE_SYSTEMS = frozenset(
    {"iOS", "Android", "Windows Phone", "BlackBerry OS", "KaiOS", "Symbian OS",
     "Firefox OS", "Tizen", "webOS", "Sailfish"}
)  # fmt: skip
DESKTOP_SYSTEMS = frozenset(
    {"Windows", "Mac OS X", "Linux", "Ubuntu", "Chrome OS", "Fedora", "Debian",
     "FreeBSD", "OpenBSD", "NetBSD", "Solaris", "Red Hat", "SUSE", "Mint"}
)  # fmt: skip
# Targeting keys of api-spec §16.2 for the systems that are not named by device.
SYSTEM_KEYS = {
    "Android": "android",
    "Mac OS X": "mac os",
    "Ubuntu": "ubuntu",
    "Chrome OS": "chrome",
    "Linux": "linux",
    "Fedora": "linux",
    "Debian": "linux",
}
_crawlers = CrawlerDetect()


@dataclass(frozen=True)
class Visitor:
    """What a click records about the person (or program) behind a request."""

    ip: str
    user_agent: str
    country_code: str  # ISO 3166 alpha-2, "" when unknown
    country: str  # English name, "" when unknown
    browser: str
    os: str
    device: str  # a device-targeting key ("iphone", "windows", …), "" for none
    device_type: str
    language: str  # ISO 639-1, "" when not sent
    referrer: str
    referrer_domain: str  # "" for a direct visit
    is_bot: bool
    is_link_preview: bool  # a social network fetching the link for a preview card


def visitor_of(request: HttpRequest) -> Visitor:
    """Describe the visitor behind `request`, once per request."""
    visitor = getattr(request, "_analytics_visitor", None)
    if visitor is None:
        visitor = describe(request)
        request._analytics_visitor = visitor  # type: ignore[attr-defined]
    return visitor


def describe(request: HttpRequest) -> Visitor:
    ip = client_ip(request)
    user_agent = request.META.get("HTTP_USER_AGENT", "")[:MAX_USER_AGENT].strip()
    country_code, country = country_of(ip)
    agent = agent_of(user_agent)
    referrer, referrer_domain = referrer_of(request)
    return Visitor(
        ip=ip,
        user_agent=user_agent,
        country_code=country_code,
        country=country,
        browser=agent.browser,
        os=agent.os,
        device=agent.device,
        device_type=agent.device_type,
        language=language_of(request),
        referrer=referrer,
        referrer_domain=referrer_domain,
        is_bot=agent.is_bot,
        is_link_preview=agent.is_link_preview,
    )


@dataclass(frozen=True)
class Agent:
    """What a user agent string says, worked out once per string."""

    browser: str
    os: str
    device: str
    device_type: str
    is_bot: bool
    is_link_preview: bool


@functools.lru_cache(maxsize=4096)
def agent_of(user_agent: str) -> Agent:
    """Browser, system, device and bot-ness of a user agent (kept per string)."""
    parsed = ua_parser.parse(user_agent).with_defaults()
    link_preview = is_link_preview(user_agent)
    is_bot = link_preview or is_bot_agent(user_agent)
    return Agent(
        browser=parsed.user_agent.family[:64],
        os=parsed.os.family[:64],
        device=device_key(parsed),
        device_type=DeviceType.BOT if is_bot else device_type(parsed),
        is_bot=is_bot,
        is_link_preview=link_preview,
    )


@functools.lru_cache(maxsize=4096)
def is_bot_agent(user_agent: str) -> bool:
    """Whether the user agent is a crawler, a link-preview fetcher or a script.

    A pure function of the string, and the same few agents recur: the verdict
    is kept per agent (crawlerdetect's regexes cost tens of µs a call).
    """
    # Browsers always send a user agent: a request without one is a script.
    if not user_agent or is_link_preview(user_agent):
        return True
    return _crawlers.is_crawler(user_agent)


@functools.lru_cache(maxsize=4096)
def is_link_preview(user_agent: str) -> bool:
    """Whether the agent fetches links for preview cards (kept per agent: the
    pattern costs about 10 µs on a browser's agent)."""
    return LINK_PREVIEW.search(user_agent) is not None


@functools.lru_cache(maxsize=4096)
def agent_facts(user_agent: str, is_bot: bool) -> tuple[str, str, str]:
    """(browser, system, device type) of a user agent; the same few agents recur."""
    parsed = ua_parser.parse(user_agent).with_defaults()
    kind = DeviceType.BOT if is_bot else device_type(parsed)
    return parsed.user_agent.family[:64], parsed.os.family[:64], kind


def referrer_domain(referrer: str) -> str:
    """The domain of a referrer URL kept by `referrer_of` ("" for none)."""
    try:
        host = (urlsplit(referrer).hostname or "").rstrip(".")
    except ValueError:
        return ""
    return host.removeprefix("www.")[:253]


def client_ip(request: HttpRequest) -> str:
    """REMOTE_ADDR, or the address the trusted proxies received the request from."""
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if not proxies:
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    # Each trusted proxy appends the address it was connected from; entries
    # further left were written by the client and may be forged.
    if len(hops) < proxies:
        return remote
    return canonical_address(hops[-proxies]) or remote


def canonical_address(text: str) -> str:
    """The address in its usual notation ("" when `text` is not one).

    The C parser first: `ipaddress` costs several µs a call on the hot path.
    """
    for family in (socket.AF_INET, socket.AF_INET6):
        try:
            return socket.inet_ntop(family, socket.inet_pton(family, text))
        except (OSError, ValueError):
            continue
    try:  # what inet_pton refuses and ipaddress reads (an IPv6 scope, say)
        return str(ipaddress.ip_address(text))
    except ValueError:
        return ""


@functools.cache
def geoip() -> GeoIP2Fast:
    """The country database shipped with geoip2fast, read once per process."""
    return GeoIP2Fast(geoip2fast_data_file="geoip2fast-ipv6.dat.gz")  # v4 and v6


def country_of(ip: str) -> tuple[str, str]:
    """(ISO code, English name) of the address's country, or ("", "")."""
    if not ip:
        return "", ""
    found = geoip().lookup(ip)
    code = found.country_code or ""
    # Private, reserved and unlisted addresses come back with "--" or "".
    if len(code) != 2 or not code.isalpha() or found.is_private:
        return "", ""
    return code.upper(), found.country_name[:64]


def device_type(parsed: ua_parser.DefaultedResult) -> str:
    family, system = parsed.device.family, parsed.os.family
    brand = parsed.device.brand or ""
    is_android_tablet = system == "Android" and "Mobile" not in parsed.string
    if family == "iPad" or "Tablet" in family or "Tablet" in brand or is_android_tablet:
        return DeviceType.TABLET
    if family in {"iPhone", "iPod"} or system in MOBILE_SYSTEMS:
        return DeviceType.MOBILE
    if system in DESKTOP_SYSTEMS or system.startswith("Windows"):
        return DeviceType.DESKTOP
    return DeviceType.OTHER


def device_key(parsed: ua_parser.DefaultedResult) -> str:
    """The device-targeting key (api-spec §16.2) the user agent answers to."""
    family, system = parsed.device.family, parsed.os.family
    if family in {"iPhone", "iPad", "iPod"}:
        return family.lower()
    if system.startswith("BlackBerry"):
        return "blackberry"
    if system.startswith("Windows Phone"):
        return "mobile"
    if system.startswith("Windows"):
        return "windows"
    if system in SYSTEM_KEYS:
        return SYSTEM_KEYS[system]
    if device_type(parsed) in {DeviceType.MOBILE, DeviceType.TABLET}:
        return "mobile"
    return ""


def language_of(request: HttpRequest) -> str:
    """The first two letters of the first language in Accept-Language."""
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    first = header.split(",", 1)[0].split(";", 1)[0].strip()[:2].lower()
    return first if len(first) == 2 and first.isalpha() and first.isascii() else ""


def referrer_of(request: HttpRequest) -> tuple[str, str]:
    """(URL, domain) of the page the visitor came from; ("", "") for direct visits."""
    referrer = request.META.get("HTTP_REFERER", "").strip()
    try:
        host = (urlsplit(referrer).hostname or "").rstrip(".")
    except ValueError:
        return "", ""
    if not host or host == split_domain_port(request.get_host())[0]:
        # No page, or our own (the password form posts back to the short link).
        return "", ""
    return referrer[:MAX_REFERRER], host.removeprefix("www.")[:253]

"""Plain direct links, remembered for the fast redirect path (shortener.fastpath).

Two levels: a small in-process LRU with a short life, in front of the shared
cache (Redis in production). Each level holds either what a plain direct link
needs to be followed, or DJANGO: "ask the full redirect" (unknown alias, or a
link with anything that makes it more than a plain redirect). A stale DJANGO is
harmless, since Django looks the link up itself; a stale plain entry is not, so:

- saving or deleting a link forgets its alias (old and new) in the shared cache
  and bumps a version that every process compares at most once a second before
  trusting its own LRU (shortener.signals);
- a lookup that raced with such a change does not keep what it read;
- entries expire anyway (LOCAL_SECONDS, SHARED_SECONDS).
"""

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import Resolver404, resolve

from shortener.models import Link, LinkKind
from shortener.redirect import links_with_alias, redirect_to, with_query

DIRECT_TYPES = frozenset({"", "direct"})  # redirect types with no page in the way
DJANGO = "django"  # "not a plain direct link (or none at all): ask Django"
LOCAL_SECONDS = 30.0
LOCAL_SIZE = 10_000
SHARED_SECONDS = 5 * 60
VERSION_KEY = "shortener:fast:version"
VERSION_CHECK_SECONDS = 1.0


def shared_key(alias: str) -> str:
    return f"shortener:fast:{alias.lower()}"


@dataclass(frozen=True)
class PlainLink:
    """A plain direct link as the fast path follows it."""

    link: Link  # enough of the row for record_click: pk, owner, alias, URL
    parameters: list
    expires: float | None  # POSIX timestamp
    headers: list[tuple[str, str]]  # Django's redirect for a visit without a query

    def is_expired(self) -> bool:
        return self.expires is not None and self.expires <= time.time()

    def response_for(self, query: str) -> list[tuple[str, str]]:
        """The redirect's own headers (status aside) for the visitor's query."""
        if not query:
            return self.headers
        return redirect_headers(with_query(self.link.long_url, self.parameters, query))


def redirect_headers(destination: str) -> list[tuple[str, str]]:
    """The headers of the very response shortener.redirect.redirect_to builds."""
    response: HttpResponse = redirect_to(destination)  # may raise DisallowedRedirect
    return [("Status", str(response.status_code)), *response.items()]


def describe(link: Link) -> dict | str:
    """What the shared cache keeps for `link`: its plain fields, or DJANGO."""
    plain = (
        link.kind == LinkKind.LINK
        and link.domain_id is None
        and not link.password
        and link.redirect_type in DIRECT_TYPES
        and not link.has_pixels
        and not link.geo_targets
        and not link.device_targets
        and not link.language_targets
        and not link.deeplink
    )
    if not plain:
        return DJANGO
    expires: datetime | None = link.expires_at
    return {
        "id": link.pk,
        "owner_id": link.owner_id,
        "alias": link.alias,
        "long_url": link.long_url,
        "parameters": link.parameters if isinstance(link.parameters, list) else [],
        "expires": expires.timestamp() if expires is not None else None,
    }


def build(data: dict | str) -> PlainLink | str:
    """The in-process entry for what the shared cache holds."""
    if data == DJANGO or not isinstance(data, dict):
        return DJANGO
    link = Link(
        pk=data["id"],
        owner_id=data["owner_id"],
        alias=data["alias"],
        long_url=data["long_url"],
        parameters=data["parameters"],
        kind=LinkKind.LINK,
    )
    try:
        headers = redirect_headers(with_query(link.long_url, data["parameters"], ""))
    except Exception:  # a destination Django would refuse to redirect to
        return DJANGO
    return PlainLink(link, data["parameters"], data["expires"], headers)


class LocalLinks:
    """The in-process LRU, dropped whole when the shared version moves on."""

    def __init__(self) -> None:
        self.entries: OrderedDict[str, tuple[float, PlainLink | str]] = OrderedDict()
        self.lock = threading.Lock()
        self.version: object = None
        self.checked = 0.0

    def get(self, alias: str) -> PlainLink | str | None:
        now = time.monotonic()
        if now - self.checked >= VERSION_CHECK_SECONDS:
            self.checked = now
            version = cache.get(VERSION_KEY)
            if version != self.version:
                self.clear()
                self.version = version
                return None
        found = self.entries.get(alias)
        if found is None:
            return None
        if found[0] <= now:
            self.entries.pop(alias, None)
            return None
        self.entries.move_to_end(alias)
        return found[1]

    def put(self, alias: str, entry: PlainLink | str) -> None:
        with self.lock:
            self.entries[alias] = (time.monotonic() + LOCAL_SECONDS, entry)
            self.entries.move_to_end(alias)
            while len(self.entries) > LOCAL_SIZE:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


local = LocalLinks()


def cached(alias: str) -> PlainLink | str | None:
    """The in-process entry for `alias` (lower-case), None when not held."""
    return local.get(alias)


def load(alias: str) -> PlainLink | str:
    """The entry for `alias` (lower-case) from the shared cache, else the database.

    Synchronous (it may query): the fast path runs it in a worker thread.
    """
    key = shared_key(alias)
    data = cache.get(key)
    if data is None:
        version = cache.get(VERSION_KEY)
        link = next(iter(links_with_alias(alias, None)[:1]), None)
        data = DJANGO if link is None else describe(link)
        cache.set(key, data, SHARED_SECONDS)
        if cache.get(VERSION_KEY) != version:
            # A link changed while we read: what we stored may be the old state.
            cache.delete(key)
            return DJANGO
    entry = build(data)
    local.put(alias, entry)
    return entry


def forget(*aliases: str) -> None:
    """Drop what is remembered about these aliases, everywhere (a link changed)."""
    cache.delete_many([shared_key(alias) for alias in aliases if alias])
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.add(VERSION_KEY, 1, None)
        cache.incr(VERSION_KEY)
    local.clear()


_routes: dict[str, bool] = {}


def follows(path: str) -> bool:
    """Whether Django sends `path` on the site's own hosts to the redirect.

    `/<alias>` comes last in the URLconf: a path another page answers is not an
    alias (in the case it is written: routes are case-sensitive, aliases not).
    """
    found = _routes.get(path)
    if found is None:
        try:
            found = resolve(path, settings.ROOT_URLCONF).view_name == "shortener:follow"
        except Resolver404:
            found = False
        if len(_routes) >= LOCAL_SIZE:
            _routes.clear()
        _routes[path] = found
    return found


def reset() -> None:
    """Forget everything held in this process (settings or URLconf changed)."""
    local.clear()
    local.version = None
    local.checked = 0.0
    _routes.clear()

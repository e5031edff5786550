"""The fast redirect path: plain direct links answered in front of Django.

A GET or HEAD of `/<alias>` on one of the site's own hosts, for a link that is
a plain direct redirect (shortener.fastlinks says which), is answered here
without Django's request cycle: the same redirect headers (built by
shortener.redirect.redirect_to), the same headers the middleware adds, and the
click recorded by the same checks as analytics.clicks.record_click, over a
lean asyncio connection to the click buffer (analytics.wire). Everything else
(other paths and methods, branded domains, signed-in visitors, link-preview
crawlers, links with a password, an expiry reached, targeting, pixels, an
interstitial page or a deep link, unknown aliases) goes to Django unchanged.
"""

import asyncio
import contextvars
import functools
import io
import logging
import re
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import DisallowedHost
from django.core.handlers.asgi import ASGIRequest
from django.db import connections
from django.utils import translation

from analytics import buffer, wire
from analytics.clicks import record_click, record_click_async
from analytics.visitors import MAX_USER_AGENT, is_link_preview
from shortener import fastlinks, hosts
from shortener.fastlinks import DJANGO, PlainLink

Scope = dict[str, Any]
Headers = tuple[tuple[bytes, bytes], ...]
ASGIApp = Callable[[Scope, Callable, Callable], Awaitable[None]]
ALIAS_PATH = re.compile(r"/([A-Za-z0-9_-]{1,64})")  # shortener.urls.AliasConverter
THREADS = 8  # cache misses and the click's fallbacks do blocking I/O off the loop
logger = logging.getLogger(__name__)


def ended(function: Callable, *args: Any) -> Any:
    """Call `function`, then do what the end of a Django request does to the
    thread's database connections: close those too old (CONN_MAX_AGE) or broken."""
    try:
        return function(*args)
    finally:
        for connection in connections.all(initialized_only=True):
            if connection.connection is not None and not connection.in_atomic_block:
                connection.close_if_unusable_or_obsolete()


_hosts: dict[tuple, bool] = {}


def is_site_host(request: ASGIRequest) -> bool:
    """Whether the request came to one of the site's own hosts (not a branded one).

    Kept per raw host header (and what else `get_host` reads) for the process's
    life: validating it against ALLOWED_HOSTS costs several µs per request.
    """
    meta = request.META
    key = (
        meta.get("HTTP_HOST"),
        meta.get("HTTP_X_FORWARDED_HOST") if settings.USE_X_FORWARDED_HOST else None,
        meta.get("SERVER_NAME"),
        meta.get("SERVER_PORT"),
    )
    found = _hosts.get(key)
    if found is None:
        try:
            found = hosts.is_site_host(request.get_host().lower())
        except DisallowedHost:
            found = False
        if len(_hosts) >= 1000:
            _hosts.clear()
        _hosts[key] = found
    return found


class FastRedirects:
    """ASGI middleware: answer plain direct links, hand the rest to `app`."""

    def __init__(self, app: ASGIApp, threads: int = THREADS) -> None:
        """`threads` = 0 runs blocking work as Django runs sync views instead
        (asgiref's thread-sensitive executor): what in-process tests need to
        share the test's database connection."""
        self.app = app
        self.executor = (
            ThreadPoolExecutor(threads, thread_name_prefix="fastpath")
            if threads
            else None
        )
        # Django keeps one cache client per context (asgiref.local): each request
        # task would open its own Redis connections. What runs on the loop runs
        # in this one context instead (worker threads each keep their own).
        self.context = contextvars.copy_context()
        self.redis: wire.Client | None = None  # the click buffer's, once used

    async def __call__(self, scope: Scope, receive: Callable, send: Callable) -> None:
        if (
            scope["type"] == "http"
            and scope["method"] in ("GET", "HEAD")
            and not scope.get("root_path")
            and (match := ALIAS_PATH.fullmatch(scope["path"]))
        ):
            try:
                answer = await self.answer(scope, match[1])
            except Exception:  # never worse than Django: let it answer instead
                logger.exception("fast path failed; Django answers")
                answer = None
            if answer is not None:
                status, headers = answer
                start = {"type": "http.response.start", "status": status}
                await send({**start, "headers": headers})
                await send({"type": "http.response.body", "body": b""})
                return
        await self.app(scope, receive, send)

    async def answer(
        self, scope: Scope, alias: str
    ) -> tuple[int, list[tuple[bytes, bytes]]] | None:
        """(status, headers) of the redirect, or None to let Django answer."""
        if not fastlinks.follows(scope["path"]):
            return None
        request = ASGIRequest(scope, io.BytesIO())
        if not is_site_host(request):
            return None  # a branded domain (or a bad host): Django's middleware
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return None  # maybe the owner, maybe an unlocked password: Django knows
        user_agent = request.META.get("HTTP_USER_AGENT", "")[:MAX_USER_AGENT].strip()
        if is_link_preview(user_agent):
            return None  # a preview card, not a redirect
        key = alias.lower()  # D32
        entry = self.context.run(fastlinks.cached, key)
        if entry is None:
            entry = await self.run(fastlinks.load, key)
        if entry == DJANGO or not isinstance(entry, PlainLink) or entry.is_expired():
            return None
        try:
            own = entry.response_for(request.META.get("QUERY_STRING", ""))
        except Exception:
            return None  # a destination Django refuses: it answers as it does
        # Only visitors without a session come here: the owner is not one of them.
        request.user = AnonymousUser()
        if scope["method"] != "HEAD":  # D33: a HEAD is never a click
            if redis := self.buffer_client():
                await record_click_async(entry.link, request, redis, self.run)
            else:  # no buffer: the click is stored at once, in a worker thread
                await self.run(record_click, entry.link, request)
        return int(own[0][1]), self.headers(request, own[1:])

    def buffer_client(self) -> wire.Client | None:
        """The lean connection to the click buffer's Redis; None without one."""
        url = buffer.buffer_url()
        if not url or not wire.supports(url):
            return None
        if self.redis is None or self.redis.url != url:
            self.redis = wire.Client(url)
        return self.redis

    async def run(self, function: Callable, *args: Any) -> Any:
        """Run blocking `function` in a worker thread, as a request would."""
        if self.executor is None:
            return await sync_to_async(ended, thread_sensitive=True)(function, *args)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.executor, ended, function, *args)

    def headers(
        self, request: ASGIRequest, own: list[tuple[str, str]]
    ) -> list[tuple[bytes, bytes]]:
        """The redirect's headers, then what Django's middleware adds to them."""
        before, after = middleware_headers(request.is_secure())
        language = (b"Content-Language", content_language(request))
        return [
            *[(name.encode("ascii"), value.encode("latin1")) for name, value in own],
            *before,
            language,
            *after,
        ]


@functools.cache
def middleware_headers(secure: bool) -> tuple[Headers, Headers]:
    """What Django's middleware adds to a redirect, before and after its
    Content-Language; worked out from the settings once (reset() forgets)."""
    added: dict[str, str] = {}
    if settings.X_FRAME_OPTIONS:
        added["X-Frame-Options"] = settings.X_FRAME_OPTIONS.upper()
    added["Content-Length"] = "0"  # CommonMiddleware; a redirect has no body
    # LocaleMiddleware, then SessionMiddleware: the session is read on every
    # request (accounts.middleware.UserLanguageMiddleware asks for the user).
    added["Vary"] = "Accept-Language, Cookie"
    before, added = encoded(added), {}
    if settings.SECURE_HSTS_SECONDS and secure:
        value = f"max-age={settings.SECURE_HSTS_SECONDS}"
        if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
            value += "; includeSubDomains"
        if settings.SECURE_HSTS_PRELOAD:
            value += "; preload"
        added["Strict-Transport-Security"] = value
    if settings.SECURE_CONTENT_TYPE_NOSNIFF:
        added["X-Content-Type-Options"] = "nosniff"
    if policy := settings.SECURE_REFERRER_POLICY:
        if isinstance(policy, str):
            policy = ",".join(v.strip() for v in policy.split(","))
        else:
            policy = ",".join(policy)
        added["Referrer-Policy"] = policy
    if settings.SECURE_CROSS_ORIGIN_OPENER_POLICY:
        added["Cross-Origin-Opener-Policy"] = settings.SECURE_CROSS_ORIGIN_OPENER_POLICY
    return before, encoded(added)


def encoded(headers: dict[str, str]) -> Headers:
    return tuple(
        (name.encode("ascii"), value.encode("latin1"))
        for name, value in headers.items()
    )


_languages: dict[tuple[str | None, str], bytes] = {}


def content_language(request: ASGIRequest) -> bytes:
    """LocaleMiddleware's language for the request, kept per language cookie and
    Accept-Language header (Django parses the header on every request)."""
    key = (
        request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME),
        request.META.get("HTTP_ACCEPT_LANGUAGE", ""),
    )
    found = _languages.get(key)
    if found is None:
        if len(_languages) >= 1000:
            _languages.clear()
        language = translation.get_language_from_request(request)
        found = _languages[key] = language.encode("latin1")
    return found


def reset() -> None:
    """Forget what was worked out from the settings (tests change them)."""
    middleware_headers.cache_clear()
    _languages.clear()
    _hosts.clear()

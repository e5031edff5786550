"""Fetch a remote resource on a user's behalf without exposing the network inside.

Used for link banners, destination metadata and QR logos: strict timeouts, a size
cap, at most a few redirects, and only public addresses — the address that was
checked is the one connected to, so DNS cannot be switched in between.
"""

import http.client
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from django.conf import settings

MAX_REDIRECTS = 3
USER_AGENT = "Mozilla/5.0 (compatible; ShortenerBot/1.0; +link preview)"


class FetchError(Exception):
    """The resource could not be fetched safely (any reason)."""


@dataclass(frozen=True)
class Fetched:
    url: str
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)  # names in lower case


def public_address(host: str, port: int) -> str:
    """Resolve `host` and return an address that may be contacted."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"cannot resolve {host}") from error
    for *_, sockaddr in infos:
        address = ipaddress.ip_address(sockaddr[0])
        if settings.FETCH_ALLOW_PRIVATE or address.is_global:
            return str(address)
    raise FetchError(f"{host} is not a public address")


def _read_until(
    response: http.client.HTTPResponse, limit: int, deadline: float
) -> bytes:
    chunks, size = [], 0
    while chunk := response.read(min(65536, limit + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise FetchError("too large")
        if time.monotonic() > deadline:
            raise FetchError("too slow")
    return b"".join(chunks)


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(
            host, port, timeout=timeout, context=ssl.create_default_context()
        )
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def fetch(url: str, *, max_bytes: int, timeout: float = 5.0) -> Fetched:
    """GET `url` (http/https), following a few redirects; raise FetchError.

    `timeout` bounds the whole fetch, not only each socket operation, so a server
    that trickles bytes cannot hold a worker.
    """
    deadline = time.monotonic() + timeout
    for _ in range(MAX_REDIRECTS + 1):
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise FetchError("not an http(s) URL")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = public_address(parts.hostname, port)
        connection_class = (
            _PinnedHTTPSConnection if parts.scheme == "https" else _PinnedHTTPConnection
        )
        connection = connection_class(parts.hostname, port, address, timeout)
        target = parts.path or "/"
        if parts.query:
            target += f"?{parts.query}"
        try:
            connection.request("GET", target, headers={"User-Agent": USER_AGENT})
            response = connection.getresponse()
            if response.status in {301, 302, 303, 307, 308}:
                location = response.getheader("Location")
                if not location:
                    raise FetchError("redirect without a location")
                url = urljoin(url, location)
                continue
            if response.status != 200:
                raise FetchError(f"status {response.status}")
            length = response.getheader("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError("too large")
            body = _read_until(response, max_bytes, deadline)
            content_type = response.getheader("Content-Type", "").split(";")[0]
            return Fetched(
                url=url,
                content_type=content_type.strip().lower(),
                body=body,
                headers={k.lower(): v for k, v in response.getheaders()},
            )
        except (OSError, http.client.HTTPException) as error:
            raise FetchError(str(error)) from error
        finally:
            connection.close()
    raise FetchError("too many redirects")

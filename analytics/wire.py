"""A lean asyncio connection to the click buffer's Redis, for the fast path.

redis-py spends about 150 µs of Python on each command (packing arguments, its
connection pool, its observability hooks) and blocks the thread while Redis
answers. The fast redirect path records a click with a single RPUSH, so it
speaks RESP (Redis's wire protocol) itself, on one connection per event loop:

- commands of concurrent requests are pipelined: those issued during one turn
  of the loop are written together, and Redis answers them in order;
- a reply not back within REPLY_TIMEOUT, a lost connection or a refused one
  raise `Unavailable`, and the caller stores the click another way (one timer
  per connection watches the oldest command waiting: replies come in order);
- after a failed connection attempt, no new attempt is made for RETRY_SECONDS:
  meanwhile commands fail at once instead of each waiting for the timeout.

Only what the click needs is spoken: commands out, and integer, string, error,
nil and array replies in.
"""

import asyncio
import ssl
import time
from collections import deque
from typing import Any
from urllib.parse import unquote, urlsplit

CONNECT_TIMEOUT = 0.25  # seconds, as analytics.buffer gives redis-py
REPLY_TIMEOUT = 1.0
RETRY_SECONDS = 1.0
SCHEMES = ("redis", "rediss", "unix")


class Unavailable(ConnectionError):
    """Redis could not be reached, or did not answer in time."""


class ReplyError(Exception):
    """Redis answered with an error ("-ERR …", "-NOSCRIPT …")."""


class Incomplete(Exception):
    """The bytes received so far end in the middle of a reply."""


def supports(url: str) -> bool:
    """Whether `url` names a Redis this module can reach."""
    return urlsplit(url).scheme in SCHEMES


def encode(args: tuple) -> bytes:
    """One command as a RESP array of bulk strings."""
    parts = [b"*%d\r\n" % len(args)]
    for arg in args:
        if not isinstance(arg, bytes):
            arg = str(arg).encode()
        parts.append(b"$%d\r\n%b\r\n" % (len(arg), arg))
    return b"".join(parts)


def parse(data: bytearray, start: int) -> tuple[Any, int]:
    """The reply that begins at `start`, and where the next one begins.

    Raises Incomplete when `data` holds only part of it; an error reply is
    returned as a ReplyError instance (it answers one command, not the parse).
    """
    end = data.find(b"\r\n", start)
    if end < 0:
        raise Incomplete
    kind, line, after = data[start], bytes(data[start + 1 : end]), end + 2
    if kind == 0x3A:  # ':' integer
        return int(line), after
    if kind == 0x2B:  # '+' simple string
        return line.decode(), after
    if kind == 0x2D:  # '-' error
        return ReplyError(line.decode(errors="replace")), after
    if kind == 0x24:  # '$' bulk string, "$-1" for nil
        size = int(line)
        if size < 0:
            return None, after
        if len(data) < after + size + 2:
            raise Incomplete
        return bytes(data[after : after + size]), after + size + 2
    if kind == 0x2A:  # '*' array, "*-1" for nil
        count = int(line)
        if count < 0:
            return None, after
        items = []
        for _ in range(count):
            item, after = parse(data, after)
            items.append(item)
        return items, after
    raise ValueError(f"not a RESP reply: {bytes(data[start:end])!r}")


class Connection(asyncio.Protocol):
    """One connection: commands out in order, each reply to its command's future."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.transport: asyncio.Transport | None = None
        self.waiting: deque[tuple[asyncio.Future, float]] = deque()  # (reply, by)
        self.watchdog: asyncio.TimerHandle | None = None
        self.received = bytearray()
        self.outgoing: list[bytes] = []
        self.closed = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def data_received(self, data: bytes) -> None:
        self.received += data
        position = 0
        try:
            while position < len(self.received):
                reply, position = parse(self.received, position)
                future, _ = self.waiting.popleft()
                if future.done():  # its caller gave up (cancelled)
                    continue
                if isinstance(reply, ReplyError):
                    future.set_exception(reply)
                else:
                    future.set_result(reply)
        except Incomplete:
            pass
        except (ValueError, IndexError):  # garbage, or a reply nobody asked for
            self.close()
            return
        del self.received[:position]

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        if self.watchdog is not None:
            self.watchdog.cancel()
        while self.waiting:
            future, _ = self.waiting.popleft()
            if not future.done():
                future.set_exception(Unavailable("connection to Redis lost"))

    def is_current(self) -> bool:
        """Whether the connection belongs to the running loop."""
        return self.loop is asyncio.get_running_loop()

    def command(self, *args: Any) -> asyncio.Future:
        """Send a command (with the others of this loop turn); its reply's future."""
        if self.closed or self.transport is None:
            raise Unavailable("connection to Redis closed")
        loop = self.loop
        future = loop.create_future()
        self.waiting.append((future, loop.time() + REPLY_TIMEOUT))
        if self.watchdog is None:
            self.watchdog = loop.call_at(loop.time() + REPLY_TIMEOUT, self.watch)
        if not self.outgoing:
            loop.call_soon(self.flush)
        self.outgoing.append(encode(args))
        return future

    def watch(self) -> None:
        """Give up on the connection once its oldest command waited too long."""
        self.watchdog = None
        if not self.waiting or self.closed:
            return
        by = self.waiting[0][1]
        if self.loop.time() >= by:
            self.close()  # what waits fails: replies would no longer match
        else:
            self.watchdog = self.loop.call_at(by, self.watch)

    def flush(self) -> None:
        if self.outgoing and not self.closed and self.transport is not None:
            self.transport.write(b"".join(self.outgoing))
        self.outgoing.clear()

    def close(self) -> None:
        if self.transport is not None:
            self.transport.close()  # connection_lost fails what still waits
        self.connection_lost(None)


class Client:
    """Commands sent to one Redis named by URL, from coroutines of one process.

    The connection is opened on first use, in the running loop, and opened
    again once lost (a process that runs a new loop gets a new connection).
    """

    def __init__(self, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in SCHEMES:
            raise ValueError(f"unsupported Redis URL scheme: {parts.scheme!r}")
        self.url = url
        self.parts = parts
        self.connection: Connection | None = None
        self.opening: asyncio.Future | None = None
        self.opening_loop: asyncio.AbstractEventLoop | None = None
        self.retry_at = 0.0

    async def command(self, *args: Any) -> Any:
        """Send one command (pipelined with those of this loop turn); its reply.

        Raises Unavailable, or ReplyError when Redis answers with an error.
        """
        connection = self.connection
        if connection is None or connection.closed or not connection.is_current():
            connection = await self.connected()
        return await connection.command(*args)

    async def connected(self) -> Connection:
        loop = asyncio.get_running_loop()
        connection = self.connection
        if connection is not None and not connection.closed:
            if connection.loop is loop:
                return connection
            connection.closed = True  # another loop's (tests): not usable here
        if self.opening is None or self.opening.done() or self.opening_loop is not loop:
            if time.monotonic() < self.retry_at:
                raise Unavailable("Redis was unreachable a moment ago")
            self.opening_loop = loop
            self.opening = asyncio.ensure_future(self.open(loop))
        return await asyncio.shield(self.opening)

    async def open(self, loop: asyncio.AbstractEventLoop) -> Connection:
        parts = self.parts
        try:
            async with asyncio.timeout(CONNECT_TIMEOUT):
                if parts.scheme == "unix":
                    _, connection = await loop.create_unix_connection(
                        lambda: Connection(loop), parts.path
                    )
                else:
                    secure = parts.scheme == "rediss"
                    context = ssl.create_default_context() if secure else None
                    _, connection = await loop.create_connection(
                        lambda: Connection(loop),
                        parts.hostname or "localhost",
                        parts.port or 6379,
                        ssl=context,
                    )
                replies = [connection.command(*command) for command in self.greeting()]
                for reply in replies:
                    await reply
        except (OSError, TimeoutError, ReplyError, Unavailable) as error:
            self.retry_at = time.monotonic() + RETRY_SECONDS
            raise Unavailable(f"cannot connect to Redis: {error}") from error
        self.connection = connection
        return connection

    def greeting(self) -> list[tuple]:
        """AUTH and SELECT as the URL asks (redis-py's reading of the URL)."""
        parts, commands = self.parts, []
        if parts.password is not None:
            password = unquote(parts.password)
            if parts.username:
                commands.append((b"AUTH", unquote(parts.username), password))
            else:
                commands.append((b"AUTH", password))
        database = parts.path.strip("/") if parts.scheme != "unix" else ""
        for name, value in _query(parts.query):
            if name == "db":
                database = value
        if database and database != "0":
            commands.append((b"SELECT", int(database)))
        return commands


def _query(query: str) -> list[tuple[str, str]]:
    pairs = []
    for item in query.split("&"):
        name, _, value = item.partition("=")
        if name:
            pairs.append((unquote(name), unquote(value)))
    return pairs

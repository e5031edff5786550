"""The lean asyncio Redis connection of the fast path (analytics.wire).

The protocol and the failures against a small RESP server of the test's own;
commands, pipelining and the database number against the real Redis named by
REDIS_URL (the PostgreSQL + Redis run of CI).
"""

import asyncio
import os
import time
from collections.abc import Awaitable, Callable

import pytest
import redis as redis_py

from analytics import wire
from tests.asgi import in_new_loop

needs_redis = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="needs a Redis server: set REDIS_URL"
)


def run(coroutine_function: Callable[[], Awaitable]) -> object:
    return in_new_loop(coroutine_function())


# The protocol.


def test_a_command_goes_out_as_an_array_of_bulk_strings():
    assert wire.encode((b"EVALSHA", "ab", 2, "ké", 1.5)) == (
        b"*5\r\n$7\r\nEVALSHA\r\n$2\r\nab\r\n$1\r\n2\r\n$3\r\nk\xc3\xa9\r\n$3\r\n1.5\r\n"
    )


@pytest.mark.parametrize(
    ("raw", "reply"),
    [
        (b":42\r\n", 42),
        (b":-1\r\n", -1),
        (b"+OK\r\n", "OK"),
        (b"$5\r\nhe\r\nl\r\n", b"he\r\nl"),
        (b"$0\r\n\r\n", b""),
        (b"$-1\r\n", None),
        (b"*-1\r\n", None),
        (b"*3\r\n:1\r\n$1\r\na\r\n*1\r\n+x\r\n", [1, b"a", ["x"]]),
    ],
)
def test_replies_are_read(raw, reply):
    assert wire.parse(bytearray(raw + b":7\r\n"), 0) == (reply, len(raw))


def test_an_error_reply_is_returned_not_raised():
    reply, end = wire.parse(bytearray(b"-NOSCRIPT No matching script\r\n"), 0)

    assert isinstance(reply, wire.ReplyError)
    assert str(reply) == "NOSCRIPT No matching script"
    assert end == 30


@pytest.mark.parametrize(
    "partial", [b"", b":4", b"$5\r\nhel", b"$5\r\nhello\r", b"*2\r\n:1\r\n"]
)
def test_a_partial_reply_waits_for_more(partial):
    with pytest.raises(wire.Incomplete):
        wire.parse(bytearray(partial), 0)


def test_garbage_is_refused():
    with pytest.raises(ValueError, match="not a RESP reply"):
        wire.parse(bytearray(b"?what\r\n"), 0)


# Failures, against a RESP server of the test's own.


class FakeRedis:
    """Answers each command with `answer(command)` (bytes), or not at all (None)."""

    def __init__(self, answer: Callable[[list[bytes]], bytes | None]) -> None:
        self.answer = answer
        self.commands: list[list[bytes]] = []
        self.connections = 0
        self.server: asyncio.Server | None = None

    async def __aenter__(self) -> str:
        self.server = await asyncio.start_server(self.serve, "127.0.0.1", 0)
        port = self.server.sockets[0].getsockname()[1]
        return f"redis://127.0.0.1:{port}/3"

    async def __aexit__(self, *exc: object) -> None:
        self.server.close()

    async def serve(self, reader, writer) -> None:
        self.connections += 1
        try:
            while line := await reader.readline():
                count = int(line[1:])
                command = []
                for _ in range(count):
                    size = int((await reader.readline())[1:])
                    command.append((await reader.readexactly(size + 2))[:-2])
                self.commands.append(command)
                reply = self.answer(command)
                if reply is not None:
                    writer.write(reply)
                    await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()


def answer_all(command: list[bytes]) -> bytes:
    if command[0] == b"SELECT":
        return b"+OK\r\n"
    return b":%d\r\n" % len(command)


def test_the_url_selects_its_database_before_the_first_command():
    fake = FakeRedis(answer_all)

    async def main():
        async with fake as url:
            return await wire.Client(url).command(b"RPUSH", "queue", b'{"a":2}')

    assert run(main) == 3
    assert fake.commands == [[b"SELECT", b"3"], [b"RPUSH", b"queue", b'{"a":2}']]


def test_another_error_is_raised():
    fake = FakeRedis(lambda c: b"-ERR boom\r\n" if c[0] != b"SELECT" else b"+OK\r\n")

    async def main():
        async with fake as url:
            await wire.Client(url).command(b"PING")

    with pytest.raises(wire.ReplyError, match="ERR boom"):
        run(main)


def test_commands_of_one_loop_turn_are_written_together_and_answered_in_order():
    def echo(command: list[bytes]) -> bytes:
        if command[0] == b"SELECT":
            return b"+OK\r\n"
        return b":%s\r\n" % command[-1]

    fake = FakeRedis(echo)

    async def main():
        async with fake as url:
            client = wire.Client(url)
            await client.connected()
            return await asyncio.gather(
                *(client.command(b"ECHO", n) for n in range(200))
            )

    assert run(main) == list(range(200))
    assert fake.connections == 1


def test_a_silent_redis_fails_the_command_after_the_timeout(monkeypatch):
    monkeypatch.setattr(wire, "REPLY_TIMEOUT", 0.05)
    fake = FakeRedis(lambda c: b"+OK\r\n" if c[0] == b"SELECT" else None)

    async def main():
        async with fake as url:
            client = wire.Client(url)
            started = time.monotonic()
            with pytest.raises(wire.Unavailable):
                await client.command(b"PING")
            waited = time.monotonic() - started
            # The connection was dropped: the next command opens a new one.
            with pytest.raises(wire.Unavailable):
                await client.command(b"PING")
            return waited

    assert 0.04 < run(main) < 1.0
    assert fake.connections == 2


def test_a_connection_lost_fails_what_waits_and_the_next_command_reconnects():
    replies = iter([b"+OK\r\n", None, b"+OK\r\n", b":1\r\n"])
    fake = FakeRedis(lambda command: next(replies))

    async def main():
        async with fake as url:
            client = wire.Client(url)
            waiting = asyncio.ensure_future(client.command(b"PING"))
            await asyncio.sleep(0.05)
            client.connection.transport.abort()  # the server goes away
            with pytest.raises(wire.Unavailable):
                await waiting
            return await client.command(b"PING")

    assert run(main) == 1
    assert fake.connections == 2


def test_an_unreachable_redis_is_not_asked_again_for_a_moment(monkeypatch):
    attempts = 0

    async def main():
        nonlocal attempts
        client = wire.Client("redis://127.0.0.1:1/0")  # nothing listens there
        real_open = client.open

        async def counted(loop):
            nonlocal attempts
            attempts += 1
            return await real_open(loop)

        client.open = counted
        for _ in range(3):
            with pytest.raises(wire.Unavailable):
                await client.command(b"PING")
        client.retry_at = 0.0  # the moment has passed
        with pytest.raises(wire.Unavailable):
            await client.command(b"PING")

    run(main)
    assert attempts == 2


@pytest.mark.parametrize(
    ("url", "greeting"),
    [
        ("redis://localhost:6379", []),
        ("redis://localhost:6379/0", []),
        ("redis://:s%40cret@localhost:6379/2", [(b"AUTH", "s@cret"), (b"SELECT", 2)]),
        (
            "rediss://user:pw@cache.example:6380/1",
            [(b"AUTH", "user", "pw"), (b"SELECT", 1)],
        ),
        ("redis://localhost?db=4", [(b"SELECT", 4)]),
        ("unix:///run/redis.sock?db=5", [(b"SELECT", 5)]),
    ],
)
def test_the_url_says_how_to_greet_redis(url, greeting):
    assert wire.supports(url)
    assert wire.Client(url).greeting() == greeting


def test_other_urls_are_not_spoken():
    assert not wire.supports("redis+sentinel://localhost:26379/mymaster")
    with pytest.raises(ValueError, match="unsupported Redis URL scheme"):
        wire.Client("memcached://localhost")


# The real Redis.


@needs_redis
def test_commands_run_in_the_database_the_url_names():
    url = os.environ["REDIS_URL"].rsplit("/", 1)[0] + "/9"
    plain = redis_py.Redis.from_url(url)
    plain.delete("wire:test")

    async def main():
        client = wire.Client(url)
        first = await client.command(b"INCRBY", "wire:test", 5)
        rest = await asyncio.gather(
            *(client.command(b"INCRBY", "wire:test", 1) for _ in range(100))
        )
        return first, rest

    try:
        first, rest = run(main)
        assert first == 5
        assert sorted(rest) == list(range(6, 106))
        assert int(plain.get("wire:test")) == 105
    finally:
        plain.delete("wire:test")

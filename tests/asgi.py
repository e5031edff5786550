"""Requests to an ASGI application in-process, and its answer; coroutines run
in a loop of their own."""

import asyncio
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

from asgiref.sync import async_to_sync
from django.core.signals import request_finished, request_started
from django.db import close_old_connections


class Answer:
    """The messages an ASGI application sent for one request."""

    def __init__(self, messages: list[dict]) -> None:
        start = messages[0]
        self.status = start["status"]
        self.headers = {
            name.decode("latin1").lower(): value.decode("latin1")
            for name, value in start["headers"]
        }
        self.raw_headers = start["headers"]
        self.parts = [m.get("body", b"") for m in messages[1:]]
        self.body = b"".join(self.parts)

    def __getitem__(self, name: str) -> str:
        return self.headers[name.lower()]


def request(
    app,
    path: str,
    *,
    method: str = "GET",
    query: str = "",
    headers: dict[str, str],
    client: str = "127.0.0.1",
) -> Answer:
    """One HTTP request through `app`, as an ASGI server would make it."""
    return async_to_sync(_request)(app, method, path, query, headers, client)


async def _request(app, method, path, query, headers, client) -> Answer:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": (client, 51000),
        "server": ("testserver", 80),
    }
    messages: list[dict] = []
    sent = False
    never = asyncio.Event()

    async def receive() -> dict:
        nonlocal sent
        if sent:  # the client stays connected until the answer is sent
            await never.wait()
        sent = True
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict) -> None:
        messages.append(message)

    await app(scope, receive, send)
    return Answer(messages)


@contextmanager
def keeping_the_test_connection() -> Iterator[None]:
    """What Django's test clients do: requests do not close the test's connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def in_new_loop(coroutine: Coroutine) -> Any:
    """Run it in a new event loop, in a thread of its own: the browser tests'
    driver keeps a loop running in the main thread for the whole session."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, coroutine).result()

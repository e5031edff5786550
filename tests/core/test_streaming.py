"""Streaming responses under the ASGI server: sent a part at a time (core.middleware).

Requests go through Django's ASGI handler in-process, as uvicorn would make
them; each `http.response.body` message is one part sent to the client.
"""

import io
import warnings
from itertools import count

import pytest
from django.core.asgi import get_asgi_application
from django.core.handlers.asgi import ASGIRequest
from django.http import StreamingHttpResponse
from django.test import RequestFactory

from core.middleware import PART_BYTES, AsyncStreamingMiddleware, in_parts
from tests.analytics.factories import ClickFactory
from tests.analytics.visits import BROWSER
from tests.asgi import in_new_loop, keeping_the_test_connection, request
from tests.factories import LinkFactory
from tests.files.conftest import make_file

SYNC_ITERATOR_WARNING = "StreamingHttpResponse must consume synchronous iterators"


@pytest.fixture
def app():
    with keeping_the_test_connection():
        yield get_asgi_application()


def get(app, path: str, **headers: str):
    headers = {
        "host": "testserver",
        "user-agent": BROWSER["HTTP_USER_AGENT"],
        **headers,
    }
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        answer = request(app, path, headers=headers)
    assert not [w for w in caught if SYNC_ITERATOR_WARNING in str(w.message)]
    return answer


def test_a_large_download_is_sent_in_parts(app, owner):
    body = bytes(range(256)) * (5 * PART_BYTES // 256 + 100)  # 5 parts and a bit
    shared = make_file(owner, body=body, filename="big.bin")

    answer = get(app, f"/{shared.link.alias}/download")

    assert answer.status == 200
    assert answer.body == body
    assert answer["Content-Length"] == str(len(body))
    assert answer["Content-Disposition"] == 'attachment; filename="big.bin"'
    assert len(answer.parts) > 5  # (Django sends each part in pieces of 64 KB)


def test_the_clicks_csv_is_sent_in_parts(app, client, owner):
    link = LinkFactory(owner=owner)
    ClickFactory.create_batch(3, link=link)
    client.force_login(owner)
    session = client.cookies["sessionid"].value

    answer = get(
        app, f"/user/links/{link.pk}/stats/clicks.csv", cookie=f"sessionid={session}"
    )

    assert answer.status == 200
    assert answer["Content-Type"] == "text/csv; charset=utf-8"
    assert answer.body.decode().count("\n") == 4  # the header and 3 clicks


@pytest.mark.django_db
def test_a_static_file_is_served_without_the_warning(settings):
    settings.WHITENOISE_USE_FINDERS = True  # no collected files needed
    path = "/static/vendor/chartjs/chart.umd.js"
    with keeping_the_test_connection():
        app = get_asgi_application()
        answer = get(app, path)
        part = get(app, path, range="bytes=100-199")

    assert answer.status == 200
    assert b"Chart" in answer.body
    assert part.status == 206  # a range of it, as WhiteNoise answers one
    assert part["Content-Range"] == f"bytes 100-199/{len(answer.body)}"
    assert part.body == answer.body[100:200]


def test_parts_are_read_as_they_are_sent_not_all_first():
    pulled = count()

    def parts():
        for _ in range(100):
            next(pulled)
            yield b"x" * (PART_BYTES // 4)

    async def first_part(response) -> bytes:
        async for part in response:
            return part
        return b""

    middleware = AsyncStreamingMiddleware(lambda r: StreamingHttpResponse(parts()))
    response = middleware(async_request())

    assert response.is_async
    assert len(in_new_loop(first_part(response))) == PART_BYTES
    assert next(pulled) == 4  # four pulled for the first part, not a hundred


def test_under_wsgi_the_response_is_left_alone():
    middleware = AsyncStreamingMiddleware(lambda r: StreamingHttpResponse([b"a", b"b"]))

    response = middleware(RequestFactory().get("/"))

    assert not response.is_async
    assert b"".join(response) == b"ab"


def test_an_empty_iterator_sends_no_part():
    async def collected() -> list[bytes]:
        return [part async for part in in_parts(iter([b"", b""]))]

    assert in_new_loop(collected()) == []


def async_request() -> ASGIRequest:
    scope = {
        "type": "http",
        "method": "GET",
        "path": "/",
        "query_string": b"",
        "headers": [(b"host", b"testserver")],
    }
    return ASGIRequest(scope, io.BytesIO())

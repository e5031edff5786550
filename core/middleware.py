"""Streaming responses served a part at a time under the ASGI server.

Under ASGI, Django serves a streaming response built on a synchronous iterator
(a file, WhiteNoise's static files, the clicks CSV) by reading the whole
iterator into a list first: a 100 MB download would sit in memory, and a
warning is logged for every static file. This middleware hands such responses
an asynchronous iterator instead, which pulls the synchronous one in the
request's own thread (where its database connection lives) about
`PART_BYTES` at a time. Under WSGI nothing changes.
"""

from collections.abc import AsyncIterator, Callable, Iterator

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIRequest
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse

PART_BYTES = 256 * 1024


class AsyncStreamingMiddleware:
    """Outermost, so it sees WhiteNoise's responses as well as the views'."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            isinstance(request, ASGIRequest)
            and isinstance(response, StreamingHttpResponse)
            and not response.is_async
        ):
            # The getter gives the parts as bytes; the file (if any) stays
            # registered for closing with the response.
            response.streaming_content = in_parts(response.streaming_content)
        return response


async def in_parts(parts: Iterator[bytes]) -> AsyncIterator[bytes]:
    """The parts, joined about PART_BYTES at a time, each read in the
    request's thread."""
    take = sync_to_async(next_part, thread_sensitive=True)
    while part := await take(parts):
        yield part


def next_part(parts: Iterator[bytes]) -> bytes:
    """The next parts of `parts` up to PART_BYTES joined; b"" at the end."""
    taken: list[bytes] = []
    size = 0
    for part in parts:
        taken.append(part)
        size += len(part)
        if size >= PART_BYTES:
            break
    return b"".join(taken)

"""A file's short URL: its download page and its bytes (D45).

`GET /<alias>` of a file link shows the page (the redirect hands it over, after
the password POST has been handled the way every link handles it); the bytes
are at `GET /<alias>/download`. Expired or used-up files answer 410 on both.
"""

from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from analytics.clicks import record_click
from files.models import SharedFile
from shortener.middleware import branded_domain_of
from shortener.models import Link, LinkKind
from shortener.redirect import find_link, needs_password, not_found

SIGNED_URL_SECONDS = 60


def download_page(request: HttpRequest, link: Link) -> HttpResponse:
    """Name, size and type of the file, with a password form while it is locked."""
    shared = shared_file_of(link)
    if not shared.is_available():
        return gone(request)
    context = {
        "file": shared,
        "locked": needs_password(request, link),  # a right POST unlocks it
        "wrong_password": request.method == "POST",
    }
    return render(request, "files/download.html", context)


@require_safe
def download(request: HttpRequest, alias: str) -> HttpResponse:
    """The file's bytes, counted as a download, as an attachment."""
    domain = branded_domain_of(request)
    link = find_link(alias, domain)
    if link is None or link.kind != LinkKind.FILE:
        return not_found(domain)
    shared = shared_file_of(link)
    if not shared.is_available():
        return gone(request)
    if needs_password(request, link):
        return HttpResponseRedirect(f"/{link.alias}")  # the page asks for it
    if request.method == "HEAD":  # as for links (D33): never counted
        return with_safe_headers(HttpResponse(content_type=shared.content_type))
    if not shared.take_download():  # the last download went to someone else
        return gone(request)
    record_click(link, request)
    return serve(shared)


def shared_file_of(link: Link) -> SharedFile:
    shared = SharedFile.objects.filter(link=link).first()
    if shared is None:
        raise Http404
    shared.link = link  # already read, with its domain
    return shared


def gone(request: HttpRequest) -> HttpResponse:
    return render(request, "files/unavailable.html", status=410)


def serve(shared: SharedFile) -> HttpResponse:
    """Stream the bytes, or send the browser to a short-lived signed URL."""
    storage = shared.stored.storage
    response: HttpResponse
    if signs_urls(storage):
        disposition = content_disposition_header(True, shared.filename)
        url = storage.url(
            shared.stored.name,
            parameters={
                "ResponseContentDisposition": disposition,
                "ResponseContentType": shared.content_type,
            },
            expire=SIGNED_URL_SECONDS,
        )
        response = HttpResponseRedirect(url)
    else:
        response = FileResponse(
            storage.open(shared.stored.name, "rb"),
            as_attachment=True,
            filename=shared.filename,
            content_type=shared.content_type,
        )
    return with_safe_headers(response)


def with_safe_headers(response: HttpResponse) -> HttpResponse:
    """Never sniffed, rendered or cached: whatever the bytes are, they stay a file."""
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=0, no-store"
    return response


def signs_urls(storage: object) -> bool:
    """Whether the storage hands out signed URLs (S3) instead of serving bytes."""
    from storages.backends.s3 import S3Storage  # boto3 loads only when needed

    return isinstance(storage, S3Storage)

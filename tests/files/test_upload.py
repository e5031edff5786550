"""POST /api/files/upload/:filename (api-spec §11.2, D22)."""

import io
import tracemalloc
from datetime import datetime, time

import pytest
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.handlers.wsgi import LimitedStream
from django.test import RequestFactory
from django.utils import timezone

from core.errors import PayloadTooLarge
from files import api as files_api
from files.models import SharedFile
from files.services import FileOptions, share_file
from shortener.models import Link, LinkKind
from tests.factories import DomainFactory, LinkFactory
from tests.files.conftest import PNG, upload

RESERVED = "That alias is reserved. Please choose another one."
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 200


def stored_names() -> list[str]:
    try:
        return default_storage.listdir("files")[1]
    except FileNotFoundError:
        return []


def assert_nothing_shared() -> None:
    assert not SharedFile.objects.exists()
    assert not Link.objects.exists()
    assert stored_names() == []


def test_an_upload_answers_its_id_and_short_url(owner_api, settings):
    response = upload(owner_api, "photo.png", PNG)
    assert response.status_code == 200
    shared = SharedFile.objects.get()
    assert response.json() == {
        "error": 0,
        "id": shared.pk,
        "shorturl": f"{settings.SITE_URL}/{shared.link.alias}",
    }


def test_the_stored_bytes_and_facts_are_the_uploads(owner_api, owner):
    upload(owner_api, "photo.png", PNG)
    shared = SharedFile.objects.select_related("link").get()
    with shared.stored.open("rb") as stored:
        assert stored.read() == PNG
    assert shared.owner == owner
    assert shared.name == "photo.png"  # no name given: the file's
    assert shared.filename == "photo.png"
    assert shared.size == len(PNG)
    assert shared.content_type == "image/png"
    assert shared.max_downloads is None
    assert shared.downloads == 0
    link = shared.link
    assert link.kind == LinkKind.FILE
    assert link.owner == owner
    assert link.long_url == f"{link.short_url}/download"


def test_the_storage_name_is_random_never_the_clients(owner_api):
    upload(owner_api, "..%5C..%5Cetc%5Cpasswd.png", PNG)
    shared = SharedFile.objects.get()
    assert shared.stored.name.startswith("files/")
    assert "passwd" not in shared.stored.name
    assert shared.filename == "passwd.png"


def test_the_content_type_comes_from_the_bytes_not_the_client(owner_api):
    upload(owner_api, "notes.txt", PNG)  # a PNG named as text, sent as JSON
    assert SharedFile.objects.get().content_type == "image/png"


def test_html_is_stored_as_plain_text(owner_api):
    upload(owner_api, "page.html", b"<html><script>alert(1)</script></html>")
    assert SharedFile.objects.get().content_type == "text/plain"


def test_the_options_come_from_the_query_string(owner_api, owner):
    domain = DomainFactory(owner=owner, host="go.example")
    response = upload(
        owner_api,
        "brandkit.zip",
        b"PK\x03\x04" + b"\x00" * 100,
        name="My File",
        custom="brandkit",
        domain="https://go.example",
        password="s3cret",
        expiry="2099-09-28",
        maxdownloads="3",
    )
    assert response.json()["shorturl"] == "https://go.example/brandkit"
    shared = SharedFile.objects.select_related("link").get()
    assert shared.name == "My File"
    assert shared.content_type == "application/zip"
    assert shared.max_downloads == 3
    assert shared.link.domain == domain
    assert shared.link.check_password("s3cret")
    end_of_day = datetime.combine(datetime(2099, 9, 28), time.max)  # noqa: DTZ001
    assert shared.link.expires_at == timezone.make_aware(end_of_day)


def test_an_expiry_may_name_the_time(owner_api):
    upload(owner_api, "a.png", PNG, expiry="2099-01-02 03:04:05")
    expires = timezone.localtime(SharedFile.objects.get().link.expires_at)
    assert expires.strftime("%Y-%m-%d %H:%M:%S") == "2099-01-02 03:04:05"


def test_maxdownloads_zero_or_empty_means_no_limit(owner_api):
    upload(owner_api, "a.png", PNG, maxdownloads="0")
    upload(owner_api, "b.png", PNG, maxdownloads="")
    assert list(SharedFile.objects.values_list("max_downloads", flat=True)) == [
        None,
        None,
    ]


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({"maxdownloads": "many"}, 400, "Invalid request or incorrect data format."),
        ({"maxdownloads": "-1"}, 400, "Invalid request or incorrect data format."),
        ({"expiry": "soon"}, 400, "The expiration date is not valid."),
        ({"expiry": "2001-01-01"}, 400, "The expiry date must be later than today."),
        ({"custom": "ab"}, 400, "Custom alias must be at least 3 characters."),
        ({"custom": "admin"}, 409, RESERVED),
    ],
)
def test_invalid_options_are_refused_before_anything_is_stored(
    owner_api, params, status, message
):
    response = upload(owner_api, "a.png", PNG, **params)
    assert response.status_code == status
    assert response.json() == {"error": 1, "message": message}
    assert_nothing_shared()


def test_a_taken_alias_is_a_conflict_and_stores_nothing(owner_api, owner):
    LinkFactory(owner=owner, alias="taken")
    response = upload(owner_api, "a.png", PNG, custom="Taken")
    assert response.status_code == 409
    assert response.json() == {
        "error": 1,
        "message": "That alias is taken. Please choose another one.",
    }
    assert not SharedFile.objects.exists()
    assert stored_names() == []


def test_an_empty_body_is_refused(owner_api):
    response = upload(owner_api, "a.png", b"")
    assert response.status_code == 400
    assert response.json() == {"error": 1, "message": "No data sent."}
    assert_nothing_shared()


def test_a_body_over_the_cap_is_refused_with_413(owner_api, settings):
    settings.FILES_MAX_BYTES = 1000
    response = upload(owner_api, "a.png", PNG[:8] + b"\x00" * 1001)
    assert response.status_code == 413
    assert response.json() == {"error": 1, "message": "The file is too large."}
    assert_nothing_shared()


def test_a_body_exactly_at_the_cap_is_accepted(owner_api, settings):
    settings.FILES_MAX_BYTES = 1000
    assert upload(owner_api, "a.png", PNG[:8] + b"\x00" * 992).status_code == 200


def test_the_cap_holds_while_streaming_whatever_the_declared_length(settings):
    settings.FILES_MAX_BYTES = 100_000
    request = RequestFactory().post(
        "/api/files/upload/a.bin", b"x" * 200_000, content_type="application/json"
    )
    request.META["CONTENT_LENGTH"] = "0"  # a client that understates its body
    with pytest.raises(PayloadTooLarge):
        files_api.receive_body(request)


@pytest.mark.parametrize(
    ("filename", "body"),
    [
        ("setup.exe", PNG),  # by extension
        ("tool.MSI", PNG),
        ("report.pdf", ELF),  # by magic: ELF
        ("report.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100),  # PE
        ("photo.png", b"\xcf\xfa\xed\xfe\x07\x00\x00\x01" + b"\x00" * 50),  # Mach-O
        ("notes.txt", b"#!/bin/sh\nrm -rf ~\n"),  # a script
    ],
)
def test_executables_are_refused(owner_api, filename, body):
    response = upload(owner_api, filename, body)
    assert response.status_code == 400
    assert response.json() == {
        "error": 1,
        "message": "Linking to executable files is not allowed.",
    }
    assert_nothing_shared()


def test_text_that_starts_with_mz_is_not_a_program(owner_api):
    assert (
        upload(owner_api, "mz.txt", b"MZ is a fine pair of letters.\n").json()["error"]
        == 0
    )


def test_an_upload_needs_an_api_key(client, db):
    response = client.post(
        "/api/files/upload/a.png", PNG, content_type="application/octet-stream"
    )
    assert response.status_code == 401
    assert response.json() == {
        "error": 1,
        "message": "A valid API key is required to use this service.",
    }
    assert not SharedFile.objects.exists()


def test_a_get_of_the_upload_url_is_a_wrong_method(owner_api):
    response = owner_api.get("/api/files/upload/a.png")
    assert response.status_code == 405
    assert response.json() == {
        "error": 1,
        "message": "Wrong endpoint or invalid API request.",
    }


def test_a_large_file_round_trips_read_in_chunks(owner_api, client, monkeypatch):
    reads: list[int] = []
    original = LimitedStream.read

    def spy(self, size=-1):
        reads.append(size)
        return original(self, size)

    monkeypatch.setattr(LimitedStream, "read", spy)
    body = PNG + bytes(range(256)) * (6 * 4096)  # about 6 MB
    response = upload(owner_api, "big.png", body)
    assert response.status_code == 200
    # Never the whole body at once: 64 KiB at a time (and never "read it all").
    assert reads
    assert all(0 < size <= files_api.CHUNK_SIZE for size in reads)
    alias = SharedFile.objects.get().link.alias
    download = client.get(f"/{alias}/download")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == body


def test_the_service_never_holds_the_whole_file_in_memory(owner, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    size = 8 * 1024 * 1024
    source = tmp_path / "source.bin"
    with source.open("wb") as out:
        for _ in range(size // 65536):
            out.write(b"\x00\x01" * 32768)
    with source.open("rb") as handle:
        tracemalloc.start()
        try:
            shared = share_file(
                owner=owner,
                filename="data.bin",
                content=File(handle, name="data.bin"),
                options=FileOptions(),
            )
            _current, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert peak < 2 * 1024 * 1024  # well under the 8 MB file
    assert (tmp_path / shared.stored.name).read_bytes() == source.read_bytes()


def test_a_refused_row_removes_the_stored_object(owner, monkeypatch):
    from files import services

    def fail(link, custom):
        raise RuntimeError("database down")

    monkeypatch.setattr(services, "save_file_link", fail)
    with pytest.raises(RuntimeError):
        share_file(
            owner=owner,
            filename="a.png",
            content=File(io.BytesIO(PNG), name="a.png"),
            options=FileOptions(),
        )
    assert_nothing_shared()

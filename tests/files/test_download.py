"""A file's short URL: the download page and the bytes (D45, §16.10)."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from analytics.models import Click
from files.models import SharedFile
from tests.factories import DomainFactory, LinkFactory
from tests.files.conftest import PNG, make_file

GONE = "This file is no longer available"


def page_of(shared: SharedFile) -> str:
    return f"/{shared.link.alias}"


def download_of(shared: SharedFile) -> str:
    return f"/{shared.link.alias}/download"


def test_the_short_url_opens_the_download_page(client, shared):
    response = client.get(page_of(shared))
    assert response.status_code == 200
    html = response.content.decode()
    assert "My Photo" in html
    assert "photo.png" in html
    assert "1.0\xa0KB" in html  # 1,040 bytes, in words
    assert "image/png" in html
    assert f'href="/{shared.link.alias}/download"' in html
    assert 'name="password"' not in html


def test_the_page_is_not_a_download_nor_a_click(client, shared):
    client.get(page_of(shared))
    shared.refresh_from_db()
    assert shared.downloads == 0
    assert not Click.objects.exists()


def test_the_download_is_an_attachment_with_the_same_bytes(client, shared):
    response = client.get(download_of(shared))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PNG
    assert response["Content-Disposition"] == 'attachment; filename="photo.png"'
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Cache-Control"] == "private, max-age=0, no-store"


def test_text_is_never_served_inline_as_html(client, owner):
    shared = make_file(owner, body=b"<h1>hi</h1>", filename="page.html")
    response = client.get(download_of(shared))
    assert response["Content-Type"] == "text/plain"
    assert response["Content-Disposition"].startswith("attachment;")


def test_a_download_is_counted_and_recorded_as_a_click(client, shared):
    client.get(download_of(shared))
    shared.refresh_from_db()
    assert shared.downloads == 1
    assert Click.objects.filter(link=shared.link).count() == 1


def test_a_head_request_is_not_a_download(client, shared):
    response = client.head(download_of(shared))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    shared.refresh_from_db()
    assert shared.downloads == 0


def test_a_branded_domain_file_downloads_on_its_host(owner):
    domain = DomainFactory(owner=owner, host="go.example")
    shared = make_file(owner, domain=domain, alias="kit")
    client = Client(HTTP_HOST="go.example")
    assert client.get("/kit").status_code == 200
    assert b"".join(client.get("/kit/download").streaming_content) == PNG
    assert Client().get("/kit/download").status_code == 404  # not on the main site
    assert shared.link.short_url == "https://go.example/kit"


def test_an_ordinary_link_has_no_download(client, owner):
    LinkFactory(owner=owner, alias="plain")
    assert client.get("/plain/download").status_code == 404
    assert client.get("/nothing/download").status_code == 404


def test_a_protected_file_asks_for_its_password_on_the_page(client, owner):
    shared = make_file(owner, name="Secret", password="s3cret")
    response = client.get(page_of(shared))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Secret" in html
    assert 'name="password"' in html
    assert "/download" not in html


def test_the_bytes_of_a_locked_file_send_back_to_the_page(client, owner):
    shared = make_file(owner, password="s3cret")
    response = client.get(download_of(shared))
    assert response.status_code == 302
    assert response["Location"] == page_of(shared)
    shared.refresh_from_db()
    assert shared.downloads == 0


def test_a_wrong_password_is_refused(client, owner):
    shared = make_file(owner, password="s3cret")
    response = client.post(page_of(shared), {"password": "guess"})
    assert response.status_code == 200
    assert "The password is not correct" in response.content.decode()
    assert client.get(download_of(shared)).status_code == 302


def test_the_right_password_unlocks_the_download_for_the_session(client, owner):
    shared = make_file(owner, password="s3cret")
    response = client.post(page_of(shared), {"password": "s3cret"})
    assert response.status_code == 200
    assert f'href="/{shared.link.alias}/download"' in response.content.decode()
    download = client.get(download_of(shared))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PNG
    assert Client().get(download_of(shared)).status_code == 302  # another browser


def test_an_unprotected_page_refuses_a_post(client, shared):
    assert client.post(page_of(shared), {"password": "x"}).status_code == 405


def test_an_expired_file_is_gone_on_both_urls(client, owner):
    shared = make_file(owner, password="s3cret")
    shared.link.expires_at = timezone.now() - timedelta(seconds=1)
    shared.link.save()
    for url in (page_of(shared), download_of(shared)):
        response = client.get(url)
        assert response.status_code == 410
        assert GONE in response.content.decode()
    shared.refresh_from_db()
    assert shared.downloads == 0


def test_the_last_download_makes_the_file_gone(client, owner):
    shared = make_file(owner, max_downloads=2)
    assert client.get(download_of(shared)).status_code == 200
    assert client.get(download_of(shared)).status_code == 200
    for url in (download_of(shared), page_of(shared)):
        response = client.get(url)
        assert response.status_code == 410
        assert GONE in response.content.decode()
    shared.refresh_from_db()
    assert shared.downloads == 2


def test_a_download_that_loses_the_race_for_the_last_slot_is_gone(client, owner):
    shared = make_file(owner, max_downloads=1)
    page_first = client.get(page_of(shared))  # still available when read
    assert page_first.status_code == 200
    SharedFile.objects.filter(pk=shared.pk).update(downloads=1)
    assert not shared.take_download()  # the stale row is not trusted
    assert client.get(download_of(shared)).status_code == 410


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("concurrent_writers")
def test_concurrent_downloads_never_exceed_the_maximum(owner):
    shared = make_file(owner, max_downloads=3)
    url = download_of(shared)
    statuses: list[int] = []
    start = threading.Barrier(8)

    def fetch() -> None:
        try:
            start.wait()
            response = Client().get(url)
            if response.status_code == 200:
                b"".join(response.streaming_content)
            statuses.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=fetch) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200, 200, 200, 410, 410, 410, 410, 410]
    shared.refresh_from_db()
    assert shared.downloads == 3

"""The files dashboard at /user/files (D44)."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from files.models import SharedFile
from shortener.models import Link
from tests.files.conftest import PNG, make_file

LIST = "/user/files"
UPLOAD = "/user/files/upload"


def png_upload(name: str = "photo.png", body: bytes = PNG) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, body, content_type="application/octet-stream")


@pytest.mark.parametrize("url", [LIST, "/user/files/1/edit", "/user/files/1/delete"])
def test_the_pages_need_a_signed_in_user(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/user/login")


def test_the_list_shows_the_users_files_and_the_upload_form(owner_client, owner):
    make_file(owner, name="Brand kit", max_downloads=5)
    response = owner_client.get(LIST)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Brand kit" in html
    assert "0 of 5" in html
    assert 'enctype="multipart/form-data"' in html
    assert 'href="/user/files" aria-current="page"' in html  # the nav's entry


def test_the_list_searches_by_name(owner_client, owner):
    make_file(owner, name="Brand kit")
    make_file(owner, name="Holiday photos")
    html = owner_client.get(LIST, {"q": "holiday"}).content.decode()
    assert "Holiday photos" in html
    assert "Brand kit" not in html


def test_the_list_hides_other_users_files(stranger_client, owner):
    make_file(owner, name="Brand kit")
    html = stranger_client.get(LIST).content.decode()
    assert "Brand kit" not in html
    assert "You have no files yet" in html


def test_an_upload_without_javascript_shares_the_file(owner_client, owner):
    response = owner_client.post(
        UPLOAD, {"file": png_upload(), "name": "Logo", "maxdownloads": "4"}
    )
    assert response.status_code == 302
    assert response["Location"] == LIST
    shared = SharedFile.objects.get()
    assert (shared.owner, shared.name, shared.max_downloads) == (owner, "Logo", 4)
    assert shared.content_type == "image/png"
    with shared.stored.open("rb") as stored:
        assert stored.read() == PNG
    page = owner_client.get(LIST).content.decode()
    assert f"Your file is shared: {shared.link.short_url}" in page


def test_an_upload_from_the_script_answers_json(owner_client):
    response = owner_client.post(
        UPLOAD, {"file": png_upload()}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 200
    assert response.json() == {"redirect": LIST}


def test_a_refused_upload_shows_the_message_by_the_file(owner_client):
    response = owner_client.post(UPLOAD, {"file": png_upload("setup.exe")})
    assert response.status_code == 400
    assert "Linking to executable files is not allowed." in response.content.decode()
    assert not SharedFile.objects.exists()


def test_a_refused_upload_from_the_script_answers_its_errors(owner_client):
    response = owner_client.post(
        UPLOAD,
        {"file": png_upload("setup.exe")},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 400
    assert response.json() == {
        "errors": ["Linking to executable files is not allowed."]
    }


def test_no_file_is_no_data(owner_client):
    response = owner_client.post(UPLOAD, {"name": "Nothing"})
    assert response.status_code == 400
    assert "No data sent." in response.content.decode()


def test_a_body_over_the_cap_is_refused_before_it_is_read(owner_client, settings):
    settings.FILES_MAX_BYTES = 1000
    body = PNG + b"\x00" * (70 * 1024)
    response = owner_client.post(
        UPLOAD, {"file": png_upload(body=body)}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 413
    assert response.json() == {"errors": ["The file is too large."]}
    assert not SharedFile.objects.exists()


def test_a_file_over_the_cap_within_the_slack_is_refused_too(owner_client, settings):
    settings.FILES_MAX_BYTES = 1000
    response = owner_client.post(UPLOAD, {"file": png_upload(body=PNG + b"\x00" * 10)})
    assert response.status_code == 413
    assert "The file is too large." in response.content.decode()
    assert not SharedFile.objects.exists()


def test_the_upload_checks_the_csrf_token(client, owner):
    client = client.__class__(enforce_csrf_checks=True)
    client.force_login(owner)
    assert client.post(UPLOAD, {"file": png_upload()}).status_code == 403
    assert not SharedFile.objects.exists()


def test_the_edit_changes_the_options(owner_client, owner):
    shared = make_file(owner, name="Old", password="old-pass", max_downloads=2)
    url = f"/user/files/{shared.pk}/edit"
    assert owner_client.get(url).status_code == 200
    response = owner_client.post(
        url,
        {
            "name": "New",
            "password": "",
            "expiry": "2099-05-06T07:08",
            "maxdownloads": "",
        },
    )
    assert response.status_code == 302
    shared.refresh_from_db()
    shared.link.refresh_from_db()
    assert shared.name == "New"
    assert shared.max_downloads is None
    assert shared.link.check_password("old-pass")  # empty: kept
    assert shared.link.expires_at.year == 2099


def test_the_edit_removes_the_password(owner_client, owner):
    shared = make_file(owner, password="old-pass")
    owner_client.post(
        f"/user/files/{shared.pk}/edit",
        {"name": "Same", "remove_password": "on", "expiry": "", "maxdownloads": "1"},
    )
    shared.link.refresh_from_db()
    assert shared.link.password == ""


def test_the_edit_shows_a_bad_limit_by_its_field(owner_client, owner):
    shared = make_file(owner)
    response = owner_client.post(
        f"/user/files/{shared.pk}/edit", {"name": "x", "maxdownloads": "lots"}
    )
    assert response.status_code == 200
    assert "Invalid request or incorrect data format." in response.content.decode()


def test_delete_asks_then_removes_the_file_its_link_and_its_bytes(
    owner_client, owner, django_capture_on_commit_callbacks
):
    shared = make_file(owner, name="Gone soon")
    name = shared.stored.name
    url = f"/user/files/{shared.pk}/delete"
    assert "Delete this file?" in owner_client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_client.post(url)
    assert response.status_code == 302
    assert not SharedFile.objects.exists()
    assert not Link.objects.exists()
    assert not default_storage.exists(name)


@pytest.mark.parametrize("action", ["edit", "delete"])
def test_a_strangers_file_is_not_found(stranger_client, owner, action):
    shared = make_file(owner)
    assert stranger_client.get(f"/user/files/{shared.pk}/{action}").status_code == 404
    assert stranger_client.post(f"/user/files/{shared.pk}/{action}").status_code == 404
    assert SharedFile.objects.filter(pk=shared.pk).exists()

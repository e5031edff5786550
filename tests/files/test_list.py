"""GET /api/files (api-spec §11.1): no `data` wrapper, collection key `list`."""

from datetime import datetime

from django.utils import timezone

from files.models import SharedFile
from tests.files.conftest import make_file

FILES = "/api/files"


def test_the_list_has_the_documented_shape(owner_api, owner, settings):
    first = make_file(owner, name="My Photo")
    second = make_file(owner, name="My Documents", filename="docs.pdf")
    moment = timezone.make_aware(datetime(2022, 8, 9, 17, 0))  # noqa: DTZ001
    SharedFile.objects.filter(pk=first.pk).update(downloads=10, created=moment)
    response = owner_api.get(FILES)
    assert response.status_code == 200
    body = response.json()
    assert body == {
        "error": 0,
        "result": 2,
        "perpage": 15,
        "currentpage": 1,
        "nextpage": None,
        "maxpage": 1,
        "list": [
            {
                "id": first.pk,
                "name": "My Photo",
                "downloads": 10,
                "shorturl": f"{settings.SITE_URL}/{first.link.alias}",
                "date": "2022-08-09 17:00:00",
            },
            {
                "id": second.pk,
                "name": "My Documents",
                "downloads": 0,
                "shorturl": f"{settings.SITE_URL}/{second.link.alias}",
                "date": body["list"][1]["date"],
            },
        ],
    }
    assert list(body) == [
        "error", "result", "perpage", "currentpage", "nextpage", "maxpage", "list"
    ]  # fmt: skip


def test_other_lists_keep_their_data_wrapper(owner_api):
    assert list(owner_api.get("/api/domains").json()) == ["error", "data"]


def test_name_filters_by_substring_in_any_case(owner_api, owner):
    make_file(owner, name="Brand kit")
    make_file(owner, name="Holiday photos")
    body = owner_api.get(FILES, {"name": "KIT"}).json()
    assert body["result"] == 1
    assert [item["name"] for item in body["list"]] == ["Brand kit"]


def test_pages_go_oldest_first(owner_api, owner):
    names = [make_file(owner, name=f"File {n}").name for n in range(3)]
    body = owner_api.get(FILES, {"limit": 2, "page": 2}).json()
    assert (body["result"], body["perpage"], body["currentpage"]) == (3, 2, 2)
    assert (body["nextpage"], body["maxpage"]) == (None, 2)
    assert [item["name"] for item in body["list"]] == names[2:]
    first = owner_api.get(FILES, {"limit": 2}).json()
    assert first["nextpage"] == 2
    assert [item["name"] for item in first["list"]] == names[:2]


def test_an_empty_list(owner_api):
    assert owner_api.get(FILES).json() == {
        "error": 0,
        "result": 0,
        "perpage": 15,
        "currentpage": 1,
        "nextpage": None,
        "maxpage": 0,
        "list": [],
    }


def test_a_stranger_sees_none_of_the_owners_files(stranger_api, owner):
    make_file(owner)
    body = stranger_api.get(FILES).json()
    assert (body["result"], body["list"]) == (0, [])


def test_file_links_are_not_listed_as_links(owner_api, owner):
    make_file(owner)
    assert owner_api.get("/api/urls").json()["data"]["result"] == 0


def test_the_list_needs_an_api_key(client, db):
    response = client.get(FILES)
    assert response.status_code == 401
    assert response.json() == {
        "error": 1,
        "message": "A valid API key is required to use this service.",
    }

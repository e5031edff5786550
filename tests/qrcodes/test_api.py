"""`/api/qr`: list, details, create, update and delete (api-spec §4; D9, D14,
D15, D25, D28), with exact bodies."""

import pytest

from analytics.models import Click
from api.formats import timestamp
from qrcodes.models import QRCode
from qrcodes.services import create_qr
from shortener.models import Link, LinkKind
from tests.analytics.visits import visit
from tests.local_http import serving
from tests.qrcodes.conftest import SITE, decoded, image_bytes

ADD = "/api/qr/add"
EMPTY_STATS = {
    "clicks": 0,
    "uniqueClicks": 0,
    "topCountries": {},
    "topReferrers": {},
    "topBrowsers": {},
    "topOs": {},
    "socialCount": {
        "facebook": 0,
        "twitter": 0,
        "instagram": 0,
        "linkedin": 0,
        "google": 0,
    },
}


def item(qr: QRCode, scans: int = 0) -> dict:
    return {
        "id": qr.pk,
        "link": f"{SITE}/qr/{qr.alias}",
        "scans": scans,
        "name": qr.name,
        "date": timestamp(qr.created),
    }


def test_the_list_is_newest_first_with_the_image_urls(owner_api, owner, stranger):
    older = create_qr(owner=owner, kind="text", data="old", name="Old")
    newer = create_qr(owner=owner, kind="link", data="https://example.com")
    create_qr(owner=stranger, kind="text", data="not yours")

    response = owner_api.get("/api/qr?limit=1&page=1")

    assert response.status_code == 200
    assert response.json() == {
        "error": 0,
        "data": {
            "result": 2,
            "perpage": 1,
            "currentpage": 1,
            "nextpage": 2,
            "maxpage": 2,
            "qrs": [item(newer)],
        },
    }
    assert owner_api.get("/api/qr?limit=1&page=2").json()["data"]["qrs"] == [
        item(older)
    ]


def test_qr_tracking_links_are_not_listed_as_links(owner_api, owner):
    create_qr(owner=owner, kind="link", data="https://example.com")

    assert owner_api.get("/api/urls").json()["data"]["urls"] == []


def test_details_of_a_dynamic_code_count_its_scans(owner_api, owner, client):
    qr = create_qr(owner=owner, kind="link", data="https://example.com", name="Promo")
    visit(client, f"/{qr.alias}")

    response = owner_api.get(f"/api/qr/{qr.pk}")

    assert response.status_code == 200
    assert response.json() == {
        "error": 0,
        "details": item(qr, scans=1),
        "data": {
            **EMPTY_STATS,
            "clicks": 1,
            "uniqueClicks": 1,
            "topCountries": {"France": 1},
            "topReferrers": {"Direct, email and other": 1},
            "topBrowsers": {"Chrome": 1},
            "topOs": {"Windows": 1},
        },
    }


def test_details_of_a_static_code_have_an_empty_statistics_block(owner_api, owner):
    qr = create_qr(owner=owner, kind="wifi", data={"ssid": "Home"})

    assert owner_api.get(f"/api/qr/{qr.pk}").json() == {
        "error": 0,
        "details": item(qr),
        "data": EMPTY_STATS,
    }


def test_the_documented_request_creates_a_dynamic_code(
    owner_api, owner, django_capture_on_commit_callbacks
):
    body = {
        "type": "link",
        "data": "https://google.com",
        "background": "rgb(255,255,255)",
        "foreground": "rgb(0,0,0)",
        "name": "QR Code API",
        "size": 300,  # real clients send these; they are ignored
        "format": "png",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = owner_api.post(ADD, body, format="json")

    qr = QRCode.objects.get()
    assert response.status_code == 200
    assert response.json() == {"error": 0, "id": qr.pk, "link": f"{SITE}/qr/{qr.alias}"}
    assert len(qr.alias) == 6
    assert (qr.owner, qr.kind, qr.data, qr.name) == (
        owner,
        "link",
        "https://google.com",
        "QR Code API",
    )
    link = qr.link
    assert (link.kind, link.alias, link.long_url) == (
        LinkKind.QR,
        qr.alias,
        "https://google.com",
    )
    assert decoded(qr.image.read()) == f"{SITE}/{qr.alias}"


def test_a_code_without_a_name_is_named_via_api(owner_api):
    owner_api.post(ADD, {"type": "text", "data": "hi"}, format="json")

    qr = QRCode.objects.get()
    assert (qr.name, qr.link, qr.foreground, qr.background) == (
        "Via API",
        None,
        "#000000",
        "#ffffff",
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "Invalid QR format or missing data."),
        ({"type": "link"}, "Invalid QR format or missing data."),
        ({"data": "x"}, "Invalid QR format or missing data."),
        ({"type": "crypto", "data": "x"}, "Invalid QR format or missing data."),
        ({"type": "link", "data": "ftp://x.example"}, "Please enter a valid url."),
        ({"type": "text", "data": "x" * 4297}, "Text is too long."),
        ({"type": "phone", "data": "abc"}, "Invalid phone number. Please try again."),
        ({"type": "wifi", "data": {"pass": "x"}}, "Please enter the Wifi SSID"),
        (
            {"type": "vcard", "data": {"unknown": "x"}},
            "vCard data cannot be empty. Please fill some fields",
        ),
        (
            {"type": "text", "data": "x", "foreground": "rgb(300,0,0)"},
            "Please enter a valid colour: rgb(r,g,b) or #rrggbb.",
        ),
        (
            {"type": "text", "data": "x", "foreground": "#eeeeee"},
            "The colours are too close: the code would not scan.",
        ),
        (
            {"type": "text", "data": "x", "logo": "javascript:alert(1)"},
            "Logo must be either a PNG or a JPEG (Max 500kb).",
        ),
        (
            {"type": "text", "data": "x", "logo": ["https://e.example/a.png"]},
            "Logo must be either a PNG or a JPEG (Max 500kb).",
        ),
    ],
)
def test_bad_requests_are_refused_with_the_contracts_message(owner_api, body, message):
    response = owner_api.post(ADD, body, format="json")

    assert response.status_code == 400
    assert response.json() == {"error": 1, "message": message}
    assert not QRCode.objects.exists()
    assert not Link.objects.exists()


@pytest.fixture
def local(settings):
    settings.FETCH_ALLOW_PRIVATE = True  # the test server is on loopback


def test_a_logo_is_downloaded_from_its_url(
    owner_api, local, django_capture_on_commit_callbacks
):
    png = image_bytes()
    routes = {"/logo.png": (200, {"Content-Type": "image/png"}, png)}
    with serving(routes) as base, django_capture_on_commit_callbacks(execute=True):
        response = owner_api.post(
            ADD,
            {"type": "text", "data": "with logo", "logo": f"{base}/logo.png"},
            format="json",
        )

    assert response.json()["error"] == 0
    qr = QRCode.objects.get()
    assert qr.logo.read() == png
    assert decoded(qr.image.read()) == "with logo"


@pytest.mark.parametrize(
    "route",
    [
        (200, {"Content-Type": "image/gif"}, b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
        (200, {"Content-Type": "image/png"}, b"not an image"),
        (200, {"Content-Type": "image/png"}, b"\x89PNG" + b"0" * (500 * 1024)),
        (404, {}, b"missing"),
        (200, {"Content-Type": "image/png"}, image_bytes(size=5000)),
    ],
    ids=["gif", "garbage", "too-large", "missing", "too-many-pixels"],
)
def test_a_bad_logo_is_refused(owner_api, local, route):
    with serving({"/logo": route}) as base:
        response = owner_api.post(
            ADD, {"type": "text", "data": "x", "logo": f"{base}/logo"}, format="json"
        )

    assert response.status_code == 400
    assert response.json() == {
        "error": 1,
        "message": "Logo must be either a PNG or a JPEG (Max 500kb).",
    }
    assert not QRCode.objects.exists()


def test_logos_on_private_addresses_are_not_fetched(owner_api):
    png = image_bytes()
    with serving({"/logo.png": (200, {"Content-Type": "image/png"}, png)}) as base:
        response = owner_api.post(
            ADD,
            {"type": "text", "data": "x", "logo": f"{base}/logo.png"},
            format="json",
        )

    assert response.json() == {
        "error": 1,
        "message": "Logo must be either a PNG or a JPEG (Max 500kb).",
    }


def test_an_update_changes_only_what_is_sent(
    owner_api, owner, django_capture_on_commit_callbacks
):
    qr = create_qr(owner=owner, kind="link", data="https://example.com", name="Mine")
    printed = f"{SITE}/{qr.alias}"

    with django_capture_on_commit_callbacks(execute=True):
        response = owner_api.put(
            f"/api/qr/{qr.pk}/update",
            {
                "type": "text",
                "data": "https://example.com/new",
                "foreground": "#1a237e",
            },
            format="json",
        )

    assert response.status_code == 200
    assert response.json() == {
        "error": 0,
        "message": "QR has been updated successfully.",
    }
    qr.refresh_from_db()
    assert (qr.kind, qr.data, qr.name, qr.foreground, qr.background) == (
        "link",
        "https://example.com/new",
        "Mine",
        "#1a237e",
        "#ffffff",
    )
    qr.link.refresh_from_db()
    assert qr.link.long_url == "https://example.com/new"
    assert decoded(qr.image.read()) == printed  # the printed code still works


def test_an_update_can_add_and_remove_the_logo(owner_api, owner, local, logo):
    qr = create_qr(owner=owner, kind="text", data="x")
    routes = {"/logo.png": (200, {"Content-Type": "image/png"}, logo)}
    with serving(routes) as base:
        owner_api.put(
            f"/api/qr/{qr.pk}/update", {"logo": f"{base}/logo.png"}, format="json"
        )
    qr.refresh_from_db()
    assert qr.logo.read() == logo

    owner_api.put(f"/api/qr/{qr.pk}/update", {"logo": None}, format="json")

    qr.refresh_from_db()
    assert not qr.logo


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "No data sent."),
        ({"data": ""}, "QR data cannot be empty. Please fill the appropriate field."),
        ({"data": "mailto:x"}, "Please enter a valid url."),
        (
            {"background": "#010101"},
            "The colours are too close: the code would not scan.",
        ),
    ],
)
def test_a_bad_update_changes_nothing(owner_api, owner, body, message):
    qr = create_qr(owner=owner, kind="link", data="https://example.com")

    response = owner_api.put(f"/api/qr/{qr.pk}/update", body, format="json")

    assert response.status_code == 400
    assert response.json() == {"error": 1, "message": message}
    qr.refresh_from_db()
    assert (qr.data, qr.background) == ("https://example.com", "#ffffff")


def test_delete_removes_the_tracking_link_and_its_statistics(
    owner_api, owner, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        qr = create_qr(owner=owner, kind="phone", data="+15550102030")
    qr.refresh_from_db()
    assert qr.image.storage.exists(qr.image.name)
    visit(client, f"/{qr.alias}")
    assert Click.objects.count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        response = owner_api.delete(f"/api/qr/{qr.pk}/delete")

    assert response.status_code == 200
    assert response.json() == {
        "error": 0,
        "message": "QR Code has been deleted successfully.",
    }
    assert not QRCode.objects.exists()
    assert not Link.objects.exists()
    assert not Click.objects.exists()
    assert not qr.image.storage.exists(qr.image.name)
    assert client.get(f"/{qr.alias}").status_code == 404
    assert client.get(f"/qr/{qr.alias}").status_code == 404


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/api/qr/{pk}"),
        ("put", "/api/qr/{pk}/update"),
        ("delete", "/api/qr/{pk}/delete"),
    ],
)
def test_a_strangers_code_does_not_exist(stranger_api, owner, method, path):
    qr = create_qr(owner=owner, kind="text", data="mine")

    response = getattr(stranger_api, method)(
        path.format(pk=qr.pk), {"data": "theirs"}, format="json"
    )

    assert response.status_code == 404
    assert response.json() == {"error": 1, "message": "QR does not exist."}
    qr.refresh_from_db()
    assert qr.data == "mine"


def test_a_missing_code_does_not_exist(owner_api):
    response = owner_api.get("/api/qr/999")

    assert response.status_code == 404
    assert response.json() == {"error": 1, "message": "QR does not exist."}


def test_the_api_needs_a_key(client):
    response = client.get("/api/qr")

    assert response.status_code == 401

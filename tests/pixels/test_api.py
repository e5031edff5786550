"""Pixels through the API: list, add, update, delete (§8, D2, D14, D17)."""

import pytest

from pixels.models import Pixel
from shortener.models import Link
from tests.factories import LinkFactory
from tests.pixels.factories import PixelFactory

ADD = "/api/pixel/add"
MISSING_TAG = "Missing tag parameter. Pixel tag is required."
GTM_WRONG = "GTM container ID is not correct. Please double check."
DUPLICATE = "A pixel with this provider and tag already exists."


def error(message: str) -> dict:
    return {"error": 1, "message": message}


def test_list_shows_the_callers_pixels_oldest_first(owner_api, owner, stranger):
    first = PixelFactory(owner=owner, type="gtmpixel", name="GTM", tag="GTM-ABCDE")
    second = PixelFactory(owner=owner, type="twitterpixel", name="X", tag="1234567")
    PixelFactory(owner=stranger)

    response = owner_api.get("/api/pixels")

    assert response.status_code == 200
    data = response.json()["data"]
    assert (data["result"], data["currentpage"], data["maxpage"]) == (2, 1, 1)
    assert data["pixels"] == [
        {
            "id": first.pk,
            "type": "gtmpixel",
            "name": "GTM",
            "tag": "GTM-ABCDE",
            "date": first.created.strftime("%Y-%m-%d %H:%M:%S"),
        },
        {
            "id": second.pk,
            "type": "twitterpixel",
            "name": "X",
            "tag": "1234567",
            "date": second.created.strftime("%Y-%m-%d %H:%M:%S"),
        },
    ]


def test_add(owner_api, owner):
    response = owner_api.post(
        ADD, {"type": "gtmpixel", "name": "My GTM", "tag": "GTM-ABCDE"}, format="json"
    )

    pixel = Pixel.objects.get()
    assert response.status_code == 200
    assert response.json() == {"error": 0, "id": pixel.pk}
    assert (pixel.owner, pixel.type, pixel.name, pixel.tag) == (
        owner,
        "gtmpixel",
        "My GTM",
        "GTM-ABCDE",
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "Missing type parameter. Pixel provider is required."),
        ({"type": "nope"}, "Missing name parameter. Pixel name is required."),
        ({"type": "nope", "name": "N"}, MISSING_TAG),
        (
            {"type": "nope", "name": "N", "tag": "x"},
            "Pixel provider is currently not supported.",
        ),
        ({"type": "gapixel", "name": "N", "tag": "G1"}, "Please enter valid id."),
        (
            {"type": "gtmpixel", "name": "N", "tag": "ABCDEF"},
            "GTM container ID is not correct. Please double check.",
        ),
        (
            {"type": "gapixel", "name": "N", "tag": "<script>alert(1)</script>"},
            "Google Analytics ID is not correct. Please double check.",
        ),
        (
            {"type": "gapixel", "name": "N", "tag": "G-1\"'><img>"},
            "Google Analytics ID is not correct. Please double check.",
        ),
        (
            {"type": "gapixel", "name": "N", "tag": "javascript:alert"},
            "Google Analytics ID is not correct. Please double check.",
        ),
        ({"type": 5, "name": "N", "tag": "G-12345"}, "Missing type parameter. "
         "Pixel provider is required."),
    ],
)  # fmt: skip
def test_add_refuses_with_the_contracts_messages(owner_api, body, message):
    response = owner_api.post(ADD, body, format="json")

    assert response.status_code == 400
    assert response.json() == error(message)
    assert not Pixel.objects.exists()


def test_the_same_provider_and_tag_twice_is_a_conflict(owner_api, owner, stranger):
    PixelFactory(owner=owner, type="gtmpixel", tag="GTM-ABCDE")
    PixelFactory(owner=stranger, type="gapixel", tag="GTM-ABCDE")

    response = owner_api.post(
        ADD, {"type": "gtmpixel", "name": "Again", "tag": "GTM-ABCDE"}, format="json"
    )

    assert response.status_code == 409
    assert response.json() == error(
        "A pixel with this provider and tag already exists."
    )
    assert Pixel.objects.filter(owner=owner).count() == 1


def test_the_same_tag_of_another_provider_or_user_is_fine(owner_api, owner, stranger):
    PixelFactory(owner=owner, type="gapixel", tag="GTM-ABCDE")
    PixelFactory(owner=stranger, type="gtmpixel", tag="GTM-ABCDE")

    response = owner_api.post(
        ADD, {"type": "gtmpixel", "name": "N", "tag": "GTM-ABCDE"}, format="json"
    )

    assert response.json()["error"] == 0


def test_update_changes_the_tag_and_the_name(owner_api, owner):
    pixel = PixelFactory(owner=owner, type="gtmpixel", name="Old", tag="GTM-OLD12")

    response = owner_api.put(
        f"/api/pixel/{pixel.pk}/update",
        {"name": "New", "tag": "GTM-NEW34", "type": "fbpixel"},
        format="json",
    )

    assert response.status_code == 200
    assert response.json() == {
        "error": 0,
        "message": "Pixel has been updated successfully.",
    }
    pixel.refresh_from_db()
    assert (pixel.type, pixel.name, pixel.tag) == ("gtmpixel", "New", "GTM-NEW34")


def test_update_without_a_name_keeps_it(owner_api, owner):
    pixel = PixelFactory(owner=owner, name="Kept", tag="GTM-OLD12")

    owner_api.put(f"/api/pixel/{pixel.pk}/update", {"tag": "GTM-NEW34"}, format="json")

    pixel.refresh_from_db()
    assert (pixel.name, pixel.tag) == ("Kept", "GTM-NEW34")


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"name": "N"}, 400, MISSING_TAG),
        ({"tag": "GT"}, 400, "Please enter valid id."),
        ({"tag": "NOPE1"}, 400, GTM_WRONG),
        ({"tag": "GTM-<b>"}, 400, GTM_WRONG),
        ({"tag": "GTM-TAKEN"}, 409, DUPLICATE),
    ],
)  # fmt: skip
def test_update_refuses_bad_tags(owner_api, owner, body, status, message):
    pixel = PixelFactory(owner=owner, name="Old", tag="GTM-OLD12")
    PixelFactory(owner=owner, tag="GTM-TAKEN")

    response = owner_api.put(f"/api/pixel/{pixel.pk}/update", body, format="json")

    assert response.status_code == status
    assert response.json() == error(message)
    pixel.refresh_from_db()
    assert (pixel.name, pixel.tag) == ("Old", "GTM-OLD12")


def test_delete_detaches_the_pixel_from_its_links(owner_api, owner):
    pixel = PixelFactory(owner=owner)
    other = PixelFactory(owner=owner)
    only_this = LinkFactory(owner=owner, has_pixels=True)
    both = LinkFactory(owner=owner, has_pixels=True)
    pixel.links.add(only_this, both)
    other.links.add(both)

    response = owner_api.delete(f"/api/pixel/{pixel.pk}/delete")

    assert response.status_code == 200
    assert response.json() == {
        "error": 0,
        "message": "Pixel has been deleted successfully.",
    }
    assert not Pixel.objects.filter(pk=pixel.pk).exists()
    only_this.refresh_from_db()
    both.refresh_from_db()
    assert (only_this.has_pixels, list(only_this.pixels.all())) == (False, [])
    assert (both.has_pixels, list(both.pixels.all())) == (True, [other])
    assert Link.objects.count() == 2


@pytest.mark.parametrize(
    ("method", "path"),
    [("put", "/api/pixel/{}/update"), ("delete", "/api/pixel/{}/delete")],
)
def test_another_users_pixel_is_not_found(stranger_api, owner, method, path):
    pixel = PixelFactory(owner=owner, tag="GTM-OWNED")

    response = getattr(stranger_api, method)(
        path.format(pixel.pk), {"tag": "GTM-STOLEN"}, format="json"
    )

    assert response.status_code == 404
    assert response.json() == error("Pixel not found. Please try again.")
    pixel.refresh_from_db()
    assert pixel.tag == "GTM-OWNED"


def test_an_unknown_pixel_is_not_found(owner_api):
    response = owner_api.delete("/api/pixel/999/delete")

    assert response.status_code == 404
    assert response.json() == error("Pixel not found. Please try again.")

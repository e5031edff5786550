"""Links carry pixels: the API's `pixels` ids (§3.3, D13, D14) and the link form."""

import pytest

from shortener.models import Link
from tests.factories import LinkFactory
from tests.pixels.factories import PixelFactory

ADD = "/api/url/add"


@pytest.fixture
def mine(owner):
    return PixelFactory(owner=owner), PixelFactory(owner=owner)


def test_a_link_gets_the_callers_pixels_only(owner_api, mine, stranger):
    theirs = PixelFactory(owner=stranger)
    ids = [mine[1].pk, theirs.pk, mine[0].pk, 99999, "x", True]

    response = owner_api.post(
        ADD, {"url": "https://example.com", "pixels": ids}, format="json"
    )

    assert response.json()["error"] == 0
    link = Link.objects.get()
    assert link.has_pixels
    assert set(link.pixels.all()) == set(mine)


def test_a_link_with_only_foreign_pixels_has_none(owner_api, stranger):
    theirs = PixelFactory(owner=stranger)

    owner_api.post(
        ADD, {"url": "https://example.com", "pixels": [theirs.pk]}, format="json"
    )

    link = Link.objects.get()
    assert (link.has_pixels, list(link.pixels.all())) == (False, [])


def test_pixels_must_be_a_list(owner_api, mine):
    response = owner_api.post(
        ADD, {"url": "https://example.com", "pixels": mine[0].pk}, format="json"
    )

    assert response.status_code == 400
    assert not Link.objects.exists()


def test_other_pixels_make_another_link(owner_api, mine, settings):
    settings.DEDUPLICATE_LINKS = True
    body = {"url": "https://example.com", "pixels": [mine[0].pk]}
    first = owner_api.post(ADD, body, format="json").json()["id"]

    again = owner_api.post(ADD, body, format="json").json()["id"]
    other = owner_api.post(
        ADD, {**body, "pixels": [mine[0].pk, mine[1].pk]}, format="json"
    ).json()["id"]
    none = owner_api.post(ADD, {"url": "https://example.com"}, format="json")

    assert again == first
    assert len({first, other, none.json()["id"]}) == 3


def test_an_update_without_pixels_keeps_them(owner_api, owner, mine):
    link = LinkFactory(owner=owner, has_pixels=True)
    mine[0].links.add(link)

    owner_api.put(f"/api/url/{link.pk}/update", {"description": "n"}, format="json")

    link.refresh_from_db()
    assert (link.has_pixels, list(link.pixels.all())) == (True, [mine[0]])


def test_an_update_replaces_or_clears_them(owner_api, owner, mine):
    link = LinkFactory(owner=owner, has_pixels=True)
    mine[0].links.add(link)
    update = f"/api/url/{link.pk}/update"

    owner_api.put(update, {"pixels": [mine[1].pk]}, format="json")
    link.refresh_from_db()
    assert (link.has_pixels, list(link.pixels.all())) == (True, [mine[1]])

    owner_api.put(update, {"pixels": []}, format="json")
    link.refresh_from_db()
    assert (link.has_pixels, list(link.pixels.all())) == (False, [])


def test_the_link_form_offers_the_users_pixels(owner_client, owner, stranger):
    pixel = PixelFactory(owner=owner, name="My GTM")
    PixelFactory(owner=stranger, name="Their pixel")

    html = owner_client.get("/user/links/new").content.decode()

    assert 'name="pixels"' in html
    assert f'value="{pixel.pk}"' in html
    assert "My GTM (Google Tag Manager)" in html
    assert "Their pixel" not in html


def test_the_link_form_has_no_pixel_field_without_pixels(owner_client):
    html = owner_client.get("/user/links/new").content.decode()

    assert 'name="pixels"' not in html


def test_the_link_form_sets_and_keeps_pixels(owner_client, owner, page_form):
    pixel = PixelFactory(owner=owner)
    form = page_form("/user/links/new")
    form.update({"url": "https://example.com/page", "pixels": str(pixel.pk)})

    owner_client.post("/user/links/new", form)

    link = Link.objects.get()
    assert (link.has_pixels, list(link.pixels.all())) == (True, [pixel])
    edit = f"/user/links/{link.pk}/edit"
    form = page_form(edit)
    assert form["pixels"] == str(pixel.pk)
    form["description"] = "changed"
    owner_client.post(edit, form)
    link.refresh_from_db()
    assert (link.has_pixels, list(link.pixels.all())) == (True, [pixel])
    form.pop("pixels")
    owner_client.post(edit, form)
    link.refresh_from_db()
    assert (link.has_pixels, list(link.pixels.all())) == (False, [])

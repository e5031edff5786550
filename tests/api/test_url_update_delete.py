"""PUT /api/url/:id/update (partial, D14) and DELETE /api/url/:id/delete (D15)."""

import pytest

from shortener.models import Link
from tests.factories import DomainFactory, LinkFactory


@pytest.fixture
def link(owner):
    link = LinkFactory(
        owner=owner,
        alias="promo",
        long_url="https://old.example",
        geo_targets={"canada": "https://example.ca"},
        parameters=[["aff", "1"]],
        meta_title="Old title",
    )
    link.set_password("secret")
    link.save()
    return link


def update(client, link, **body):
    return client.put(f"/api/url/{link.pk}/update", body, format="json")


def test_update_changes_only_what_is_sent(owner_api, link, settings):
    response = update(owner_api, link, url="https://new.example", type="frame")
    assert response.status_code == 200
    short = f"{settings.SITE_URL}/promo"
    assert response.json() == {
        "error": 0,
        "id": link.pk,
        "shorturl": short,
        "short": short,
    }
    link.refresh_from_db()
    assert link.long_url == "https://new.example"
    assert link.redirect_type == "frame"
    assert link.geo_targets == {"canada": "https://example.ca"}
    assert link.parameters == [["aff", "1"]]
    assert link.meta_title == "Old title"
    assert link.check_password("secret")


def test_empty_values_clear_fields(owner_api, link):
    update(owner_api, link, geotarget=[], password="", metatitle=None, parameters=None)
    link.refresh_from_db()
    assert link.geo_targets == {}
    assert link.password == ""
    assert link.meta_title == ""
    assert link.parameters == []
    assert link.long_url == "https://old.example"


def test_update_can_change_the_alias(owner_api, link, owner):
    LinkFactory(alias="taken")
    response = update(owner_api, link, custom="Taken")
    assert response.status_code == 409
    assert (
        response.json()["message"] == "That alias is taken. Please choose another one."
    )
    response = update(owner_api, link, custom="fresh-name")
    assert response.json()["shorturl"].endswith("/fresh-name")
    assert update(owner_api, link, custom="FRESH-name").status_code == 200


def test_update_can_move_the_link_to_a_branded_domain(owner_api, link, owner):
    DomainFactory(owner=owner, host="brand.example")
    response = update(owner_api, link, domain="https://brand.example")
    assert response.json()["shorturl"] == "https://brand.example/promo"


def test_update_validates_like_create(owner_api, link):
    response = update(owner_api, link, url="javascript:alert(1)")
    assert response.status_code == 400
    assert response.json()["message"] == "Please enter a valid URL."
    link.refresh_from_db()
    assert link.long_url == "https://old.example"


def test_a_strangers_link_cannot_be_read_changed_or_deleted(stranger_api, link):
    for response in (
        stranger_api.get(f"/api/url/{link.pk}"),
        update(stranger_api, link, url="https://evil.example"),
        stranger_api.delete(f"/api/url/{link.pk}/delete"),
    ):
        assert response.status_code == 404
        assert response.json() == {"error": 1, "message": "Link does not exist."}
    link.refresh_from_db()
    assert link.long_url == "https://old.example"


def test_delete(owner_api, link):
    response = owner_api.delete(f"/api/url/{link.pk}/delete")
    assert response.status_code == 200
    assert response.json() == {
        "error": 0,
        "message": "Link has been deleted successfully",
    }
    assert not Link.objects.filter(pk=link.pk).exists()
    assert owner_api.delete(f"/api/url/{link.pk}/delete").status_code == 404


def test_methods_are_fixed(owner_api, link):
    assert owner_api.post(f"/api/url/{link.pk}/update").status_code == 405
    assert owner_api.get(f"/api/url/{link.pk}/delete").status_code == 405
    assert owner_api.get("/api/url/add").status_code == 405

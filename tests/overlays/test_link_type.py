"""A link's `type` `overlay-<id>` (api-spec §3.3): own overlays only."""

from shortener.models import Link
from tests.overlays.conftest import make_overlay

ADD_URL = "/api/url/add"
CANNOT_FRAME = (
    "This URL cannot be used with this redirect method because browsers will "
    "prevent it for security reasons."
)


def test_an_own_overlay_is_the_links_type(owner, owner_api):
    overlay = make_overlay(owner, "message")

    response = owner_api.post(
        ADD_URL,
        {"url": "https://example.com", "type": f"overlay-{overlay.pk}"},
        format="json",
    )

    assert response.status_code == 200
    assert Link.objects.get().redirect_type == f"overlay-{overlay.pk}"


def test_a_foreign_overlay_falls_back_to_the_default_type(stranger, owner_api):
    overlay = make_overlay(stranger, "message")

    response = owner_api.post(
        ADD_URL,
        {"url": "https://example.com", "type": f"overlay-{overlay.pk}"},
        format="json",
    )

    assert response.status_code == 200
    assert Link.objects.get().redirect_type == ""


def test_an_unknown_overlay_falls_back_to_the_default_type(owner_api):
    response = owner_api.post(
        ADD_URL, {"url": "https://example.com", "type": "overlay-999"}, format="json"
    )

    assert response.status_code == 200
    assert Link.objects.get().redirect_type == ""


def test_a_destination_that_forbids_framing_is_refused(owner, owner_api, monkeypatch):
    monkeypatch.setattr("splash.frameable.frameable", lambda url: False)
    overlay = make_overlay(owner, "message")

    response = owner_api.post(
        ADD_URL,
        {"url": "https://example.com", "type": f"overlay-{overlay.pk}"},
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {"error": 1, "message": CANNOT_FRAME}
    assert not Link.objects.exists()


def test_the_link_form_offers_the_owners_overlays(owner, stranger, owner_client):
    mine = make_overlay(owner, "poll", name="Tea poll")
    theirs = make_overlay(stranger, "poll", name="Their poll")

    response = owner_client.get("/user/links/new")

    content = response.content.decode()
    assert f'value="overlay-{mine.pk}"' in content
    assert f'value="overlay-{theirs.pk}"' not in content

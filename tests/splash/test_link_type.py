import pytest

from shortener.models import Link
from tests.local_http import serving

ADD_URL = "/api/url/add"
REFUSED = {
    "error": 1,
    "message": "This URL cannot be used with this redirect method because "
    "browsers will prevent it for security reasons.",
}


@pytest.mark.parametrize("as_number", [True, False])
def test_a_link_can_use_one_of_the_callers_splash_pages(
    owner_api, splash_page, as_number
):
    value = splash_page.pk if as_number else str(splash_page.pk)
    response = owner_api.post(
        ADD_URL, {"url": "https://example.com", "type": value}, format="json"
    )

    assert response.status_code == 200, response.json()
    assert Link.objects.get().redirect_type == str(splash_page.pk)


def test_another_users_splash_page_falls_back_to_the_default(stranger_api, splash_page):
    response = stranger_api.post(
        ADD_URL,
        {"url": "https://example.com", "type": str(splash_page.pk)},
        format="json",
    )

    assert response.status_code == 200
    assert Link.objects.get().redirect_type == ""


def test_an_unknown_splash_page_falls_back_to_the_default(owner_api):
    response = owner_api.post(
        ADD_URL, {"url": "https://example.com", "type": "999"}, format="json"
    )

    assert response.status_code == 200
    assert Link.objects.get().redirect_type == ""


def test_frame_is_refused_for_a_destination_that_forbids_framing(owner_api, settings):
    settings.FETCH_ALLOW_PRIVATE = True
    routes = {"/": (200, {"X-Frame-Options": "DENY"}, b"<p>no frames</p>")}
    with serving(routes) as base:
        response = owner_api.post(
            ADD_URL, {"url": f"{base}/", "type": "frame"}, format="json"
        )

    assert response.status_code == 400
    assert response.json() == REFUSED
    assert not Link.objects.exists()


def test_frame_is_refused_when_csp_frame_ancestors_excludes_us(owner_api, settings):
    settings.FETCH_ALLOW_PRIVATE = True
    headers = {"Content-Security-Policy": "frame-ancestors 'self'"}
    with serving({"/": (200, headers, b"ok")}) as base:
        response = owner_api.post(
            ADD_URL, {"url": f"{base}/", "type": "frame"}, format="json"
        )

    assert response.json() == REFUSED


def test_frame_is_accepted_for_a_destination_that_allows_framing(owner_api, settings):
    settings.FETCH_ALLOW_PRIVATE = True
    with serving({"/": (200, {"Content-Type": "text/html"}, b"<p>hi</p>")}) as base:
        response = owner_api.post(
            ADD_URL, {"url": f"{base}/", "type": "frame"}, format="json"
        )

    assert response.status_code == 200, response.json()
    assert Link.objects.get().redirect_type == "frame"


def test_frame_is_accepted_when_the_check_cannot_be_made(owner_api, settings):
    settings.FETCH_ALLOW_PRIVATE = False  # the loopback address may not be fetched
    with serving({"/": (200, {"X-Frame-Options": "DENY"}, b"")}) as base:
        response = owner_api.post(
            ADD_URL, {"url": f"{base}/", "type": "frame"}, format="json"
        )

    assert response.status_code == 200
    assert Link.objects.get().redirect_type == "frame"


def test_updating_to_frame_is_refused_too(owner_api, owner, settings):
    settings.FETCH_ALLOW_PRIVATE = True
    with serving({"/": (200, {"X-Frame-Options": "SAMEORIGIN"}, b"")}) as base:
        created = owner_api.post(ADD_URL, {"url": f"{base}/"}, format="json").json()
        response = owner_api.put(
            f"/api/url/{created['id']}/update", {"type": "frame"}, format="json"
        )

    assert response.json() == REFUSED
    assert Link.objects.get().redirect_type == ""

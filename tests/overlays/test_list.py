"""`GET /api/overlay` (api-spec §10.1; D16, D31)."""

from datetime import UTC, datetime

from tests.overlays.conftest import make_overlay

URL = "/api/overlay"


def test_it_lists_the_callers_overlays_oldest_first_under_cta(owner, owner_api):
    when = datetime(2020, 11, 10, 18, 0, 0, tzinfo=UTC)
    first = make_overlay(owner, "message", name="Product 1 Promo", created=when)
    second = make_overlay(
        owner, "contact", name="Contact Page", created=when.replace(minute=10)
    )

    response = owner_api.get(URL)

    assert response.status_code == 200
    assert response.json() == {
        "error": 0,
        "data": {
            "result": 2,
            "perpage": 15,
            "currentpage": 1,
            "nextpage": None,
            "maxpage": 1,
            "cta": [
                {
                    "id": first.pk,
                    "type": "message",
                    "name": "Product 1 Promo",
                    "date": "2020-11-10 18:00:00",
                },
                {
                    "id": second.pk,
                    "type": "contact",
                    "name": "Contact Page",
                    "date": "2020-11-10 18:10:00",
                },
            ],
        },
    }


def test_another_users_overlays_are_not_listed(owner, stranger_api):
    make_overlay(owner, "poll")

    response = stranger_api.get(URL)

    assert response.json()["data"]["cta"] == []
    assert response.json()["data"]["result"] == 0

from datetime import datetime

from django.utils import timezone

from splash.models import SplashPage

LIST_URL = "/api/splash"


def test_it_lists_the_callers_pages_oldest_first(owner, owner_api, stranger):
    moment = timezone.make_aware(datetime(2020, 11, 10, 18, 0))  # noqa: DTZ001
    first = SplashPage.objects.create(
        owner=owner, name="Product 1 Promo", title="t", created=moment
    )
    second = SplashPage.objects.create(
        owner=owner,
        name="Product 2 Promo",
        title="t",
        created=moment.replace(minute=10),
    )
    SplashPage.objects.create(owner=stranger, name="Not mine", title="t")

    response = owner_api.get(LIST_URL)

    assert response.status_code == 200
    assert response.json() == {
        "error": 0,
        "data": {
            "result": 2,
            "perpage": 15,
            "currentpage": 1,
            "nextpage": None,
            "maxpage": 1,
            "splash": [
                {
                    "id": first.pk,
                    "name": "Product 1 Promo",
                    "date": "2020-11-10 18:00:00",
                },
                {
                    "id": second.pk,
                    "name": "Product 2 Promo",
                    "date": "2020-11-10 18:10:00",
                },
            ],
        },
    }


def test_a_user_without_pages_gets_an_empty_list(stranger_api, splash_page):
    response = stranger_api.get(LIST_URL)

    assert response.status_code == 200
    assert response.json()["data"]["splash"] == []
    assert response.json()["data"]["result"] == 0

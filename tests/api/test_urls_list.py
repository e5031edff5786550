"""GET /api/urls (§3.1, D7, D31, D32)."""

from datetime import timedelta

from django.utils import timezone

from tests.factories import DomainFactory, LinkFactory

URLS = "/api/urls"


def test_it_lists_the_callers_links_newest_first(owner_api, owner, stranger, settings):
    now = timezone.now()
    old = LinkFactory(
        owner=owner,
        alias="googlecanada",
        long_url="https://google.ca",
        meta_title="Google Canada",
        created=now - timedelta(hours=1),
    )
    new = LinkFactory(
        owner=owner,
        alias="google",
        long_url="https://google.com",
        created=now,
        clicks=4,
    )
    LinkFactory(owner=stranger)
    body = owner_api.get(URLS, {"limit": 2, "page": 1}).json()
    assert body["data"]["result"] == 2
    assert [item["id"] for item in body["data"]["urls"]] == [new.pk, old.pk]
    assert body["data"]["urls"][1] == {
        "id": old.pk,
        "alias": "googlecanada",
        "shorturl": f"{settings.SITE_URL}/googlecanada",
        "longurl": "https://google.ca",
        "clicks": 0,
        "title": "Google Canada",
        "description": "",
        "date": timezone.localtime(old.created).strftime("%Y-%m-%d %H:%M:%S"),
        "uniqueclicks": 0,
        "domain": None,
        "campaign": None,
        "channel": [],
    }


def test_order_click_puts_the_most_clicked_first(owner_api, owner):
    a = LinkFactory(owner=owner, clicks=1)
    b = LinkFactory(owner=owner, clicks=9)
    c = LinkFactory(owner=owner, clicks=1)
    ids = [
        u["id"] for u in owner_api.get(URLS, {"order": "click"}).json()["data"]["urls"]
    ]
    assert ids == [b.pk, c.pk, a.pk]
    ids = [
        u["id"] for u in owner_api.get(URLS, {"order": "odd"}).json()["data"]["urls"]
    ]
    assert ids == [c.pk, b.pk, a.pk]


def test_q_searches_destination_alias_and_title(owner_api, owner):
    LinkFactory(owner=owner, long_url="https://kittens.example")
    LinkFactory(owner=owner, alias="KittenPics")
    LinkFactory(owner=owner, meta_title="All about KITTENS")
    LinkFactory(owner=owner, note="kittens in the note do not count")
    data = owner_api.get(URLS, {"q": "kitten"}).json()["data"]
    assert data["result"] == 3


def test_short_returns_the_single_link_answer(owner_api, owner, settings):
    link = LinkFactory(owner=owner, alias="google")
    body = owner_api.get(
        URLS, {"short": f"{settings.SITE_URL}/GOOGLE", "q": "x"}
    ).json()
    assert body["id"] == link.pk
    assert body["details"]["shorturl"] == f"{settings.SITE_URL}/google"


def test_short_on_a_branded_domain(owner_api, owner):
    domain = DomainFactory(owner=owner, host="brand.example")
    link = LinkFactory(owner=owner, alias="promo", domain=domain)
    LinkFactory(owner=owner, alias="promo2")
    body = owner_api.get(URLS, {"short": "https://brand.example/promo"}).json()
    assert body["id"] == link.pk


def test_short_errors(owner_api, stranger, settings):
    LinkFactory(owner=stranger, alias="theirs")
    response = owner_api.get(URLS, {"short": "not a url"})
    assert response.status_code == 400
    assert response.json() == {
        "error": 1,
        "message": "Invalid short url. Please try again.",
    }
    for short in (f"{settings.SITE_URL}/theirs", f"{settings.SITE_URL}/nothing"):
        response = owner_api.get(URLS, {"short": short})
        assert response.status_code == 404
        assert response.json()["message"] == "Invalid short url. Please try again."


def test_a_branded_link_shows_its_domain(owner_api, owner):
    domain = DomainFactory(owner=owner, host="brand.example", scheme="http")
    LinkFactory(owner=owner, alias="x1", domain=domain)
    item = owner_api.get(URLS).json()["data"]["urls"][0]
    assert item["shorturl"] == "http://brand.example/x1"
    assert item["domain"] == "http://brand.example"


def test_codes_behind_other_objects_are_not_links(owner_api, owner):
    from shortener.models import LinkKind

    file_code = LinkFactory(owner=owner, kind=LinkKind.FILE)
    LinkFactory(owner=owner)
    data = owner_api.get(URLS).json()["data"]
    assert data["result"] == 1
    assert file_code.pk not in [item["id"] for item in data["urls"]]
    assert owner_api.get(f"/api/url/{file_code.pk}").status_code == 404
    assert owner_api.delete(f"/api/url/{file_code.pk}/delete").status_code == 404

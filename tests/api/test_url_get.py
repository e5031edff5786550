"""GET /api/url/:id: details and the statistics block (§3.2, D9), end to end."""

from datetime import timedelta

from django.test import Client
from django.utils import timezone

from tests.factories import LinkFactory

CHROME = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"
)
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0"


def visit(alias: str, ip: str, agent: str = CHROME, referrer: str = "") -> None:
    extra = {"HTTP_REFERER": referrer} if referrer else {}
    response = Client().get(f"/{alias}", HTTP_USER_AGENT=agent, REMOTE_ADDR=ip, **extra)
    assert response.status_code == 302


def test_it_returns_details_and_statistics(owner_api, owner, settings):
    expiry = timezone.now() + timedelta(days=2)
    link = LinkFactory(
        owner=owner,
        alias="googlecanada",
        long_url="https://google.com",
        meta_title="Google",
        geo_targets={"canada": "https://google.ca"},
        device_targets={"iphone": "https://google.com"},
        expires_at=expiry,
    )
    visit("googlecanada", "8.8.8.8", referrer="https://news.ycombinator.com/item")
    visit("googlecanada", "8.8.8.8")  # a repeat within 15 minutes: not counted
    visit("googlecanada", "1.1.1.1", FIREFOX, referrer="https://www.facebook.com/")
    visit("googlecanada", "9.9.9.9", "Googlebot/2.1 (+http://www.google.com/bot.html)")

    body = owner_api.get(f"/api/url/{link.pk}").json()
    data = body.pop("data")
    assert body == {
        "error": 0,
        "id": link.pk,
        "details": {
            "id": link.pk,
            "alias": "googlecanada",
            "shorturl": f"{settings.SITE_URL}/googlecanada",
            "longurl": "https://google.com",
            "title": "Google",
            "description": "",
            "location": {"canada": "https://google.ca"},
            "device": {"iphone": "https://google.com"},
            "language": None,
            "expiry": timezone.localtime(expiry).strftime("%Y-%m-%d %H:%M:%S"),
            "date": timezone.localtime(link.created).strftime("%Y-%m-%d %H:%M:%S"),
            "campaign": None,
            "channel": [],
        },
    }
    assert data["clicks"] == 2
    assert data["uniqueClicks"] == 2
    assert sum(data["topCountries"].values()) == 2
    assert data["topReferrers"] == {"news.ycombinator.com": 1}
    assert data["topBrowsers"] == {"Chrome": 1, "Firefox": 1}
    assert set(data["topOs"]) == {"Windows", "Linux"}
    assert data["socialCount"] == {
        "facebook": 1,
        "twitter": 0,
        "instagram": 0,
        "linkedin": 0,
        "google": 0,
    }


def test_a_link_without_visits_has_empty_maps(owner_api, owner):
    link = LinkFactory(owner=owner)
    data = owner_api.get(f"/api/url/{link.pk}").json()["data"]
    assert data == {
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


def test_an_unknown_id_is_404(owner_api):
    response = owner_api.get("/api/url/424242")
    assert response.status_code == 404
    assert response.json() == {"error": 1, "message": "Link does not exist."}

"""The raw clicks of a link as CSV: /user/links/<pk>/stats/clicks.csv."""

import csv
import io
from datetime import timedelta

import pytest

from tests.analytics.dashboard.conftest import NOW
from tests.analytics.factories import ClickFactory
from tests.factories import LinkFactory
from tests.limits.conftest import PAGE_NO_FEATURE, on_plan

HEADER = [
    "date_utc",
    "country_code",
    "country",
    "browser",
    "os",
    "device",
    "language",
    "referrer",
    "referrer_domain",
    "bot",
    "unique",
]


def csv_url(link) -> str:
    return f"/user/links/{link.pk}/stats/clicks.csv"


def download(client, link):
    response = client.get(csv_url(link))
    assert response.status_code == 200
    assert response.streaming
    body = b"".join(response.streaming_content).decode("utf-8")
    return response, list(csv.reader(io.StringIO(body)))


def test_it_downloads_every_click_oldest_first(owner_client, link):
    ClickFactory(
        link=link,
        created=NOW - timedelta(hours=1),
        language="fr",
        referrer="https://news.example/item?id=1",
        referrer_domain="news.example",
        is_unique=True,
    )
    ClickFactory(
        link=link,
        created=NOW - timedelta(days=3),
        country_code="",
        country="",
        device_type="bot",
        is_bot=True,
    )
    ClickFactory(link=LinkFactory(owner=link.owner))  # another link's

    response, rows = download(owner_client, link)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="link-{link.pk}-clicks.csv"'
    )
    assert response["Cache-Control"] == "private, no-store"
    assert rows == [
        HEADER,
        [
            "2026-03-15 12:00:00",
            "",
            "",
            "Chrome",
            "Windows",
            "bot",
            "",
            "",
            "",
            "1",
            "0",
        ],
        [
            "2026-03-18 11:00:00",
            "FR",
            "France",
            "Chrome",
            "Windows",
            "desktop",
            "fr",
            "https://news.example/item?id=1",
            "news.example",
            "0",
            "1",
        ],
    ]


def test_an_empty_link_gives_the_header_alone(owner_client, link):
    _response, rows = download(owner_client, link)

    assert rows == [HEADER]


def test_cells_cannot_run_as_formulas(owner_client, link):
    ClickFactory(
        link=link,
        referrer='=HYPERLINK("http://evil.example")',
        referrer_domain="@evil.example",
        browser="+Browser",
        os="-OS",
    )

    _response, rows = download(owner_client, link)

    row = dict(zip(HEADER, rows[1], strict=True))
    assert row["referrer"] == '\'=HYPERLINK("http://evil.example")'
    assert row["referrer_domain"] == "'@evil.example"
    assert row["browser"] == "'+Browser"
    assert row["os"] == "'-OS"


def test_no_address_column_unless_addresses_are_kept(owner_client, link, settings):
    settings.CLICKS_STORE_IP = False
    ClickFactory(link=link, ip="203.0.113.9")

    _response, rows = download(owner_client, link)

    assert "ip" not in rows[0]
    assert "203.0.113.9" not in rows[1]


def test_the_address_column_where_addresses_are_kept(owner_client, link, settings):
    settings.CLICKS_STORE_IP = True
    ClickFactory(link=link, ip="203.0.113.9")

    _response, rows = download(owner_client, link)

    assert rows[0] == [*HEADER, "ip"]
    assert rows[1][-1] == "203.0.113.9"


@pytest.mark.usefixtures("paid")
def test_it_covers_the_plans_retention_window(owner, owner_client, link):
    on_plan(owner, retention=7, export=0)
    for days in (30, 8, 6, 0):
        ClickFactory(link=link, created=NOW - timedelta(days=days), browser=f"B{days}")

    _response, rows = download(owner_client, link)

    assert [row[3] for row in rows[1:]] == ["B6", "B0"]


@pytest.mark.usefixtures("paid")
def test_a_plan_without_retention_exports_everything(owner, owner_client, link):
    on_plan(owner, retention=0, export=0)
    ClickFactory(link=link, created=NOW - timedelta(days=3000))

    _response, rows = download(owner_client, link)

    assert len(rows) == 2


@pytest.mark.usefixtures("paid")
def test_it_needs_the_export_feature(owner, owner_client, link):
    on_plan(owner)
    ClickFactory(link=link, browser="Secret")

    response = owner_client.get(csv_url(link), follow=True)

    assert response.redirect_chain == [(f"/user/links/{link.pk}/stats", 302)]
    html = response.content.decode()
    assert html.count(PAGE_NO_FEATURE) == 2  # the message and the export section
    assert "clicks.csv" not in html  # no download offered


@pytest.mark.usefixtures("paid")
def test_the_page_offers_the_download_with_export(owner, owner_client, link):
    on_plan(owner, retention=30, export=0)

    html = owner_client.get(f"/user/links/{link.pk}/stats").content.decode()

    assert f'href="/user/links/{link.pk}/stats/clicks.csv"' in html
    assert "Your plan keeps clicks for 30 days." in html
    assert PAGE_NO_FEATURE not in html


def test_everyone_exports_while_paid_plans_are_off(owner, owner_client, link):
    on_plan(owner)

    response, _rows = download(owner_client, link)

    assert response["Content-Type"] == "text/csv; charset=utf-8"


def test_it_needs_a_signed_in_user(client, link):
    response = client.get(csv_url(link))

    assert response.status_code == 302
    assert response["Location"].startswith("/user/login?next=")


def test_it_refuses_a_post(owner_client, link):
    assert owner_client.post(csv_url(link)).status_code == 405

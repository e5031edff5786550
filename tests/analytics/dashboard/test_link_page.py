"""A link's statistics page: /user/links/<pk>/stats."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.analytics.dashboard.conftest import (
    TODAY,
    chart_data,
    days_ago,
    rollup,
    table_rows,
)
from tests.bio.factories import BioPageFactory
from tests.factories import LinkFactory


def stats_url(link, query: str = "") -> str:
    return f"/user/links/{link.pk}/stats{query}"


def timeline(html: str) -> list[tuple[str, int, int]]:
    """(first day, clicks, unique) rows of the clicks-over-time table."""
    rows = re.findall(
        r'<time datetime="([\d-]+)">[^<]*</time></th>'
        r'<td class="numeric">(\d+)</td><td class="numeric">(\d+)</td>',
        html,
    )
    return [(day, int(clicks), int(unique)) for day, clicks, unique in rows]


def period_figure(html: str, name: str) -> int:
    found = re.search(rf'<dd data-period="{name}">(\d+)</dd>', html)
    assert found, name
    return int(found.group(1))


def test_it_shows_the_clicks_of_the_last_30_days_by_day(owner_client, link):
    rollup(link, TODAY, clicks=5, unique=3)
    rollup(link, days_ago(29), clicks=2, unique=2)
    rollup(link, days_ago(30), clicks=100, unique=90)  # before the period

    response = owner_client.get(stats_url(link))

    assert response.status_code == 200
    html = response.content.decode()
    rows = timeline(html)
    assert len(rows) == 30
    assert rows[0] == ("2026-02-17", 2, 2)
    assert rows[-1] == ("2026-03-18", 5, 3)
    assert all(row[1:] == (0, 0) for row in rows[1:-1])
    assert period_figure(html, "clicks") == 7
    assert period_figure(html, "unique") == 5
    assert "From Feb. 17, 2026 to March 18, 2026" in html


def test_the_chart_gets_total_and_unique_as_two_series(owner_client, link):
    rollup(link, days_ago(1), clicks=4, unique=1)

    html = owner_client.get(stats_url(link, "?range=7d")).content.decode()

    data = chart_data(html, "timeline-data")
    assert data["labels"] == [
        "03/12/2026",
        "03/13/2026",
        "03/14/2026",
        "03/15/2026",
        "03/16/2026",
        "03/17/2026",
        "03/18/2026",
    ]
    assert data["datasets"] == [
        {"label": "Clicks", "data": [0, 0, 0, 0, 0, 4, 0]},
        {"label": "Unique clicks", "data": [0, 0, 0, 0, 0, 1, 0]},
    ]


def test_weeks_start_on_monday(owner_client, link):
    rollup(link, days_ago(2), clicks=1, unique=1)  # Monday 16 March
    rollup(link, days_ago(3), clicks=2, unique=1)  # Sunday 15 March
    rollup(link, days_ago(8), clicks=4, unique=4)  # Tuesday 10 March

    html = owner_client.get(stats_url(link, "?range=30d&unit=week")).content.decode()

    assert timeline(html) == [
        ("2026-02-16", 0, 0),
        ("2026-02-23", 0, 0),
        ("2026-03-02", 0, 0),
        ("2026-03-09", 6, 5),
        ("2026-03-16", 1, 1),
    ]
    assert "Week of" in html


def test_months_group_a_year(owner_client, link):
    rollup(link, days_ago(364), clicks=3, unique=3)  # 19 March 2025
    rollup(link, days_ago(365), clicks=50, unique=50)  # a day too old
    rollup(link, days_ago(17), clicks=2, unique=1)  # 1 March 2026
    rollup(link, days_ago(18), clicks=1, unique=1)  # 28 February 2026

    html = owner_client.get(stats_url(link, "?range=365d&unit=month")).content.decode()

    rows = timeline(html)
    assert len(rows) == 13
    assert rows[0] == ("2025-03-01", 3, 3)
    assert rows[-2] == ("2026-02-01", 1, 1)
    assert rows[-1] == ("2026-03-01", 2, 1)
    assert chart_data(html, "timeline-data")["labels"][-1] == "March 2026"
    assert period_figure(html, "clicks") == 6


@pytest.mark.parametrize(
    ("query", "first_day", "days"),
    [
        ("?range=7d", "2026-03-12", 7),
        ("?range=90d", "2025-12-19", 90),
        ("?range=365d", "2025-03-19", 365),
        ("?range=2d", "2026-02-17", 30),  # not offered: the default
        ("?range=", "2026-02-17", 30),
        ("?range=30d&unit=hour", "2026-02-17", 30),  # unknown unit: by day
    ],
)
def test_ranges(owner_client, link, query, first_day, days):
    html = owner_client.get(stats_url(link, query)).content.decode()

    rows = timeline(html)
    assert len(rows) == days
    assert rows[0][0] == first_day


def test_the_selects_show_the_period_the_page_covers(owner_client, link):
    response = owner_client.get(stats_url(link, "?range=nope&unit=month"))

    html = response.content.decode()
    assert '<option value="30d" selected>' in html
    assert '<option value="month" selected>' in html


def test_breakdowns_read_as_names(owner_client, link):
    for dimension, value, clicks in [
        ("country", "France", 4),
        ("country", "", 1),
        ("referrer", "news.example", 3),
        ("referrer", "", 2),
        ("browser", "Firefox", 5),
        ("os", "Linux", 5),
        ("device", "mobile", 3),
        ("device", "desktop", 2),
        ("language", "fr", 4),
        ("language", "", 1),
    ]:
        rollup(link, days_ago(1), clicks, dimension=dimension, value=value)

    html = owner_client.get(stats_url(link)).content.decode()

    assert table_rows(html, "country") == [("France", 4), ("Unknown", 1)]
    assert table_rows(html, "referrer") == [
        ("news.example", 3),
        ("Direct, email and other", 2),
    ]
    assert table_rows(html, "browser") == [("Firefox", 5)]
    assert table_rows(html, "os") == [("Linux", 5)]
    assert table_rows(html, "device") == [("Mobile", 3), ("Desktop", 2)]
    assert table_rows(html, "language") == [("French", 4), ("Not sent", 1)]
    assert chart_data(html, "countries-data") == {
        "labels": ["France", "Unknown"],
        "datasets": [{"label": "Clicks", "data": [4, 1]}],
    }


def test_breakdowns_cover_the_period_only(owner_client, link):
    rollup(link, days_ago(1), 2, dimension="browser", value="Firefox")
    rollup(link, days_ago(10), 7, dimension="browser", value="Safari")

    html = owner_client.get(stats_url(link, "?range=7d")).content.decode()

    assert table_rows(html, "browser") == [("Firefox", 2)]


def test_a_quiet_period_says_so_and_draws_no_country_chart(owner_client, link):
    html = owner_client.get(stats_url(link)).content.decode()

    assert table_rows(html, "country") == []
    assert "No clicks in this period" in html
    assert 'id="countries-data"' not in html
    assert period_figure(html, "clicks") == 0


def test_bot_visits_are_shown_apart(owner_client, link):
    rollup(link, days_ago(1), clicks=2, unique=2)
    rollup(link, days_ago(1), clicks=9, dimension="bot", value="")

    html = owner_client.get(stats_url(link)).content.decode()

    assert period_figure(html, "bots") == 9
    assert period_figure(html, "clicks") == 2
    assert "9 visits by bots or link-preview crawlers in this period." in html


def test_it_shows_the_all_time_totals_of_the_link(owner_client, link):
    link.clicks, link.unique_clicks = 1234, 567
    link.save(update_fields=["clicks", "unique_clicks"])

    html = owner_client.get(stats_url(link)).content.decode()

    assert '<dd data-total="clicks">1234</dd>' in html
    assert '<dd data-total="unique">567</dd>' in html


def test_other_links_do_not_count(owner_client, owner, link):
    rollup(LinkFactory(owner=owner), days_ago(1), clicks=8, unique=8)

    html = owner_client.get(stats_url(link)).content.decode()

    assert period_figure(html, "clicks") == 0


def test_the_page_reads_rollups_not_raw_clicks(owner_client, link):
    rollup(link, days_ago(1), clicks=2, unique=2)

    with CaptureQueriesContext(connection) as queries:
        response = owner_client.get(stats_url(link, "?range=365d"))

    assert response.status_code == 200
    assert not [q for q in queries if "analytics_click" in q["sql"]]


def test_no_inline_script(owner_client, link):
    rollup(link, days_ago(1), 1, dimension="country", value="France")

    html = owner_client.get(stats_url(link)).content.decode()

    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts
    for attributes in scripts:
        assert "src=" in attributes or 'type="application/json"' in attributes
    assert "/static/vendor/chartjs/chart.umd.js" in html
    assert "/static/analytics/stats.js" in html


def test_a_label_cannot_break_out_of_the_chart_data(owner_client, link):
    rollup(link, days_ago(1), 1, dimension="country", value="</script><b>x")

    html = owner_client.get(stats_url(link)).content.decode()

    assert "</script><b>x" not in html
    assert chart_data(html, "countries-data")["labels"] == ["</script><b>x"]


def test_a_strangers_link_is_not_found(owner_client, stranger):
    theirs = LinkFactory(owner=stranger)

    assert owner_client.get(stats_url(theirs)).status_code == 404
    assert (
        owner_client.get(f"/user/links/{theirs.pk}/stats/clicks.csv").status_code == 404
    )


def test_a_missing_link_is_not_found(owner_client):
    assert owner_client.get("/user/links/999999/stats").status_code == 404


def test_it_needs_a_signed_in_user(client, link):
    response = client.get(stats_url(link))

    assert response.status_code == 302
    assert response["Location"].startswith("/user/login?next=")


def test_it_refuses_a_post(owner_client, link):
    assert owner_client.post(stats_url(link)).status_code == 405


def test_each_row_of_the_links_list_offers_its_statistics(owner_client, link):
    html = owner_client.get("/user/links").content.decode()

    assert f'href="/user/links/{link.pk}/stats"' in html


def test_a_dynamic_qr_code_leads_to_its_statistics(owner, owner_client):
    from qrcodes import services
    from qrcodes.models import QRType

    code = services.create_qr(
        owner=owner, kind=QRType.LINK, data="https://example.com/menu", name="Menu"
    )
    detail = owner_client.get(f"/user/qr/{code.pk}").content.decode()
    assert f'href="/user/links/{code.link_id}/stats"' in detail

    page = owner_client.get(f"/user/links/{code.link_id}/stats").content.decode()
    assert f'href="/user/qr/{code.pk}"' in page  # back to the code


def test_a_bio_page_leads_to_its_statistics(owner, owner_client):
    bio = BioPageFactory(owner=owner, link__alias="ada")

    html = owner_client.get(f"/user/bio/{bio.pk}/stats").content.decode()
    assert f'href="/user/links/{bio.link_id}/stats"' in html

    page = owner_client.get(f"/user/links/{bio.link_id}/stats").content.decode()
    assert f'href="/user/bio/{bio.pk}/stats"' in page


def test_each_shared_file_offers_its_statistics(owner, owner_client):
    from tests.files.conftest import make_file

    shared = make_file(owner, name="Photo")

    html = owner_client.get("/user/files").content.decode()
    assert f'href="/user/links/{shared.link_id}/stats"' in html

    page = owner_client.get(f"/user/links/{shared.link_id}/stats").content.decode()
    assert 'href="/user/files"' in page


def test_bots_are_listed_by_name(owner_client, link):
    rollup(link, days_ago(1), 5, dimension="bot", value="Googlebot")
    rollup(link, days_ago(2), 2, dimension="bot", value="Slackbot")
    rollup(link, days_ago(1), 1, dimension="bot", value="")

    html = owner_client.get(stats_url(link)).content.decode()

    assert table_rows(html, "bot") == [
        ("Googlebot", 5),
        ("Slackbot", 2),
        ("Unknown", 1),
    ]
    assert period_figure(html, "bots") == 8
    assert table_rows(html, "browser") == []

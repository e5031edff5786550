"""The account overview on the dashboard home, /user."""

import re

from tests.analytics.dashboard.conftest import (
    TODAY,
    chart_data,
    days_ago,
    rollup,
    table_rows,
)
from tests.factories import LinkFactory


def figure(html: str, name: str) -> int:
    found = re.search(rf'<dd data-period="{name}">(\d+)</dd>', html)
    assert found, name
    return int(found.group(1))


def test_it_adds_up_the_last_30_days_of_every_link(owner_client, owner, stranger):
    first, second = LinkFactory(owner=owner), LinkFactory(owner=owner)
    rollup(first, TODAY, clicks=3, unique=2)
    rollup(second, TODAY, clicks=4, unique=4)
    rollup(second, days_ago(29), clicks=1, unique=1)
    rollup(second, days_ago(30), clicks=50, unique=50)  # too old
    rollup(LinkFactory(owner=stranger), TODAY, clicks=70, unique=70)

    html = owner_client.get("/user").content.decode()

    assert figure(html, "clicks") == 8
    assert figure(html, "unique") == 7
    data = chart_data(html, "overview-data")
    assert len(data["labels"]) == 30
    assert data["datasets"][0]["data"][0] == 1
    assert data["datasets"][0]["data"][-1] == 7
    assert data["datasets"][1]["data"][-1] == 6


def test_it_lists_the_most_clicked_links(owner_client, owner, stranger):
    for alias, clicks in [("quiet", 0), ("small", 3), ("big", 40), ("mid", 12)]:
        LinkFactory(owner=owner, alias=alias, clicks=clicks)
    LinkFactory(owner=stranger, alias="theirs", clicks=1000)

    response = owner_client.get("/user")

    top = response.context["overview"]["top_links"]
    assert [link.alias for link in top] == ["big", "mid", "small"]
    html = response.content.decode()
    assert f'href="/user/links/{top[0].pk}/stats"' in html
    assert "theirs" not in html


def test_it_shows_the_top_countries_and_referrers(owner_client, owner, stranger):
    first, second = LinkFactory(owner=owner), LinkFactory(owner=owner)
    rollup(first, days_ago(2), 3, dimension="country", value="France")
    rollup(second, days_ago(2), 2, dimension="country", value="France")
    rollup(second, days_ago(2), 4, dimension="country", value="Italy")
    rollup(second, days_ago(40), 9, dimension="country", value="Spain")  # too old
    rollup(LinkFactory(owner=stranger), TODAY, 80, dimension="country", value="Peru")
    rollup(first, TODAY, 6, dimension="referrer", value="")

    html = owner_client.get("/user").content.decode()

    assert table_rows(html, "country") == [("France", 5), ("Italy", 4)]
    assert table_rows(html, "referrer") == [("Direct, email and other", 6)]


def test_a_new_account_sees_an_empty_overview(owner_client):
    html = owner_client.get("/user").content.decode()

    assert figure(html, "clicks") == 0
    assert "None of your links has been clicked yet." in html
    assert table_rows(html, "country") == []

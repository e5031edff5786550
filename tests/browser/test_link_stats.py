"""stats.js: a link's statistics page draws its charts with the vendored Chart.js."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from analytics.models import DailyStat
from tests.factories import PASSWORD, LinkFactory, UserFactory

pytestmark = pytest.mark.browser

CHART_SIZE = """(selector) => {
  const canvas = document.querySelector(selector);
  const chart = window.Chart.getChart(canvas);
  return {
    drawn: Boolean(chart),
    width: canvas.width,
    height: canvas.height,
    points: chart ? chart.data.datasets.map((set) => set.data) : [],
  };
}"""


def test_the_statistics_page_draws_its_charts_offline(
    page: Page, live_server, transactional_db
):
    owner = UserFactory(username="owner")
    link = LinkFactory(owner=owner, alias="spring")
    yesterday = timezone.localdate() - timedelta(days=1)
    for dimension, value, clicks, unique in [
        ("total", "", 5, 3),
        ("country", "France", 4, 0),
        ("country", "Italy", 1, 0),
    ]:
        DailyStat.objects.create(
            link=link,
            day=yesterday,
            dimension=dimension,
            value=value,
            clicks=clicks,
            unique_clicks=unique,
        )
    elsewhere: list[str] = []

    def local_only(route):
        # The product works offline: nothing may come from another host.
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", local_only)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto("/user/login")
    page.get_by_label("Username").fill("owner")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/user$"))
    expect(page.locator("figure[data-chart-source=overview-data]")).to_be_visible()

    page.goto("/user/links")
    page.get_by_role("link", name=f"Statistics {link.short_url}").click()
    expect(page).to_have_url(re.compile(rf"/user/links/{link.pk}/stats$"))
    expect(page.locator("figure[data-chart=line] canvas")).to_be_visible()

    timeline = page.evaluate(CHART_SIZE, "figure[data-chart=line] canvas")
    assert timeline["drawn"]
    assert timeline["width"] > 0
    assert timeline["height"] > 0
    assert [series[-2] for series in timeline["points"]] == [5, 3]  # yesterday

    countries = page.evaluate(CHART_SIZE, "figure[data-chart=bars] canvas")
    assert countries["drawn"]
    assert countries["width"] > 0
    assert countries["height"] > 0
    assert countries["points"] == [[4, 1]]

    page.get_by_label("Period").select_option("7d")
    page.get_by_label("Group").select_option("week")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"\?range=7d&unit=week$"))
    expect(page.locator("figure[data-chart=line] canvas")).to_be_visible()
    assert page.evaluate(CHART_SIZE, "figure[data-chart=line] canvas")["drawn"]

    assert errors == []
    assert elsewhere == []

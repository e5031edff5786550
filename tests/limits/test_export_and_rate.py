"""The `export` feature on the dashboard's downloads, and `apirate` end to end."""

import pytest

from overlays.models import Subscriber
from tests.conftest import api_client_for
from tests.limits.conftest import PAGE_NO_FEATURE, on_plan
from tests.overlays.conftest import make_overlay


@pytest.fixture
def newsletter(owner):
    overlay = make_overlay(owner, "newsletter")
    Subscriber.objects.create(overlay=overlay, email="reader@example.com")
    return overlay


def csv_of(client, overlay):
    return client.get(f"/user/overlay/{overlay.pk}/subscribers.csv", follow=True)


@pytest.mark.usefixtures("paid")
def test_the_subscribers_csv_needs_export(owner, owner_client, newsletter):
    on_plan(owner, overlay=0)

    response = csv_of(owner_client, newsletter)

    assert response.redirect_chain == [(f"/user/overlay/{newsletter.pk}", 302)]
    html = response.content.decode()
    assert PAGE_NO_FEATURE in html
    assert "reader@example.com" in html  # the list itself stays visible
    assert "subscribers.csv" not in html  # no download offered


@pytest.mark.usefixtures("paid")
def test_the_subscribers_csv_downloads_with_export(owner, owner_client, newsletter):
    on_plan(owner, overlay=0, export=0)

    response = csv_of(owner_client, newsletter)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "reader@example.com" in response.content.decode()
    page = owner_client.get(f"/user/overlay/{newsletter.pk}").content.decode()
    assert "subscribers.csv" in page


@pytest.mark.usefixtures("paid")
def test_admins_export_without_the_feature(admin, client):
    on_plan(admin)
    overlay = make_overlay(admin, "newsletter")
    client.force_login(admin)

    assert csv_of(client, overlay)["Content-Type"] == "text/csv; charset=utf-8"


def test_everyone_exports_while_paid_plans_are_off(owner, owner_client, newsletter):
    on_plan(owner)

    assert csv_of(owner_client, newsletter)["Content-Type"] == (
        "text/csv; charset=utf-8"
    )


@pytest.mark.usefixtures("paid")
@pytest.mark.usefixtures("still_clock")
def test_the_plans_api_rate_limits_the_key(owner):
    on_plan(owner, api=0, apirate=2)
    api = api_client_for(owner)

    answers = [api.get("/api/account") for _ in range(3)]

    assert [r.status_code for r in answers] == [200, 200, 429]
    assert [r["X-RateLimit-Limit"] for r in answers] == ["2", "2", "2"]
    assert answers[2].json()["message"] == "Too Many API Requests."


def test_the_site_rate_applies_while_paid_plans_are_off(owner, settings):
    on_plan(owner, api=0, apirate=2)

    response = api_client_for(owner).get("/api/account")

    assert response["X-RateLimit-Limit"] == str(settings.API_RATE_LIMIT)

"""Clicks in the admin (pytest-django's admin_client): listed, never edited."""

from tests.analytics.factories import ClickFactory


def test_the_clicks_are_listed(admin_client):
    ClickFactory(country="Canada", referrer_domain="news.example")

    response = admin_client.get("/admin/analytics/click/")

    assert response.status_code == 200
    assert "news.example" in response.content.decode()


def test_a_click_cannot_be_added_or_changed(admin_client):
    click = ClickFactory()

    assert admin_client.get("/admin/analytics/click/add/").status_code == 403
    page = admin_client.get(f"/admin/analytics/click/{click.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()

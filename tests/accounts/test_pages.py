import pytest
from django.test import RequestFactory

from core.views import server_error
from tests.factories import SubscriptionFactory


@pytest.mark.django_db
def test_the_landing_page_invites_visitors_to_sign_up_or_log_in(client, settings):
    settings.SITE_NAME = "Tiny Links"

    html = client.get("/").content.decode()

    assert "<h1>Tiny Links</h1>" in html
    assert "Shorten long links" in html
    assert 'href="/user/register"' in html
    assert 'href="/user/login"' in html
    assert "Go to your dashboard" not in html


def test_the_landing_page_links_members_to_their_dashboard(owner_client):
    html = owner_client.get("/").content.decode()

    assert '<a class="button" href="/user">Go to your dashboard</a>' in html
    assert 'href="/user/register"' not in html


def test_the_dashboard_summarises_the_account(owner_client, owner):
    owner.date_joined = owner.date_joined.replace(year=2024, month=3, day=5)
    owner.save()

    html = owner_client.get("/user").content.decode()

    assert "Welcome, owner" in html
    assert "<dd>owner@example.com</dd>" in html
    assert '<span class="badge badge-free">Free</span>' in html
    assert "March 5, 2024" in html
    assert 'href="/user/settings"' in html
    assert 'href="/user/settings/api"' in html


def test_the_dashboard_shows_a_pro_membership(owner_client, owner):
    SubscriptionFactory(user=owner)

    html = owner_client.get("/user").content.decode()

    assert '<span class="badge badge-pro">Pro</span>' in html


def test_the_navigation_offers_a_logout_form_to_members(owner_client):
    html = owner_client.get("/user").content.decode()

    assert '<form method="post" action="/user/logout"' in html
    assert 'href="/user" aria-current="page"' in html


@pytest.mark.django_db
def test_the_language_switcher_posts_to_set_language(client):
    html = client.get("/").content.decode()

    assert '<form method="post" action="/i18n/setlang/"' in html
    assert '<option value="fr" lang="fr">français</option>' in html


@pytest.mark.django_db
def test_the_language_switcher_changes_the_language_of_visitors(client):
    response = client.post(
        "/i18n/setlang/", {"language": "it", "next": "/user/login"}, follow=True
    )

    html = response.content.decode()
    assert '<html lang="it">' in html
    assert "Hai dimenticato la password?" in html


@pytest.mark.django_db
def test_a_missing_page_shows_the_site_404(client):
    response = client.get("/user/nothing-here")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert '<a class="brand" href="/">' in response.content.decode()


@pytest.mark.django_db
def test_the_500_page_renders_without_a_request_context():
    response = server_error(RequestFactory().get("/user"))

    assert response.status_code == 500
    assert "Something went wrong on our side." in response.content.decode()


@pytest.mark.django_db
def test_pages_follow_the_accept_language_header(client):
    html = client.get("/user/login", HTTP_ACCEPT_LANGUAGE="fr").content.decode()

    assert '<html lang="fr">' in html
    assert "Mot de passe oublié\N{NO-BREAK SPACE}?" in html

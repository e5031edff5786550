import pytest
from django.urls import reverse

from tests.factories import PASSWORD

LOGIN_URL = reverse("accounts:login")
LOGOUT_URL = reverse("accounts:logout")


def test_the_urls_follow_the_product_paths():
    assert reverse("accounts:home") == "/"
    assert reverse("accounts:dashboard") == "/user"
    assert LOGIN_URL == "/user/login"
    assert reverse("accounts:register") == "/user/register"
    assert LOGOUT_URL == "/user/logout"
    assert reverse("accounts:password_reset") == "/user/forgot"
    assert reverse("accounts:password_reset_done") == "/user/forgot/sent"
    assert reverse("accounts:password_reset_complete") == "/user/forgot/done"
    assert (
        reverse("accounts:password_reset_confirm", args=["MQ", "abc-123"])
        == "/user/forgot/MQ/abc-123"
    )
    assert reverse("accounts:settings") == "/user/settings"
    assert reverse("accounts:api_key") == "/user/settings/api"


def test_login_opens_the_dashboard(client, owner):
    response = client.post(LOGIN_URL, {"username": "owner", "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/user"
    assert client.get("/user").status_code == 200


def test_login_follows_a_safe_next_url(client, owner):
    response = client.post(
        LOGIN_URL,
        {"username": "owner", "password": PASSWORD, "next": "/user/settings"},
    )

    assert response["Location"] == "/user/settings"


def test_login_ignores_a_next_url_on_another_site(client, owner):
    response = client.post(
        LOGIN_URL,
        {"username": "owner", "password": PASSWORD, "next": "https://evil.example/"},
    )

    assert response["Location"] == "/user"


def test_a_wrong_password_is_refused(client, owner):
    response = client.post(LOGIN_URL, {"username": "owner", "password": "wrong"})

    assert response.status_code == 200
    assert "Please enter a correct username and password." in response.content.decode()
    assert client.get("/user").status_code == 302


def test_an_inactive_user_cannot_log_in(client, owner):
    owner.is_active = False
    owner.save()

    response = client.post(LOGIN_URL, {"username": "owner", "password": PASSWORD})

    assert response.status_code == 200
    assert client.get("/user").status_code == 302


def test_logout_ends_the_session_and_says_so(owner_client):
    response = owner_client.post(LOGOUT_URL, follow=True)

    assert response.redirect_chain == [("/user/login", 302)]
    assert "You have been logged out." in response.content.decode()
    assert owner_client.get("/user")["Location"] == "/user/login?next=/user"


def test_logout_refuses_get(owner_client):
    response = owner_client.get(LOGOUT_URL)

    assert response.status_code == 405
    assert owner_client.get("/user").status_code == 200


@pytest.mark.parametrize("url", ["/user/login", "/user/register"])
def test_logged_in_users_are_sent_to_the_dashboard(owner_client, url):
    response = owner_client.get(url)

    assert response.status_code == 302
    assert response["Location"] == "/user"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/user", "/user/settings", "/user/settings/api"])
def test_pages_need_a_login(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/user/login?next={url}"


@pytest.mark.django_db
def test_posting_to_a_page_that_needs_a_login_changes_nothing(client, owner):
    old_key = owner.api_key

    response = client.post("/user/settings/api")

    assert response["Location"] == "/user/login?next=/user/settings/api"
    owner.refresh_from_db()
    assert owner.api_key == old_key

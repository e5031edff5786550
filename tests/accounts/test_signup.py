import re

import pytest
from django.urls import reverse

from accounts.models import User
from tests.factories import UserFactory

REGISTER_URL = reverse("accounts:register")


def signup_data(**overrides: str) -> dict[str, str]:
    return {
        "username": "newcomer",
        "email": "newcomer@example.com",
        "password1": "s3cret-pass",
        "password2": "s3cret-pass",
        **overrides,
    }


@pytest.mark.django_db
def test_the_form_asks_for_username_email_and_password_twice(client):
    response = client.get(REGISTER_URL)

    assert response.status_code == 200
    html = response.content.decode()
    for name in ("username", "email", "password1", "password2"):
        assert f'name="{name}"' in html
        assert f'<label for="id_{name}"' in html


@pytest.mark.django_db
def test_sign_up_creates_the_user_with_an_api_key_and_logs_in(client):
    response = client.post(REGISTER_URL, signup_data())

    assert response.status_code == 302
    assert response["Location"] == "/user"
    user = User.objects.get(username="newcomer")
    assert user.email == "newcomer@example.com"
    assert user.check_password("s3cret-pass")
    assert re.fullmatch(r"[0-9a-f]{32}", user.api_key)
    dashboard = client.get("/user")
    assert dashboard.status_code == 200
    assert "Welcome, newcomer" in dashboard.content.decode()
    assert "Your account has been created." in dashboard.content.decode()


@pytest.mark.django_db
def test_a_taken_username_is_refused_in_any_case(client):
    UserFactory(username="Newcomer")

    response = client.post(REGISTER_URL, signup_data())

    assert response.status_code == 200
    assert "A user with that username already exists." in response.content.decode()
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_a_taken_email_in_another_case_is_refused(client):
    UserFactory(email="newcomer@example.com")

    response = client.post(REGISTER_URL, signup_data(email="NewComer@Example.COM"))

    assert response.status_code == 200
    assert (
        "An account is already associated with this email." in response.content.decode()
    )
    assert not User.objects.filter(username="newcomer").exists()


@pytest.mark.django_db
def test_mismatched_passwords_are_refused(client):
    response = client.post(REGISTER_URL, signup_data(password2="something-else"))

    assert response.status_code == 200
    assert (
        "The two password fields didn\N{RIGHT SINGLE QUOTATION MARK}t match."
        in response.content.decode()
    )
    assert not User.objects.exists()


@pytest.mark.django_db
def test_a_password_shorter_than_five_characters_is_refused(client):
    response = client.post(
        REGISTER_URL, signup_data(password1="abcd", password2="abcd")
    )

    assert response.status_code == 200
    assert (
        "This password is too short. It must contain at least 5 characters."
        in response.content.decode()
    )
    assert not User.objects.exists()


@pytest.mark.django_db
def test_a_five_character_password_is_enough(client):
    response = client.post(
        REGISTER_URL, signup_data(password1="abcde", password2="abcde")
    )

    assert response.status_code == 302
    assert User.objects.get(username="newcomer").check_password("abcde")


@pytest.mark.django_db
def test_an_invalid_email_is_refused(client):
    response = client.post(REGISTER_URL, signup_data(email="not-an-address"))

    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    assert not User.objects.exists()

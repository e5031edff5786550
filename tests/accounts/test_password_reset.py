import re

import pytest
from django.core import mail

from tests.factories import PASSWORD

RESET_URL = "/user/forgot"
LINK = re.compile(
    r"https://short\.example/user/forgot/(?P<uid>[\w-]+)/(?P<token>[\w-]+)"
)


@pytest.fixture
def site(settings):
    settings.SITE_URL = "https://short.example"
    settings.SITE_NAME = "Tiny Links"
    # Let a forged Host through every host check, to show the link ignores it.
    settings.ALLOWED_HOSTS = ["testserver", "evil.example"]
    settings.SITE_HOSTS = ["testserver", "evil.example"]


def request_link(client, email: str = "owner@example.com", **extra: str) -> re.Match:
    response = client.post(RESET_URL, {"email": email}, **extra)
    assert response.status_code == 302
    assert response["Location"] == "/user/forgot/sent"
    assert len(mail.outbox) == 1
    match = LINK.search(mail.outbox[0].body)
    assert match is not None, mail.outbox[0].body
    return match


def test_the_email_links_to_site_url_not_to_the_request_host(client, owner, site):
    request_link(client, HTTP_HOST="evil.example")

    message = mail.outbox[0]
    assert message.to == ["owner@example.com"]
    assert message.subject == "Reset your Tiny Links password"
    assert "Hello owner," in message.body
    assert "evil.example" not in message.body


def test_the_address_matches_in_any_case(client, owner, site):
    request_link(client, email="OWNER@Example.com")

    assert mail.outbox[0].to == ["owner@example.com"]


@pytest.mark.django_db
def test_an_unknown_address_sends_nothing_but_looks_the_same(client, site):
    response = client.post(RESET_URL, {"email": "nobody@example.com"})

    assert response.status_code == 302
    assert response["Location"] == "/user/forgot/sent"
    assert mail.outbox == []
    page = client.get("/user/forgot/sent").content.decode()
    assert "Check your e-mail" in page


def test_the_link_sets_a_new_password(client, owner, site):
    link = request_link(client)

    opened = client.get(f"/user/forgot/{link['uid']}/{link['token']}")
    # Django moves the token into the session so it does not leak via Referer.
    assert opened.status_code == 302
    form_url = opened["Location"]
    assert form_url == f"/user/forgot/{link['uid']}/set-password"
    assert 'name="new_password1"' in client.get(form_url).content.decode()
    done = client.post(
        form_url, {"new_password1": "brand-new", "new_password2": "brand-new"}
    )

    assert done.status_code == 302
    assert done["Location"] == "/user/forgot/done"
    owner.refresh_from_db()
    assert owner.check_password("brand-new")
    assert not owner.check_password(PASSWORD)
    assert "Your new password is set." in client.get(done["Location"]).content.decode()


def test_the_link_works_only_once(client, owner, site):
    link = request_link(client)
    client.post(
        client.get(f"/user/forgot/{link['uid']}/{link['token']}")["Location"],
        {"new_password1": "brand-new", "new_password2": "brand-new"},
    )

    response = client.get(f"/user/forgot/{link['uid']}/{link['token']}")

    assert response.status_code == 200
    assert "This link does not work" in response.content.decode()


def test_a_bad_token_is_refused(client, owner, site):
    link = request_link(client)

    response = client.get(f"/user/forgot/{link['uid']}/abc-0123456789abcdef")

    assert response.status_code == 200
    html = response.content.decode()
    assert "This link does not work" in html
    assert 'name="new_password1"' not in html
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)


def test_the_new_passwords_must_match_and_be_long_enough(client, owner, site):
    link = request_link(client)
    form_url = client.get(f"/user/forgot/{link['uid']}/{link['token']}")["Location"]

    response = client.post(form_url, {"new_password1": "abc", "new_password2": "abc"})

    assert response.status_code == 200
    assert "This password is too short." in response.content.decode()
    owner.refresh_from_db()
    assert owner.check_password(PASSWORD)

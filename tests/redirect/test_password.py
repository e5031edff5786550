"""Password-protected links (§16.1 step 3): a form first, the destination after."""

import re

import pytest
from django.test import Client

from analytics.models import Click
from tests.analytics.visits import visit
from tests.factories import LinkFactory
from tests.redirect.conftest import DESTINATION

SECRET = "https://secret.example/plans"
WRONG = "The password is not correct. Please try again."


@pytest.fixture
def locked(owner):
    link = LinkFactory(owner=owner, alias="locked", long_url=SECRET)
    link.set_password("open sesame")
    link.save()
    return link


def test_the_form_is_shown_and_the_destination_kept_secret(client, locked):
    response = visit(client, "/locked")

    assert response.status_code == 200
    assert "shortener/password.html" in [t.name for t in response.templates]
    page = response.content.decode()
    assert 'name="password"' in page
    assert "secret.example" not in page
    assert WRONG not in page
    assert not Click.objects.exists()


def test_a_head_request_reveals_nothing_either(client, locked):
    response = visit(client, "/locked", method="head")

    assert response.status_code == 200
    assert "Location" not in response


def test_a_wrong_password_shows_the_form_again_with_an_error(client, locked):
    response = visit(client, "/locked", method="post", data={"password": "guess"})

    assert response.status_code == 200
    page = response.content.decode()
    assert WRONG in page
    assert "secret.example" not in page
    assert not Click.objects.exists()


def test_the_right_password_redirects_and_counts_the_click(client, locked):
    response = visit(
        client, "/locked?ref=mail", method="post", data={"password": "open sesame"}
    )

    assert response.status_code == 302
    assert response["Location"] == f"{SECRET}?ref=mail"
    locked.refresh_from_db()
    assert locked.clicks == 1


def test_the_unlock_is_remembered_for_the_browser_session(client, locked):
    visit(client, "/locked", method="post", data={"password": "open sesame"})

    response = visit(client, "/locked")

    assert response.status_code == 302
    assert response["Location"] == SECRET
    assert visit(Client(), "/locked").status_code == 200  # another browser


def test_the_unlock_holds_for_that_link_only(client, locked, owner):
    other = LinkFactory(owner=owner, alias="other", long_url=DESTINATION)
    other.set_password("open sesame")
    other.save()
    visit(client, "/locked", method="post", data={"password": "open sesame"})

    response = visit(client, "/other")

    assert response.status_code == 200
    assert "shortener/password.html" in [t.name for t in response.templates]


def test_a_new_password_locks_the_link_again(client, locked):
    visit(client, "/locked", method="post", data={"password": "open sesame"})
    locked.set_password("new words")
    locked.save()

    response = visit(client, "/locked")

    assert response.status_code == 200
    assert "secret.example" not in response.content.decode()


def test_the_form_is_csrf_protected(locked):
    browser = Client(enforce_csrf_checks=True)
    form = visit(browser, "/locked")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
    assert token is not None

    forged = visit(browser, "/locked", method="post", data={"password": "open sesame"})
    sent = visit(
        browser,
        "/locked",
        method="post",
        data={"password": "open sesame", "csrfmiddlewaretoken": token.group(1)},
    )

    assert forged.status_code == 403
    assert sent.status_code == 302
    assert sent["Location"] == SECRET


def test_an_expired_locked_link_asks_for_the_password_first(client, owner):
    link = LinkFactory(owner=owner, alias="gone", expires_at="2020-01-01T00:00Z")
    link.set_password("pw")
    link.save()

    assert visit(client, "/gone").status_code == 200
    response = visit(client, "/gone", method="post", data={"password": "pw"})
    assert response.status_code == 410

"""SSO login links: GET /api/user/login/:id and /user/login/sso/<token> (§13.5,
§16.9, D24, D44)."""

import hashlib
import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import SESSION_KEY
from django.contrib.messages import get_messages
from django.db import connection
from django.utils import timezone

from accounts.models import LoginToken

URL = re.compile(r"https://sho\.rt/user/login/sso/([a-z]{32})")
EXPIRED = "Token has expired, please login manually"


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://sho.rt"


def issue(admin_api, user) -> str:
    response = admin_api.get(f"/api/user/login/{user.pk}")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"error", "url"}
    assert body["error"] == 0
    match = URL.fullmatch(body["url"])
    assert match, body["url"]
    return match[1]


def open_link(client, token: str):
    return client.get(f"/user/login/sso/{token}")


def signed_in_as(client) -> int | None:
    value = client.session.get(SESSION_KEY)
    return int(value) if value is not None else None


def refused(response) -> bool:
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    return (
        response.status_code == 302
        and response["Location"] == "/user/login"
        and (messages == [EXPIRED])
    )


def test_the_link_logs_the_user_in_and_lands_on_the_dashboard(admin_api, owner, client):
    token = issue(admin_api, owner)
    response = open_link(client, token)
    assert response.status_code == 302
    assert response["Location"] == "/user"
    assert signed_in_as(client) == owner.pk
    assert client.get("/user").status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_the_link_works_once(admin_api, owner, client):
    token = issue(admin_api, owner)
    open_link(client, token)
    client.logout()
    response = open_link(client, token)
    assert refused(response)
    assert signed_in_as(client) is None
    assert not LoginToken.objects.exists()


def test_the_refusal_is_shown_on_the_login_page(admin_api, owner, client):
    response = client.get("/user/login/sso/" + "a" * 32, follow=True)
    assert response.redirect_chain == [("/user/login", 302)]
    assert EXPIRED in response.content.decode()


def test_the_link_expires_after_sixty_minutes(admin_api, owner, client):
    issued = timezone.now()
    with time_machine.travel(issued, tick=False):
        token = issue(admin_api, owner)
    expires = LoginToken.objects.get(user=owner).expires
    assert expires == issued + timedelta(minutes=60)
    with time_machine.travel(expires, tick=False):
        assert refused(open_link(client, token))
    assert signed_in_as(client) is None


def test_the_link_works_until_its_last_second(admin_api, owner, client):
    issued = timezone.now()
    with time_machine.travel(issued, tick=False):
        token = issue(admin_api, owner)
    with time_machine.travel(issued + timedelta(minutes=60, seconds=-1), tick=False):
        assert open_link(client, token)["Location"] == "/user"
    assert signed_in_as(client) == owner.pk


def test_a_new_link_invalidates_the_previous_one(admin_api, owner, client):
    first = issue(admin_api, owner)
    second = issue(admin_api, owner)
    assert first != second
    assert LoginToken.objects.filter(user=owner).count() == 1
    assert refused(open_link(client, first))
    assert open_link(client, second)["Location"] == "/user"
    assert signed_in_as(client) == owner.pk


def test_only_a_hash_of_the_token_is_stored(admin_api, owner):
    token = issue(admin_api, owner)
    stored = LoginToken.objects.get(user=owner)
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    table = LoginToken._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")
        rows = cursor.fetchall()
    assert token not in repr(rows)


@pytest.mark.parametrize(
    "token", ["a" * 31, "a" * 33, "A" * 32, "a" * 30 + "12", "nope"]
)
def test_unknown_or_malformed_tokens_are_refused(client, db, token):
    assert refused(open_link(client, token))


def test_an_upper_case_copy_of_a_token_is_refused(admin_api, owner, client):
    token = issue(admin_api, owner)
    assert refused(open_link(client, token.upper()))
    assert open_link(client, token)["Location"] == "/user"  # not spent by the try


def test_a_signed_in_visitor_becomes_the_links_user(admin_api, admin, owner, client):
    client.force_login(admin)
    token = issue(admin_api, owner)
    response = open_link(client, token)
    assert response["Location"] == "/user"
    assert signed_in_as(client) == owner.pk


def test_a_signed_in_visitor_with_a_bad_link_stays_signed_in(owner, client):
    client.force_login(owner)
    response = client.get("/user/login/sso/" + "b" * 32, follow=True)
    assert response.redirect_chain == [("/user/login", 302), ("/user", 302)]
    assert EXPIRED in response.content.decode()
    assert signed_in_as(client) == owner.pk


def test_an_inactive_user_cannot_log_in_by_link(admin_api, owner, client):
    token = issue(admin_api, owner)
    owner.is_active = False
    owner.save()
    assert refused(open_link(client, token))
    assert signed_in_as(client) is None


def test_the_link_answers_get_only(admin_api, owner, client):
    token = issue(admin_api, owner)
    assert client.post(f"/user/login/sso/{token}").status_code == 405
    assert open_link(client, token)["Location"] == "/user"


def test_an_unknown_user_gets_no_link(admin_api):
    response = admin_api.get("/api/user/login/999999")
    assert response.status_code == 404
    assert response.json() == {"error": 1, "message": "User does not exist."}
    assert not LoginToken.objects.exists()

import pytest

from accounts.models import User
from tests.factories import PlanFactory, SubscriptionFactory, UserFactory

CHANGELIST_URL = "/admin/accounts/user/"
# The subscription inline's management form: no subscription sent.
NO_SUBSCRIPTION = {"subscription-TOTAL_FORMS": "0", "subscription-INITIAL_FORMS": "0"}
ADD_URL = "/admin/accounts/user/add/"


@pytest.fixture
def admin_client(client, db):
    admin = UserFactory(username="boss", is_staff=True, is_superuser=True)
    client.force_login(admin)
    return client


def test_the_user_list_shows_the_account_columns(admin_client, owner):
    SubscriptionFactory(user=owner, plan=PlanFactory(name="Gold"))

    html = admin_client.get(CHANGELIST_URL).content.decode()

    for column in ("Plan", "Membership", "Banned", "Date joined"):
        assert column in html
    assert "owner@example.com" in html
    assert '<td class="field-plan">Gold</td>' in html
    assert '<td class="field-membership">pro</td>' in html
    for filter_title in ("By banned", "By plan", "By language", "By superuser status"):
        assert filter_title in html


def test_the_user_list_searches_by_email(admin_client, owner, stranger):
    html = admin_client.get(CHANGELIST_URL, {"q": "STRANGER@"}).content.decode()

    assert "stranger@example.com" in html
    assert "owner@example.com" not in html


def test_the_change_page_shows_the_api_key_read_only(admin_client, owner):
    html = admin_client.get(f"/admin/accounts/user/{owner.pk}/change/").content.decode()

    assert f'<div class="readonly">{owner.api_key}</div>' in html
    assert 'name="api_key"' not in html
    for field in ("avatar", "is_banned", "language", "is_staff"):
        assert f'name="{field}' in html
    for field in ("plan", "period", "expires", "status"):
        assert f'name="subscription-0-{field}' in html


def test_the_regenerate_action_replaces_the_selected_keys(
    admin_client, owner, stranger
):
    owner_key, stranger_key = owner.api_key, stranger.api_key

    response = admin_client.post(
        CHANGELIST_URL,
        {"action": "regenerate_api_keys", "_selected_action": [owner.pk]},
        follow=True,
    )

    assert "The API key of 1 user was regenerated." in response.content.decode()
    owner.refresh_from_db()
    stranger.refresh_from_db()
    assert owner.api_key != owner_key
    assert stranger.api_key == stranger_key


def test_the_regenerate_action_counts_several_users(admin_client, owner, stranger):
    response = admin_client.post(
        CHANGELIST_URL,
        {"action": "regenerate_api_keys", "_selected_action": [owner.pk, stranger.pk]},
        follow=True,
    )

    assert "The API keys of 2 users were regenerated." in response.content.decode()


def add_data(**overrides: str) -> dict[str, str]:
    return {
        "username": "added",
        "email": "added@example.com",
        "usable_password": "true",
        "password1": "s3cret-pass",
        "password2": "s3cret-pass",
        **overrides,
    }


def test_the_add_form_asks_for_username_email_and_password(admin_client):
    html = admin_client.get(ADD_URL).content.decode()

    for name in ("username", "email", "password1", "password2"):
        assert f'name="{name}"' in html


def test_the_add_form_creates_a_user(admin_client):
    response = admin_client.post(ADD_URL, add_data())

    assert response.status_code == 302
    user = User.objects.get(username="added")
    assert response["Location"] == f"/admin/accounts/user/{user.pk}/change/"
    assert user.email == "added@example.com"
    assert user.check_password("s3cret-pass")
    assert len(user.api_key) == 32


def test_the_add_form_requires_an_email(admin_client):
    response = admin_client.post(ADD_URL, add_data(email=""))

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not User.objects.filter(username="added").exists()


def test_the_add_form_refuses_a_taken_email_in_any_case(admin_client, owner):
    response = admin_client.post(ADD_URL, add_data(email="OWNER@example.com"))

    assert response.status_code == 200
    assert (
        "An account is already associated with this email." in response.content.decode()
    )
    assert not User.objects.filter(username="added").exists()


def test_the_change_form_refuses_a_taken_email(admin_client, owner, stranger):
    data = {
        "username": "owner",
        "email": "Stranger@Example.com",
        "is_active": "on",
        **NO_SUBSCRIPTION,
    }

    response = admin_client.post(f"/admin/accounts/user/{owner.pk}/change/", data)

    assert response.status_code == 200
    assert (
        "An account is already associated with this email." in response.content.decode()
    )
    owner.refresh_from_db()
    assert owner.email == "owner@example.com"


def test_the_change_form_saves_the_account_fields(admin_client, owner):
    data = {
        "username": "owner",
        "email": "owner@example.com",
        "is_active": "on",
        "is_banned": "on",
        "language": "it",
        **NO_SUBSCRIPTION,
    }

    response = admin_client.post(f"/admin/accounts/user/{owner.pk}/change/", data)

    assert response.status_code == 302
    owner.refresh_from_db()
    assert owner.is_banned
    assert owner.language == "it"

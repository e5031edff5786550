import pytest
from rest_framework.test import APIClient

from tests.factories import PlanFactory, SubscriptionFactory

API_KEY_URL = "/user/settings/api"


def account_status(key: str) -> int:
    client = APIClient()
    return client.get("/api/account", HTTP_AUTHORIZATION=f"Bearer {key}").status_code


def test_the_page_shows_the_key_and_how_to_use_it(owner_client, owner, settings):
    settings.SITE_URL = "https://short.example"

    html = owner_client.get(API_KEY_URL).content.decode()

    key_input = f'<input id="api-key" class="mono" type="text" value="{owner.api_key}"'
    assert key_input in html
    assert "readonly" in html
    assert 'data-copy="api-key"' in html
    assert (
        f'curl -H "Authorization: Bearer {owner.api_key}" '
        "https://short.example/api/account"
    ) in html.replace("&quot;", '"')
    assert "Each key may make 30 requests per minute" in html
    assert 'data-confirm="Replace your API key?' in html


def test_the_rate_note_follows_the_plan(owner_client, owner, settings):
    settings.PAID_PLANS = True
    SubscriptionFactory(user=owner, plan=PlanFactory(api_rate=120))

    html = owner_client.get(API_KEY_URL).content.decode()

    assert "Each key may make 120 requests per minute" in html


def test_regenerating_replaces_the_key_and_the_old_one_stops_working(
    owner_client, owner
):
    old_key = owner.api_key
    assert account_status(old_key) == 200

    response = owner_client.post(API_KEY_URL, follow=True)

    assert response.redirect_chain == [(API_KEY_URL, 302)]
    owner.refresh_from_db()
    assert owner.api_key != old_key
    html = response.content.decode()
    assert f'value="{owner.api_key}"' in html
    assert old_key not in html
    assert "A new API key was created." in html
    assert account_status(old_key) == 401
    assert account_status(owner.api_key) == 200


def test_a_stranger_sees_only_their_own_key(stranger_client, owner, stranger):
    html = stranger_client.get(API_KEY_URL).content.decode()

    assert f'value="{stranger.api_key}"' in html
    assert owner.api_key not in html


def test_a_stranger_regenerating_leaves_other_keys_alone(
    stranger_client, owner, stranger
):
    owner_key, stranger_key = owner.api_key, stranger.api_key

    stranger_client.post(API_KEY_URL)

    owner.refresh_from_db()
    stranger.refresh_from_db()
    assert owner.api_key == owner_key
    assert stranger.api_key != stranger_key


@pytest.mark.django_db
def test_the_key_page_is_not_shown_to_visitors(client, owner):
    response = client.get(API_KEY_URL)

    assert response.status_code == 302
    assert owner.api_key not in response.content.decode()

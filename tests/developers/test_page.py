"""The reference page at /developers: public, complete, the viewer's own key."""

import re
from dataclasses import replace

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.utils.translation import override

from api import reference
from api.reference.model import Endpoint, Section
from tests.factories import PlanFactory, SubscriptionFactory, UserFactory

ADMIN_SECTION = Section(
    slug="users",
    title="Users",
    description="Manage users.",
    admin_only=True,
    endpoints=(
        Endpoint(
            name="user-list",
            method="GET",
            path="/api/users",
            title="List users",
            description="Every user.",
            response={"error": 0, "data": []},
        ),
    ),
)


def page(client: Client, **headers: str) -> str:
    response = client.get("/developers", **headers)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_the_page_needs_no_key_and_shows_every_endpoint(client, settings):
    settings.SITE_URL = "https://sho.rt"
    client.force_login(UserFactory(is_staff=True))  # admin sections too
    html = page(client)
    for endpoint in reference.endpoints():
        assert f'id="{endpoint.anchor}"' in html
        assert f"<code>https://sho.rt{endpoint.path}</code>" in html
        for method in endpoint.methods:
            assert (
                f'<span class="method method-{method.lower()}">{method}</span>' in html
            )


@pytest.mark.django_db
def test_sections_come_in_the_order_users_know(client):
    client.force_login(UserFactory(is_staff=True))  # admin sections too
    html = page(client)
    ids = [
        "getting-started",
        "authentication",
        "rate-limit",
        "responses",
        *(section.slug for section in reference.SECTIONS),
    ]
    positions = [html.index(f'<section id="{anchor}"') for anchor in ids]
    assert positions == sorted(positions)


@pytest.mark.django_db
def test_every_parameter_is_in_its_endpoints_table(client):
    client.force_login(UserFactory(is_staff=True))  # admin sections too
    html = page(client)
    for endpoint in reference.endpoints():
        start = html.index(f'<article id="{endpoint.anchor}"')
        article = html[start : html.index("</article>", start)]
        for param in endpoint.params:
            assert f"<td><code>{param.name}</code></td>" in article


@pytest.mark.django_db
def test_visitors_see_the_placeholder_key(client):
    html = page(client)
    assert "Bearer YOURAPIKEY" in html
    assert "Log in</a> to see them with your own key" in html


def test_a_signed_in_user_sees_only_their_own_key(owner, stranger, client):
    client.force_login(owner)
    html = page(client)
    assert f"Bearer {owner.api_key}" in html
    assert f"key={owner.api_key}" in html  # the v1 API takes it in the query
    assert stranger.api_key not in html
    assert "YOURAPIKEY" not in html

    client.force_login(stranger)
    html = page(client)
    assert owner.api_key not in html
    assert f"Bearer {stranger.api_key}" in html


def test_the_page_is_not_cached_with_a_key_in_it(owner_client):
    response = owner_client.get("/developers")
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_visitors_see_the_site_rate(client, settings):
    settings.API_RATE_LIMIT = 45
    html = page(client)
    assert "may make 45 calls per minute" in html
    assert "X-RateLimit-Limit: 45\nX-RateLimit-Remaining: 44" in html


@pytest.mark.django_db
def test_a_user_sees_their_plans_rate(client, settings):
    settings.PAID_PLANS = True
    user = SubscriptionFactory(plan=PlanFactory(api_rate=120)).user
    client.force_login(user)
    html = page(client)
    assert "may make 120 calls per minute" in html
    assert "X-RateLimit-Limit: 120\n" in html


def test_admin_sections_are_hidden_from_visitors_and_users(client, owner):
    for viewer in (None, owner):
        if viewer is not None:
            client.force_login(viewer)
        html = page(client)
        for slug in ("users", "plans"):
            assert f'id="{slug}"' not in html
        assert "/api/users" not in html
        assert "/api/plans" not in html


@pytest.mark.parametrize("flag", ["is_staff", "is_superuser"])
def test_admins_see_the_admin_sections(client, db, flag):
    client.force_login(UserFactory(**{flag: True}))
    html = page(client)
    assert '<section id="users"' in html
    assert '<section id="plans"' in html
    assert '<a href="#user-list-get">List users</a>' in html
    assert '<a href="#plan-list-get">List plans</a>' in html


def test_an_admin_only_endpoint_in_a_public_section_is_hidden(client, owner):
    secret = replace(ADMIN_SECTION.endpoints[0], name="url-secret", admin_only=True)
    links = replace(reference.SECTIONS[1], endpoints=(secret,))
    visible = reference.visible_sections((links,), include_admin=False)
    assert visible == []
    assert reference.visible_sections((links,), include_admin=True) == [links]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading", "section"),
    [
        ("en", "Developer API Reference", "Rate limit"),
        ("fr", 'lang="fr"', None),
        ("it", 'lang="it"', None),
    ],
)
def test_the_page_follows_the_visitors_language(client, language, heading, section):
    html = page(client, HTTP_ACCEPT_LANGUAGE=language)
    assert heading in html
    if section:
        assert section in html


@pytest.mark.django_db
def test_every_string_of_the_reference_is_translatable():
    # Lazy strings are translated when the page renders, in the viewer's language.
    for section in reference.SECTIONS:
        texts = [section.title, section.description]
        for endpoint in section.endpoints:
            texts += [endpoint.title, endpoint.description]
            texts += [param.description for param in endpoint.params]
        for text in texts:
            assert not isinstance(text, str), text
            with override("en"):
                assert str(text)


@pytest.mark.django_db
def test_the_footer_links_to_the_reference(client):
    html = client.get("/user/login").content.decode()
    assert re.search(r'<a href="/developers">Developers</a>', html)


@pytest.mark.django_db
def test_the_explorer_is_served_from_our_static_files(client):
    response = client.get("/developers/explorer")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-schema-url="/api/schema?format=json"' in html
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in (
        scripts
    )
    assert all(src.startswith("/static/") for src in scripts)
    for src in scripts:
        assert finders.find(src.removeprefix("/static/")), src


@pytest.mark.django_db
def test_the_alias_developers_is_the_page_not_a_link(client):
    assert client.get("/developers").templates[0].name == "developers/reference.html"

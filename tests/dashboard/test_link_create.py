"""/user/links/new: the create form speaks the API's rules and messages (§3.3)."""

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from shortener.models import Link
from tests.factories import DomainFactory, LinkFactory

NEW = "/user/links/new"


@pytest.fixture
def new_form(owner_client, page_form):
    return page_form(NEW)


def errors_of(response) -> dict[str, list[str]]:
    """The form's errors by field ("__all__" for the others)."""
    form = response.context["form"]
    return {name: list(messages) for name, messages in form.errors.items()}


def test_the_form_offers_every_option_with_rows_to_fill(owner_client):
    html = owner_client.get(NEW).content.decode()

    for name in (
        "url", "custom", "domain", "type", "password", "expiry", "metatitle",
        "metadescription", "metaimage", "deeplink_apple", "deeplink_google",
        "deeplink_auto", "description", "status",
    ):  # fmt: skip
        assert f'name="{name}"' in html
    assert 'type="datetime-local"' in html
    # Two rows per group work without JavaScript; the template is for links.js.
    for prefix in ("geo", "device", "language", "param"):
        assert f'name="{prefix}-TOTAL_FORMS" value="2"' in html
        assert f'name="{prefix}-1-' in html
        assert f'<template data-row-template="{prefix}">' in html
    assert '<option value="united states">United States</option>' in html
    assert '<option value="mac os">Mac OS</option>' in html
    assert '<option value="mobile">Other mobile</option>' in html
    assert '<option value="fr">French</option>' in html
    assert html.count("<details") == 8
    assert 'name="remove_password"' not in html


def test_the_domain_select_lists_only_the_users_domains(owner_client, owner, stranger):
    DomainFactory(owner=owner, host="go.mine.example")
    DomainFactory(owner=stranger, host="go.theirs.example")

    html = owner_client.get(NEW).content.decode()

    assert '<option value="" selected>Main site (127.0.0.1:8000)</option>' in html
    assert '<option value="https://go.mine.example">' in html
    assert "go.theirs.example" not in html


def test_a_link_with_every_option_is_stored(owner_client, owner, new_form):
    domain = DomainFactory(owner=owner, host="go.mine.example")
    expiry = (timezone.localtime() + timedelta(days=3)).replace(second=0, microsecond=0)
    new_form.update(
        {
            "url": "https://example.com/offer",
            "custom": "summer-sale",
            "domain": "https://go.mine.example",
            "type": "splash",
            "password": "open sesame",
            "expiry": expiry.strftime("%Y-%m-%dT%H:%M"),
            "metatitle": "Summer sale",
            "metadescription": "Everything half price",
            "description": "for the newsletter",
            "status": "public",
            "deeplink_apple": "https://apps.apple.com/app/id1",
            "deeplink_google": "https://play.google.com/store/apps/details?id=x",
            "geo-0-key": "canada",
            "geo-0-link": "https://example.ca/offer",
            "geo-1-key": "united states",
            "geo-1-link": "https://example.com/us",
            "device-0-key": "iphone",
            "device-0-link": "https://example.com/ios",
            "language-0-key": "fr",
            "language-0-link": "https://example.fr/offre",
            "param-0-name": "utm_source",
            "param-0-value": "newsletter",
        }
    )

    response = owner_client.post(NEW, new_form)

    assert response.status_code == 302
    assert response.url == "/user/links"
    link = Link.objects.get()
    assert link.owner == owner
    assert (link.alias, link.is_custom, link.domain) == ("summer-sale", True, domain)
    assert link.long_url == "https://example.com/offer"
    assert link.redirect_type == "splash"
    assert link.check_password("open sesame")
    assert link.expires_at == expiry
    assert (link.meta_title, link.meta_description) == (
        "Summer sale",
        "Everything half price",
    )
    assert link.note == "for the newsletter"
    assert link.is_public
    assert link.deeplink == {
        "apple": "https://apps.apple.com/app/id1",
        "google": "https://play.google.com/store/apps/details?id=x",
    }
    assert link.geo_targets == {
        "canada": "https://example.ca/offer",
        "united states": "https://example.com/us",
    }
    assert link.device_targets == {"iphone": "https://example.com/ios"}
    assert link.language_targets == {"fr": "https://example.fr/offre"}
    assert link.parameters == [["utm_source", "newsletter"]]
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Your short link is ready: https://go.mine.example/summer-sale"
    ]


def test_rows_added_by_script_are_read(owner_client, new_form):
    new_form.update(
        {
            "url": "https://example.com",
            "geo-TOTAL_FORMS": "3",
            "geo-2-key": "france",
            "geo-2-link": "https://example.fr",
        }
    )

    owner_client.post(NEW, new_form)

    assert Link.objects.get().geo_targets == {"france": "https://example.fr"}


def test_a_plain_link_gets_a_random_alias_and_defaults(owner_client, new_form):
    new_form["url"] = "https://example.com/page"

    response = owner_client.post(NEW, new_form, follow=True)

    link = Link.objects.get()
    assert not link.is_custom
    assert len(link.alias) == 5
    assert link.domain is None
    assert (link.redirect_type, link.password, link.expires_at) == ("", "", None)
    assert (link.geo_targets, link.parameters, link.deeplink) == ({}, [], {})
    assert not link.is_public
    assert f"Your short link is ready: http://127.0.0.1:8000/{link.alias}" in (
        response.content.decode()
    )


def test_the_same_link_twice_is_handed_back(owner_client, new_form):
    new_form.update({"url": "https://example.com/page", "custom": "mine"})
    owner_client.post(NEW, new_form)

    response = owner_client.post(NEW, new_form, follow=True)

    assert Link.objects.count() == 1
    assert "You already have this link: http://127.0.0.1:8000/mine" in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"url": "javascript:alert(1)"}, "url", "Please enter a valid URL."),
        ({"url": ""}, "url", "Please enter a valid URL."),
        (
            {"url": "http://127.0.0.1:8000/abc"},
            "url",
            "You cannot shorten URLs of this website.",
        ),
        (
            {"custom": "ab"},
            "custom",
            "Custom alias must be at least 3 characters.",
        ),
        (
            {"custom": "admin"},
            "custom",
            "That alias is reserved. Please choose another one.",
        ),
        (
            {"expiry": "2001-01-01T10:00"},
            "expiry",
            "The expiry date must be later than today.",
        ),
        (
            {"metaimage": "ftp://example.com/a.png"},
            "metaimage",
            "Banner must be either a PNG or a JPEG (Max 500kb).",
        ),
        (
            {"deeplink_apple": "javascript:alert(1)"},
            "deeplink_apple",
            "Please enter a valid URL.",
        ),
    ],
)
def test_refusals_show_the_contracts_message_and_keep_the_input(
    owner_client, new_form, changes, field, message
):
    new_form.update(
        {"url": "https://example.com/keep", "metatitle": "My title", **changes}
    )

    response = owner_client.post(NEW, new_form)

    assert response.status_code == 200
    assert errors_of(response) == {field: [message]}
    html = response.content.decode()
    assert f'<ul class="errorlist" id="id_{field}_error"><li>{message}</li></ul>' in (
        html
    )
    assert 'value="My title"' in html
    assert not Link.objects.exists()


def test_a_taken_alias_is_refused(owner_client, new_form, stranger):
    LinkFactory(owner=stranger, alias="Promo")
    new_form.update({"url": "https://example.com", "custom": "promo"})

    response = owner_client.post(NEW, new_form)

    assert errors_of(response) == {
        "custom": ["That alias is taken. Please choose another one."]
    }
    assert 'name="custom" value="promo"' in response.content.decode()
    assert Link.objects.count() == 1


def test_a_half_filled_or_unsafe_target_row_is_pointed_out(owner_client, new_form):
    new_form.update(
        {
            "url": "https://example.com",
            "geo-0-key": "canada",
            "device-0-link": "https://example.com/ios",
            "language-0-key": "fr",
            "language-0-link": "javascript:alert(1)",
            "param-0-value": "orphan",
        }
    )

    response = owner_client.post(NEW, new_form)

    form = response.context["form"]
    assert form.rows["geotarget"].errors[0] == {
        "link": ["Enter the URL these visitors go to."]
    }
    assert form.rows["devicetarget"].errors[0] == {
        "key": ["Choose whom this URL is for."]
    }
    assert form.rows["languagetarget"].errors[0] == {
        "link": ["Please enter a valid URL."]
    }
    assert form.rows["parameters"].errors[0] == {
        "name": ["Enter the parameter's name."]
    }
    html = response.content.decode()
    assert html.count('<details class="options" open>') == 4
    assert '<option value="canada" selected>Canada</option>' in html
    assert not Link.objects.exists()


def test_another_users_domain_cannot_be_chosen(owner_client, new_form, stranger):
    DomainFactory(owner=stranger, host="go.theirs.example")
    new_form.update(
        {"url": "https://example.com", "domain": "https://go.theirs.example"}
    )

    response = owner_client.post(NEW, new_form)

    assert response.status_code == 200
    assert list(errors_of(response)) == ["domain"]
    assert not Link.objects.exists()


def test_the_expiry_is_read_in_the_sites_time_zone(owner_client, new_form, settings):
    settings.TIME_ZONE = "Europe/Paris"
    new_form.update({"url": "https://example.com", "expiry": "2099-07-01T12:30"})

    owner_client.post(NEW, new_form)

    expected = datetime(2099, 7, 1, 10, 30, tzinfo=UTC)
    assert Link.objects.get().expires_at == expected

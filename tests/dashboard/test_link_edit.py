"""/user/links/<id>/edit: the same form, prefilled, with the API's partial update."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from shortener.models import Link
from tests.factories import DomainFactory, LinkFactory


@pytest.fixture
def link(owner):
    link = LinkFactory(
        owner=owner,
        alias="promo",
        is_custom=True,
        long_url="https://example.com/offer",
        redirect_type="frame",
        meta_title="Offer",
        note="keep me",
        is_public=True,
        expires_at=timezone.now() + timedelta(days=5),
        geo_targets={"canada": "https://example.ca", "atlantis": "https://at.example"},
        device_targets={"android": "https://example.com/android"},
        language_targets={"it": "https://example.it"},
        parameters=[["utm_source", "mail"]],
        deeplink={"apple": "https://apps.apple.com/app/id1"},
    )
    link.set_password("secret")
    link.save()
    return link


def edit_url(link: Link) -> str:
    return f"/user/links/{link.pk}/edit"


def stored(link: Link) -> dict:
    """The link's columns, to compare before and after an edit."""
    link.refresh_from_db()
    return {
        field.attname: getattr(link, field.attname)
        for field in Link._meta.concrete_fields
        if field.attname != "updated"
    }


def test_the_form_is_prefilled_but_never_shows_the_password(owner_client, link):
    html = owner_client.get(edit_url(link)).content.decode()

    assert 'name="url" value="https://example.com/offer"' in html
    assert 'name="custom" value="promo"' in html
    assert '<option value="frame" selected>Frame</option>' in html
    assert '<option value="canada" selected>Canada</option>' in html
    # A target the list does not know (set through the API) stays selectable.
    assert '<option value="atlantis" selected>atlantis</option>' in html
    assert '<option value="android" selected>Android</option>' in html
    assert '<option value="it" selected>Italian</option>' in html
    assert 'name="param-0-name" value="utm_source"' in html
    assert '<option value="public" selected>Public</option>' in html
    assert "keep me</textarea>" in html
    local = timezone.localtime(link.expires_at).strftime("%Y-%m-%dT%H:%M")
    assert f'name="expiry" value="{local}"' in html
    assert '<input type="password" name="password"' in html
    assert "secret" not in html
    assert "Leave empty to keep the current password." in html
    assert 'name="remove_password"' in html
    assert 'Short link: <a href="http://127.0.0.1:8000/promo"' in html


def test_submitting_the_form_unchanged_keeps_everything(owner_client, link, page_form):
    before = stored(link)
    values = page_form(edit_url(link))

    response = owner_client.post(edit_url(link), values)

    assert response.status_code == 302
    assert response.url == "/user/links"
    assert stored(link) == before
    assert link.check_password("secret")
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "The link http://127.0.0.1:8000/promo has been updated."
    ]


def test_changing_one_option_leaves_the_others_alone(owner_client, link, page_form):
    before = stored(link)
    values = page_form(edit_url(link))
    values["url"] = "https://example.com/new-offer"

    owner_client.post(edit_url(link), values)

    after = stored(link)
    assert after.pop("long_url") == "https://example.com/new-offer"
    before.pop("long_url")
    assert after == before


def test_an_expired_link_can_be_edited_without_touching_its_expiry(
    owner_client, link, page_form
):
    Link.objects.filter(pk=link.pk).update(expires_at=timezone.now() - timedelta(1))
    values = page_form(edit_url(link))
    values["metatitle"] = "Old offer"

    response = owner_client.post(edit_url(link), values)

    assert response.status_code == 302
    link.refresh_from_db()
    assert link.meta_title == "Old offer"
    assert link.is_expired()


def test_a_new_password_replaces_the_old_one(owner_client, link, page_form):
    values = page_form(edit_url(link))
    values["password"] = "new secret"

    owner_client.post(edit_url(link), values)

    link.refresh_from_db()
    assert link.check_password("new secret")
    assert not link.check_password("secret")


def test_the_password_can_be_removed(owner_client, link, page_form):
    values = page_form(edit_url(link))
    values["remove_password"] = "on"

    owner_client.post(edit_url(link), values)

    link.refresh_from_db()
    assert link.password == ""


def test_emptied_rows_remove_targets_and_filled_rows_add_them(
    owner_client, link, page_form
):
    values = page_form(edit_url(link))
    assert values["geo-0-key"] == "canada"
    values.update({"geo-0-key": "", "geo-0-link": ""})
    values.update({"language-1-key": "fr", "language-1-link": "https://example.fr"})

    owner_client.post(edit_url(link), values)

    link.refresh_from_db()
    assert link.geo_targets == {"atlantis": "https://at.example"}
    assert link.language_targets == {
        "it": "https://example.it",
        "fr": "https://example.fr",
    }
    assert link.device_targets == {"android": "https://example.com/android"}


def test_clearing_fields_clears_them(owner_client, link, page_form):
    values = page_form(edit_url(link))
    values.update(
        {"expiry": "", "metatitle": "", "description": "", "deeplink_apple": ""}
    )
    values.update({"param-0-name": "", "param-0-value": ""})

    owner_client.post(edit_url(link), values)

    link.refresh_from_db()
    assert (link.expires_at, link.meta_title, link.note) == (None, "", "")
    assert (link.deeplink, link.parameters) == ({}, [])
    assert link.geo_targets["canada"] == "https://example.ca"


def test_the_link_can_move_to_a_branded_domain(owner_client, owner, link, page_form):
    domain = DomainFactory(owner=owner, host="go.mine.example")
    values = page_form(edit_url(link))
    values["domain"] = "https://go.mine.example"

    response = owner_client.post(edit_url(link), values)

    link.refresh_from_db()
    assert link.domain == domain
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "The link https://go.mine.example/promo has been updated."
    ]


def test_a_taken_alias_is_refused_and_nothing_changes(
    owner_client, owner, link, page_form
):
    LinkFactory(owner=owner, alias="other")
    before = stored(link)
    values = page_form(edit_url(link))
    values.update({"custom": "OTHER", "metatitle": "Changed"})

    response = owner_client.post(edit_url(link), values)

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "custom": ["That alias is taken. Please choose another one."]
    }
    html = response.content.decode()
    assert 'name="custom" value="OTHER"' in html
    assert 'Short link: <a href="http://127.0.0.1:8000/promo"' in html
    assert stored(link) == before


def test_an_invalid_destination_is_refused(owner_client, link, page_form):
    before = stored(link)
    values = page_form(edit_url(link))
    values["url"] = "data:text/html,hi"

    response = owner_client.post(edit_url(link), values)

    assert response.context["form"].errors == {"url": ["Please enter a valid URL."]}
    assert stored(link) == before


def test_an_emptied_alias_keeps_the_current_one(owner_client, link, page_form):
    values = page_form(edit_url(link))
    values["custom"] = ""

    owner_client.post(edit_url(link), values)

    link.refresh_from_db()
    assert (link.alias, link.is_custom) == ("promo", True)


def test_a_redirect_type_the_form_does_not_offer_is_kept(owner_client, link, page_form):
    Link.objects.filter(pk=link.pk).update(redirect_type="overlay-2")
    values = page_form(edit_url(link))
    assert values["type"] == "overlay-2"
    values["metatitle"] = "New title"

    owner_client.post(edit_url(link), values)

    link.refresh_from_db()
    assert (link.redirect_type, link.meta_title) == ("overlay-2", "New title")

"""Branded domains: list, add, update and delete (§7, D17, D19)."""

import pytest

from shortener.models import Domain, Link
from tests.factories import DomainFactory, LinkFactory


def test_list_shows_the_callers_domains_oldest_first(owner_api, owner, stranger):
    first = DomainFactory(
        owner=owner,
        host="domain1.com",
        redirect_root="https://rootdomain.com",
        redirect_404="https://rootdomain.com/404",
    )
    second = DomainFactory(owner=owner, host="domain2.com", scheme="http")
    DomainFactory(owner=stranger)
    data = owner_api.get("/api/domains").json()["data"]
    assert data["result"] == 2
    assert data["domains"] == [
        {
            "id": first.pk,
            "domain": "https://domain1.com",
            "redirectroot": "https://rootdomain.com",
            "redirect404": "https://rootdomain.com/404",
        },
        {
            "id": second.pk,
            "domain": "http://domain2.com",
            "redirectroot": None,
            "redirect404": None,
        },
    ]


def test_add(owner_api, owner):
    response = owner_api.post(
        "/api/domain/add",
        {
            "domain": "https://Domain1.com/",
            "redirectroot": "https://rootdomain.com",
            "redirect404": "https://rootdomain.com/404",
        },
        format="json",
    )
    domain = Domain.objects.get()
    assert response.json() == {"error": 0, "id": domain.pk}
    assert (domain.owner, domain.scheme, domain.host) == (owner, "https", "domain1.com")
    assert domain.redirect_404 == "https://rootdomain.com/404"


@pytest.mark.parametrize(
    "value",
    [None, "", "localhost", "https://exa mple.com", "https://1.2.3.4", "javascript:x",
     "https://example.com/path", "https://user@example.com", "https://a..com", 5],
)  # fmt: skip
def test_add_refuses_invalid_domains(owner_api, value):
    response = owner_api.post("/api/domain/add", {"domain": value}, format="json")
    assert response.status_code == 400
    assert response.json() == {
        "error": 1,
        "message": "A valid domain name is required.",
    }


def test_add_refuses_a_domain_already_used_whatever_the_scheme(owner_api, stranger):
    DomainFactory(owner=stranger, host="taken.com", scheme="https")
    response = owner_api.post(
        "/api/domain/add", {"domain": "http://taken.com"}, format="json"
    )
    assert response.status_code == 409
    assert response.json() == {
        "error": 1,
        "message": "The domain has been already used.",
    }


def test_add_refuses_the_sites_own_host(owner_api, settings):
    settings.SITE_URL = "https://sho.rt"
    response = owner_api.post(
        "/api/domain/add", {"domain": settings.SITE_URL}, format="json"
    )
    assert response.status_code == 409


@pytest.mark.parametrize(
    ("key", "message"),
    [
        ("redirectroot", "A valid url is required for the root domain."),
        ("redirect404", "A valid url is required for the 404 page."),
    ],
)
def test_add_and_update_validate_redirects(owner_api, owner, key, message):
    response = owner_api.post(
        "/api/domain/add",
        {"domain": "ok.com", key: "javascript:alert(1)"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["message"] == message
    assert not Domain.objects.exists()
    domain = DomainFactory(owner=owner)
    response = owner_api.put(
        f"/api/domain/{domain.pk}/update", {key: "notaurl"}, format="json"
    )
    assert response.json()["message"] == message


def test_update_changes_redirects_partially(owner_api, owner):
    domain = DomainFactory(
        owner=owner, redirect_root="https://a.example", redirect_404="https://b.example"
    )
    response = owner_api.put(
        f"/api/domain/{domain.pk}/update",
        {"redirectroot": "https://rootdomain-new.com"},
        format="json",
    )
    assert response.json() == {
        "error": 0,
        "message": "Domain has been updated successfully.",
    }
    domain.refresh_from_db()
    assert domain.redirect_root == "https://rootdomain-new.com"
    assert domain.redirect_404 == "https://b.example"


def test_update_without_data(owner_api, owner):
    domain = DomainFactory(owner=owner)
    response = owner_api.put(f"/api/domain/{domain.pk}/update", {}, format="json")
    assert response.status_code == 400
    assert response.json() == {"error": 1, "message": "No data sent."}


def test_a_strangers_domain_is_not_found(stranger_api, owner):
    domain = DomainFactory(owner=owner)
    not_found = {"error": 1, "message": "Domain not found. Please try again."}
    response = stranger_api.put(
        f"/api/domain/{domain.pk}/update",
        {"redirectroot": "https://x.com"},
        format="json",
    )
    assert (response.status_code, response.json()) == (404, not_found)
    response = stranger_api.delete(f"/api/domain/{domain.pk}/delete")
    assert (response.status_code, response.json()) == (404, not_found)
    assert Domain.objects.filter(pk=domain.pk).exists()


def test_delete_keeps_links_on_the_main_site(owner_api, owner, settings):
    domain = DomainFactory(owner=owner, host="brand.example")
    kept = LinkFactory(owner=owner, domain=domain, alias="promo")
    clashing = LinkFactory(owner=owner, domain=domain, alias="home")
    LinkFactory(alias="HOME")  # already on the main site
    response = owner_api.delete(f"/api/domain/{domain.pk}/delete")
    assert response.json() == {
        "error": 0,
        "message": "Domain has been deleted successfully.",
    }
    kept.refresh_from_db()
    clashing.refresh_from_db()
    assert kept.short_url == f"{settings.SITE_URL}/promo"
    assert clashing.domain is None
    assert clashing.alias.lower() != "home"
    assert Link.objects.count() == 3


def test_there_is_no_single_domain_route(owner_api, owner):
    domain = DomainFactory(owner=owner)
    assert owner_api.get(f"/api/domain/{domain.pk}").status_code == 404

"""/user/domains: branded domains with the API's rules and messages (§7, D17)."""

import pytest
from django.contrib.messages import get_messages

from shortener.models import Domain, Link
from tests.factories import DomainFactory, LinkFactory

DOMAINS = "/user/domains"


def test_an_empty_list_explains_branded_domains(owner_client):
    html = owner_client.get(DOMAINS).content.decode()

    assert "You have no branded domain yet" in html
    assert f'<form method="post" action="{DOMAINS}"' in html


def test_it_lists_the_users_domains_with_their_redirects(owner_client, owner):
    domain = DomainFactory(
        owner=owner,
        host="go.mine.example",
        redirect_root="https://mine.example",
        redirect_404="https://mine.example/404",
    )
    LinkFactory.create_batch(2, owner=owner, domain=domain)
    DomainFactory(owner=owner, host="bare.mine.example")

    html = owner_client.get(DOMAINS).content.decode()

    assert '<td class="mono">https://go.mine.example</td>' in html
    assert '<span title="https://mine.example">https://mine.example</span>' in html
    assert '<span title="https://mine.example/404">' in html
    assert '<td class="numeric">2</td>' in html
    assert "“Your domain is working” page" in html
    assert "The site's 404 page" in html
    assert f'href="/user/domains/{domain.pk}/edit"' in html
    assert f'href="/user/domains/{domain.pk}/delete"' in html


@pytest.mark.parametrize(
    ("site_url", "record"),
    [
        ("https://sho.rt", '<td class="mono">CNAME</td>'),
        ("http://203.0.113.7", '<td class="mono">A</td>'),
        ("http://[2001:db8::1]:8000", '<td class="mono">AAAA</td>'),
    ],
)
def test_dns_instructions_point_at_the_sites_host(
    owner_client, settings, site_url, record
):
    settings.SITE_URL = site_url
    host = site_url.split("//")[1].split(":8000")[0].strip("[]")

    html = owner_client.get(DOMAINS).content.decode()

    assert f'{record}<td>your domain or subdomain</td><td class="mono">{host}</td>' in (
        html
    )


def test_a_domain_is_added_with_its_redirects(owner_client, owner):
    response = owner_client.post(
        DOMAINS,
        {
            "domain": " HTTP://Go.Mine.Example ",
            "redirect_root": "https://mine.example",
            "redirect_404": "",
        },
    )

    assert response.status_code == 302
    assert response.url == DOMAINS
    domain = Domain.objects.get()
    assert (domain.owner, domain.scheme, domain.host) == (
        owner,
        "http",
        "go.mine.example",
    )
    assert (domain.redirect_root, domain.redirect_404) == ("https://mine.example", "")
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "The domain http://go.mine.example has been added."
    ]


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        ({"domain": ""}, "domain", "A valid domain name is required."),
        ({"domain": "https://nodot"}, "domain", "A valid domain name is required."),
        (
            {"domain": "https://SHO.RT"},
            "domain",
            "The domain has been already used.",
        ),
        (
            {"domain": "https://go.mine.example", "redirect_root": "javascript:x"},
            "redirect_root",
            "A valid url is required for the root domain.",
        ),
        (
            {"domain": "https://go.mine.example", "redirect_404": "mine.example"},
            "redirect_404",
            "A valid url is required for the 404 page.",
        ),
    ],
)
def test_refused_domains_show_the_contracts_message(
    owner_client, settings, form, field, message
):
    settings.SITE_URL = "http://sho.rt"
    response = owner_client.post(DOMAINS, form)

    assert response.status_code == 200
    assert response.context["form"].errors == {field: [message]}
    html = response.content.decode()
    assert f"<li>{message}</li>" in html
    if form["domain"]:
        assert f'name="domain" value="{form["domain"]}"' in html
    assert not Domain.objects.exists()


def test_a_domain_someone_else_uses_is_refused_whatever_the_scheme(
    owner_client, stranger
):
    DomainFactory(owner=stranger, host="go.theirs.example", scheme="https")

    response = owner_client.post(DOMAINS, {"domain": "http://go.theirs.example"})

    assert response.context["form"].errors == {
        "domain": ["The domain has been already used."]
    }
    assert Domain.objects.get().owner == stranger


def test_the_redirects_can_be_changed_and_cleared(owner_client, owner):
    domain = DomainFactory(owner=owner, redirect_root="https://old.example")
    edit = f"/user/domains/{domain.pk}/edit"
    html = owner_client.get(edit).content.decode()
    assert 'name="redirect_root" value="https://old.example"' in html

    response = owner_client.post(
        edit, {"redirect_root": "", "redirect_404": "https://new.example/404"}
    )

    assert response.status_code == 302
    assert response.url == DOMAINS
    domain.refresh_from_db()
    assert (domain.redirect_root, domain.redirect_404) == (
        "",
        "https://new.example/404",
    )


def test_a_domain_without_links_is_deleted_after_confirmation(owner_client, owner):
    domain = DomainFactory(owner=owner)

    html = owner_client.get(f"/user/domains/{domain.pk}/delete").content.decode()
    assert "No link uses it." in html

    owner_client.post(f"/user/domains/{domain.pk}/delete")

    assert not Domain.objects.exists()


def test_an_invalid_redirect_changes_nothing(owner_client, owner):
    domain = DomainFactory(owner=owner, redirect_root="https://old.example")

    response = owner_client.post(
        f"/user/domains/{domain.pk}/edit",
        {"redirect_root": "https://new.example", "redirect_404": "ftp://x.example"},
    )

    assert response.context["form"].errors == {
        "redirect_404": ["A valid url is required for the 404 page."]
    }
    domain.refresh_from_db()
    assert (domain.redirect_root, domain.redirect_404) == ("https://old.example", "")


def test_deleting_asks_first_then_moves_the_links_to_the_main_site(owner_client, owner):
    domain = DomainFactory(owner=owner, host="go.mine.example")
    link = LinkFactory(owner=owner, domain=domain, alias="promo")
    delete = f"/user/domains/{domain.pk}/delete"

    html = owner_client.get(delete).content.decode()
    assert "<h1>Delete this domain?</h1>" in html
    assert "Its 1 link keeps working, but on the main site address" in html
    assert Domain.objects.exists()

    response = owner_client.post(delete)

    assert response.status_code == 302
    assert response.url == DOMAINS
    assert not Domain.objects.exists()
    link.refresh_from_db()
    assert (link.domain, link.alias) == (None, "promo")
    assert Link.objects.count() == 1
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "The domain https://go.mine.example has been deleted."
    ]

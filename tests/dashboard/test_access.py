"""Every page needs a login, and shows a stranger's objects as missing (D25)."""

import pytest

from shortener.models import Domain, Link
from tests.factories import DomainFactory, LinkFactory


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/user/links",
        "/user/links/new",
        "/user/links/1/edit",
        "/user/links/1/delete",
        "/user/domains",
        "/user/domains/1/edit",
        "/user/domains/1/delete",
    ],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_visitors_are_sent_to_the_login_page(client, path, method):
    response = getattr(client, method)(path)

    assert response.status_code == 302
    assert response.url == f"/user/login?next={path}"


@pytest.mark.parametrize("action", ["edit", "delete"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_strangers_link_is_not_found(stranger_client, owner, action, method):
    link = LinkFactory(owner=owner, long_url="https://example.com/mine")

    response = getattr(stranger_client, method)(
        f"/user/links/{link.pk}/{action}", {"url": "https://evil.example"}
    )

    assert response.status_code == 404
    link.refresh_from_db()
    assert link.long_url == "https://example.com/mine"


@pytest.mark.parametrize("action", ["edit", "delete"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_strangers_domain_is_not_found(stranger_client, owner, action, method):
    domain = DomainFactory(owner=owner, redirect_root="https://example.com")

    response = getattr(stranger_client, method)(
        f"/user/domains/{domain.pk}/{action}", {"redirect_root": "https://evil.example"}
    )

    assert response.status_code == 404
    domain.refresh_from_db()
    assert domain.redirect_root == "https://example.com"


def test_a_strangers_lists_stay_hidden(stranger_client, owner):
    LinkFactory(owner=owner, alias="secret-alias")
    DomainFactory(owner=owner, host="secret.example")

    links = stranger_client.get("/user/links").content.decode()
    domains = stranger_client.get("/user/domains").content.decode()

    assert "secret-alias" not in links
    assert "You have no links yet" in links
    assert "secret.example" not in domains
    assert (Link.objects.count(), Domain.objects.count()) == (1, 1)

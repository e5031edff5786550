"""Which host answers which links: the site's own and branded domains (§16.11)."""

import pytest

from analytics.models import Click
from tests.analytics.visits import visit
from tests.factories import DomainFactory, LinkFactory
from tests.redirect.conftest import DESTINATION

BRAND = "go.brand.example"
OTHER = "links.other.example"


@pytest.fixture
def brand(owner):
    return DomainFactory(owner=owner, host=BRAND)


@pytest.fixture
def branded_link(owner, brand):
    return LinkFactory(owner=owner, domain=brand, alias="sale", long_url=DESTINATION)


def test_a_branded_link_answers_on_its_domain(client, branded_link):
    response = visit(client, "/SALE", HTTP_HOST=BRAND)

    assert response.status_code == 302
    assert response["Location"] == DESTINATION
    branded_link.refresh_from_db()
    assert branded_link.clicks == 1


def test_a_branded_link_is_not_found_on_the_main_host(client, branded_link):
    response = visit(client, "/sale")

    assert response.status_code == 404


def test_a_main_site_link_is_not_found_on_a_branded_domain(client, link, brand):
    response = visit(client, "/Promo", HTTP_HOST=BRAND)

    assert response.status_code == 404
    assert "404.html" in [t.name for t in response.templates]


def test_a_link_of_another_domain_is_not_found(client, owner, branded_link):
    DomainFactory(owner=owner, host=OTHER)

    response = visit(client, "/sale", HTTP_HOST=OTHER)

    assert response.status_code == 404


def test_the_same_alias_on_two_hosts_goes_to_each_ones_destination(
    client, owner, branded_link
):
    LinkFactory(owner=owner, alias="sale", long_url="https://main.example/")

    assert visit(client, "/sale")["Location"] == "https://main.example/"
    assert visit(client, "/sale", HTTP_HOST=BRAND)["Location"] == DESTINATION


def test_an_unknown_alias_goes_to_the_domains_404_address(client, brand):
    brand.redirect_404 = "https://brand.example/not-found"
    brand.save()

    response = visit(client, "/missing", HTTP_HOST=BRAND)

    assert response.status_code == 302
    assert response["Location"] == "https://brand.example/not-found"
    assert not Click.objects.exists()


def test_the_domain_root_goes_to_its_root_address(client, brand):
    brand.redirect_root = "https://brand.example/"
    brand.save()

    response = visit(client, "/", HTTP_HOST=BRAND)

    assert response.status_code == 302
    assert response["Location"] == "https://brand.example/"


def test_the_domain_root_says_the_domain_works(client, brand):
    response = visit(client, "/", HTTP_HOST=BRAND)

    assert response.status_code == 200
    assert "shortener/domain_working.html" in [t.name for t in response.templates]
    page = response.content.decode()
    assert "This domain is working" in page
    assert BRAND in page


@pytest.mark.django_db
def test_the_main_sites_root_is_the_home_page(client):
    response = visit(client, "/")

    assert response.status_code == 200
    names = [t.name for t in response.templates]
    assert "shortener/domain_working.html" not in names


def test_the_site_pages_still_answer_on_a_branded_domain(client, brand):
    response = visit(client, "/user/login", HTTP_HOST=BRAND)

    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/Promo", "/user/login", "/api/account"])
def test_an_unknown_host_is_refused(client, path):
    response = visit(client, path, HTTP_HOST="unknown.example")

    assert response.status_code == 400


def test_the_domain_may_come_with_a_port(client, owner, brand):
    LinkFactory(owner=owner, domain=brand, alias="port", long_url=DESTINATION)

    response = visit(client, "/port", HTTP_HOST=f"{BRAND}:8443")

    assert response.status_code == 302


@pytest.mark.django_db
def test_a_new_domain_is_served_at_once(client, owner):
    assert visit(client, "/", HTTP_HOST=BRAND).status_code == 400  # now remembered

    DomainFactory(owner=owner, host=BRAND)

    assert visit(client, "/", HTTP_HOST=BRAND).status_code == 200


def test_a_deleted_domain_is_refused_at_once(client, brand):
    assert visit(client, "/", HTTP_HOST=BRAND).status_code == 200

    brand.delete()

    assert visit(client, "/", HTTP_HOST=BRAND).status_code == 400


def test_a_changed_root_address_is_used_at_once(client, brand):
    assert visit(client, "/", HTTP_HOST=BRAND).status_code == 200

    brand.redirect_root = "https://brand.example/home"
    brand.save()

    assert visit(client, "/", HTTP_HOST=BRAND)["Location"] == (
        "https://brand.example/home"
    )


def test_a_known_host_is_checked_without_a_query(
    client, branded_link, django_assert_num_queries
):
    visit(client, "/", HTTP_HOST=BRAND)
    visit(client, "/", HTTP_HOST="unknown.example")

    with django_assert_num_queries(0):
        assert visit(client, "/", HTTP_HOST=BRAND).status_code == 200
        assert visit(client, "/", HTTP_HOST="unknown.example").status_code == 400
        assert visit(client, "/user/login").status_code == 200


def test_with_a_wildcard_every_other_host_is_the_main_site(client, link, settings):
    settings.SITE_HOSTS = ["*"]
    DomainFactory(owner=link.owner, host=BRAND)

    assert visit(client, "/Promo", HTTP_HOST="anything.example").status_code == 302
    assert visit(client, "/Promo", HTTP_HOST=BRAND).status_code == 404
    assert visit(client, "/", HTTP_HOST=BRAND).status_code == 200


def test_extra_short_hosts_serve_the_main_sites_links(client, link, settings):
    settings.EXTRA_SHORT_HOSTS = ["sho.rt"]

    response = visit(client, "/Promo", HTTP_HOST="sho.rt")

    assert response.status_code == 302

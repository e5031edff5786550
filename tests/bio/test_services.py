"""Saving bio pages: the page's address is a link of kind bio, with the links' rules."""

import pytest
from django.db import IntegrityError

from bio import services
from bio.models import BioPage, Block
from core.errors import Conflict
from shortener import hosts
from shortener.models import Link, LinkKind
from tests.bio.factories import BioPageFactory, BlockFactory
from tests.factories import DomainFactory, LinkFactory


def new_page(owner, **fields) -> BioPage:
    return BioPage(owner=owner, name="Ada", **fields)


def test_a_new_page_gets_a_link_of_kind_bio_at_its_alias(owner, settings):
    page = services.save_bio_page(page=new_page(owner), alias="ada")

    link = Link.objects.get()
    assert page.link == link
    assert (link.kind, link.alias, link.is_custom, link.owner) == (
        LinkKind.BIO,
        "ada",
        True,
        owner,
    )
    assert link.long_url == f"{settings.SITE_URL}/ada"
    assert page.url == f"{settings.SITE_URL}/ada"


def test_a_new_page_without_alias_gets_a_random_one(owner, settings):
    page = services.save_bio_page(page=new_page(owner))

    assert len(page.link.alias) == settings.ALIAS_LENGTH
    assert page.link.is_custom is False


def test_an_alias_taken_by_any_link_on_the_host_is_refused(owner, stranger):
    LinkFactory(owner=stranger, alias="Taken")

    with pytest.raises(Conflict) as error:
        services.save_bio_page(page=new_page(owner), alias="taken")

    assert error.value.message == "That alias is taken. Please choose another one."
    assert not BioPage.objects.exists()
    assert Link.objects.count() == 1


def test_the_same_alias_is_free_on_another_domain(owner, stranger):
    LinkFactory(owner=stranger, alias="ada")
    brand = DomainFactory(owner=owner)

    page = services.save_bio_page(page=new_page(owner), alias="ada", domain=brand)

    assert page.link.domain == brand
    assert page.url == f"https://{brand.host}/ada"


def test_moving_a_page_changes_its_link_and_keeps_its_statistics(owner):
    page = BioPageFactory(owner=owner, link__alias="old", link__clicks=7)
    brand = DomainFactory(owner=owner)

    services.save_bio_page(page=page, alias="new", domain=brand)

    link = Link.objects.get()
    assert (link.alias, link.domain, link.clicks, link.pk) == (
        "new",
        brand,
        7,
        page.link.pk,
    )


def test_saving_without_changing_the_address_keeps_the_alias(owner):
    page = BioPageFactory(owner=owner, link__alias="ada")
    page.name = "Ada L."

    services.save_bio_page(page=page)

    page.refresh_from_db()
    assert (page.name, page.link.alias) == ("Ada L.", "ada")


def test_one_default_page_per_owner(owner, stranger):
    first = BioPageFactory(owner=owner, is_default=True)
    theirs = BioPageFactory(owner=stranger, is_default=True)
    second = BioPageFactory(owner=owner)

    services.make_default(page=second)

    assert list(BioPage.objects.filter(is_default=True).order_by("id")) == [
        theirs,
        second,
    ]
    first.refresh_from_db()
    assert first.is_default is False


def test_the_database_refuses_two_default_pages(owner):
    BioPageFactory(owner=owner, is_default=True)
    with pytest.raises(IntegrityError):
        BioPageFactory(owner=owner, is_default=True)


def test_a_saved_default_page_takes_the_role_from_the_others(owner):
    first = BioPageFactory(owner=owner, is_default=True)
    page = new_page(owner, is_default=True)

    services.save_bio_page(page=page, alias="second")

    first.refresh_from_db()
    assert first.is_default is False
    assert BioPage.objects.get(is_default=True) == page


def test_a_domain_root_shows_one_page(owner):
    brand = DomainFactory(owner=owner)
    first = BioPageFactory(owner=owner, root_of=brand)
    page = new_page(owner, root_of=brand)

    services.save_bio_page(page=page, alias="second")

    first.refresh_from_db()
    assert first.root_of is None
    assert brand.root_bio_page == page


def test_the_domain_knows_whether_its_root_shows_a_page(
    owner, django_capture_on_commit_callbacks
):
    brand, other = DomainFactory(owner=owner), DomainFactory(owner=owner)
    hosts.branded_domain(brand.host)  # cached, as the middleware does

    with django_capture_on_commit_callbacks(execute=True):
        page = services.save_bio_page(page=new_page(owner, root_of=brand))
    assert hosts.branded_domain(brand.host).shows_bio_page is True

    page.root_of = other
    with django_capture_on_commit_callbacks(execute=True):
        services.save_bio_page(page=page)
    brand.refresh_from_db()
    other.refresh_from_db()
    assert (brand.shows_bio_page, other.shows_bio_page) == (False, True)

    with django_capture_on_commit_callbacks(execute=True):
        services.delete_bio_page(page=page)
    other.refresh_from_db()
    assert other.shows_bio_page is False
    assert hosts.branded_domain(other.host).shows_bio_page is False


def test_a_deleted_domain_leaves_the_page_without_root(owner):
    brand = DomainFactory(owner=owner)
    page = services.save_bio_page(page=new_page(owner, root_of=brand))

    brand.delete()

    page.refresh_from_db()
    assert page.root_of is None


def test_deleting_a_page_deletes_its_link_blocks_and_clicks(owner):
    page = BioPageFactory(owner=owner)
    BlockFactory(page=page)
    other = LinkFactory(owner=owner)

    services.delete_bio_page(page=page)

    assert not BioPage.objects.exists()
    assert not Block.objects.exists()
    assert list(Link.objects.all()) == [other]


def test_deleting_the_link_deletes_the_page(owner):
    page = BioPageFactory(owner=owner)

    page.link.delete()

    assert not BioPage.objects.exists()


def test_bio_links_are_not_listed_as_links(owner, owner_api):
    page = BioPageFactory(owner=owner)
    plain = LinkFactory(owner=owner)

    assert list(Link.objects.plain()) == [plain]
    body = owner_api.get("/api/urls").json()
    assert [url["id"] for url in body["data"]["urls"]] == [plain.pk]
    assert owner_api.get(f"/api/url/{page.link.pk}").status_code == 404


def test_the_channel_item_of_a_page(owner, settings):
    page = BioPageFactory(owner=owner, link__alias="ada", name="Ada")

    assert services.channel_item(page) == {
        "title": "Ada",
        "url": f"{settings.SITE_URL}/ada",
        "created": page.created,
    }

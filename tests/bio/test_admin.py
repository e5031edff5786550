"""The admin's bio pages: listed, searchable, content shown but not edited."""

import pytest

from tests.bio.factories import BioPageFactory, BlockFactory
from tests.factories import UserFactory

CHANGELIST_URL = "/admin/bio/biopage/"


@pytest.fixture
def admin_client(client, db):
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    return client


def test_the_list_shows_and_searches_pages(admin_client, owner):
    BioPageFactory(owner=owner, name="Ada's page", link__alias="ada")
    BioPageFactory(name="Someone else", link__alias="else")

    html = admin_client.get(CHANGELIST_URL, {"q": "ada"}).content.decode()

    assert "Ada&#x27;s page" in html
    assert "Someone else" not in html


def test_the_change_page_shows_blocks_and_css_read_only(admin_client, owner):
    page = BioPageFactory(owner=owner, custom_css=".bio-name{color:red}")
    BlockFactory(page=page, title="Shop")

    response = admin_client.get(f"{CHANGELIST_URL}{page.pk}/change/")

    html = response.content.decode()
    assert response.status_code == 200
    assert ".bio-name{color:red}" in html
    assert 'name="custom_css"' not in html
    assert "Shop" in html
    assert 'name="blocks-0-url"' not in html

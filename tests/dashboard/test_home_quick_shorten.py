"""The landing page's quick shorten box and the dashboard navigation."""

from shortener.models import Link


def test_signed_in_users_get_a_quick_shorten_box(client, owner):
    client.force_login(owner)
    page = client.get("/").content.decode()
    assert 'action="/user/links/new"' in page
    assert 'name="url"' in page
    response = client.post(
        "/user/links/new", {"url": "https://example.com/quick", "status": "private"}
    )
    assert response.status_code == 302
    link = Link.objects.get()
    assert (link.owner, link.long_url) == (owner, "https://example.com/quick")


def test_visitors_get_no_box(client, db):
    assert 'name="url"' not in client.get("/").content.decode()


def test_the_navigation_leads_to_links_and_domains(client, owner):
    client.force_login(owner)
    page = client.get("/user/links").content.decode()
    assert 'href="/user/links" aria-current="page"' in page
    assert 'href="/user/domains"' in page
    page = client.get("/user/domains").content.decode()
    assert 'href="/user/domains" aria-current="page"' in page

"""/user/links/<id>/delete: a confirmation page, then the deletion."""

from django.contrib.messages import get_messages

from shortener.models import Link
from tests.factories import LinkFactory


def test_the_confirmation_page_names_the_link_and_deletes_nothing(owner_client, owner):
    link = LinkFactory(owner=owner, alias="promo", long_url="https://example.com/x")

    html = owner_client.get(f"/user/links/{link.pk}/delete").content.decode()

    assert "<h1>Delete this link?</h1>" in html
    assert '<dd class="mono">http://127.0.0.1:8000/promo</dd>' in html
    assert "<dd>https://example.com/x</dd>" in html
    assert f'<form method="post" action="/user/links/{link.pk}/delete"' in html
    assert Link.objects.filter(pk=link.pk).exists()


def test_posting_deletes_the_link_only(owner_client, owner):
    link = LinkFactory(owner=owner, alias="promo")
    kept = LinkFactory(owner=owner)

    response = owner_client.post(f"/user/links/{link.pk}/delete")

    assert response.status_code == 302
    assert response.url == "/user/links"
    assert list(Link.objects.all()) == [kept]
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "The link http://127.0.0.1:8000/promo has been deleted."
    ]

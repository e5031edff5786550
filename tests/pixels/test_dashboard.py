"""/user/pixels: list, add, edit and delete with the API's rules (D44)."""

from django.contrib.messages import get_messages

from pixels.models import Pixel
from tests.factories import LinkFactory
from tests.pixels.factories import PixelFactory

LIST = "/user/pixels"


def test_the_list_shows_only_the_users_pixels(owner_client, owner, stranger):
    PixelFactory(owner=owner, name="Mine", tag="GTM-MINE1")
    PixelFactory(owner=stranger, name="Theirs", tag="GTM-THEIR")

    response = owner_client.get(LIST)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Mine" in html
    assert "GTM-MINE1" in html
    assert "Theirs" not in html
    assert f'href="{LIST}" aria-current="page">Pixels</a>' in html


def test_the_pages_need_a_sign_in(client):
    response = client.get(LIST)

    assert response.status_code == 302
    assert "/login" in response["Location"]


def test_a_pixel_is_added(owner_client, owner):
    response = owner_client.post(
        LIST, {"type": "fbpixel", "name": "FB", "tag": "123456"}, follow=True
    )

    pixel = Pixel.objects.get()
    assert (pixel.owner, pixel.type, pixel.name, pixel.tag) == (
        owner,
        "fbpixel",
        "FB",
        "123456",
    )
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "The pixel FB has been added."
    ]


def test_refusals_show_the_contracts_message_by_the_field(owner_client, owner):
    PixelFactory(owner=owner, type="gtmpixel", tag="GTM-TAKEN")

    for body, field, message in [
        ({"name": "N", "tag": "x"}, "type", "Missing type parameter. "
         "Pixel provider is required."),
        ({"type": "fbpixel", "tag": "123"}, "name", "Missing name parameter. "
         "Pixel name is required."),
        ({"type": "fbpixel", "name": "N", "tag": "<script>"}, "tag",
         "Facebook pixel ID is not correct. Please double check."),
        ({"type": "gtmpixel", "name": "N", "tag": "GTM-TAKEN"}, "tag",
         "A pixel with this provider and tag already exists."),
    ]:  # fmt: skip
        response = owner_client.post(LIST, body)
        assert response.status_code == 200
        assert response.context["form"].errors == {field: [message]}
    assert Pixel.objects.count() == 1


def test_a_pixel_is_edited_but_keeps_its_provider(owner_client, owner):
    pixel = PixelFactory(owner=owner, type="gtmpixel", name="Old", tag="GTM-OLD12")
    edit = f"/user/pixels/{pixel.pk}/edit"
    assert "GTM-OLD12" in owner_client.get(edit).content.decode()

    response = owner_client.post(edit, {"name": "New", "tag": "GTM-NEW34"})

    assert response.status_code == 302
    pixel.refresh_from_db()
    assert (pixel.type, pixel.name, pixel.tag) == ("gtmpixel", "New", "GTM-NEW34")


def test_a_bad_edit_is_refused(owner_client, owner):
    pixel = PixelFactory(owner=owner, type="gtmpixel", tag="GTM-OLD12")

    response = owner_client.post(
        f"/user/pixels/{pixel.pk}/edit", {"name": "N", "tag": "NOPE1"}
    )

    assert response.context["form"].errors == {
        "tag": ["GTM container ID is not correct. Please double check."]
    }
    pixel.refresh_from_db()
    assert pixel.tag == "GTM-OLD12"


def test_delete_asks_then_detaches_the_links(owner_client, owner):
    pixel = PixelFactory(owner=owner, name="Doomed")
    link = LinkFactory(owner=owner, has_pixels=True)
    pixel.links.add(link)
    delete = f"/user/pixels/{pixel.pk}/delete"

    page = owner_client.get(delete).content.decode()
    assert "Delete this pixel?" in page
    assert "It is removed from the 1 link that uses it." in page
    assert Pixel.objects.exists()

    response = owner_client.post(delete)

    assert response.status_code == 302
    assert not Pixel.objects.exists()
    link.refresh_from_db()
    assert not link.has_pixels


def test_another_users_pixel_is_a_404(stranger_client, owner):
    pixel = PixelFactory(owner=owner)

    for page in ("edit", "delete"):
        assert stranger_client.get(f"/user/pixels/{pixel.pk}/{page}").status_code == 404
        assert (
            stranger_client.post(
                f"/user/pixels/{pixel.pk}/{page}", {"tag": "GTM-X1234"}
            ).status_code
            == 404
        )
    assert Pixel.objects.get().tag == pixel.tag

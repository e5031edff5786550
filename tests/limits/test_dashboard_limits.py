"""Plan features and quotas in the dashboard: the same services refuse the same.

Each page shows the refusal by its form, in the dashboard's words
(core.wording), and writes nothing.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from files.models import SharedFile
from overlays.models import Overlay
from pixels.models import Pixel
from qrcodes.models import QRCode
from shortener.models import Domain, Link
from splash.models import SplashPage
from tests.files.conftest import PNG
from tests.limits.conftest import PAGE_LIMIT, PAGE_NO_FEATURE, on_plan

COLOURS = {
    "background_color": "#ffffff",
    "text_color": "#111111",
    "button_color": "#2563eb",
    "position": "bottom-right",
}


def new_qr(client, i: int):
    return client.post(
        "/user/qr/new",
        {
            "kind": "text",
            "text_text": f"note {i}",
            "foreground": "#000000",
            "background": "#ffffff",
        },
    )


def new_domain(client, i: int):
    return client.post("/user/domains", {"domain": f"https://go{i}.brand.example"})


def new_pixel(client, i: int):
    return client.post(
        "/user/pixels", {"type": "gtmpixel", "name": f"P{i}", "tag": f"GTM-ABC{i}D"}
    )


def new_splash(client, i: int):
    return client.post(
        "/user/splash/new",
        {
            "name": f"Page {i}",
            "title": "Spring sale",
            "text": "<p>Sale</p>",
            "product_url": "https://shop.example/sale",
            "button_label": "Shop now",
            "countdown": "6",
        },
    )


def new_overlay(client, i: int):
    return client.post(
        "/user/overlay/new",
        {
            "name": f"Sale {i}",
            "kind": "message",
            "text": "Big sale",
            "button_label": "Shop",
            "button_url": "https://shop.example",
            **COLOURS,
        },
    )


def new_file(client, i: int):
    upload = SimpleUploadedFile(f"photo{i}.png", PNG, "application/octet-stream")
    return client.post("/user/files/upload", {"file": upload})


def new_link(client, i: int):
    return client.post(
        "/user/links/new", {"url": f"https://example.com/{i}", "status": "private"}
    )


# feature key → (create one through its page, the owner's objects)
PAGES = {
    "qr": (new_qr, lambda owner: QRCode.objects.filter(owner=owner)),
    "domain": (new_domain, lambda owner: Domain.objects.filter(owner=owner)),
    "pixels": (new_pixel, lambda owner: Pixel.objects.filter(owner=owner)),
    "splash": (new_splash, lambda owner: SplashPage.objects.filter(owner=owner)),
    "overlay": (new_overlay, lambda owner: Overlay.objects.filter(owner=owner)),
    "files": (new_file, lambda owner: SharedFile.objects.filter(owner=owner)),
}


def text_of(response) -> str:
    return response.content.decode()


@pytest.mark.usefixtures("paid")
@pytest.mark.parametrize("feature", sorted(PAGES))
def test_a_page_allows_the_quota_and_refuses_the_next(owner, owner_client, feature):
    on_plan(owner, **{feature: 2})
    create, objects = PAGES[feature]

    assert [create(owner_client, i).status_code for i in range(2)] == [302, 302]
    refused = create(owner_client, 2)

    assert refused.status_code in {200, 400, 403}
    assert PAGE_LIMIT in text_of(refused)
    assert objects(owner).count() == 2


@pytest.mark.usefixtures("paid")
@pytest.mark.parametrize("feature", sorted(PAGES))
def test_a_page_refuses_a_plan_without_the_feature(owner, owner_client, feature):
    on_plan(owner)
    create, objects = PAGES[feature]

    refused = create(owner_client, 0)

    assert refused.status_code in {200, 400, 403}
    assert PAGE_NO_FEATURE in text_of(refused)
    assert not objects(owner).exists()


@pytest.mark.usefixtures("paid")
@pytest.mark.parametrize("feature", sorted(PAGES))
def test_admins_create_past_the_quota_in_the_dashboard(admin, client, feature):
    on_plan(admin, **{feature: 1})
    client.force_login(admin)
    create, objects = PAGES[feature]

    assert [create(client, i).status_code for i in range(2)] == [302, 302]
    assert objects(admin).count() == 2


@pytest.mark.parametrize("feature", sorted(PAGES))
def test_pages_have_no_limit_while_paid_plans_are_off(owner, owner_client, feature):
    on_plan(owner, **{feature: 1})
    create, objects = PAGES[feature]

    assert [create(owner_client, i).status_code for i in range(2)] == [302, 302]
    assert objects(owner).count() == 2


@pytest.mark.usefixtures("paid")
def test_the_link_page_keeps_the_links_quota(owner, owner_client):
    on_plan(owner, links=2)

    assert [new_link(owner_client, i).status_code for i in range(2)] == [302, 302]
    refused = new_link(owner_client, 2)

    assert refused.status_code == 200
    assert refused.context["form"].errors == {
        "__all__": [
            "You have reached your maximum links limit. Please upgrade to another plan."
        ]
    }
    assert Link.objects.count() == 2


@pytest.mark.usefixtures("paid")
def test_the_link_page_keeps_a_monthly_quota(owner, owner_client):
    on_plan(owner, links=1, links_monthly=True)
    new_link(owner_client, 0)

    refused = new_link(owner_client, 1)

    assert refused.context["form"].errors == {
        "__all__": [
            "You have reached your monthly limit. Please upgrade to another plan."
        ]
    }
    assert Link.objects.count() == 1


@pytest.mark.usefixtures("paid")
def test_the_link_page_returns_an_existing_link_at_the_quota(owner, owner_client):
    on_plan(owner, links=1)
    new_link(owner_client, 0)

    again = new_link(owner_client, 0)

    assert again.status_code == 302
    assert Link.objects.count() == 1


@pytest.mark.usefixtures("paid")
def test_editing_a_family_object_needs_the_feature(owner, owner_client):
    on_plan(owner, pixels=0)
    new_pixel(owner_client, 0)
    pixel = Pixel.objects.get()
    on_plan_without_pixels = owner.subscription
    on_plan_without_pixels.plan.features = {}
    on_plan_without_pixels.plan.save()

    response = owner_client.post(
        f"/user/pixels/{pixel.pk}/edit", {"name": "Renamed", "tag": "GTM-XYZ9"}
    )

    assert PAGE_NO_FEATURE in text_of(response)
    pixel.refresh_from_db()
    assert pixel.name == "P0"

"""/user/qr lists the user's codes; /user/qr/<id> shows one with its scans."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from qrcodes import services
from qrcodes.models import QRType
from tests.analytics.factories import ClickFactory
from tests.factories import LinkFactory

pytestmark = pytest.mark.django_db


def test_an_empty_list_invites_a_first_code(owner_client):
    response = owner_client.get(reverse("qr:list"))
    assert response.status_code == 200
    assert "You have no QR codes yet" in response.content.decode()


def test_codes_are_listed_newest_first_with_their_images_and_actions(
    owner_client, link_code, wifi_code
):
    link_code.created = timezone.now() - timedelta(days=1)
    link_code.save(update_fields=["created"])
    response = owner_client.get(reverse("qr:list"))
    html = response.content.decode()
    assert [row["qr"] for row in response.context["rows"]] == [wifi_code, link_code]
    assert f'src="https://sho.rt/qr/{link_code.alias}"' in html
    assert f'href="https://sho.rt/qr/{link_code.alias}/download/png/300"' in html
    assert f'href="https://sho.rt/qr/{link_code.alias}/download/svg/300"' in html
    assert reverse("qr:edit", args=[link_code.pk]) in html
    assert reverse("qr:delete", args=[wifi_code.pk]) in html
    assert "Wi-Fi" in html
    assert "Link" in html


def test_the_search_matches_names(owner_client, link_code, wifi_code):
    response = owner_client.get(reverse("qr:list"), {"q": "menu"})
    assert [row["qr"] for row in response.context["rows"]] == [link_code]
    response = owner_client.get(reverse("qr:list"), {"q": "nothing"})
    assert "No QR code matches" in response.content.decode()


def test_the_list_is_paginated(owner_client, owner):
    for number in range(26):
        services.create_qr(owner=owner, kind=QRType.TEXT, data=f"Note {number}")
    first = owner_client.get(reverse("qr:list"))
    second = owner_client.get(reverse("qr:list"), {"page": 2})
    assert len(first.context["rows"]) == 25
    assert len(second.context["rows"]) == 1
    assert "Page 1 of 2" in first.content.decode()


def test_the_nav_leads_to_the_qr_codes(owner_client):
    html = owner_client.get(reverse("qr:list")).content.decode()
    assert '<a href="/user/qr" aria-current="page">QR codes</a>' in html


def test_the_detail_offers_every_download(owner_client, wifi_code):
    response = owner_client.get(reverse("qr:detail", args=[wifi_code.pk]))
    html = response.content.decode()
    base = f"https://sho.rt/qr/{wifi_code.alias}/download"
    for size in (300, 600, 1200):
        assert f'href="{base}/png/{size}"' in html
    assert f'href="{base}/svg/300"' in html
    assert response.context["stats"] is None  # a static code has no scans


def test_the_detail_of_a_dynamic_code_shows_its_scans(owner_client, link_code):
    link = link_code.link
    ClickFactory(link=link, country="France", browser="Firefox", os="Linux")
    link.clicks = link.unique_clicks = 1
    link.save(update_fields=["clicks", "unique_clicks"])
    response = owner_client.get(reverse("qr:detail", args=[link_code.pk]))
    stats = response.context["stats"]
    assert stats["clicks"] == 1
    html = response.content.decode()
    assert "Unique scans" in html
    assert "Firefox" in html
    assert "Linux" in html


def test_each_short_link_offers_its_qr_image(owner_client, owner):
    link = LinkFactory(owner=owner)
    html = owner_client.get(reverse("links:list")).content.decode()
    assert f'href="{link.short_url}/qr" download="qr-{link.alias}.png"' in html

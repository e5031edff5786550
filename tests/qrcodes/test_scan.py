"""Scanning a dynamic code: its tracking link counts the scan, then redirects
(mailto: and tel: included, D27) or answers the vCard (§16.1 item 8)."""

import pytest

from qrcodes.services import create_qr, update_qr
from tests.analytics.visits import GOOGLEBOT, visit


@pytest.mark.parametrize(
    ("kind", "data", "location"),
    [
        ("link", "https://example.com/landing", "https://example.com/landing"),
        ("phone", "+15550102030", "tel:+15550102030"),
        (
            "email",
            {"email": "ann@example.com", "subject": "Hello there", "body": "Hi & bye"},
            "mailto:ann@example.com?subject=Hello%20there&body=Hi%20%26%20bye",
        ),
        ("email", "ann@example.com", "mailto:ann@example.com"),
    ],
)
def test_a_scan_redirects_to_the_destination(client, owner, kind, data, location):
    qr = create_qr(owner=owner, kind=kind, data=data)

    response = visit(client, f"/{qr.alias}")

    assert response.status_code == 302
    assert response["Location"] == location
    assert response["Cache-Control"] == "private, max-age=0, no-store"


def test_scans_are_counted_once_per_person_and_never_for_bots(client, owner):
    qr = create_qr(owner=owner, kind="link", data="https://example.com")

    visit(client, f"/{qr.alias}")
    visit(client, f"/{qr.alias}")  # the same person again within 15 minutes
    visit(client, f"/{qr.alias}", HTTP_USER_AGENT=GOOGLEBOT)
    visit(client, f"/{qr.alias}", method="head", REMOTE_ADDR="8.8.8.8")

    qr.link.refresh_from_db()
    assert qr.scans == 1


def test_a_vcard_scan_downloads_the_card(client, owner):
    qr = create_qr(
        owner=owner,
        kind="vcard",
        data={
            "fname": "Ann",
            "lname": "Lee",
            "org": "Acme; Inc",
            "phone": "+15550100000",
            "cell": "+15550102030",
            "email": "ann@example.com",
            "site": "https://ann.example",
            "twitter": "https://twitter.com/ann",
            "city": "Paris",
            "country": "France",
        },
    )

    response = visit(client, f"/{qr.alias}")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard"
    assert response["Content-Disposition"] == 'attachment; filename="vcard.vcf"'
    lines = response.content.decode().split("\r\n")
    assert lines[:6] == [
        "BEGIN:VCARD",
        "VERSION:3.0",
        "N:Lee;Ann;;;",
        "FN:Ann Lee",
        "ORG:Acme\\; Inc",
        "TEL;TYPE=WORK,VOICE:+15550100000",
    ]
    assert "TEL;TYPE=CELL:+15550102030" in lines
    assert "EMAIL;TYPE=INTERNET:ann@example.com" in lines
    assert "URL;TYPE=WORK:https://ann.example" in lines
    assert "URL;TYPE=TWITTER:https://twitter.com/ann" in lines
    assert "ADR;TYPE=WORK:;;;Paris;;;France" in lines
    assert lines[-3].startswith("REV:")
    assert lines[-2:] == ["END:VCARD", ""]
    qr.link.refresh_from_db()
    assert qr.scans == 1


def test_an_update_re_points_the_printed_code(client, owner):
    qr = create_qr(owner=owner, kind="link", data="https://example.com/old")

    update_qr(qr=qr, changes={"data": "https://example.com/new"})

    assert visit(client, f"/{qr.alias}")["Location"] == "https://example.com/new"


def test_static_codes_have_no_tracking_link(client, owner):
    qr = create_qr(owner=owner, kind="text", data="hello")

    assert qr.link is None
    assert qr.scans == 0
    assert client.get(f"/{qr.alias}").status_code == 404


def test_other_links_still_refuse_app_schemes(owner):
    from django.http import HttpResponseRedirect
    from django.http.response import DisallowedRedirect

    with pytest.raises(DisallowedRedirect):
        HttpResponseRedirect("tel:+15550102030")

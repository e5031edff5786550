"""Link options the plan lacks are dropped without an error (api-spec §3.3).

The API, the legacy API and the dashboard read options through one parser
(shortener.parsing.link_spec), so the same rules hold in each.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from files.models import SharedFile
from overlays.models import Overlay
from qrcodes.models import QRCode
from shortener.models import Link
from splash.models import SplashPage
from tests.conftest import api_client_for
from tests.factories import DomainFactory, LinkFactory
from tests.files.conftest import PNG, upload
from tests.limits.conftest import on_plan
from tests.pixels.factories import PixelFactory

ADD = "/api/url/add"
FUTURE = (timezone.localtime() + timedelta(days=30)).strftime("%Y-%m-%d %H:%M:%S")
OPTIONS = {
    "geotarget": [{"location": "Canada", "link": "https://example.ca"}],
    "devicetarget": [{"device": "iPhone", "link": "https://example.com/ios"}],
    "languagetarget": [{"language": "fr", "link": "https://example.fr"}],
    "parameters": [{"name": "aff", "value": "3"}],
    "deeplink": {"apple": "https://apps.apple.com/app/id1"},
    "expiry": FUTURE,
}
# API parameter → (plan feature, what the link stores when it is applied)
GATED = {
    "geotarget": ("geo", lambda link: link.geo_targets),
    "devicetarget": ("device", lambda link: link.device_targets),
    "languagetarget": ("language", lambda link: link.language_targets),
    "parameters": ("parameters", lambda link: link.parameters),
    "deeplink": ("deeplink", lambda link: link.deeplink),
    "expiry": ("expiration", lambda link: link.expires_at),
}


@pytest.fixture(autouse=True)
def _frameable(monkeypatch):
    """No test reaches the network: every destination may be framed."""
    monkeypatch.setattr("splash.frameable.frameable", lambda url: True)


def add(user, **fields) -> Link:
    response = api_client_for(user).post(
        ADD, {"url": "https://example.com", **fields}, format="json"
    )
    assert response.status_code == 200, response.json()
    return Link.objects.get(pk=response.json()["id"])


@pytest.mark.usefixtures("paid")
@pytest.mark.parametrize("parameter", sorted(GATED))
def test_an_option_is_dropped_without_its_feature(owner, parameter):
    on_plan(owner, api=0)
    _feature, stored = GATED[parameter]

    link = add(owner, **{parameter: OPTIONS[parameter]})

    assert not stored(link)


@pytest.mark.usefixtures("paid")
@pytest.mark.parametrize("parameter", sorted(GATED))
def test_an_option_is_kept_with_its_feature(owner, parameter):
    feature, stored = GATED[parameter]
    on_plan(owner, api=0, **{feature: 0})

    link = add(owner, **{parameter: OPTIONS[parameter]})

    assert stored(link)


@pytest.mark.usefixtures("paid")
def test_a_past_expiry_is_refused_even_without_the_feature(owner):
    on_plan(owner, api=0)

    response = api_client_for(owner).post(
        ADD,
        {"url": "https://example.com", "expiry": "2001-01-01 00:00:00"},
        format="json",
    )

    assert response.status_code == 400
    assert response.json()["message"] == "The expiry date must be later than today."
    assert not Link.objects.exists()


@pytest.mark.usefixtures("paid")
def test_a_custom_alias_needs_the_alias_feature(owner, stranger):
    on_plan(owner, api=0)
    on_plan(stranger, api=0, alias=0)

    random = add(owner, custom="mine")
    custom = add(stranger, custom="theirs")

    assert (random.is_custom, len(random.alias)) == (False, 5)
    assert (custom.is_custom, custom.alias) == (True, "theirs")


@pytest.mark.usefixtures("paid")
def test_a_custom_alias_is_not_even_checked_without_the_feature(owner):
    on_plan(owner, api=0)
    LinkFactory(alias="taken")

    link = add(owner, custom="taken")  # no 409: the alias is not used at all

    assert link.alias != "taken"


@pytest.mark.usefixtures("paid")
def test_pixels_need_the_pixels_feature(owner, stranger):
    on_plan(owner, api=0)
    on_plan(stranger, api=0, pixels=0)
    mine = PixelFactory(owner=owner)
    theirs = PixelFactory(owner=stranger)

    assert not add(owner, pixels=[mine.pk]).pixels.exists()
    assert list(add(stranger, pixels=[theirs.pk]).pixels.all()) == [theirs]


@pytest.mark.usefixtures("paid")
@pytest.mark.parametrize("method", ["direct", "frame", "splash"])
def test_a_redirect_method_is_for_pro_users(owner, stranger, method):
    on_plan(owner, api=0, is_free=True)
    on_plan(stranger, api=0)

    assert add(owner, type=method).redirect_type == ""
    assert add(stranger, type=method).redirect_type == method


@pytest.mark.usefixtures("paid")
def test_a_splash_page_needs_the_splash_feature(owner):
    plan = on_plan(owner, api=0)
    page = SplashPage.objects.create(owner=owner, name="Promo", title="t")

    assert add(owner, type=str(page.pk)).redirect_type == ""
    plan.with_feature("splash", enabled=True)
    plan.save()
    assert add(owner, type=str(page.pk), custom="x").redirect_type == str(page.pk)


@pytest.mark.usefixtures("paid")
def test_an_overlay_needs_the_overlay_feature(owner):
    plan = on_plan(owner, api=0)
    overlay = Overlay.objects.create(owner=owner, kind="message", name="Sale")

    assert add(owner, type=overlay.link_type).redirect_type == ""
    plan.with_feature("overlay", enabled=True)
    plan.save()
    assert add(owner, type=overlay.link_type, custom="x").redirect_type == (
        overlay.link_type
    )


@pytest.mark.usefixtures("paid")
def test_a_branded_domain_needs_the_domain_feature(owner):
    plan = on_plan(owner, api=0)
    domain = DomainFactory(owner=owner, host="go.brand.example")

    assert add(owner, domain="https://go.brand.example").domain is None
    plan.with_feature("domain", enabled=True)
    plan.save()
    assert add(owner, domain="https://go.brand.example").domain == domain


@pytest.mark.usefixtures("paid")
def test_an_update_leaves_options_the_plan_lacks_as_they_were(owner):
    on_plan(owner, api=0, is_free=True)
    domain = DomainFactory(owner=owner, host="go.brand.example")
    DomainFactory(owner=owner, host="other.brand.example")
    expires = timezone.now() + timedelta(days=3)
    link = LinkFactory(
        owner=owner,
        alias="kept",
        domain=domain,
        redirect_type="frame",
        expires_at=expires,
        geo_targets={"canada": "https://example.ca"},
        parameters=[["aff", "1"]],
    )

    response = api_client_for(owner).put(
        f"/api/url/{link.pk}/update",
        {
            "url": "https://example.org",
            "custom": "changed",
            "domain": "https://other.brand.example",
            "type": "direct",
            "expiry": "",
            "geotarget": [],
            "parameters": [],
        },
        format="json",
    )

    assert response.status_code == 200
    link.refresh_from_db()
    assert link.long_url == "https://example.org"
    assert (link.alias, link.domain, link.redirect_type) == ("kept", domain, "frame")
    assert link.expires_at == expires
    assert link.geo_targets == {"canada": "https://example.ca"}
    assert link.parameters == [["aff", "1"]]


def everything(owner) -> dict:
    page = SplashPage.objects.create(owner=owner, name="Promo", title="t")
    DomainFactory(owner=owner, host="go.brand.example")
    return {
        **OPTIONS,
        "custom": "mine",
        "type": str(page.pk),
        "domain": "https://go.brand.example",
        "pixels": [PixelFactory(owner=owner).pk],
    }


def assert_all_applied(link: Link) -> None:
    assert all(stored(link) for _, stored in GATED.values())
    assert (link.alias, link.domain.host) == ("mine", "go.brand.example")
    assert link.redirect_type.isdigit()
    assert link.pixels.count() == 1


@pytest.mark.usefixtures("paid")
def test_admins_keep_every_option(admin):
    on_plan(admin, is_free=True)
    assert_all_applied(add(admin, **everything(admin)))


def test_every_option_is_kept_while_paid_plans_are_off(owner):
    on_plan(owner, is_free=True)
    assert_all_applied(add(owner, **everything(owner)))


@pytest.mark.usefixtures("paid")
def test_the_dashboard_drops_the_same_options(owner, owner_client):
    on_plan(owner, is_free=True)

    response = owner_client.post(
        "/user/links/new",
        {
            "url": "https://example.com",
            "custom": "mine",
            "expiry": (timezone.localtime() + timedelta(days=3)).strftime(
                "%Y-%m-%dT%H:%M"
            ),
            "deeplink_apple": "https://apps.apple.com/app/id1",
            "status": "private",
            "geo-TOTAL_FORMS": "1",
            "geo-INITIAL_FORMS": "0",
            "geo-0-key": "canada",
            "geo-0-link": "https://example.ca",
        },
    )

    assert response.status_code == 302
    link = Link.objects.get()
    assert (link.is_custom, link.expires_at) == (False, None)
    assert (link.geo_targets, link.deeplink) == ({}, {})


@pytest.mark.usefixtures("paid")
def test_the_link_form_offers_only_what_the_plan_includes(owner, owner_client):
    on_plan(owner, is_free=True, geo=0)

    form = owner_client.get("/user/links/new").context["form"]

    disabled = {name for name, field in form.fields.items() if field.disabled}
    assert disabled == {
        "custom", "domain", "expiry", "deeplink_apple", "deeplink_google",
        "deeplink_auto",
    }  # fmt: skip
    assert [value for value, _ in form.fields["type"].choices] == [""]
    titles = [str(section.title) for section in form.sections()]
    assert "Geo targeting" in titles
    assert "Device targeting" not in titles
    assert "Query parameters" not in titles


@pytest.mark.usefixtures("paid")
def test_a_pro_link_form_offers_the_redirect_methods(owner, owner_client):
    on_plan(owner, alias=0)

    form = owner_client.get("/user/links/new").context["form"]

    assert [value for value, _ in form.fields["type"].choices] == [
        "", "direct", "frame", "splash"
    ]  # fmt: skip
    assert not form.fields["custom"].disabled


@pytest.mark.usefixtures("paid")
def test_editing_keeps_what_the_plan_no_longer_includes(owner, owner_client):
    on_plan(owner, is_free=True)
    link = LinkFactory(
        owner=owner,
        alias="kept",
        is_custom=True,
        redirect_type="frame",
        expires_at=timezone.now() + timedelta(days=3),
        device_targets={"iphone": "https://example.com/ios"},
    )
    page = owner_client.get(f"/user/links/{link.pk}/edit")
    assert "Your plan does not include this option." in page.content.decode()

    response = owner_client.post(
        f"/user/links/{link.pk}/edit",
        {"url": "https://example.org", "type": "frame", "status": "private"},
    )

    assert response.status_code == 302
    changed = Link.objects.get()
    assert changed.long_url == "https://example.org"
    assert (changed.alias, changed.redirect_type) == ("kept", "frame")
    assert changed.expires_at == link.expires_at
    assert changed.device_targets == {"iphone": "https://example.com/ios"}


@pytest.mark.usefixtures("paid")
def test_a_files_custom_alias_needs_the_alias_feature(owner):
    on_plan(owner, api=0, files=0)

    response = upload(api_client_for(owner), "photo.png", PNG, custom="myphoto")

    assert response.status_code == 200
    link = SharedFile.objects.get().link
    assert (link.is_custom, link.alias == "myphoto") == (False, False)


@pytest.mark.usefixtures("paid")
def test_a_qr_logo_is_dropped_without_qrlogo(owner):
    on_plan(owner, api=0, qr=0)

    response = api_client_for(owner).post(
        "/api/qr/add",
        {"type": "text", "data": "hi", "logo": "https://logo.invalid/logo.png"},
        format="json",
    )

    assert response.status_code == 200  # the logo was not even fetched
    assert not QRCode.objects.get().logo


@pytest.mark.usefixtures("paid")
def test_a_qr_logo_is_used_with_qrlogo(owner):
    on_plan(owner, api=0, qr=0, qrlogo=0)

    response = api_client_for(owner).post(
        "/api/qr/add",
        {"type": "text", "data": "hi", "logo": "https://logo.invalid/logo.png"},
        format="json",
    )

    assert response.status_code == 400  # fetched, and the fetch failed
    assert (
        response.json()["message"] == "Logo must be either a PNG or a JPEG (Max 500kb)."
    )
    assert not QRCode.objects.exists()


@pytest.mark.usefixtures("paid")
def test_the_qr_designer_drops_a_logo_without_qrlogo(owner, owner_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.qrcodes.dashboard.conftest import png_logo

    on_plan(owner, qr=0)

    response = owner_client.post(
        "/user/qr/new",
        {
            "kind": "text",
            "text_text": "hi",
            "foreground": "#000000",
            "background": "#ffffff",
            "logo": SimpleUploadedFile("logo.png", png_logo(), "image/png"),
        },
    )

    assert response.status_code == 302
    assert not QRCode.objects.get().logo


@pytest.mark.usefixtures("paid")
def test_the_qr_designer_offers_a_logo_only_with_qrlogo(owner, owner_client):
    plan = on_plan(owner, qr=0)
    assert owner_client.get("/user/qr/new").context["form"].fields["logo"].disabled

    plan.with_feature("qrlogo", enabled=True)
    plan.save()

    assert not owner_client.get("/user/qr/new").context["form"].fields["logo"].disabled


@pytest.mark.usefixtures("paid")
def test_the_upload_form_offers_what_the_plan_includes(owner, owner_client):
    on_plan(owner, files=0, alias=0)

    fields = owner_client.get("/user/files").context["form"].fields

    assert (fields["custom"].disabled, fields["domain"].disabled) == (False, True)
    assert fields["domain"].help_text == "Your plan does not include this option."

from shortener.forms.links import LinkForm
from splash.models import SplashPage
from tests.factories import LinkFactory
from tests.splash.conftest import image_upload

FORM = {
    "name": "Spring",
    "title": "Spring sale",
    "text": "<p>Up to <b>50%</b> off<script>alert(1)</script></p>",
    "product_url": "https://shop.example/sale",
    "button_label": "Shop now",
    "countdown": "6",
}


def test_the_list_shows_only_the_users_pages(owner_client, splash_page, stranger):
    SplashPage.objects.create(owner=stranger, name="Theirs", title="t")

    response = owner_client.get("/user/splash")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Product 1 Promo" in html
    assert "Theirs" not in html
    assert "Splash pages" in html  # the nav entry


def test_a_page_is_created_with_a_banner_and_clean_text(owner_client, owner):
    response = owner_client.post(
        "/user/splash/new", {**FORM, "banner": image_upload("JPEG", name="b.jpg")}
    )

    assert response.status_code == 302
    page = SplashPage.objects.get()
    assert (page.owner, page.title, page.countdown) == (owner, "Spring sale", 6)
    assert page.text == "<p>Up to <b>50%</b> off</p>"
    assert page.banner.name.startswith("splash/")
    assert page.banner.name.endswith(".jpg")


def test_the_editor_has_a_live_preview(owner_client, splash_page):
    response = owner_client.get(f"/user/splash/{splash_page.pk}/edit")

    assert response.status_code == 200
    html = response.content.decode()
    assert "data-preview-root" in html
    assert 'data-preview-input="title"' in html
    assert "splash/editor.js" in html


def test_a_bad_banner_or_url_is_refused(owner_client):
    bad = {**FORM, "product_url": "javascript:alert(1)"}
    response = owner_client.post("/user/splash/new", bad)
    assert response.status_code == 400

    gif = {**FORM, "banner": image_upload("GIF", name="a.gif")}
    response = owner_client.post("/user/splash/new", gif)
    assert response.status_code == 400
    assert not SplashPage.objects.exists()


def test_countdown_is_at_most_60_seconds(owner_client):
    response = owner_client.post("/user/splash/new", {**FORM, "countdown": "61"})

    assert response.status_code == 400


def test_another_users_page_is_missing(stranger_client, splash_page):
    assert stranger_client.get(f"/user/splash/{splash_page.pk}/edit").status_code == 404
    assert (
        stranger_client.post(f"/user/splash/{splash_page.pk}/delete").status_code == 404
    )
    assert SplashPage.objects.exists()


def test_delete_asks_then_reverts_links(owner_client, owner, splash_page):
    link = LinkFactory(owner=owner, redirect_type=str(splash_page.pk))

    confirm = owner_client.get(f"/user/splash/{splash_page.pk}/delete")
    response = owner_client.post(f"/user/splash/{splash_page.pk}/delete")

    assert confirm.status_code == 200
    assert "Delete this splash page?" in confirm.content.decode()
    assert response.status_code == 302
    assert not SplashPage.objects.exists()
    link.refresh_from_db()
    assert link.redirect_type == ""


def test_the_link_form_offers_the_users_splash_pages(owner, stranger, splash_page):
    theirs = SplashPage.objects.create(owner=stranger, name="Theirs", title="t")

    choices = dict(LinkForm(owner=owner).fields["type"].choices)

    assert choices[str(splash_page.pk)] == "Product 1 Promo"
    assert str(theirs.pk) not in choices

"""Social networks' crawlers get a card page instead of the bare redirect."""

import pytest
from django.conf import settings
from django.core.files.base import ContentFile

from tests.analytics import visits
from tests.analytics.visits import visit
from tests.factories import DomainFactory, LinkFactory
from tests.redirect.conftest import DESTINATION


@pytest.fixture
def card(owner):
    return LinkFactory(
        owner=owner,
        alias="card",
        long_url=DESTINATION,
        meta_title='Summer <script>alert("x")</script> sale',
        meta_description="Everything & more, 50% off",
    )


@pytest.mark.parametrize(
    "user_agent",
    [
        visits.FACEBOOK,
        visits.TWITTER,
        visits.LINKEDIN,
        visits.SLACK,
        visits.WHATSAPP,
        visits.TELEGRAM,
        visits.DISCORD,
        visits.PINTEREST,
        visits.SKYPE,
    ],
)
def test_crawlers_get_the_card_and_a_refresh(client, card, user_agent):
    response = visit(client, "/card?utm=x", HTTP_USER_AGENT=user_agent)

    assert response.status_code == 200
    assert "shortener/preview.html" in [t.name for t in response.templates]
    page = response.content.decode()
    title = "Summer &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; sale"
    assert f'<meta property="og:title" content="{title}">' in page
    assert f'<meta name="twitter:title" content="{title}">' in page
    assert f"<title>{title}</title>" in page
    description = "Everything &amp; more, 50% off"
    assert f'<meta property="og:description" content="{description}">' in page
    assert f'<meta property="og:url" content="{settings.SITE_URL}/card">' in page
    assert '<meta name="twitter:card" content="summary">' in page
    assert f'<meta http-equiv="refresh" content="0; url={DESTINATION}?utm=x">' in page
    assert "<script>" not in page


def test_the_crawlers_visit_is_stored_as_a_bot(client, card):
    visit(client, "/card", HTTP_USER_AGENT=visits.FACEBOOK)

    click = card.click_set.get()
    assert (click.is_bot, click.device_type, click.is_unique) == (True, "bot", False)
    card.refresh_from_db()
    assert (card.clicks, card.unique_clicks) == (0, 0)


def test_without_a_title_the_card_shows_the_destination(client, owner):
    LinkFactory(owner=owner, alias="plain", long_url=DESTINATION)

    page = visit(client, "/plain", HTTP_USER_AGENT=visits.TWITTER).content.decode()

    assert f'<meta property="og:title" content="{DESTINATION}">' in page
    assert "og:description" not in page
    assert "og:image" not in page


def test_the_preview_image_is_an_absolute_address(client, owner):
    link = LinkFactory(owner=owner, alias="pic", long_url=DESTINATION)
    link.meta_image.save("banner.png", ContentFile(b"png"), save=True)

    page = visit(client, "/pic", HTTP_USER_AGENT=visits.FACEBOOK).content.decode()

    image = f"{settings.SITE_URL}/media/{link.meta_image.name}"
    assert f'<meta property="og:image" content="{image}">' in page
    assert '<meta name="twitter:card" content="summary_large_image">' in page


def test_other_bots_get_the_plain_redirect(client, card):
    response = visit(client, "/card", HTTP_USER_AGENT=visits.GOOGLEBOT)

    assert response.status_code == 302
    assert response["Location"] == DESTINATION
    assert card.click_set.get().is_bot is True


def test_a_locked_link_shows_crawlers_the_form_only(client, card):
    card.set_password("pw")
    card.save()

    response = visit(client, "/card", HTTP_USER_AGENT=visits.FACEBOOK)

    assert "shortener/password.html" in [t.name for t in response.templates]
    assert "Summer" not in response.content.decode()
    assert "example.com/landing" not in response.content.decode()


def test_a_branded_links_card_carries_its_branded_address(client, owner):
    brand = DomainFactory(owner=owner, host="go.brand.example")
    LinkFactory(owner=owner, domain=brand, alias="Deal", long_url=DESTINATION)

    page = visit(
        client, "/deal", HTTP_HOST="go.brand.example", HTTP_USER_AGENT=visits.SLACK
    ).content.decode()

    assert '<meta property="og:url" content="https://go.brand.example/Deal">' in page

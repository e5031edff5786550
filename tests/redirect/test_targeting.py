"""Choosing the destination: geo, then device, then language targets (§16.1 step 6)."""

import pytest

from tests.analytics import visits
from tests.analytics.visits import visit
from tests.factories import LinkFactory
from tests.redirect.conftest import DESTINATION

US = "https://example.com/us"
CANADA = "https://example.com/ca"
IPHONE = "https://example.com/iphone"
ANDROID = "https://example.com/android"
FRENCH = "https://example.com/fr"


@pytest.fixture
def geo(owner):
    return LinkFactory(
        owner=owner,
        alias="geo",
        long_url=DESTINATION,
        geo_targets={"united states": US, "canada": CANADA},
    )


@pytest.mark.parametrize(
    ("ip", "expected"),
    [
        (visits.US_IP, US),
        (visits.CANADA_IP, CANADA),
        (visits.FRANCE_IP, DESTINATION),
        ("127.0.0.1", DESTINATION),  # private: no country
    ],
)
def test_the_visitors_country_picks_the_destination(client, geo, ip, expected):
    response = visit(client, "/geo", REMOTE_ADDR=ip)

    assert response["Location"] == expected


def test_forwarded_addresses_are_ignored_without_trusted_proxies(client, geo):
    response = visit(
        client, "/geo", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=visits.US_IP
    )

    assert response["Location"] == DESTINATION


def test_behind_a_trusted_proxy_the_address_it_received_from_counts(
    client, geo, settings
):
    settings.TRUSTED_PROXY_COUNT = 1

    # The visitor forged the first entry; the proxy appended the real one.
    response = visit(
        client,
        "/geo",
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=f"{visits.US_IP}, {visits.CANADA_IP}",
    )

    assert response["Location"] == CANADA


def test_two_trusted_proxies_skip_the_nearest_hop(client, geo, settings):
    settings.TRUSTED_PROXY_COUNT = 2

    response = visit(
        client,
        "/geo",
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=f"{visits.CANADA_IP}, {visits.US_IP}, 10.0.0.2",
    )

    assert response["Location"] == US


@pytest.fixture
def devices(owner):
    return LinkFactory(
        owner=owner,
        alias="devices",
        long_url=DESTINATION,
        device_targets={
            "iphone": IPHONE,
            "ipad": "https://example.com/ipad",
            "ipod": "https://example.com/ipod",
            "android": ANDROID,
            "windows": "https://example.com/windows",
            "mac os": "https://example.com/mac",
            "linux": "https://example.com/linux",
            "ubuntu": "https://example.com/ubuntu",
            "blackberry": "https://example.com/blackberry",
        },
    )


@pytest.mark.parametrize(
    ("user_agent", "expected"),
    [
        (visits.IPHONE, IPHONE),
        (visits.IPAD, "https://example.com/ipad"),
        (visits.IPOD, "https://example.com/ipod"),
        (visits.ANDROID_PHONE, ANDROID),
        (visits.ANDROID_TABLET, ANDROID),
        (visits.CHROME_WINDOWS, "https://example.com/windows"),
        (visits.SAFARI_MAC, "https://example.com/mac"),
        (visits.FIREFOX_LINUX, "https://example.com/linux"),
        (visits.FIREFOX_UBUNTU, "https://example.com/ubuntu"),
        (visits.BLACKBERRY, "https://example.com/blackberry"),
        (visits.KAIOS, DESTINATION),
    ],
)
def test_the_visitors_device_picks_the_destination(
    client, devices, user_agent, expected
):
    response = visit(client, "/devices", HTTP_USER_AGENT=user_agent)

    assert response["Location"] == expected


@pytest.mark.parametrize(
    ("user_agent", "expected"),
    [
        (visits.KAIOS, "https://example.com/mobile"),
        (visits.ANDROID_PHONE, "https://example.com/mobile"),
        (visits.IPHONE, IPHONE),  # a named device wins over "mobile"
        (visits.CHROME_WINDOWS, DESTINATION),
    ],
)
def test_mobile_catches_the_phones_no_other_key_names(
    client, owner, user_agent, expected
):
    LinkFactory(
        owner=owner,
        alias="phones",
        long_url=DESTINATION,
        device_targets={"mobile": "https://example.com/mobile", "iphone": IPHONE},
    )

    response = visit(client, "/phones", HTTP_USER_AGENT=user_agent)

    assert response["Location"] == expected


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("fr-FR,fr;q=0.9,en;q=0.8", FRENCH),
        ("FR", FRENCH),
        ("en-US,fr;q=0.9", DESTINATION),  # only the first language counts
        ("*", DESTINATION),
        ("", DESTINATION),
    ],
)
def test_the_first_accepted_language_picks_the_destination(
    client, owner, accept_language, expected
):
    LinkFactory(
        owner=owner,
        alias="lang",
        long_url=DESTINATION,
        language_targets={"fr": FRENCH},
    )

    response = visit(client, "/lang", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response["Location"] == expected


@pytest.fixture
def everything(owner):
    return LinkFactory(
        owner=owner,
        alias="all",
        long_url=DESTINATION,
        geo_targets={"united states": US},
        device_targets={"iphone": IPHONE},
        language_targets={"fr": FRENCH},
        parameters=[["src", "sms"]],
    )


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"REMOTE_ADDR": visits.US_IP, "HTTP_USER_AGENT": visits.IPHONE}, US),
        ({"HTTP_USER_AGENT": visits.IPHONE, "HTTP_ACCEPT_LANGUAGE": "fr"}, IPHONE),
        ({"HTTP_ACCEPT_LANGUAGE": "fr"}, FRENCH),
        ({}, DESTINATION),
    ],
)
def test_geo_wins_over_device_which_wins_over_language(
    client, everything, headers, expected
):
    response = visit(client, "/all?x=1", **headers)

    assert response["Location"] == f"{expected}?src=sms&x=1"


def test_a_state_level_geo_entry_is_not_a_destination(client, owner):
    LinkFactory(
        owner=owner,
        alias="states",
        long_url=DESTINATION,
        geo_targets={"united states": {"california": US}},
    )

    response = visit(client, "/states", REMOTE_ADDR=visits.US_IP)

    assert response["Location"] == DESTINATION


@pytest.fixture
def app(owner):
    return LinkFactory(
        owner=owner,
        alias="app",
        long_url=DESTINATION,
        deeplink={
            "apple": "itms-apps://apps.apple.com/app/id123",
            "google": "market://details?id=com.example",
        },
        parameters=[["src", "qr"]],
    )


@pytest.mark.parametrize(
    ("user_agent", "app_link"),
    [
        (visits.IPHONE, "itms-apps://apps.apple.com/app/id123"),
        (visits.IPAD, "itms-apps://apps.apple.com/app/id123"),
        (visits.ANDROID_PHONE, "market://details?id=com.example"),
    ],
)
def test_phones_get_a_page_that_tries_the_app_first(client, app, user_agent, app_link):
    response = visit(client, "/app", HTTP_USER_AGENT=user_agent)

    assert response.status_code == 200
    assert "shortener/deeplink.html" in [t.name for t in response.templates]
    assert response.context["app_link"] == app_link
    assert response.context["destination"] == f"{DESTINATION}?src=qr"
    page = response.content.decode()
    assert f'href="{app_link}"' in page
    assert f'href="{DESTINATION}?src=qr"' in page
    assert app.click_set.get().is_bot is False


def test_desktops_skip_the_app_page(client, app):
    response = visit(client, "/app")

    assert response.status_code == 302
    assert response["Location"] == f"{DESTINATION}?src=qr"


def test_an_iphone_without_an_apple_link_is_redirected(client, owner):
    LinkFactory(
        owner=owner,
        alias="droid",
        long_url=DESTINATION,
        deeplink={"google": "market://details?id=com.example"},
    )

    response = visit(client, "/droid", HTTP_USER_AGENT=visits.IPHONE)

    assert response.status_code == 302


def test_a_deep_link_with_a_forbidden_scheme_is_never_offered(client, owner):
    LinkFactory(
        owner=owner,
        alias="evil",
        long_url=DESTINATION,
        deeplink={"apple": "javascript:alert(1)"},
    )

    response = visit(client, "/evil", HTTP_USER_AGENT=visits.IPHONE)

    assert response.status_code == 302
    assert response["Location"] == DESTINATION

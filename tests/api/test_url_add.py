"""POST /api/url/add (§3.3, D11, D12, D13, D27, D30, D32)."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from shortener.models import Link
from tests.factories import DomainFactory, LinkFactory

ADD = "/api/url/add"


def add(client, **body):
    return client.post(ADD, body, format="json")


def error(response) -> str:
    return response.json()["message"]


def test_it_shortens_a_url_with_a_random_alias(owner_api, owner, settings):
    response = add(owner_api, url="https://google.com")
    assert response.status_code == 200
    link = Link.objects.get()
    assert link.owner == owner
    assert len(link.alias) == 5
    assert link.alias.isalpha()
    assert not link.is_custom
    short = f"{settings.SITE_URL}/{link.alias}"
    assert response.json() == {
        "error": 0,
        "id": link.pk,
        "shorturl": short,
        "short": short,
    }


def test_it_stores_every_option(owner_api, owner):
    domain = DomainFactory(owner=owner, host="go.brand.example")
    expiry = (timezone.now() + timedelta(days=3)).strftime("%Y-%m-%d %H:%M:%S")
    response = add(
        owner_api,
        url=" https://google.com ",
        custom="Google",
        type="splash",
        password="mypass",
        domain="https://go.brand.example",
        expiry=expiry,
        geotarget=[
            {"location": "Canada", "link": "https://google.ca"},
            {"location": "United States", "link": "javascript:alert(1)"},
        ],
        devicetarget=[{"device": "iPhone", "link": "https://apple.com"}],
        languagetarget=[{"language": "french", "link": "https://google.fr"}],
        metatitle="Not Google",
        metadescription="Not Google description",
        description="For facebook",
        pixels=[1, 2],
        channel=1,
        campaign=1,
        deeplink={"apple": "https://apps.apple.com/us/app/google/id284815942"},
        status="public",
        parameters=[
            {"name": "aff", "value": "3"},
            {"device": "gtm_source", "link": "api"},
        ],
    )
    assert response.status_code == 200, response.json()
    link = Link.objects.get()
    assert response.json()["shorturl"] == "https://go.brand.example/Google"
    assert (link.alias, link.is_custom, link.domain) == ("Google", True, domain)
    assert link.long_url == "https://google.com"
    assert link.redirect_type == "splash"
    assert link.check_password("mypass")
    assert "mypass" not in link.password
    assert link.expires_at.strftime("%Y-%m-%d %H:%M:%S") == expiry
    assert link.geo_targets == {"canada": "https://google.ca"}
    assert link.device_targets == {"iphone": "https://apple.com"}
    assert link.language_targets == {"fr": "https://google.fr"}
    assert (link.meta_title, link.meta_description) == (
        "Not Google",
        "Not Google description",
    )
    assert link.note == "For facebook"
    assert link.is_public
    assert link.parameters == [["aff", "3"]]
    assert link.deeplink == {
        "apple": "https://apps.apple.com/us/app/google/id284815942"
    }


def test_missing_url_is_400(owner_api):
    response = add(owner_api, custom="abc")
    assert response.status_code == 400
    assert response.json() == {"error": 1, "message": "Missing required parameter: url"}


@pytest.mark.parametrize(
    "url",
    [
        "",
        "   ",
        None,
        42,
        ["https://a.com"],
        "google.com",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "file:///etc/passwd",
        "ftp://example.com/file",
        "https://",
        "https://exa mple.com",
        "https://example.com:99999/",
        "//example.com/path",
    ],
)
def test_invalid_urls_are_400(owner_api, url):
    response = add(owner_api, url=url)
    assert response.status_code == 400
    assert response.json() == {"error": 1, "message": "Please enter a valid URL."}
    assert not Link.objects.exists()


def test_links_to_the_site_itself_are_refused(owner_api, owner, settings):
    DomainFactory(host="brand.example")
    for url in (f"{settings.SITE_URL}/abc", "https://brand.example/xyz"):
        response = add(owner_api, url=url)
        assert response.status_code == 400
        assert error(response) == "You cannot shorten URLs of this website."


def test_executables_are_refused(owner_api):
    response = add(owner_api, url="https://example.com/setup.EXE")
    assert response.status_code == 400
    assert error(response) == "Linking to executable files is not allowed."


def test_blacklists_apply(owner_api, settings):
    settings.BLACKLISTED_DOMAINS = ["evil.example"]
    settings.BLACKLISTED_KEYWORDS = ["casino"]
    response = add(owner_api, url="https://www.evil.example/")
    assert error(response) == "This domain name or link has been blacklisted."
    response = add(owner_api, url="https://fine.example/best-casino")
    assert error(response) == "This URL contains blacklisted keywords."


@pytest.mark.parametrize(
    ("custom", "status", "message"),
    [
        ("ab", 400, "Custom alias must be at least 3 characters."),
        ("!!", 400, "Custom alias must be at least 3 characters."),
        ("fuck-you", 400, "Inappropriate aliases are not allowed."),
        ("api", 409, "That alias is reserved. Please choose another one."),
        ("Admin", 409, "That alias is reserved. Please choose another one."),
    ],
)
def test_custom_alias_rules(owner_api, custom, status, message):
    response = add(owner_api, url="https://example.com", custom=custom)
    assert response.status_code == status
    assert error(response) == message


def test_custom_alias_is_slugified_keeping_case(owner_api):
    response = add(owner_api, url="https://example.com", custom=" Été Promo 2024! ")
    assert response.json()["shorturl"].endswith("/Ete-Promo-2024")


def test_words_that_only_contain_offensive_text_are_fine(owner_api):
    response = add(owner_api, url="https://example.com", custom="document-analysis")
    assert response.status_code == 200


def test_a_taken_alias_is_409_in_any_case(owner_api, stranger):
    LinkFactory(owner=stranger, alias="google")
    response = add(owner_api, url="https://example.com", custom="GOOGLE")
    assert response.status_code == 409
    assert response.json() == {
        "error": 1,
        "message": "That alias is taken. Please choose another one.",
    }


def test_the_same_alias_may_live_on_another_domain(owner_api, owner):
    LinkFactory(alias="google")
    DomainFactory(owner=owner, host="brand.example")
    response = add(
        owner_api, url="https://example.com", custom="google", domain="brand.example"
    )
    assert response.status_code == 200
    assert response.json()["shorturl"] == "https://brand.example/google"


def test_someone_elses_domain_falls_back_to_the_main_site(
    owner_api, stranger, settings
):
    DomainFactory(owner=stranger, host="theirs.example")
    response = add(
        owner_api, url="https://example.com", domain="https://theirs.example"
    )
    assert response.json()["shorturl"].startswith(settings.SITE_URL)


@pytest.mark.parametrize(
    ("expiry", "message"),
    [
        ("2001-01-01 00:00:00", "The expiry date must be later than today."),
        ("tomorrow", "The expiration date is not valid."),
        ("2099-13-40 00:00:00", "The expiration date is not valid."),
    ],
)
def test_bad_expiry_is_400(owner_api, expiry, message):
    response = add(owner_api, url="https://example.com", expiry=expiry)
    assert response.status_code == 400
    assert error(response) == message


def test_a_bare_expiry_date_means_the_end_of_that_day(owner_api):
    add(owner_api, url="https://example.com", expiry="2099-09-28")
    expires = timezone.localtime(Link.objects.get().expires_at)
    assert (expires.date().isoformat(), expires.hour, expires.minute) == (
        "2099-09-28",
        23,
        59,
    )


@pytest.mark.parametrize(
    "body",
    [
        {"geotarget": "canada"},
        {"geotarget": ["canada"]},
        {"parameters": "aff=3"},
        {"deeplink": "yes"},
        {"pixels": "1,2"},
        {"metatitle": {"a": 1}},
    ],
)
def test_wrongly_shaped_options_are_400(owner_api, body):
    response = add(owner_api, url="https://example.com", **body)
    assert response.status_code == 400
    assert error(response) == "Invalid request or incorrect data format."
    assert not Link.objects.exists()


def test_an_identical_link_is_returned_again(owner_api):
    first = add(owner_api, url="https://example.com", password="pw123").json()
    second = add(owner_api, url="https://example.com", password="pw123").json()
    assert first == second
    assert Link.objects.count() == 1


@pytest.mark.parametrize(
    "difference",
    [
        {"password": "other"},
        {"type": "frame"},
        {"geotarget": [{"location": "Italy", "link": "https://example.it"}]},
        {"parameters": [{"name": "a", "value": "b"}]},
        {"custom": "mine"},
    ],
)
def test_any_difference_makes_a_new_link(owner_api, difference):
    add(owner_api, url="https://example.com", password="pw123")
    add(owner_api, url="https://example.com", **{"password": "pw123", **difference})
    assert Link.objects.count() == 2


def test_deduplication_can_be_switched_off(owner_api, settings):
    settings.DEDUPLICATE_LINKS = False
    add(owner_api, url="https://example.com")
    add(owner_api, url="https://example.com")
    assert Link.objects.count() == 2


def test_deduplication_is_per_user(owner_api, stranger_api):
    a = add(owner_api, url="https://example.com").json()
    b = add(stranger_api, url="https://example.com").json()
    assert a["id"] != b["id"]


def test_auto_deeplink_derives_app_links(owner_api):
    add(owner_api, url="https://www.youtube.com/watch?v=x", deeplink={"auto": True})
    deeplink = Link.objects.get().deeplink
    assert deeplink["apple"].startswith("https://apps.apple.com/")
    assert deeplink["google"].startswith("https://play.google.com/")


def test_random_aliases_skip_taken_codes(owner_api, monkeypatch):
    LinkFactory(alias="Taken")
    codes = iter(["taken", "Fresh"])
    monkeypatch.setattr("shortener.aliases.random_alias", lambda length: next(codes))
    response = add(owner_api, url="https://example.com")
    assert response.json()["shorturl"].endswith("/Fresh")


def test_random_aliases_grow_when_a_length_is_crowded(owner_api, monkeypatch, settings):
    LinkFactory(alias="aaaaa")
    lengths = []

    def draw(length):
        lengths.append(length)
        return "a" * length

    monkeypatch.setattr("shortener.aliases.random_alias", draw)
    response = add(owner_api, url="https://example.com")
    assert response.json()["shorturl"].endswith("/aaaaaa")
    assert lengths[-1] == settings.ALIAS_LENGTH + 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("concurrent_writers")
def test_concurrent_creates_of_one_alias_make_one_link(owner):
    from tests.conftest import api_client_for

    results = []

    def create():
        client = api_client_for(owner)
        response = client.post(
            ADD,
            {"url": f"https://example.com/{threading.get_ident()}", "custom": "race"},
            format="json",
        )
        results.append(response.status_code)
        connection.close()

    threads = [threading.Thread(target=create) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [200, 409, 409, 409]
    assert Link.objects.filter(alias="race").count() == 1


def test_a_resubmitted_request_with_the_same_meta_texts_is_deduplicated(owner_api):
    body = {"url": "https://example.com", "metatitle": "T", "metadescription": "D"}
    first = owner_api.post(ADD, body, format="json").json()
    assert owner_api.post(ADD, body, format="json").json() == first
    other = owner_api.post(ADD, {**body, "metatitle": "Other"}, format="json").json()
    assert other["id"] != first["id"]


def test_countries_are_stored_under_the_names_visitors_resolve_to(owner_api):
    add(
        owner_api,
        url="https://example.com",
        geotarget=[
            {"location": "Netherlands", "link": "https://example.nl"},
            {"location": "USA", "link": "https://example.us"},
            {"location": "it", "link": "https://example.it"},
            {"location": "Atlantis", "link": "https://example.org"},
        ],
    )
    assert Link.objects.get().geo_targets == {
        "the netherlands": "https://example.nl",
        "united states": "https://example.us",
        "italy": "https://example.it",
        "atlantis": "https://example.org",
    }

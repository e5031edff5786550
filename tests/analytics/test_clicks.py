"""Which visits are stored and counted, and what a click row keeps (D34)."""

import datetime
import uuid
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from django.utils.crypto import salted_hmac

from analytics import clicks
from analytics.models import Click
from tests.analytics import visits
from tests.analytics.visits import visit
from tests.factories import LinkFactory


def counters(link) -> tuple[int, int]:
    link.refresh_from_db()
    return link.clicks, link.unique_clicks


def test_a_click_keeps_where_the_visitor_came_from_and_with_what(client, link):
    visit(
        client,
        "/stats",
        REMOTE_ADDR=visits.CANADA_IP,
        HTTP_USER_AGENT=visits.IPHONE,
        HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.9,en;q=0.8",
        HTTP_REFERER="https://www.news.example/story?id=3",
    )

    click = Click.objects.get()
    assert click.link == link
    assert (click.country_code, click.country) == ("CA", "Canada")
    assert (click.browser, click.os, click.device_type) == (
        "Mobile Safari",
        "iOS",
        "mobile",
    )
    assert click.referrer == "https://www.news.example/story?id=3"
    assert click.referrer_domain == "news.example"
    assert click.language == "fr"
    assert (click.is_bot, click.is_unique) == (False, True)
    assert len(click.visitor) == 64
    assert click.ip is None  # not kept unless asked for
    assert counters(link) == (1, 1)


@pytest.mark.parametrize(
    ("user_agent", "device_type"),
    [
        (visits.CHROME_WINDOWS, "desktop"),
        (visits.SAFARI_MAC, "desktop"),
        (visits.FIREFOX_UBUNTU, "desktop"),
        (visits.ANDROID_PHONE, "mobile"),
        (visits.KAIOS, "mobile"),
        (visits.IPAD, "tablet"),
        (visits.ANDROID_TABLET, "tablet"),
        (visits.GOOGLEBOT, "bot"),
    ],
)
def test_the_device_type_is_recorded(client, link, user_agent, device_type):
    visit(client, "/stats", HTTP_USER_AGENT=user_agent)

    assert Click.objects.get().device_type == device_type


def test_unknown_countries_and_direct_visits_are_left_empty(client, link):
    visit(client, "/stats", REMOTE_ADDR="192.168.1.20", HTTP_ACCEPT_LANGUAGE="")

    click = Click.objects.get()
    assert (click.country_code, click.country) == ("", "")
    assert (click.referrer, click.referrer_domain, click.language) == ("", "", "")


def test_ipv6_addresses_are_placed_too(client, link):
    visit(client, "/stats", REMOTE_ADDR=visits.FRANCE_IPV6)

    assert Click.objects.get().country == "France"


def test_a_referrer_on_our_own_host_counts_as_direct(client, link):
    visit(client, "/stats", HTTP_REFERER="http://testserver/stats")

    assert Click.objects.get().referrer_domain == ""


def test_very_long_referrers_are_cut(client, link):
    visit(client, "/stats", HTTP_REFERER="https://a.example/" + "x" * 3000)

    assert len(Click.objects.get().referrer) == 1000


def test_the_address_is_kept_only_when_asked_for(client, link, settings):
    settings.CLICKS_STORE_IP = True

    visit(client, "/stats", REMOTE_ADDR=visits.US_IP)

    assert Click.objects.get().ip == visits.US_IP


def test_the_visitor_hash_does_not_contain_the_address(client, link):
    visit(client, "/stats", REMOTE_ADDR=visits.US_IP)

    assert visits.US_IP not in Click.objects.get().visitor


def test_the_visitor_hash_is_djangos_salted_hmac_of_the_day(client, link):
    visit(client, "/stats", REMOTE_ADDR=visits.US_IP, HTTP_USER_AGENT=visits.IPHONE)

    day = timezone.localdate()
    expected = salted_hmac(
        f"analytics.visitor.{day}",
        f"{visits.US_IP}\n{visits.IPHONE}",
        algorithm="sha256",
    )
    assert Click.objects.get().visitor == expected.hexdigest()


@pytest.mark.parametrize("zone", ["Europe/Paris", "America/Los_Angeles", "UTC"])
def test_the_day_turns_at_midnight_in_the_sites_time_zone(settings, zone):
    settings.TIME_ZONE = zone
    local = ZoneInfo(zone)
    before = datetime.datetime(2026, 3, 28, 23, 59, 59, tzinfo=local)

    with time_machine.travel(before, tick=False) as traveller:
        assert clicks.today() == datetime.date(2026, 3, 28)
        traveller.shift(datetime.timedelta(seconds=1))
        assert clicks.today() == datetime.date(2026, 3, 29)
        # The night Paris moves its clocks on (a 23-hour day) ends on time too.
        traveller.move_to(datetime.datetime(2026, 3, 29, 23, 59, 59, tzinfo=local))
        assert clicks.today() == datetime.date(2026, 3, 29)
        traveller.shift(datetime.timedelta(seconds=1))
        assert clicks.today() == datetime.date(2026, 3, 30)
        traveller.move_to(before)  # and back in time
        assert clicks.today() == datetime.date(2026, 3, 28)


def test_the_day_follows_a_change_of_time_zone(settings):
    moment = datetime.datetime(2026, 5, 1, 2, 0, tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False):
        settings.TIME_ZONE = "UTC"
        assert clicks.today() == datetime.date(2026, 5, 1)
        settings.TIME_ZONE = "America/New_York"
        assert clicks.today() == datetime.date(2026, 4, 30)


@pytest.mark.parametrize(
    "user_agent", [visits.GOOGLEBOT, visits.CURL, visits.FACEBOOK, ""]
)
def test_bots_are_stored_but_not_counted(client, link, user_agent):
    response = visit(client, "/stats", HTTP_USER_AGENT=user_agent)

    assert response.status_code in {200, 302}
    click = Click.objects.get()
    assert (click.is_bot, click.is_unique, click.device_type) == (True, False, "bot")
    assert counters(link) == (0, 0)


def test_a_repeat_within_15_minutes_is_neither_stored_nor_counted(client, link):
    visit(client, "/stats")
    response = visit(client, "/stats")

    assert response.status_code == 302  # the visitor still gets there
    assert Click.objects.count() == 1
    assert counters(link) == (1, 1)


def test_the_repeat_window_is_15_minutes():
    assert clicks.REPEAT_SECONDS == 15 * 60


def test_another_visitor_is_counted_at_once(client, link):
    visit(client, "/stats")
    visit(client, "/stats", REMOTE_ADDR=visits.US_IP)
    visit(client, "/stats", HTTP_USER_AGENT=visits.SAFARI_MAC)

    assert Click.objects.count() == 3
    assert counters(link) == (3, 3)


def test_a_later_visit_the_same_day_counts_but_is_not_unique(client, link):
    with time_machine.travel(timezone.now().replace(hour=10), tick=False) as clock:
        visit(client, "/stats")
        clock.shift(datetime.timedelta(minutes=15))
        visit(client, "/stats")

    assert list(Click.objects.order_by("id").values_list("is_unique", flat=True)) == [
        True,
        False,
    ]
    assert counters(link) == (2, 1)


def test_the_next_day_the_same_visitor_is_unique_again(client, link):
    visit(client, "/stats")

    with time_machine.travel(timezone.now() + datetime.timedelta(days=1)):
        visit(client, "/stats")

    first, second = Click.objects.order_by("id")
    assert first.visitor != second.visitor
    assert (first.is_unique, second.is_unique) == (True, True)
    assert counters(link) == (2, 2)


def test_uniqueness_is_per_link(client, link, owner):
    LinkFactory(owner=owner, alias="second")

    visit(client, "/stats")
    visit(client, "/second")

    assert list(Click.objects.values_list("is_unique", flat=True)) == [True, True]


def test_the_owners_own_visit_is_not_counted(client, link, owner):
    client.force_login(owner)

    response = visit(client, "/stats")

    assert response.status_code == 302
    assert not Click.objects.exists()
    assert counters(link) == (0, 0)


def test_another_signed_in_user_is_counted(link, stranger):
    browser = Client()
    browser.force_login(stranger)

    visit(browser, "/stats")

    assert counters(link) == (1, 1)


def test_a_forged_forwarded_address_is_not_the_visitor(client, link, settings):
    settings.CLICKS_STORE_IP = True

    visit(client, "/stats", HTTP_X_FORWARDED_FOR=visits.US_IP)

    assert Click.objects.get().ip == visits.FRANCE_IP


@pytest.mark.parametrize("forwarded", ["", "not-an-address", " , "])
def test_a_missing_or_bad_forwarded_address_falls_back(
    client, link, settings, forwarded
):
    settings.CLICKS_STORE_IP = True
    settings.TRUSTED_PROXY_COUNT = 1

    visit(client, "/stats", HTTP_X_FORWARDED_FOR=forwarded)

    assert Click.objects.get().ip == visits.FRANCE_IP


def test_deleting_a_link_deletes_its_clicks(client, link):
    visit(client, "/stats")

    link.delete()

    assert not Click.objects.exists()


def test_event_ids_are_version_7_uuids_that_follow_the_clock():
    moment = datetime.datetime(2026, 5, 1, tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False) as t:
        first = uuid.UUID(clicks.new_event_id())
        t.shift(datetime.timedelta(milliseconds=5))
        second = uuid.UUID(clicks.new_event_id())

    assert (first.version, first.variant) == (7, uuid.RFC_4122)
    assert first.int >> 80 == 1777593600000  # milliseconds since the epoch
    assert second.int >> 80 == 1777593600005
    assert first < second
    assert len({clicks.new_event_id() for _ in range(1000)}) == 1000

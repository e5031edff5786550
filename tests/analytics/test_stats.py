"""`link_stats`: the statistics block of a link's details (D9)."""

from analytics.stats import link_stats
from tests.analytics.factories import ClickFactory

EMPTY_SOCIAL = {"facebook": 0, "twitter": 0, "instagram": 0, "linkedin": 0, "google": 0}


def clicks(link, number: int, **fields: object) -> None:
    ClickFactory.create_batch(number, link=link, **fields)


def test_a_link_without_clicks_has_empty_maps(link):
    assert link_stats(link) == {
        "clicks": 0,
        "uniqueClicks": 0,
        "topCountries": {},
        "topReferrers": {},
        "topBrowsers": {},
        "topOs": {},
        "socialCount": EMPTY_SOCIAL,
    }


def test_the_counts_come_from_the_links_counters(link):
    link.clicks, link.unique_clicks = 42, 17
    link.save()
    clicks(link, 2)

    stats = link_stats(link)

    assert (stats["clicks"], stats["uniqueClicks"]) == (42, 17)


def test_each_map_counts_the_human_clicks(link):
    clicks(link, 3, country="France", browser="Firefox", os="Linux")
    clicks(link, 2, country="Canada", browser="Safari", os="iOS")
    clicks(link, 1, country="", browser="Chrome", os="Windows")
    clicks(link, 9, country="Russia", browser="Bot", os="Other", is_bot=True)

    stats = link_stats(link)

    assert stats["topCountries"] == {"France": 3, "Canada": 2, "Unknown": 1}
    assert list(stats["topCountries"]) == ["France", "Canada", "Unknown"]
    assert stats["topBrowsers"] == {"Firefox": 3, "Safari": 2, "Chrome": 1}
    assert stats["topOs"] == {"Linux": 3, "iOS": 2, "Windows": 1}
    assert stats["topReferrers"] == {"Direct, email and other": 6}


def test_only_the_ten_largest_are_kept_largest_first(link):
    for number in range(1, 13):  # Country 1 once … Country 12 twelve times
        clicks(link, number, country=f"Country {number}")
    clicks(link, 7, country="Another")  # ties with Country 7: labels in order

    top = link_stats(link)["topCountries"]

    assert list(top.items()) == [
        ("Country 12", 12),
        ("Country 11", 11),
        ("Country 10", 10),
        ("Country 9", 9),
        ("Country 8", 8),
        ("Another", 7),
        ("Country 7", 7),
        ("Country 6", 6),
        ("Country 5", 5),
        ("Country 4", 4),
    ]


def test_social_referrers_are_counted_apart(link):
    for domain, number in [
        ("facebook.com", 2),
        ("m.facebook.com", 1),
        ("l.facebook.com", 1),
        ("t.co", 3),
        ("x.com", 1),
        ("twitter.com", 1),
        ("instagram.com", 2),
        ("lnkd.in", 1),
        ("linkedin.com", 1),
        ("google.com", 4),
        ("notfacebook.com", 2),
        ("", 5),
    ]:
        clicks(link, number, referrer_domain=domain)
    clicks(link, 8, referrer_domain="facebook.com", is_bot=True)

    stats = link_stats(link)

    assert stats["socialCount"] == {
        "facebook": 4,
        "twitter": 5,
        "instagram": 2,
        "linkedin": 2,
        "google": 0,
    }
    assert stats["topReferrers"] == {
        "Direct, email and other": 5,
        "google.com": 4,
        "notfacebook.com": 2,
    }
    assert list(stats["topReferrers"]) == [
        "Direct, email and other",
        "google.com",
        "notfacebook.com",
    ]


def test_other_links_clicks_are_not_counted(link):
    clicks(link, 1, country="France")
    ClickFactory(country="Canada")

    assert link_stats(link)["topCountries"] == {"France": 1}

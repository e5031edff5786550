"""A link's statistics in the shape of `GET /api/url/:id` (D9)."""

from collections import Counter
from typing import TypedDict

from django.db.models import Count, QuerySet

from analytics.models import Click
from shortener.models import Link

TOP = 10
UNKNOWN_COUNTRY = "Unknown"
DIRECT = "Direct, email and other"
# Referrer domains (and their subdomains) counted in socialCount, not topReferrers.
SOCIAL_DOMAINS = {
    "facebook": ("facebook.com", "fb.com", "fb.me"),
    "twitter": ("twitter.com", "x.com", "t.co"),
    "instagram": ("instagram.com",),
    "linkedin": ("linkedin.com", "lnkd.in"),
}


class SocialCount(TypedDict):
    facebook: int
    twitter: int
    instagram: int
    linkedin: int
    google: int


class LinkStats(TypedDict):
    """The `data` block of a link's details (D9); keys as the contract spells them."""

    clicks: int
    uniqueClicks: int
    topCountries: dict[str, int]
    topReferrers: dict[str, int]
    topBrowsers: dict[str, int]
    topOs: dict[str, int]
    socialCount: SocialCount


def link_stats(link: Link) -> LinkStats:
    """Counters and top-10 breakdowns of the link's human clicks."""
    clicks = Click.objects.filter(link=link, is_bot=False)
    referrers = counts(clicks, "referrer_domain")
    social: Counter[str] = Counter()
    others: Counter[str] = Counter()
    for domain, number in referrers.items():
        network = social_network(domain)
        if network:
            social[network] += number
        else:
            others[domain or DIRECT] += number
    return {
        "clicks": link.clicks,
        "uniqueClicks": link.unique_clicks,
        "topCountries": top(counts(clicks, "country"), empty=UNKNOWN_COUNTRY),
        "topReferrers": top(others),
        "topBrowsers": top(counts(clicks, "browser")),
        "topOs": top(counts(clicks, "os")),
        "socialCount": social_count(social),
    }


def social_count(numbers: Counter[str] | None = None) -> SocialCount:
    numbers = numbers or Counter()
    return {
        "facebook": numbers["facebook"],
        "twitter": numbers["twitter"],
        "instagram": numbers["instagram"],
        "linkedin": numbers["linkedin"],
        "google": 0,  # kept for the documented shape (D9)
    }


def empty_stats() -> LinkStats:
    """The block of something never counted, such as a static QR code (D9)."""
    return {
        "clicks": 0,
        "uniqueClicks": 0,
        "topCountries": {},
        "topReferrers": {},
        "topBrowsers": {},
        "topOs": {},
        "socialCount": social_count(),
    }


def counts(clicks: QuerySet[Click], field: str) -> Counter[str]:
    rows = clicks.order_by().values_list(field).annotate(number=Count("id"))
    return Counter(dict(rows))


def top(numbers: Counter[str], empty: str = "") -> dict[str, int]:
    """The ten largest counts, largest first (ties in label order)."""
    labelled: Counter[str] = Counter()
    for label, number in numbers.items():
        labelled[label or empty] += number
    ranked = sorted(labelled.items(), key=lambda item: (-item[1], item[0]))
    return dict(ranked[:TOP])


def social_network(domain: str) -> str | None:
    """The social network a referrer domain belongs to, if any."""
    for network, domains in SOCIAL_DOMAINS.items():
        if any(domain == d or domain.endswith(f".{d}") for d in domains):
            return network
    return None

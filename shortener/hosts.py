"""Which host a request came to: the site itself, or one of its branded domains."""

from django.conf import settings
from django.core.cache import cache
from django.http.request import split_domain_port, validate_host

from shortener.models import Domain

CACHE_SECONDS = 60
UNKNOWN = "unknown"  # cached for hosts that are no domain: the cache has no None


def cache_key(host: str) -> str:
    return f"shortener:host:{host}"


def is_site_host(host: str) -> bool:
    """Whether `host` (lower-case, maybe with a port) is one of the site's own."""
    name, _port = split_domain_port(host)
    patterns = [*settings.SITE_HOSTS, *settings.EXTRA_SHORT_HOSTS]
    # "*" would swallow every branded domain: it only admits hosts left unknown.
    return validate_host(name, [p for p in patterns if p != "*"])


def accepts_any_host() -> bool:
    return "*" in settings.SITE_HOSTS


def branded_domain(host: str) -> Domain | None:
    """The branded domain served on `host`, remembered for a minute either way."""
    found = cache.get(cache_key(host))
    if found is None:
        name, _port = split_domain_port(host)
        # The host with its port sorts before the bare name: the exact match wins.
        domain = Domain.objects.filter(host__in={host, name}).order_by("-host").first()
        found = domain or UNKNOWN
        cache.set(cache_key(host), found, CACHE_SECONDS)
    return None if found == UNKNOWN else found


def forget(host: str) -> None:
    """Drop what is remembered about `host`, after its domain changed."""
    cache.delete(cache_key(host))

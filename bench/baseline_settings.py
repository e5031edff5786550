"""Settings of the baseline server of bench/clicks.py: the site's own, with a
URLconf of one bare view and the local-memory cache (a stock request cycle)."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.baseline_urls"
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "bench-baseline",
    }
}

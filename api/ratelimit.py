"""Per-key API rate limiting on django-ratelimit's counters (api-spec §1.3, D3, D36).

Counters live in the default cache (Redis in production), so every web process
draws on one budget per key. Windows are 60 s, aligned per key as django-ratelimit
computes them; the budget is the plan's rate or the site default (rate_for).
"""

import logging
import time
from dataclasses import dataclass

from django.conf import settings
from django_ratelimit.core import get_usage
from rest_framework.request import Request

from accounts.models import User
from api.exceptions import RateLimited
from billing import entitlements

logger = logging.getLogger("api")

WINDOW_SECONDS = 60


@dataclass(frozen=True)
class Usage:
    limit: int
    remaining: int
    reset: int  # Unix time at which the window ends

    def headers(self) -> dict[str, str]:
        return {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(self.remaining),
            "X-RateLimit-Reset": str(self.reset),
        }


def rate_for(user: User) -> int:
    """Requests per minute the user's key may make.

    The site default while paid plans are off (D38); otherwise the plan's
    `apirate` feature count when enabled (§1.3), else the plan's `api_rate`,
    else the site default.
    """
    if not entitlements.paid_plans():
        return settings.API_RATE_LIMIT
    plan = entitlements.plan_for(user)
    apirate = plan.feature("apirate")
    plan_rate = apirate.count if apirate.enabled else 0
    return plan_rate or plan.api_rate or settings.API_RATE_LIMIT


def consume(request: Request, user: User) -> Usage | None:
    """Count this request against the user's window; raise RateLimited past it.

    Returns None when the counter store is unreachable: the API then serves
    requests without a limit rather than refusing all of them.
    """
    limit = rate_for(user)
    try:
        usage = get_usage(
            request,
            group="api",
            key=lambda group, request: str(user.pk),
            rate=f"{limit}/{WINDOW_SECONDS}s",
            increment=True,
        )
    except Exception:  # the cache server is down or unreachable
        logger.exception("Rate-limit counter unavailable; serving without a limit")
        return None
    if usage is None or usage["time_left"] < 0:
        return None
    wait = max(usage["time_left"], 1)
    result = Usage(
        limit=limit,
        remaining=max(0, limit - usage["count"]),
        reset=int(time.time()) + wait,
    )
    request.rate_limit = result  # finalize_response adds the headers
    if usage["should_limit"]:
        raise RateLimited(wait=wait)
    return result

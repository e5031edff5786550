"""The public rotator `GET /r/<slug>` (§16.4): one of a campaign's links, by weight."""

import random

from django.http import Http404, HttpRequest, HttpResponseRedirect
from django.views.decorators.http import require_safe

from billing import entitlements
from campaigns import services
from campaigns.models import Campaign, Membership

# One generator for the site; tests seed their own in its place.
chooser = random.SystemRandom()


def pick(memberships: list[Membership]) -> Membership:
    """Draw a membership in proportion to its weight (uniform when all are equal)."""
    weights = [m.weight for m in memberships]
    return chooser.choices(memberships, weights=weights, k=1)[0]


@require_safe
def rotate(request: HttpRequest, slug: str) -> HttpResponseRedirect:
    """302 to the short URL of a weighted-random link of a public campaign.

    An unknown slug, a private campaign, a banned owner, an owner whose plan no
    longer includes campaigns (`bundle`, checked in the same query) or a
    campaign without links is the site's 404 page. A HEAD request is not a view.
    """
    campaign = (
        Campaign.objects.filter(
            entitlements.owners_with("bundle"),
            slug=slug.lower(),
            is_public=True,
            owner__is_banned=False,
        )
        .only("pk")
        .first()
    )
    if campaign is None:
        raise Http404
    memberships = list(
        Membership.objects.filter(campaign=campaign)
        .select_related("link__domain")
        .order_by("pk")
    )
    if not memberships:
        raise Http404
    chosen = pick(memberships)
    if request.method == "GET":
        services.count_view(campaign)
    response = HttpResponseRedirect(chosen.link.short_url)
    # Never cached: each visit draws again, and each is a view.
    response["Cache-Control"] = "private, max-age=0, no-store"
    return response

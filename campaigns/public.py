"""The campaign's public list page `/u/<username>/<slug>-<id>` (§16.4, D16).

Only the trailing id finds the campaign; the username must be its owner's, and
any other slug part is answered with a 301 to the canonical address. The page
wears the owner's default bio page's theme (bio.theme), or a new page's theme
when the owner has none, so every `list` URL the API returns opens.
"""

from typing import TypedDict
from urllib.parse import urlsplit

from django.core.paginator import Paginator
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
)
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from billing import entitlements
from bio import theme
from bio.models import BioPage
from bio.public import default_page_of
from campaigns import services
from campaigns.models import Campaign
from shortener.middleware import branded_domain_of
from shortener.models import Link

LINKS_PER_PAGE = 10
NO_STORE = "private, max-age=0, no-store"  # every visit is a view


class Entry(TypedDict):
    title: str
    url: str
    description: str


def entry_of(link: Link) -> Entry:
    """A link as the page lists it: shown through its short URL, so clicks count."""
    title = link.meta_title or urlsplit(link.long_url).hostname or link.long_url
    return {"title": title, "url": link.short_url, "description": link.meta_description}


def canonical_path(campaign: Campaign) -> str:
    return reverse(
        "campaigns_public:list",
        kwargs={
            "username": campaign.owner.username,
            "slug": campaign.slug or "list",
            "pk": str(campaign.pk),
        },
    )


def find_campaign(request: HttpRequest, username: str, pk: int) -> Campaign:
    """The owner's public campaign `pk`, or the site's 404 page.

    On a branded domain, only the domain owner's campaigns have a list page there
    (as only their profile does, bio.public.default_page_of). An owner whose
    plan no longer includes campaigns (`bundle`) has no list page; that is
    checked in the same query.
    """
    campaign = (
        Campaign.objects.select_related("owner")
        .filter(
            entitlements.owners_with("bundle"),
            pk=pk,
            owner__username=username,
            is_public=True,
            owner__is_banned=False,
        )
        .first()
    )
    if campaign is None:
        raise Http404
    domain = branded_domain_of(request)
    if domain is not None and domain.owner_id != campaign.owner_id:
        raise Http404
    return campaign


@require_safe
def list_page(request: HttpRequest, username: str, slug: str, pk: str) -> HttpResponse:
    """The campaign's links, newest first, 10 a page, styled like the owner's profile.

    Unknown user or id, another user's campaign, a private campaign, a banned
    owner or one without `bundle`: the 404 page. Every GET (not HEAD) counts one
    view of the campaign.
    """
    campaign = find_campaign(request, username, int(pk))
    if slug != (campaign.slug or "list"):
        target = canonical_path(campaign)
        if query := request.META.get("QUERY_STRING"):
            target = f"{target}?{query}"
        return HttpResponsePermanentRedirect(target)
    profile = default_page_of(campaign.owner.username, branded_domain_of(request))
    look = profile or BioPage(owner=campaign.owner)  # a new page's default theme
    links = (
        Link.objects.filter(campaign_membership__campaign=campaign)
        .select_related("domain")
        .order_by("-created", "-id")
    )
    page = Paginator(links, LINKS_PER_PAGE).get_page(request.GET.get("page"))
    if request.method == "GET":
        services.count_view(campaign)
    context = {
        "campaign": campaign,
        "profile": profile,
        "page": page,
        "entries": [entry_of(link) for link in page.object_list],
        **theme.context_for(look),
    }
    response = render(request, "campaigns/list_page.html", context)
    response["Content-Security-Policy"] = theme.content_security_policy(
        context["bio_style"]
    )
    response["Cache-Control"] = NO_STORE
    response["Referrer-Policy"] = "strict-origin-when-cross-origin"
    return response

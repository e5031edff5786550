"""The public side of bio pages: the page, its tracked block links, the profile.

`GET /<alias>` of a bio link arrives here from the redirect (shortener.redirect),
`GET /` of a branded domain whose root shows a page too. Every visit of a page is
a click of its link (D34: HEAD, bots, the owner and repeats are not counted).
"""

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_safe

from analytics.clicks import record_click
from bio import theme
from bio.content import is_safe_link_url
from bio.models import BioPage, Block, BlockKind
from bio.services import count_block_click
from shortener.middleware import branded_domain_of
from shortener.models import Domain, Link, LinkKind
from shortener.redirect import find_link, not_found

NO_STORE = "private, max-age=0, no-store"  # every visit counts


def page_response(request: HttpRequest, page: BioPage) -> HttpResponse:
    """Render the page with its strict CSP, counting the visit."""
    if request.method != "HEAD":  # D33: a HEAD is never a click
        record_click(page.link, request)
    blocks = list(page.blocks.all())
    context = {
        "page": page,
        "blocks": blocks,
        **theme.context_for(page),
    }
    response = render(request, "bio/page.html", context)
    has_video = any(block.kind == BlockKind.YOUTUBE for block in blocks)
    response["Content-Security-Policy"] = theme.content_security_policy(
        context["bio_style"], frames=has_video
    )
    response["Cache-Control"] = NO_STORE
    response["Referrer-Policy"] = "strict-origin-when-cross-origin"
    return response


def bio_page(request: HttpRequest, link: Link) -> HttpResponse:
    """The page behind a link of kind BIO (handed over by the redirect)."""
    page = BioPage.objects.filter(link=link).first()
    if page is None:
        raise Http404
    page.link = link  # already read, with its domain
    return page_response(request, page)


def root_page(request: HttpRequest, domain: Domain) -> HttpResponse | None:
    """The bio page shown at a branded domain's root, if it has one."""
    page = (
        BioPage.objects.select_related("link__domain")
        .filter(root_of=domain, owner=domain.owner_id, owner__is_banned=False)
        .first()
    )
    return page_response(request, page) if page is not None else None


def default_page_of(username: str, domain: Domain | None = None) -> BioPage | None:
    """The user's default bio page, their public profile (§16.4); None without one.

    On a branded domain (`domain`), only the domain owner's profile exists.
    The campaigns' public list page is styled after this page (bio.theme).
    """
    pages = BioPage.objects.select_related("link__domain").filter(
        owner__username=username, owner__is_banned=False, is_default=True
    )
    if domain is not None:
        pages = pages.filter(owner=domain.owner_id)
    return pages.first()


@require_safe
def profile(request: HttpRequest, username: str) -> HttpResponse:
    """`/u/<username>`: the user's default bio page (§16.4); 404 without one."""
    page = default_page_of(username, branded_domain_of(request))
    if page is None:
        raise Http404
    return page_response(request, page)


@require_safe
def block_go(request: HttpRequest, alias: str, block_id: int) -> HttpResponse:
    """`/<alias>/go/<block id>`: count a link block's click, then go to its URL.

    Only an existing link block of this very page leads anywhere, and its URL is
    checked again here, so the address can never redirect elsewhere.
    """
    domain = branded_domain_of(request)
    link = find_link(alias, domain)
    if link is None or link.kind != LinkKind.BIO:
        return not_found(domain)
    block = (
        Block.objects.select_related("page")
        .filter(pk=block_id, page__link=link, kind=BlockKind.LINK)
        .first()
    )
    if block is None or not is_safe_link_url(block.url):
        return not_found(domain)
    block.page.link = link
    if request.method != "HEAD":
        record_click(link, request)
        count_block_click(block, request)
    response = HttpResponseRedirect(block.url)
    response["Cache-Control"] = NO_STORE
    return response

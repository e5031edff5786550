"""Dashboard pages for links and branded domains (decision D44).

Each page shows only the signed-in user's objects: another user's id is a 404,
as in the API (D25).
"""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.errors import DomainError
from shortener import services
from shortener.forms import DomainForm, DomainRedirectsForm, LinkForm
from shortener.models import Domain, Link

LINKS_PER_PAGE = 25
# As /api/urls orders them (D31): ties go to the newest.
ORDERINGS = {
    "date": ("-created", "-id"),
    "clicks": ("-clicks", "-created", "-id"),
}


@login_required
def link_list(request: HttpRequest) -> HttpResponse:
    """List the user's links, newest or most clicked first, with a search."""
    links = Link.objects.plain().filter(owner=request.user).select_related("domain")
    query = request.GET.get("q", "").strip()
    if query:
        links = links.search(query)
    from channels.lists import ChannelFiling  # channels build on links

    filing = ChannelFiling(request, links)
    links = filing.objects
    sort = request.GET.get("sort", "date")
    if sort not in ORDERINGS:
        sort = "date"
    page = Paginator(links.order_by(*ORDERINGS[sort]), LINKS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    page.object_list = filing.label(page.object_list)
    context = {
        "page": page,
        "query": query,
        "sort": sort,
        "filing": filing,
        "channel": filing.current,
        "has_links": bool(query or filing.current) or page.paginator.count > 0,
    }
    return render(request, "shortener/dashboard/link_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def link_create(request: HttpRequest) -> HttpResponse:
    """Shorten a URL with any of the link options."""
    form = LinkForm(request.POST or None, owner=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            link, created = form.save()
        except DomainError as error:
            form.add_contract_error(error)
        else:
            if created:
                message = _("Your short link is ready: %(url)s")
            else:  # de-duplication (D13) handed back an identical link
                message = _("You already have this link: %(url)s")
            messages.success(request, message % {"url": link.short_url})
            return redirect("links:list")
    return render(request, "shortener/dashboard/link_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def link_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a link; options left as they were keep their values (D14)."""
    link = get_object_or_404(
        Link.objects.plain().select_related("domain"), pk=pk, owner=request.user
    )
    short_url = link.short_url  # the heading's, even if a refused change altered it
    form = LinkForm(request.POST or None, owner=request.user, link=link)
    if request.method == "POST" and form.is_valid():
        try:
            link, _created = form.save()
        except DomainError as error:
            form.add_contract_error(error)
        else:
            messages.success(
                request,
                _("The link %(url)s has been updated.") % {"url": link.short_url},
            )
            return redirect("links:list")
    context = {"form": form, "link": link, "short_url": short_url}
    return render(request, "shortener/dashboard/link_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def link_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask for confirmation, then delete the link and its statistics."""
    link = get_object_or_404(
        Link.objects.plain().select_related("domain"), pk=pk, owner=request.user
    )
    if request.method == "POST":
        short_url = link.short_url
        services.delete_link(link=link)
        messages.success(
            request, _("The link %(url)s has been deleted.") % {"url": short_url}
        )
        return redirect("links:list")
    return render(request, "shortener/dashboard/link_delete.html", {"link": link})


def dns_record() -> dict[str, str]:
    """The DNS record that points a branded domain at this site."""
    host = urlsplit(settings.SITE_URL).hostname or ""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return {"type": "CNAME", "value": host}
    return {"type": "A" if address.version == 4 else "AAAA", "value": host}


@login_required
@require_http_methods(["GET", "POST"])
def domain_list(request: HttpRequest) -> HttpResponse:
    """List the user's branded domains and add one."""
    form = DomainForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            domain = form.save(owner=request.user)
        except DomainError as error:
            form.add_contract_error(error)
        else:
            messages.success(
                request, _("The domain %(domain)s has been added.") % {"domain": domain}
            )
            return redirect("links:domains")
    domains = (
        Domain.objects.filter(owner=request.user)
        .annotate(link_count=Count("links"))
        .order_by("id")
    )
    context = {"form": form, "domains": domains, "dns": dns_record()}
    return render(request, "shortener/dashboard/domain_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def domain_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change where a branded domain's root and unknown links send visitors."""
    domain = get_object_or_404(Domain, pk=pk, owner=request.user)
    form = DomainRedirectsForm(request.POST or None, domain=domain)
    if request.method == "POST" and form.is_valid():
        try:
            form.save()
        except DomainError as error:
            form.add_contract_error(error)
        else:
            messages.success(
                request,
                _("The domain %(domain)s has been updated.") % {"domain": domain},
            )
            return redirect("links:domains")
    context = {"form": form, "domain": domain}
    return render(request, "shortener/dashboard/domain_edit.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def domain_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask for confirmation, then delete the domain; its links move (D17)."""
    domain = get_object_or_404(Domain, pk=pk, owner=request.user)
    if request.method == "POST":
        name = str(domain)
        services.delete_domain(domain=domain)
        messages.success(
            request, _("The domain %(domain)s has been deleted.") % {"domain": name}
        )
        return redirect("links:domains")
    context = {"domain": domain, "link_count": domain.links.count()}
    return render(request, "shortener/dashboard/domain_delete.html", context)

"""Statistics pages of the dashboard: a link's clicks and their CSV export.

A page shows only the signed-in user's links: another user's id is a 404, as
in the API (D25). Figures come from the daily rollups (analytics.report).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from analytics import export, report
from analytics.forms import period_from
from billing import entitlements
from billing.entitlements import NO_PERMISSION
from core.wording import dashboard_text
from shortener.models import Link, LinkKind


def owned_link(request: HttpRequest, pk: int) -> Link:
    """The user's link of any kind (link, QR code, file, bio page), else 404."""
    return get_object_or_404(
        Link.objects.select_related("domain"), pk=pk, owner=request.user
    )


@login_required
@require_safe
def link_stats(request: HttpRequest, pk: int) -> HttpResponse:
    """A link's clicks over a period, their breakdowns and its bot visits."""
    link = owned_link(request, pk)
    period, form = period_from(request.GET)
    can_export = entitlements.has(request.user, "export")
    context = {
        "link": link,
        "back": back_to(link),
        "form": form,
        "can_export": can_export,
        "export_refusal": "" if can_export else dashboard_text(NO_PERMISSION),
        "retention": entitlements.limit(request.user, "retention"),
        **report.link_report(link, period),
    }
    return render(request, "analytics/link_stats.html", context)


@login_required
@require_safe
def clicks_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """The link's raw clicks kept by the plan, as CSV (plan feature `export`)."""
    link = owned_link(request, pk)
    if not entitlements.has(request.user, "export"):
        messages.error(request, dashboard_text(NO_PERMISSION))
        return redirect("stats:link", pk=link.pk)
    since = export.oldest_kept(entitlements.limit(request.user, "retention"))
    response = StreamingHttpResponse(
        export.csv_lines(export.click_rows(link, since)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="link-{link.pk}-clicks.csv"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


def back_to(link: Link) -> str:
    """Where the page's "back" leads: the list or page the link belongs to."""
    if link.kind == LinkKind.QR and hasattr(link, "qr_code"):
        return reverse("qr:detail", args=[link.qr_code.pk])
    if link.kind == LinkKind.BIO and hasattr(link, "bio_page"):
        return reverse("bio:stats", args=[link.bio_page.pk])
    if link.kind == LinkKind.FILE:
        return reverse("files:list")
    return reverse("links:list")

"""Dashboard pages for QR codes at /user/qr (D44).

Each page shows only the signed-in user's codes: another user's id is a 404,
as in the API (D25).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from analytics.stats import link_stats
from core.errors import DomainError
from qrcodes import parsing, services
from qrcodes import render as qr_render
from qrcodes.forms import QRForm
from qrcodes.models import QRCode

QR_CODES_PER_PAGE = 25
PREVIEW_SIZE = 300
DOWNLOAD_SIZES = (300, 600, 1200)


def owned_code(request: HttpRequest, pk: int) -> QRCode:
    """The signed-in user's code `pk`, or a 404."""
    return get_object_or_404(
        QRCode.objects.select_related("link"), pk=pk, owner=request.user
    )


def download_url(qr: QRCode, kind: str, size: int = PREVIEW_SIZE) -> str:
    """The public address that downloads the code as a PNG or an SVG."""
    return f"{qr.image_url}/download/{kind}/{size}"


@login_required
def qr_list(request: HttpRequest) -> HttpResponse:
    """List the user's codes, newest first, with a search by name."""
    codes = QRCode.objects.filter(owner=request.user).select_related("link")
    query = request.GET.get("q", "").strip()
    if query:
        codes = codes.filter(name__icontains=query)
    from channels.lists import ChannelFiling  # channels build on QR codes

    filing = ChannelFiling(request, codes)
    page = Paginator(filing.objects.newest_first(), QR_CODES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    page.object_list = filing.label(page.object_list)
    rows = [
        {
            "qr": qr,
            "png_url": download_url(qr, "png"),
            "svg_url": download_url(qr, "svg"),
        }
        for qr in page.object_list
    ]
    context = {
        "page": page,
        "rows": rows,
        "query": query,
        "filing": filing,
        "channel": filing.current,
        "has_codes": bool(query or filing.current) or page.paginator.count > 0,
    }
    return render(request, "qrcodes/dashboard/qr_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def qr_create(request: HttpRequest) -> HttpResponse:
    """Design a new code."""
    form = QRForm(request.POST or None, request.FILES or None, owner=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            qr = form.save()
        except DomainError as error:
            form.add_contract_error(error)
        else:
            messages.success(
                request, _("Your QR code %(name)s is ready.") % {"name": qr.name}
            )
            return redirect("qr:list")
    return render(request, "qrcodes/dashboard/qr_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def qr_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a code's content and design; its type stays (§4.4)."""
    qr = owned_code(request, pk)
    name = qr.name  # the heading's, even if a refused change altered it
    form = QRForm(
        request.POST or None, request.FILES or None, owner=request.user, qr=qr
    )
    if request.method == "POST" and form.is_valid():
        try:
            qr = form.save()
        except DomainError as error:
            form.add_contract_error(error)
        else:
            messages.success(
                request,
                _("The QR code %(name)s has been updated.") % {"name": qr.name},
            )
            return redirect("qr:list")
    context = {"form": form, "qr": qr, "name": name}
    return render(request, "qrcodes/dashboard/qr_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def qr_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask for confirmation, then delete the code and its statistics."""
    qr = owned_code(request, pk)
    if request.method == "POST":
        name = qr.name
        services.delete_qr(qr=qr)
        messages.success(
            request, _("The QR code %(name)s has been deleted.") % {"name": name}
        )
        return redirect("qr:list")
    return render(request, "qrcodes/dashboard/qr_delete.html", {"qr": qr})


@login_required
def qr_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The code large, its downloads and, for a dynamic code, its scans."""
    qr = owned_code(request, pk)
    stats = link_stats(qr.link) if qr.link is not None else None
    tops = []
    if stats is not None:
        tops = [
            (_("Countries"), stats["topCountries"]),
            (_("Referrers"), stats["topReferrers"]),
            (_("Browsers"), stats["topBrowsers"]),
            (_("Operating systems"), stats["topOs"]),
        ]
    context = {
        "qr": qr,
        "stats": stats,
        "tops": tops,
        "png_downloads": [
            (size, download_url(qr, "png", size)) for size in DOWNLOAD_SIZES
        ],
        "svg_url": download_url(qr, "svg"),
    }
    return render(request, "qrcodes/dashboard/qr_detail.html", context)


def preview_logo(form: QRForm) -> bytes | None:
    """The logo to draw: a new upload, else the stored one unless removed."""
    logo = form.logo_bytes()
    if logo is not None:
        services.clean_logo(logo)
        return logo
    if form.qr is not None and not form.cleaned_data.get("remove_logo"):
        return qr_render.logo_bytes(form.qr)
    return None


@login_required
@require_POST
def qr_preview(request: HttpRequest) -> HttpResponse:
    """A PNG of the design in the form, not saved; 400 and a reason if invalid.

    qr.js posts the designer's fields here; an edit sends the code's id too,
    so the stored logo and type are used.
    """
    qr = None
    if request.POST.get("qr", "").isdigit():
        qr = owned_code(request, int(request.POST["qr"]))
    form = QRForm(request.POST, request.FILES, owner=request.user, qr=qr)
    if not form.is_valid():
        reasons = [str(error) for errors in form.errors.values() for error in errors]
        return plain_text(reasons[0], status=400)
    try:
        data = parsing.clean_data(form.chosen_kind, form.qr_data())
        qr_render.check_capacity(form.chosen_kind, data)
        foreground, background = services.clean_colours(
            form.cleaned_data["foreground"], form.cleaned_data["background"]
        )
        png = qr_render.preview_png(
            form.chosen_kind,
            data,
            foreground,
            background,
            preview_logo(form),
            PREVIEW_SIZE,
        )
    except DomainError as error:
        return plain_text(_(error.message), status=400)
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "no-store"
    return response


def plain_text(message: str, *, status: int) -> HttpResponse:
    """A short message qr.js shows in place of the preview."""
    return HttpResponse(
        message, status=status, content_type="text/plain; charset=utf-8"
    )

"""Overlays: visitors' submissions and the dashboard at /user/overlay (D44).

Dashboard pages show only the signed-in user's overlays: another user's id is
a 404, as in the API (D25).
"""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.core import is_ratelimited

from billing import entitlements
from billing.entitlements import NO_PERMISSION
from core.errors import DomainError
from core.spreadsheet import csv_cell
from core.wording import dashboard_text
from overlays import services
from overlays.forms import VISITOR_FORMS, OverlayForm, PollForm
from overlays.models import Overlay, OverlayKind
from overlays.page import overlay_id, render_overlay, voter_of
from shortener.models import Link

SUBMIT_RATE = "5/m"


def submission_link(request: HttpRequest, overlay: Overlay) -> Link:
    """The link the form was shown on: it must use this overlay."""
    try:
        pk = int(request.POST.get("link", ""))
    except ValueError:
        raise Http404 from None
    link = Link.objects.filter(pk=pk, owner=overlay.owner_id).first()
    if link is None or overlay_id(link.redirect_type) != overlay.pk:
        raise Http404
    return link


@require_POST
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a visitor's contact message, vote or subscription."""
    overlay = get_object_or_404(Overlay.objects.select_related("owner"), pk=pk)
    form_class = VISITOR_FORMS.get(overlay.kind)
    if form_class is None:
        raise Http404
    link = submission_link(request, overlay)
    if form_class is PollForm:
        form = PollForm(request.POST, options=len(overlay.settings.get("options", [])))
    else:
        form = form_class(request.POST)

    def page(status: int, **extra: object) -> HttpResponse:
        extra = {"form": form, **extra}
        return render_overlay(
            request, link, overlay, link.long_url, extra=extra, status=status
        )

    if is_ratelimited(
        request, group="overlays.submit", key="ip", rate=SUBMIT_RATE, increment=True
    ):
        error = _("Too many submissions. Please wait a minute and try again.")
        return page(429, error=error)
    if not form.is_valid():
        return page(400, error=_("Please correct the errors below."))
    if form.cleaned_data["website"]:
        return page(200, done=True)  # a bot: thanked, nothing kept
    data = form.cleaned_data
    if overlay.kind == OverlayKind.CONTACT:
        services.record_contact(
            overlay=overlay,
            name=data["name"],
            email=data["email"],
            message=data["message"],
        )
    elif overlay.kind == OverlayKind.NEWSLETTER:
        services.subscribe(overlay=overlay, email=data["email"])
    else:
        services.record_vote(
            overlay=overlay, option=data["option"], voter=voter_of(request)
        )
    return page(200, done=True)


def owned_overlay(request: HttpRequest, pk: int) -> Overlay:
    return get_object_or_404(Overlay, pk=pk, owner=request.user)


@login_required
def overlay_list(request: HttpRequest) -> HttpResponse:
    """The user's overlays, oldest first as in the API (D31)."""
    overlays = Overlay.objects.of(request.user).annotate(
        n_messages=Count("messages", distinct=True),
        n_votes=Count("votes", distinct=True),
        n_subscribers=Count("subscribers", distinct=True),
    )
    return render(request, "overlays/overlay_list.html", {"overlays": overlays})


def save_form(request: HttpRequest, overlay: Overlay) -> HttpResponse:
    """The designer of a new or existing overlay, with its live preview."""
    form = OverlayForm(request.POST or None, request.FILES or None, instance=overlay)
    if request.method == "POST" and form.is_valid():
        overlay = form.save(commit=False)
        overlay.settings = services.overlay_settings(overlay.kind, form.cleaned_data)
        try:
            services.save_overlay(overlay=overlay, owner=request.user)
        except DomainError as error:  # the plan refuses it
            form.add_error(None, dashboard_text(error.message))
        else:
            messages.success(request, _("The overlay has been saved."))
            return redirect("overlays:detail", pk=overlay.pk)
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "overlay": overlay, "kinds": OverlayKind}
    return render(request, "overlays/overlay_form.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def overlay_create(request: HttpRequest) -> HttpResponse:
    return save_form(request, Overlay(owner=request.user))


@login_required
@require_http_methods(["GET", "POST"])
def overlay_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return save_form(request, owned_overlay(request, pk))


@login_required
def overlay_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One overlay's responses: messages, poll results or subscribers."""
    overlay = owned_overlay(request, pk)
    context = {
        "overlay": overlay,
        "messages_received": overlay.messages.all()[:200],
        "results": overlay.poll_results(),
        "subscribers": overlay.subscribers.all()[:200],
        "link_type": overlay.link_type,
        "can_export": entitlements.has(request.user, "export"),
    }
    return render(request, "overlays/overlay_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def overlay_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask, then delete; links that showed the overlay go back to the default."""
    overlay = owned_overlay(request, pk)
    if request.method == "POST":
        services.delete_overlay(overlay=overlay)
        messages.success(request, _("The overlay has been deleted."))
        return redirect("overlays:list")
    return render(request, "overlays/overlay_delete.html", {"overlay": overlay})


@login_required
def subscribers_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """A newsletter overlay's subscribers as a CSV download (plan `export`)."""
    overlay = owned_overlay(request, pk)
    if not entitlements.has(request.user, "export"):
        messages.error(request, dashboard_text(NO_PERMISSION))
        return redirect("overlays:detail", pk=overlay.pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="overlay-{overlay.pk}-subscribers.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(["email", "date"])
    for subscriber in overlay.subscribers.all():
        created = subscriber.created.strftime("%Y-%m-%d %H:%M:%S")
        writer.writerow([csv_cell(subscriber.email), created])
    return response

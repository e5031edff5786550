"""Dashboard pages for channels, at the product's paths (D44).

Each page shows only the signed-in user's channels: another user's id is a 404,
as in the API (D25).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from channels import rules, services
from channels.forms import AddItemForm, ChannelForm
from channels.models import Channel
from channels.registry import registered
from core.errors import Conflict, DomainError
from core.values import object_id
from core.wording import dashboard_text

ITEMS_PER_PAGE = 25
# The kinds this page can add: channels' own, then bio pages if the bio app
# registered them (channels works without it).
DASHBOARD_TYPES = ("links", "qr", "bio")


def dashboard_types() -> list[str]:
    return [name for name in DASHBOARD_TYPES if registered(name) is not None]


def own_channel(request: HttpRequest, pk: int) -> Channel:
    return get_object_or_404(Channel, pk=pk, owner=request.user)


@login_required
@require_http_methods(["GET", "POST"])
def channel_list(request: HttpRequest) -> HttpResponse:
    """List the user's channels, starred first, and add one."""
    form = ChannelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            channel = form.save(owner=request.user)
        except DomainError as error:
            form.add_contract_error(error)
        else:
            messages.success(
                request,
                _("The channel %(name)s has been added.") % {"name": channel.name},
            )
            return redirect("channels:list")
    channels = (
        Channel.objects.filter(owner=request.user)
        .annotate(item_count=Count("items"))
        .order_by("-starred", "created", "id")
    )
    return render(
        request, "channels/channel_list.html", {"form": form, "channels": channels}
    )


@login_required
def channel_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A channel's items, in the order they were added, and ways to add more."""
    channel = own_channel(request, pk)
    page = Paginator(channel.items.in_assignment_order(), ITEMS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "channel": channel,
        "page": page,
        "entries": services.item_entries(page.object_list, request.user),
        "add_forms": [
            AddItemForm(channel=channel, type_name=name) for name in dashboard_types()
        ],
    }
    return render(request, "channels/channel_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def channel_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change a channel's name, description, colour and star."""
    channel = own_channel(request, pk)
    form = ChannelForm(request.POST or None, channel=channel)
    if request.method == "POST" and form.is_valid():
        try:
            form.save(owner=request.user)
        except DomainError as error:
            channel.refresh_from_db()
            form.add_contract_error(error)
        else:
            messages.success(
                request,
                _("The channel %(name)s has been updated.") % {"name": channel.name},
            )
            return redirect("channels:detail", pk=channel.pk)
    return render(
        request, "channels/channel_edit.html", {"form": form, "channel": channel}
    )


@login_required
@require_POST
def channel_star(request: HttpRequest, pk: int) -> HttpResponse:
    """Star or unstar the channel."""
    channel = own_channel(request, pk)
    try:
        services.update_channel(
            channel=channel, changes={"starred": not channel.starred}
        )
    except DomainError as error:  # the plan no longer includes channels
        messages.error(request, dashboard_text(error.message))
    if request.POST.get("next") == "detail":
        return redirect("channels:detail", pk=channel.pk)
    return redirect("channels:list")


@login_required
@require_POST
def channel_add_item(request: HttpRequest, pk: int, type_name: str) -> HttpResponse:
    """File one of the user's links, QR codes or bio pages in the channel."""
    channel = own_channel(request, pk)
    if type_name not in dashboard_types():
        raise Http404
    form = AddItemForm(request.POST, channel=channel, type_name=type_name)
    if form.is_valid():
        try:
            services.add_item(
                channel=channel, type_name=type_name, item=form.cleaned_data["item"]
            )
        except DomainError as error:  # the plan, or filed meanwhile
            messages.error(request, dashboard_text(error.message))
        else:
            messages.success(request, _("The item has been added to the channel."))
    else:
        messages.error(request, _("Choose one of your items that is not here yet."))
    return redirect("channels:detail", pk=channel.pk)


@login_required
@require_POST
def channel_remove_item(
    request: HttpRequest, pk: int, type_name: str, item_pk: int
) -> HttpResponse:
    """Take an item out of the channel; the item stays."""
    channel = own_channel(request, pk)
    if services.remove_item(channel=channel, type_name=type_name, pk=item_pk):
        messages.success(request, _("The item has been taken out of the channel."))
    return redirect("channels:detail", pk=channel.pk)


@login_required
@require_http_methods(["GET", "POST"])
def channel_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask for confirmation, then delete the channel; its items stay (D17)."""
    channel = own_channel(request, pk)
    if request.method == "POST":
        name = channel.name
        services.delete_channel(channel=channel)
        messages.success(
            request, _("The channel %(name)s has been deleted.") % {"name": name}
        )
        return redirect("channels:list")
    context = {"channel": channel, "item_count": channel.items.count()}
    return render(request, "channels/channel_delete.html", context)


def wants_json(request: HttpRequest) -> bool:
    """Sent by the lists' script (fetch), rather than by a plain form."""
    return "application/json" in request.headers.get("Accept", "")


def back_to(request: HttpRequest, channel: Channel) -> HttpResponse:
    """Where a plain form goes back to: its `next` page on this site, or the channel."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect("channels:detail", pk=channel.pk)


def filed_messages(type_name: str) -> tuple[str, str]:
    """What a filing says: (added, already there), with the channel's `name`."""
    return {
        "links": (
            _("The link has been added to the channel %(name)s."),
            _("This link is already in the channel %(name)s."),
        ),
        "qr": (
            _("The QR code has been added to the channel %(name)s."),
            _("This QR code is already in the channel %(name)s."),
        ),
        "bio": (
            _("The bio page has been added to the channel %(name)s."),
            _("This bio page is already in the channel %(name)s."),
        ),
    }[type_name]


@login_required
@require_POST
def channel_file_item(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """File one of the user's items in one of their channels.

    The lists' drop targets post here with fetch and read a JSON answer; the
    rows' "Add to channel" forms post here without script (the channel in the
    body) and are sent back to the list with a message.
    """
    as_json = wants_json(request)
    if pk is None:
        pk = object_id(request.POST.get("channel")) or 0
    channel = Channel.objects.filter(pk=pk, owner=request.user).first()
    if channel is None:
        if as_json:
            message = dashboard_text(rules.NOT_FOUND)
            return JsonResponse({"error": 1, "message": message}, status=404)
        raise Http404
    type_name = request.POST.get("type", "")
    if type_name not in dashboard_types():
        message = _("This kind of item cannot be filed in a channel.")
        if as_json:
            return JsonResponse({"error": 1, "message": message}, status=400)
        return HttpResponse(message, status=400, content_type="text/plain")
    kind = registered(type_name)
    item = (
        kind.owned(request.user)
        .filter(pk=object_id(request.POST.get("id")) or 0)
        .first()
    )
    if item is None:
        if as_json:
            message = dashboard_text(kind.not_found)
            return JsonResponse({"error": 1, "message": message}, status=404)
        raise Http404
    added, already = filed_messages(type_name)
    try:
        services.add_item(channel=channel, type_name=type_name, item=item)
    except Conflict:  # filed already: say so, nothing changes
        status = 409
        message = already % {"name": channel.name}
    except DomainError as error:  # the plan does not include channels
        status = 403
        message = dashboard_text(error.message)
    else:
        status = 200
        message = added % {"name": channel.name}
    if as_json:
        body = {"error": 0 if status == 200 else 1, "message": message}
        if status in (200, 409):
            body["channel"] = {
                "id": channel.pk,
                "name": channel.name,
                "color": channel.color,
                "url": reverse("channels:detail", args=[channel.pk]),
            }
        return JsonResponse(body, status=status)
    if status == 200:
        messages.success(request, message)
    elif status == 409:
        messages.info(request, message)
    else:
        messages.error(request, message)
    return back_to(request, channel)

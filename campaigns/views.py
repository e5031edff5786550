"""Dashboard pages for campaigns, at the product's paths (D44).

Each page shows only the signed-in user's campaigns: another user's id is a 404,
as in the API (D25).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from billing import entitlements
from campaigns import services
from campaigns.forms import AddLinkForm, CampaignForm
from campaigns.models import MAX_WEIGHT, Campaign, Membership
from core.errors import DomainError
from core.wording import dashboard_text


def own_campaign(request: HttpRequest, pk: int) -> Campaign:
    return get_object_or_404(Campaign, pk=pk, owner=request.user)


@login_required
@require_http_methods(["GET", "POST"])
def campaign_list(request: HttpRequest) -> HttpResponse:
    """List the user's campaigns with their views and links, and add one."""
    form = CampaignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            campaign = form.save(owner=request.user)
        except DomainError as error:
            form.add_contract_error(error)
        else:
            messages.success(
                request,
                _("The campaign %(name)s has been added.") % {"name": campaign.name},
            )
            return redirect("campaigns:detail", pk=campaign.pk)
    campaigns = (
        Campaign.objects.filter(owner=request.user)
        .annotate(link_count=Count("memberships"))
        .oldest_first()
    )
    context = {"form": form, "campaigns": campaigns}
    return render(request, "campaigns/campaign_list.html", context)


def detail_page(
    request: HttpRequest,
    campaign: Campaign,
    form: CampaignForm | None = None,
    add_form: AddLinkForm | None = None,
    status: int = 200,
) -> HttpResponse:
    memberships = (
        Membership.objects.filter(campaign=campaign)
        .select_related("link__domain")
        .order_by("added", "pk")
    )
    context = {
        "campaign": campaign,
        "form": form or CampaignForm(campaign=campaign),
        "add_form": add_form or AddLinkForm(campaign=campaign),
        "memberships": memberships,
        "total_weight": sum(m.weight for m in memberships),
        "max_weight": MAX_WEIGHT,
    }
    return render(request, "campaigns/campaign_detail.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A campaign: its settings, its links and their rotator weights."""
    campaign = own_campaign(request, pk)
    if request.method == "GET":
        return detail_page(request, campaign)
    form = CampaignForm(request.POST, campaign=campaign)
    if form.is_valid():
        try:
            form.save(owner=request.user)
        except DomainError as error:
            campaign.refresh_from_db()
            form.add_contract_error(error)
        else:
            messages.success(
                request,
                _("The campaign %(name)s has been updated.") % {"name": campaign.name},
            )
            return redirect("campaigns:detail", pk=campaign.pk)
    return detail_page(request, campaign, form=form)


@login_required
@require_POST
def campaign_add_link(request: HttpRequest, pk: int) -> HttpResponse:
    """Add one of the user's links; it leaves any other campaign."""
    campaign = own_campaign(request, pk)
    add_form = AddLinkForm(request.POST, campaign=campaign)
    if not add_form.is_valid():
        return detail_page(request, campaign, add_form=add_form)
    link = add_form.cleaned_data["link"]
    try:
        services.assign_link(campaign=campaign, link=link)
    except DomainError as error:  # the plan no longer includes campaigns
        messages.error(request, dashboard_text(error.message))
        return redirect("campaigns:detail", pk=campaign.pk)
    messages.success(
        request, _("%(url)s is now in this campaign.") % {"url": link.short_url}
    )
    return redirect("campaigns:detail", pk=campaign.pk)


@login_required
@require_POST
def campaign_remove_link(request: HttpRequest, pk: int, link_pk: int) -> HttpResponse:
    """Take a link out of the campaign; the link stays."""
    campaign = own_campaign(request, pk)
    if services.remove_link(campaign=campaign, link_id=link_pk):
        messages.success(request, _("The link has been taken out of the campaign."))
    return redirect("campaigns:detail", pk=campaign.pk)


@login_required
@require_POST
def campaign_weights(request: HttpRequest, pk: int) -> HttpResponse:
    """Save the rotator weights (`weight-<link id>`, whole numbers 1 to 100)."""
    campaign = own_campaign(request, pk)
    if not entitlements.has(request.user, "bundle"):
        messages.error(request, dashboard_text(entitlements.NO_PERMISSION))
        return redirect("campaigns:detail", pk=campaign.pk)
    memberships = list(Membership.objects.filter(campaign=campaign))
    weights: dict[int, int] = {}
    for membership in memberships:
        raw = request.POST.get(f"weight-{membership.link_id}", "").strip()
        if not raw:
            continue
        if not raw.isdigit() or not 1 <= int(raw) <= MAX_WEIGHT:
            messages.error(
                request,
                _("A weight is a whole number from 1 to %(max)s.")
                % {"max": MAX_WEIGHT},
            )
            return redirect("campaigns:detail", pk=campaign.pk)
        weights[membership.pk] = int(raw)
    for membership in memberships:
        if membership.pk in weights and weights[membership.pk] != membership.weight:
            services.set_weight(membership=membership, weight=weights[membership.pk])
    messages.success(request, _("The rotator weights have been saved."))
    return redirect("campaigns:detail", pk=campaign.pk)


@login_required
@require_http_methods(["GET", "POST"])
def campaign_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask for confirmation, then delete the campaign; its links stay (D17)."""
    campaign = own_campaign(request, pk)
    if request.method == "POST":
        name = campaign.name
        services.delete_campaign(campaign=campaign)
        messages.success(
            request, _("The campaign %(name)s has been deleted.") % {"name": name}
        )
        return redirect("campaigns:list")
    context = {"campaign": campaign, "link_count": campaign.memberships.count()}
    return render(request, "campaigns/campaign_delete.html", context)

"""The pricing page, the billing page (D44 `/user/billing`), checkout, the
customer portal and the payment provider's webhook."""

import logging

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from billing import entitlements
from billing.features import NUMERIC_LIMITS
from billing.models import Period, Plan, Subscription
from payments import offers, services
from payments.models import Customer
from payments.provider import (
    InvalidWebhook,
    PaymentError,
    checkout_enabled,
    get_provider,
)

logger = logging.getLogger(__name__)


class CheckoutForm(forms.Form):
    plan = forms.ModelChoiceField(
        queryset=Plan.objects.filter(is_public=True, is_free=False)
    )
    period = forms.ChoiceField(choices=Period.choices)

    def clean(self) -> dict:
        data = super().clean()
        plan, period = data.get("plan"), data.get("period")
        if plan and period and getattr(plan, f"price_{period}") is None:
            raise forms.ValidationError("no price for this period")
        return data


def site_url(name: str) -> str:
    """An absolute URL of ours, for the provider to send people back to."""
    return settings.SITE_URL + reverse(name)


@require_safe
def pricing(request: HttpRequest) -> HttpResponse:
    """The public plans side by side, with buy buttons when payments are set up."""
    plans = list(Plan.objects.filter(is_public=True).order_by("position", "id"))
    current = None
    if request.user.is_authenticated:
        current = entitlements.plan_for(request.user)
    context = {
        "offers": offers.offers(plans),
        "current_plan": current,
        "checkout_enabled": checkout_enabled(),
        "paid_plans": settings.PAID_PLANS,
        "currency": settings.PAYMENTS_CURRENCY.upper(),
    }
    return render(request, "payments/pricing.html", context)


@login_required
@require_safe
def billing(request: HttpRequest) -> HttpResponse:
    """The user's plan, its period and expiry, and their usage of each quota."""
    user = request.user
    plan = entitlements.plan_for(user)
    subscription = Subscription.objects.filter(user=user).select_related("plan").first()
    customer = Customer.objects.filter(user=user).first()
    rows = []
    for line in entitlements.usage(user):
        label = line.label
        if line.key == "links" and plan.links_monthly and settings.PAID_PLANS:
            label = _("Links this month")
        included = line.key in NUMERIC_LIMITS or entitlements.has(user, line.key)
        percent = None
        if included and line.limit:
            percent = min(100, round(100 * line.used / line.limit))
        rows.append(
            {"usage": line, "label": label, "included": included, "percent": percent}
        )
    context = {
        "plan": plan,
        "subscription": subscription,
        "is_current": bool(subscription and subscription.is_current()),
        "usage_rows": rows,
        "paid_plans": settings.PAID_PLANS,
        "checkout_enabled": checkout_enabled(),
        "portal_enabled": customer is not None and get_provider() is not None,
        "checkout_success": request.GET.get("checkout") == "success",
    }
    return render(request, "payments/billing.html", context)


@login_required
@require_POST
def checkout(request: HttpRequest) -> HttpResponse:
    """Send the user to the provider's checkout for a public paid plan."""
    provider = get_provider()
    if provider is None or not settings.PAID_PLANS:
        messages.error(
            request, _("Online payments are not available. Please contact us.")
        )
        return redirect("payments:pricing")
    form = CheckoutForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("This plan cannot be bought."))
        return redirect("payments:pricing")
    plan, period = form.cleaned_data["plan"], form.cleaned_data["period"]
    current = Subscription.objects.filter(user=request.user).first()
    if (
        current is not None
        and current.is_current()
        and current.provider
        and (current.plan_id, current.period) == (plan.pk, period)
    ):
        messages.info(request, _("You are already subscribed to this plan."))
        return redirect("payments:billing")
    customer = Customer.objects.filter(
        user=request.user, provider=provider.name
    ).first()
    try:
        url = provider.create_checkout(
            user=request.user,
            plan=plan,
            period=period,
            success_url=site_url("payments:billing") + "?checkout=success",
            cancel_url=site_url("payments:pricing"),
            customer_ref=customer.ref if customer else "",
        )
    except PaymentError:
        logger.exception("Checkout could not be created")
        messages.error(
            request,
            _("The payment service could not be reached. Please try again later."),
        )
        return redirect("payments:pricing")
    return HttpResponseRedirect(url)


@login_required
@require_POST
def portal(request: HttpRequest) -> HttpResponse:
    """Send the user to the provider's portal: invoices, card, cancellation."""
    provider = get_provider()
    customer = None
    if provider is not None:
        customer = Customer.objects.filter(
            user=request.user, provider=provider.name
        ).first()
    if provider is None or customer is None:
        messages.error(request, _("You have no billing account to manage."))
        return redirect("payments:billing")
    try:
        url = provider.portal_url(
            customer_ref=customer.ref, return_url=site_url("payments:billing")
        )
    except PaymentError:
        logger.exception("Portal session could not be created")
        messages.error(
            request,
            _("The payment service could not be reached. Please try again later."),
        )
        return redirect("payments:billing")
    return HttpResponseRedirect(url)


@csrf_exempt  # the provider cannot send our CSRF token; its signature stands in
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    """Apply a signed Stripe event; 400 and no change for anything unsigned."""
    provider = get_provider()
    if provider is None or provider.name != "stripe":
        return JsonResponse({"error": "Webhooks are not configured."}, status=400)
    try:
        event = provider.parse_webhook(payload=request.body, headers=request.headers)
    except InvalidWebhook:
        return JsonResponse({"error": "Invalid signature."}, status=400)
    applied = services.apply_event(provider=provider.name, event=event)
    return JsonResponse({"received": True, "applied": applied})

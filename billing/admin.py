"""The Django admin for plans and subscriptions."""

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from billing import services
from billing.forms import FEATURE_FIELDS, PlanAdminForm
from billing.models import Plan, Status, Subscription


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    form = PlanAdminForm
    list_display = [
        "name",
        "is_free",
        "is_default",
        "is_public",
        "position",
        "price_monthly",
        "price_yearly",
        "price_lifetime",
        "links",
        "clicks",
    ]
    list_filter = ["is_free", "is_public"]
    search_fields = ["name"]
    fieldsets = (
        (None, {"fields": ("name", "is_free", "is_default", "is_public", "position")}),
        (_("Prices"), {"fields": ("price_monthly", "price_yearly", "price_lifetime")}),
        (
            _("Limits"),
            {"fields": ("links", "links_monthly", "clicks", "retention", "api_rate")},
        ),
        (
            _("Features"),
            {
                "fields": tuple(FEATURE_FIELDS),
                "description": _(
                    "Counts are quotas: 0 means unlimited. Limits and features "
                    "apply only while paid plans are on (PAID_PLANS)."
                ),
            },
        ),
    )

    def save_model(
        self, request: HttpRequest, obj: Plan, form: Any, change: bool
    ) -> None:
        services.save_plan(obj)

    def has_delete_permission(
        self, request: HttpRequest, obj: Plan | None = None
    ) -> bool:
        # Users without a subscription are on the default plan: it cannot go.
        if obj is not None and obj.is_default:
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # would not spare the default plan
        return actions


class ExpiredFilter(admin.SimpleListFilter):
    """Whether the expiry date has passed, whatever the stored status says."""

    title = _("expired")
    parameter_name = "expired"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        now = timezone.now()
        if self.value() == "yes":
            return queryset.filter(expires__lte=now)
        if self.value() == "no":
            return queryset.exclude(expires__lte=now)
        return queryset


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = [
        "user",
        "plan",
        "period",
        "status",
        "expires",
        "is_expired",
        "provider",
        "updated",
    ]
    list_filter = ["plan", "period", "status", ExpiredFilter, "provider"]
    list_select_related = ["user", "plan"]
    search_fields = ["user__username", "user__email"]
    raw_id_fields = ["user"]
    readonly_fields = ["created", "updated"]
    actions = ["extend_one_period", "cancel_subscriptions"]

    @admin.display(description=_("expired"), boolean=True)
    def is_expired(self, subscription: Subscription) -> bool:
        return (
            subscription.expires is not None and subscription.expires <= timezone.now()
        )

    @admin.action(description=_("Extend by one period"))
    def extend_one_period(self, request: HttpRequest, queryset: QuerySet) -> None:
        """Push each expiry by the subscription's own period and reactivate it."""
        subscriptions = list(queryset)
        for subscription in subscriptions:
            services.extend(subscription, subscription.period)
        self.message_user(
            request,
            ngettext(
                "%(count)d subscription was extended.",
                "%(count)d subscriptions were extended.",
                len(subscriptions),
            )
            % {"count": len(subscriptions)},
            messages.SUCCESS,
        )

    @admin.action(description=_("Cancel"))
    def cancel_subscriptions(self, request: HttpRequest, queryset: QuerySet) -> None:
        """Cancel now: the users are on the default free plan from here on."""
        subscriptions = list(
            queryset.exclude(status=Status.CANCELED).select_related("user")
        )
        for subscription in subscriptions:
            services.cancel(subscription.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d subscription was canceled.",
                "%(count)d subscriptions were canceled.",
                len(subscriptions),
            )
            % {"count": len(subscriptions)},
            messages.SUCCESS,
        )


class SubscriptionInline(admin.StackedInline):
    """The user's subscription, on the user's admin page."""

    model = Subscription
    can_delete = True
    max_num = 1
    extra = 1
    fields = [
        "plan",
        "period",
        "expires",
        "status",
        "provider",
        "customer_ref",
        "subscription_ref",
    ]

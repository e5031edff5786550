from django.contrib import admin

from billing.models import Plan, Subscription


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["name", "is_free", "price_monthly", "price_yearly", "api_rate"]
    list_filter = ["is_free"]
    search_fields = ["name"]


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

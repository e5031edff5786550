from django.contrib import admin

from billing.models import Plan


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["name", "is_free", "price_monthly", "price_yearly", "api_rate"]
    list_filter = ["is_free"]
    search_fields = ["name"]

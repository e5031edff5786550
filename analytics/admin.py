from django.contrib import admin
from django.http import HttpRequest

from analytics.models import Click


@admin.register(Click)
class ClickAdmin(admin.ModelAdmin):
    """Clicks as recorded: a read-only list, for looking into a link's traffic."""

    list_display = [
        "created", "link", "country", "browser", "os", "device_type",
        "referrer_domain", "language", "is_bot", "is_unique",
    ]  # fmt: skip
    list_filter = ["is_bot", "is_unique", "device_type"]
    list_select_related = ["link", "link__domain"]
    search_fields = ["link__alias", "referrer_domain", "country"]
    date_hierarchy = "created"
    raw_id_fields = ["link"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(
        self, request: HttpRequest, obj: Click | None = None
    ) -> bool:
        return False

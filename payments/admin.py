from django.contrib import admin

from payments.models import Customer, ProcessedEvent


@admin.register(Customer)
class CustomerAdmin(admin.ModelAdmin):
    list_display = ["user", "provider", "ref", "created"]
    search_fields = ["user__username", "user__email", "ref"]
    raw_id_fields = ["user"]


@admin.register(ProcessedEvent)
class ProcessedEventAdmin(admin.ModelAdmin):
    list_display = ["event_id", "provider", "type", "received"]
    list_filter = ["provider", "type"]
    search_fields = ["event_id"]

from django.contrib import admin

from qrcodes.models import QRCode


@admin.register(QRCode)
class QRCodeAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "alias", "owner", "created"]
    list_filter = ["kind"]
    search_fields = ["name", "alias", "owner__username"]
    raw_id_fields = ["owner", "link"]

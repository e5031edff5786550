from django.contrib import admin

from pixels.models import Pixel


@admin.register(Pixel)
class PixelAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "tag", "owner", "created"]
    list_filter = ["type"]
    search_fields = ["name", "tag", "owner__username"]
    raw_id_fields = ["owner", "links"]

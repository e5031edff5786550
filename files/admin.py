from django.contrib import admin

from files.models import SharedFile


@admin.register(SharedFile)
class SharedFileAdmin(admin.ModelAdmin):
    """Shared files, to look into (abuse reports); users change them themselves."""

    list_display = ["name", "owner", "size", "content_type", "downloads", "created"]
    list_select_related = ["owner"]
    search_fields = ["name", "filename", "owner__username"]
    readonly_fields = [
        "owner", "link", "filename", "stored", "size", "content_type", "downloads",
        "created",
    ]  # fmt: skip

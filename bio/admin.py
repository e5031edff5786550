from django.contrib import admin

from bio.models import BioPage, Block


class BlockInline(admin.TabularInline):
    """Blocks as saved by the dashboard, which cleans them: read-only here."""

    model = Block
    extra = 0
    can_delete = True
    fields = ("kind", "position", "title", "url", "text", "value", "clicks")
    readonly_fields = ("kind", "title", "url", "text", "value", "clicks")

    def has_add_permission(self, request, obj=None) -> bool:  # type: ignore[override]
        return False


@admin.register(BioPage)
class BioPageAdmin(admin.ModelAdmin):
    """Bio pages for support; the alias and the statistics live on the page's link.

    The custom CSS is shown, not edited: only the dashboard's cleaning may set it.
    """

    list_display = ("name", "owner", "link", "is_default", "created")
    list_filter = ("is_default",)
    search_fields = ("name", "owner__username", "owner__email", "link__alias")
    raw_id_fields = ("owner", "link")
    readonly_fields = ("root_of", "custom_css", "created", "updated")
    inlines = [BlockInline]

from django.contrib import admin

from campaigns.models import Campaign, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["link"]
    fields = ["link", "weight", "added"]


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "owner", "is_public", "views", "created"]
    list_filter = ["is_public", "created"]
    search_fields = ["name", "slug", "owner__username"]
    raw_id_fields = ["owner"]
    readonly_fields = ["views"]
    inlines = [MembershipInline]

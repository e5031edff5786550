from django.contrib import admin

from channels.models import Channel, ChannelItem


class ChannelItemInline(admin.TabularInline):
    model = ChannelItem
    extra = 0
    fields = ["item_type", "object_id", "added"]


@admin.register(Channel)
class ChannelAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "color", "starred", "created"]
    list_filter = ["starred", "created"]
    search_fields = ["name", "description", "owner__username"]
    raw_id_fields = ["owner"]
    inlines = [ChannelItemInline]


@admin.register(ChannelItem)
class ChannelItemAdmin(admin.ModelAdmin):
    list_display = ["channel", "item_type", "object_id", "added"]
    list_filter = ["item_type"]
    search_fields = ["channel__name", "channel__owner__username"]
    raw_id_fields = ["channel"]

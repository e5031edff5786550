from django.contrib import admin

from overlays.models import ContactMessage, Overlay, PollVote, Subscriber


@admin.register(Overlay)
class OverlayAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "owner", "created"]
    list_filter = ["kind"]
    search_fields = ["name", "owner__username"]
    raw_id_fields = ["owner"]


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "overlay", "created"]
    raw_id_fields = ["overlay"]


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "overlay", "created"]
    raw_id_fields = ["overlay"]


@admin.register(PollVote)
class PollVoteAdmin(admin.ModelAdmin):
    list_display = ["overlay", "option", "created"]
    raw_id_fields = ["overlay"]

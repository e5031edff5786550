from django.contrib import admin

from splash.models import SplashPage


@admin.register(SplashPage)
class SplashPageAdmin(admin.ModelAdmin):
    list_display = ("name", "owner", "created")
    search_fields = ("name", "owner__email")
    raw_id_fields = ("owner",)

"""Public campaign pages: the rotator (§16.4)."""

from django.urls import path

from campaigns.rotator import rotate

app_name = "campaigns_public"

urlpatterns = [
    path("r/<slug:slug>", rotate, name="rotator"),
]

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OverlaysConfig(AppConfig):
    name = "overlays"
    verbose_name = _("Overlays")

    def ready(self) -> None:
        from overlays.page import overlay_page
        from shortener.redirect import register_interstitial

        register_interstitial(overlay_page, order=10)

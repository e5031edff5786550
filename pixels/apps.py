from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PixelsConfig(AppConfig):
    name = "pixels"
    verbose_name = _("Pixels")

    def ready(self) -> None:
        from pixels.page import pixel_page
        from shortener.redirect import register_interstitial

        register_interstitial(pixel_page, order=30)

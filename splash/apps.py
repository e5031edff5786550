from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SplashConfig(AppConfig):
    name = "splash"
    verbose_name = _("Splash pages")

    def ready(self) -> None:
        from shortener.redirect import register_interstitial
        from splash.pages import page_for

        register_interstitial(page_for, order=20)

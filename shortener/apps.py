from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ShortenerConfig(AppConfig):
    name = "shortener"
    verbose_name = _("Links")

    def ready(self) -> None:
        from shortener import signals  # noqa: F401  (connects the receivers)

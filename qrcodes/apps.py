from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QRCodesConfig(AppConfig):
    name = "qrcodes"
    verbose_name = _("QR codes")

    def ready(self) -> None:
        from qrcodes import signals  # noqa: F401  (connects the receivers)

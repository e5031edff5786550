from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ChannelsConfig(AppConfig):
    name = "channels"
    verbose_name = _("Channels")

    def ready(self) -> None:
        from billing.counters import related_count
        from billing.entitlements import register_counter
        from channels import items  # noqa: F401  (registers links and QR codes)

        register_counter("channels", _("Channels"), related_count("channels"))

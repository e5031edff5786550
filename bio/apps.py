from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class BioConfig(AppConfig):
    name = "bio"
    verbose_name = _("Bio pages")

    def ready(self) -> None:
        from billing.counters import related_count
        from billing.entitlements import register_counter
        from bio import signals  # noqa: F401  (connects the receivers)

        register_counter("bio", _("Bio pages"), related_count("bio_pages"))

        if apps.is_installed("channels"):
            from bio import channel_items  # noqa: F401  (channel item type `bio`)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BioConfig(AppConfig):
    name = "bio"
    verbose_name = _("Bio pages")

    def ready(self) -> None:
        from bio import signals  # noqa: F401  (connects the receivers)

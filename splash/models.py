"""Custom splash pages: a user's landing page shown before their links go on."""

import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, URLValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def banner_name(instance: "SplashPage", filename: str) -> str:
    """A random name in storage, keeping the extension the re-encoding chose."""
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"splash/{secrets.token_hex(16)}.{extension}"


class SplashPage(models.Model):
    """A landing page (banner, title, text, product button) with a countdown.

    A link uses it when its redirect type is this page's id as a string (§3.3).
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="splash_pages"
    )
    name = models.CharField(_("name"), max_length=100)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), blank=True)  # sanitised HTML
    banner = models.ImageField(
        _("banner"), upload_to=banner_name, blank=True, max_length=255
    )
    product_url = models.URLField(
        _("product URL"),
        max_length=2000,
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
    )
    button_label = models.CharField(_("button label"), max_length=60, blank=True)
    countdown = models.PositiveSmallIntegerField(
        _("countdown (seconds)"), default=5, validators=[MaxValueValidator(60)]
    )
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("splash page")
        verbose_name_plural = _("splash pages")

    def __str__(self) -> str:
        return self.name

    @property
    def link_type(self) -> str:
        """The redirect type of the links that show this page."""
        return str(self.pk)

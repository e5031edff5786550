from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from shortener.models import Link


class DeviceType(models.TextChoices):
    DESKTOP = "desktop", _("Desktop")
    MOBILE = "mobile", _("Mobile")
    TABLET = "tablet", _("Tablet")
    BOT = "bot", _("Bot")
    OTHER = "other", _("Other")


class Click(models.Model):
    """One recorded visit of a short link (D34): who, from where, with what."""

    link = models.ForeignKey(Link, on_delete=models.CASCADE, verbose_name=_("link"))
    created = models.DateTimeField(_("date"), default=timezone.now)
    country_code = models.CharField(_("country code"), max_length=2, blank=True)
    country = models.CharField(_("country"), max_length=64, blank=True)
    browser = models.CharField(_("browser"), max_length=64, blank=True)
    os = models.CharField(_("operating system"), max_length=64, blank=True)
    device_type = models.CharField(
        _("device"), max_length=8, choices=DeviceType.choices
    )
    referrer = models.CharField(_("referrer"), max_length=1000, blank=True)
    referrer_domain = models.CharField(  # "" is a direct visit
        _("referrer domain"), max_length=253, blank=True
    )
    language = models.CharField(_("language"), max_length=2, blank=True)
    is_bot = models.BooleanField(_("bot"), default=False)
    is_unique = models.BooleanField(_("unique"), default=False)
    # A salted hash of IP and user agent; the salt changes every day.
    visitor = models.CharField(_("visitor"), max_length=64)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        verbose_name = _("click")
        verbose_name_plural = _("clicks")
        indexes = [models.Index(fields=["link", "created"], name="click_link_created")]

    def __str__(self) -> str:
        return f"{self.link_id} {self.created:%Y-%m-%d %H:%M}"

"""Tracking pixels (api-spec §8, §16.7): a provider's id, shown on a link's pages."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from shortener.models import Link


class PixelType(models.TextChoices):
    """The 13 providers of §16.7, by their API names."""

    GTM = "gtmpixel", _("Google Tag Manager")
    GA = "gapixel", _("Google Analytics")
    FACEBOOK = "fbpixel", _("Facebook")
    ADWORDS = "adwordspixel", _("Google Ads")
    LINKEDIN = "linkedinpixel", _("LinkedIn")
    TWITTER = "twitterpixel", _("Twitter/X")
    ADROLL = "adrollpixel", _("AdRoll")
    QUORA = "quorapixel", _("Quora")
    PINTEREST = "pinterest", _("Pinterest")
    BING = "bing", _("Bing")
    SNAPCHAT = "snapchat", _("Snapchat")
    REDDIT = "reddit", _("Reddit")
    TIKTOK = "tiktok", _("TikTok")


class PixelQuerySet(models.QuerySet):
    def oldest_first(self) -> "PixelQuerySet":
        """The order of `GET /api/pixels`."""
        return self.order_by("created", "id")


class Pixel(models.Model):
    """One provider's tag of one user, attachable to any of their links."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pixels"
    )
    type = models.CharField(_("provider"), max_length=16, choices=PixelType)
    name = models.CharField(_("name"), max_length=255)
    tag = models.CharField(_("tag"), max_length=64)
    links = models.ManyToManyField(Link, related_name="pixels", blank=True)
    created = models.DateTimeField(default=timezone.now)

    objects = PixelQuerySet.as_manager()

    class Meta:
        verbose_name = _("pixel")
        verbose_name_plural = _("pixels")
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "type", "tag"], name="pixels_pixel_owner_type_tag"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_type_display()})"

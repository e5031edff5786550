"""QR codes (api-spec §4, §16.6): static ones encode their content, dynamic ones
a hidden tracking link of kind QR with the same alias."""

import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from shortener.models import Link

DEFAULT_FOREGROUND = "#000000"
DEFAULT_BACKGROUND = "#ffffff"


def new_alias() -> str:
    """Six random hex characters, as the product's QR aliases (§4.3)."""
    return secrets.token_hex(3)


def logo_name(instance: "QRCode", filename: str) -> str:
    extension = "png" if filename.lower().endswith(".png") else "jpg"
    return f"qr/logos/{secrets.token_hex(16)}.{extension}"


def image_name(instance: "QRCode", filename: str) -> str:
    extension = filename.rpartition(".")[2] or "png"
    return f"qr/images/{instance.alias}-{secrets.token_hex(4)}.{extension}"


class QRType(models.TextChoices):
    """The documented QR types (§16.6)."""

    TEXT = "text", _("Text")
    VCARD = "vcard", _("vCard")
    LINK = "link", _("Link")
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")
    SMS = "sms", _("SMS")
    WIFI = "wifi", _("Wi-Fi")


# Types whose code encodes a tracking link, so scans are counted and the content
# can change after printing (§4.3).
DYNAMIC_TYPES = frozenset({QRType.LINK, QRType.EMAIL, QRType.PHONE, QRType.VCARD})


class QRCodeQuerySet(models.QuerySet):
    def newest_first(self) -> "QRCodeQuerySet":
        """The order of `GET /api/qr` (D31)."""
        return self.order_by("-created", "-id")


class QRCode(models.Model):
    """A QR code design: its type and data, colours, logo and rendered images."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="qr_codes"
    )
    name = models.CharField(_("name"), max_length=255, default="Via API")
    kind = models.CharField(_("type"), max_length=8, choices=QRType)
    data = models.JSONField(_("data"))  # a string or an object, as §16.6
    alias = models.CharField(_("alias"), max_length=16, unique=True)
    link = models.OneToOneField(
        Link,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="qr_code",
    )
    foreground = models.CharField(
        _("foreground"), max_length=7, default=DEFAULT_FOREGROUND
    )
    background = models.CharField(
        _("background"), max_length=7, default=DEFAULT_BACKGROUND
    )
    logo = models.ImageField(_("logo"), upload_to=logo_name, blank=True)
    image = models.FileField(upload_to=image_name, blank=True, max_length=255)
    svg = models.FileField(upload_to=image_name, blank=True, max_length=255)
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(auto_now=True)

    objects = QRCodeQuerySet.as_manager()

    class Meta:
        verbose_name = _("QR code")
        verbose_name_plural = _("QR codes")
        indexes = [models.Index(fields=["owner", "-created"], name="qr_owner_created")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_dynamic(self) -> bool:
        return self.kind in DYNAMIC_TYPES

    @property
    def image_url(self) -> str:
        """The public address of the code's PNG (the API's `link`)."""
        return f"{settings.SITE_URL}/qr/{self.alias}"

    @property
    def scans(self) -> int:
        return self.link.clicks if self.link_id else 0  # type: ignore[union-attr]

    def render_and_store(self) -> None:
        """Render the PNG and SVG and store them, replacing the previous ones."""
        from qrcodes.render import DEFAULT_SIZE, render_png, render_svg

        # Written under new names, then the old objects go: a scanner never
        # meets a half-written image, and running twice is harmless.
        old_names = [(f.storage, f.name) for f in (self.image, self.svg) if f]
        self.image.save(
            "qr.png", ContentFile(render_png(self, DEFAULT_SIZE)), save=False
        )
        self.svg.save("qr.svg", ContentFile(render_svg(self)), save=False)
        QRCode.objects.filter(pk=self.pk).update(
            image=self.image.name, svg=self.svg.name
        )
        for storage, name in old_names:
            if name not in {self.image.name, self.svg.name}:
                storage.delete(name)

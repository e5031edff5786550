"""Files shared behind short links (api-spec §11, §16.10, D22)."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from shortener.models import Link


def storage_name(instance: "SharedFile", filename: str) -> str:
    """A random name in storage: the uploader's file name is never a path."""
    return f"files/{secrets.token_hex(16)}"


class SharedFileQuerySet(models.QuerySet):
    def search(self, text: str) -> "SharedFileQuerySet":
        """Files whose name contains `text`, in any case (D22)."""
        return self.filter(name__icontains=text)


class SharedFile(models.Model):
    """An uploaded file published behind a short link of kind FILE.

    The link holds the alias, the domain, the password hash and the expiry date;
    this row holds the stored bytes and what is known about them.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="files"
    )
    link = models.OneToOneField(
        Link, on_delete=models.CASCADE, related_name="shared_file"
    )
    name = models.CharField(_("name"), max_length=255)
    filename = models.CharField(_("file name"), max_length=255)
    stored = models.FileField(upload_to=storage_name, max_length=255)
    size = models.PositiveBigIntegerField(_("size"))
    content_type = models.CharField(_("type"), max_length=100)
    max_downloads = models.PositiveIntegerField(
        _("maximum downloads"), null=True, blank=True
    )
    downloads = models.PositiveIntegerField(_("downloads"), default=0)
    created = models.DateTimeField(default=timezone.now)

    objects = SharedFileQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self) -> str:
        return self.name

    def is_exhausted(self) -> bool:
        return self.max_downloads is not None and self.downloads >= self.max_downloads

    def is_available(self) -> bool:
        """Whether the file can still be downloaded (not expired, not used up)."""
        return not self.link.is_expired() and not self.is_exhausted()

    def take_download(self) -> bool:
        """Count one download, unless the maximum is reached; say whether it was.

        The limit is part of the UPDATE's condition, so concurrent downloads are
        serialised by the row lock and never add up past the maximum.
        """
        under_limit = Q(max_downloads__isnull=True) | Q(
            downloads__lt=F("max_downloads")
        )
        counted = (
            SharedFile.objects.filter(under_limit, pk=self.pk).update(
                downloads=F("downloads") + 1
            )
            == 1
        )
        if counted:
            self.downloads += 1
        return counted

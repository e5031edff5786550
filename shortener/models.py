from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def site_url() -> str:
    return settings.SITE_URL


class Domain(models.Model):
    """A branded domain a user pointed at the platform (api-spec §7, §16.11)."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="domains"
    )
    # Lower-case host (with a port, if any); unique whatever the scheme.
    host = models.CharField(_("domain"), max_length=253, unique=True)
    scheme = models.CharField(max_length=5, default="https")
    redirect_root = models.URLField(_("root redirect"), max_length=2000, blank=True)
    redirect_404 = models.URLField(_("404 redirect"), max_length=2000, blank=True)
    # Kept by bio.services: the root of a domain with no bio page there (most)
    # is answered from the cached domain without a query.
    shows_bio_page = models.BooleanField(default=False, editable=False)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        verbose_name = _("branded domain")
        verbose_name_plural = _("branded domains")

    def __str__(self) -> str:
        return self.url

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.host}"


class LinkKind(models.TextChoices):
    """What a short code leads to. Only plain links are listed as links (§3.1)."""

    LINK = "link", _("link")
    FILE = "file", _("file")
    QR = "qr", _("QR code")
    BIO = "bio", _("bio page")


class LinkQuerySet(models.QuerySet):
    def plain(self) -> "LinkQuerySet":
        """Links people shortened, not the codes behind files and other objects."""
        return self.filter(kind=LinkKind.LINK)

    def on_host(self, domain: Domain | None) -> "LinkQuerySet":
        """Links that live on this branded domain, or on the main site (None)."""
        return (
            self.filter(domain=domain) if domain else self.filter(domain__isnull=True)
        )

    def with_alias(self, alias: str) -> "LinkQuerySet":
        return self.filter(alias__iexact=alias)

    def behind_short_url(self, url: str) -> "LinkQuerySet":
        """The link a full short URL names, on its host, alias in any case (D32)."""
        from shortener.safety import site_hosts, split_short_url

        host, alias = split_short_url(url)
        if not alias:
            return self.none()
        links = self.with_alias(alias)
        if host in site_hosts():
            return links.filter(domain__isnull=True)
        return links.filter(domain__host=host)

    def search(self, text: str) -> "LinkQuerySet":
        return self.filter(
            Q(long_url__icontains=text)
            | Q(alias__icontains=text)
            | Q(meta_title__icontains=text)
        )


class Link(models.Model):
    """A short link: an alias on a host that sends visitors to a destination."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="links"
    )
    domain = models.ForeignKey(
        Domain, on_delete=models.SET_NULL, null=True, blank=True, related_name="links"
    )
    alias = models.CharField(_("alias"), max_length=64)
    kind = models.CharField(max_length=8, choices=LinkKind, default=LinkKind.LINK)
    is_custom = models.BooleanField(default=False)
    long_url = models.URLField(_("destination"), max_length=4096)
    meta_title = models.CharField(_("meta title"), max_length=255, blank=True)
    meta_description = models.CharField(
        _("meta description"), max_length=1000, blank=True
    )
    meta_image = models.ImageField(_("preview image"), upload_to="banners/", blank=True)
    note = models.CharField(_("note"), max_length=1000, blank=True)
    redirect_type = models.CharField(_("redirect type"), max_length=32, blank=True)
    password = models.CharField(max_length=128, blank=True)  # a hash, never the text
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    is_public = models.BooleanField(_("public"), default=False)
    # {"canada": "https://…"}, {"iphone": "https://…"}, {"fr": "https://…"}
    geo_targets = models.JSONField(default=dict, blank=True)
    device_targets = models.JSONField(default=dict, blank=True)
    language_targets = models.JSONField(default=dict, blank=True)
    parameters = models.JSONField(default=list, blank=True)  # [["aff", "3"], …]
    deeplink = models.JSONField(default=dict, blank=True)  # {"apple": …, "google": …}
    # Kept by pixels.services: the redirect reads it from the row it already has,
    # so links without pixels never spend a query on them.
    has_pixels = models.BooleanField(default=False, editable=False)
    clicks = models.PositiveIntegerField(default=0)
    unique_clicks = models.PositiveIntegerField(default=0)
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(auto_now=True)

    objects = LinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("link")
        verbose_name_plural = _("links")
        constraints = [
            # Aliases are unique per host in any case (D32). Two partial constraints,
            # because NULL (the main site) never collides with NULL in SQL.
            models.UniqueConstraint(
                Lower("alias"),
                condition=Q(domain__isnull=True),
                name="shortener_link_alias_main_unique",
            ),
            models.UniqueConstraint(
                Lower("alias"),
                "domain",
                condition=Q(domain__isnull=False),
                name="shortener_link_alias_domain_unique",
            ),
        ]
        indexes = [
            models.Index(fields=["owner", "-created"], name="link_owner_created"),
            models.Index(fields=["owner", "-clicks"], name="link_owner_clicks"),
        ]

    def __str__(self) -> str:
        return self.short_url

    @property
    def short_url(self) -> str:
        base = self.domain.url if self.domain_id else site_url()
        return f"{base}/{self.alias}"

    def set_password(self, raw: str) -> None:
        self.password = make_password(raw) if raw else ""

    def check_password(self, raw: str) -> bool:
        return bool(self.password) and check_password(raw, self.password)

    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

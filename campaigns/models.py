"""Campaigns (api-spec §5, §16.4): named groups of links with a rotator URL."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from shortener.models import Link

SLUG_MAX = 64
MAX_WEIGHT = 100


class CampaignQuerySet(models.QuerySet):
    def oldest_first(self) -> "CampaignQuerySet":
        """The order of `GET /api/campaigns` (D31)."""
        return self.order_by("created", "id")

    def with_link_count(self) -> "CampaignQuerySet":
        return self.annotate(link_count=models.Count("memberships"))


class Campaign(models.Model):
    """A user's group of links: a rotator at `/r/<slug>` and a public list."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="campaigns"
    )
    name = models.CharField(_("name"), max_length=255)
    # Global: every rotator lives in the one `/r/` namespace (D29). Null for
    # dashboard campaigns without a rotator; SQL lets NULLs repeat.
    slug = models.SlugField(
        _("slug"), max_length=SLUG_MAX, unique=True, null=True, blank=True
    )
    is_public = models.BooleanField(_("public"), default=False)
    views = models.PositiveIntegerField(_("views"), default=0)
    created = models.DateTimeField(default=timezone.now)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        constraints = [
            models.UniqueConstraint(
                "owner", Lower("name"), name="campaigns_campaign_owner_name"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def rotator_url(self) -> str | None:
        """`/r/<slug>` on the site, or None without a slug."""
        return f"{settings.SITE_URL}/r/{self.slug}" if self.slug else None

    @property
    def list_url(self) -> str:
        """The public list page: `/u/<username>/<slug>-<id>` (D16)."""
        slug = self.slug or "list"
        return f"{settings.SITE_URL}/u/{self.owner.username}/{slug}-{self.pk}"


class Membership(models.Model):
    """A link's place in a campaign: a link is in one campaign at most."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="memberships"
    )
    link = models.OneToOneField(
        Link, on_delete=models.CASCADE, related_name="campaign_membership"
    )
    # The rotator draws links in proportion to their weights.
    weight = models.PositiveSmallIntegerField(
        _("rotator weight"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_WEIGHT)],
    )
    added = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("campaign link")
        verbose_name_plural = _("campaign links")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(weight__gte=1), name="campaigns_membership_weight"
            )
        ]

    def __str__(self) -> str:
        return f"{self.link} in {self.campaign}"

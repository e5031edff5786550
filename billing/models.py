"""Plans and the subscription that puts a user on one (issue 5).

What a user may do is answered by `billing.entitlements`, never by reading these
models directly: it knows the paid-plans switch (D38), admins and expiry.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from billing.features import FEATURES_BY_KEY


@dataclass(frozen=True)
class Feature:
    """One feature of a plan as stored: missing keys read as disabled."""

    enabled: bool = False
    count: int = 0  # a quota; 0 = unlimited
    custom: str = ""


class PlanQuerySet(models.QuerySet):
    def default(self) -> "Plan":
        """The free plan users fall back to; created if an install has none."""
        plan = self.filter(is_default=True).first()
        if plan is not None:
            return plan
        try:
            with transaction.atomic():
                return self.create(**DEFAULT_PLAN)
        except IntegrityError:  # another request created it meanwhile
            return self.get(is_default=True)


class Plan(models.Model):
    """A subscription plan: prices, numeric limits and features."""

    name = models.CharField(_("name"), max_length=100)
    is_free = models.BooleanField(_("free"), default=False)
    price_monthly = models.DecimalField(
        _("monthly price"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    price_yearly = models.DecimalField(
        _("yearly price"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    price_lifetime = models.DecimalField(
        _("lifetime price"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    api_rate = models.PositiveIntegerField(
        _("API requests per minute"),
        default=0,
        help_text=_("0 uses the site's default rate."),
    )
    links = models.PositiveIntegerField(
        _("links"),
        default=0,
        help_text=_("The most links a user may have; 0 = unlimited."),
    )
    links_monthly = models.BooleanField(
        _("links per month"),
        default=False,
        help_text=_(
            "Count the links created this calendar month instead of all links."
        ),
    )
    clicks = models.PositiveIntegerField(
        _("clicks per month"),
        default=0,
        help_text=_("Tracked clicks per calendar month; 0 = unlimited."),
    )
    retention = models.PositiveIntegerField(
        _("statistics retention (days)"),
        default=0,
        help_text=_("How long statistics are kept; 0 = forever."),
    )
    features = models.JSONField(_("features"), default=dict, blank=True)
    is_default = models.BooleanField(
        _("default plan"),
        default=False,
        help_text=_("The free plan users without a subscription are on."),
    )
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("Shown on the pricing page.")
    )
    position = models.PositiveIntegerField(
        _("position"), default=0, help_text=_("Order on the pricing page.")
    )
    created = models.DateTimeField(auto_now_add=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=Q(is_default=True),
                name="billing_plan_one_default",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def feature(self, key: str) -> Feature:
        """The stored state of one feature (disabled when never set)."""
        stored = self.features.get(key) if isinstance(self.features, dict) else None
        if not isinstance(stored, dict):
            return Feature()
        try:
            count = max(0, int(stored.get("count") or 0))
        except (TypeError, ValueError):
            count = 0
        return Feature(
            enabled=bool(stored.get("enabled")),
            count=count,
            custom=str(stored.get("custom") or ""),
        )

    def with_feature(
        self, key: str, *, enabled: bool, count: int = 0, custom: str = ""
    ) -> None:
        """Set one feature in `features` (not saved)."""
        if key not in FEATURES_BY_KEY:
            raise KeyError(key)
        self.features = {
            **(self.features or {}),
            key: {"enabled": enabled, "count": count, "custom": custom},
        }


# The plan a fresh install starts with (api-spec D38: it only applies once the
# site turns paid plans on). Administrators change it in the admin.
DEFAULT_PLAN: dict[str, Any] = {
    "name": "Free",
    "is_free": True,
    "is_default": True,
    "is_public": True,
    "links": 100,
    "features": {
        "alias": {"enabled": True, "count": 0, "custom": ""},
        "qr": {"enabled": True, "count": 10, "custom": ""},
        "api": {"enabled": True, "count": 0, "custom": ""},
    },
}


class Period(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    YEARLY = "yearly", _("Yearly")
    LIFETIME = "lifetime", _("Lifetime")


class Status(models.TextChoices):
    ACTIVE = "active", _("Active")
    CANCELED = "canceled", _("Canceled")
    # Set by the periodic task once `expires` has passed; plan_for() does not wait
    # for it: an active subscription past its expiry already counts as over.
    EXPIRED = "expired", _("Expired")


class Provider(models.TextChoices):
    NONE = "", _("None")
    STRIPE = "stripe", _("Stripe")


class SubscriptionQuerySet(models.QuerySet):
    def current(self, now: datetime | None = None) -> "SubscriptionQuerySet":
        """Active and not expired: these users are on their subscription's plan."""
        now = now or timezone.now()
        return self.filter(
            Q(expires__isnull=True) | Q(expires__gt=now), status=Status.ACTIVE
        )

    def overdue(self, now: datetime | None = None) -> "SubscriptionQuerySet":
        """Still marked active although their expiry has passed."""
        return self.filter(status=Status.ACTIVE, expires__lte=now or timezone.now())


class Subscription(models.Model):
    """The plan one user is on, for which period and until when."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="subscription",
    )
    plan = models.ForeignKey(
        Plan,
        verbose_name=_("plan"),
        on_delete=models.PROTECT,
        related_name="subscriptions",
    )
    period = models.CharField(
        _("period"), max_length=8, choices=Period.choices, default=Period.MONTHLY
    )
    expires = models.DateTimeField(
        _("expires"), null=True, blank=True, help_text=_("Empty: never expires.")
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.ACTIVE
    )
    provider = models.CharField(
        _("provider"), max_length=16, choices=Provider.choices, blank=True, default=""
    )
    customer_ref = models.CharField(_("customer id"), max_length=255, blank=True)
    subscription_ref = models.CharField(
        _("provider subscription id"), max_length=255, blank=True
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        indexes = [
            models.Index(fields=["status", "expires"], name="sub_status_expires")
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.plan}"

    def is_current(self, now: datetime | None = None) -> bool:
        """Active and not expired."""
        if self.status != Status.ACTIVE:
            return False
        return self.expires is None or self.expires > (now or timezone.now())

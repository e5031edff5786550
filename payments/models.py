from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Customer(models.Model):
    """A user's customer record at the payment provider, kept across subscriptions.

    Checkout reuses it so one person stays one customer (and sees every invoice in
    the provider's portal), whatever happens to their subscriptions.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="payment_customer",
    )
    provider = models.CharField(_("provider"), max_length=20)
    ref = models.CharField(_("customer id"), max_length=255)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("payment customer")
        verbose_name_plural = _("payment customers")
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "ref"], name="payments_customer_unique_ref"
            )
        ]

    def __str__(self) -> str:
        return f"{self.provider}:{self.ref}"


class ProcessedEvent(models.Model):
    """A webhook event already handled: a replayed delivery changes nothing."""

    provider = models.CharField(_("provider"), max_length=20)
    event_id = models.CharField(_("event id"), max_length=255)
    type = models.CharField(_("type"), max_length=100)
    received = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received"]
        verbose_name = _("processed webhook event")
        verbose_name_plural = _("processed webhook events")
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "event_id"], name="payments_event_unique_id"
            )
        ]

    def __str__(self) -> str:
        return f"{self.provider}:{self.event_id} ({self.type})"

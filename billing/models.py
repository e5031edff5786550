from django.db import models
from django.utils.translation import gettext_lazy as _


class Plan(models.Model):
    """A subscription plan users are put on (limits and payments build on it)."""

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
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")

    def __str__(self) -> str:
        return self.name

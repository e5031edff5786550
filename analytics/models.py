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

    # Indexed by click_link_created below: an index of its own would only add
    # to the cost of every stored click.
    link = models.ForeignKey(
        Link, on_delete=models.CASCADE, db_index=False, verbose_name=_("link")
    )
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
    # The event's id from the click buffer: a batch processed twice (a worker
    # died before it could say so) inserts nothing twice. Empty on older rows.
    event_id = models.UUIDField(_("event"), null=True, blank=True, unique=True)

    class Meta:
        verbose_name = _("click")
        verbose_name_plural = _("clicks")
        indexes = [models.Index(fields=["link", "created"], name="click_link_created")]

    def __str__(self) -> str:
        return f"{self.link_id} {self.created:%Y-%m-%d %H:%M}"


class Dimension(models.TextChoices):
    """What a rollup row counts clicks by; `total` has the value ""."""

    TOTAL = "total", _("Total")
    COUNTRY = "country", _("Country")
    REFERRER = "referrer", _("Referrer")
    BROWSER = "browser", _("Browser")
    OS = "os", _("Operating system")
    DEVICE = "device", _("Device")
    LANGUAGE = "language", _("Language")
    BOT = "bot", _("Bot visits")  # kept apart: never part of the other dimensions


class DailyStat(models.Model):
    """A link's clicks of one day, by one value of one dimension (a rollup).

    Statistics read these rows, never the raw clicks: the cost of a link's
    statistics grows with the days and values it has, not with its clicks.
    Human clicks only, except in the `bot` dimension (value: the bot's name).
    """

    # Indexed by dailystat_unique below (the link first).
    link = models.ForeignKey(
        Link, on_delete=models.CASCADE, db_index=False, verbose_name=_("link")
    )
    day = models.DateField(_("day"))
    dimension = models.CharField(_("dimension"), max_length=8, choices=Dimension)
    value = models.CharField(_("value"), max_length=253, blank=True)
    clicks = models.PositiveBigIntegerField(_("clicks"), default=0)
    unique_clicks = models.PositiveBigIntegerField(_("unique clicks"), default=0)

    class Meta:
        verbose_name = _("daily statistic")
        verbose_name_plural = _("daily statistics")
        constraints = [
            # Column order: a link's rows of a dimension over a range of days.
            models.UniqueConstraint(
                fields=["link", "dimension", "day", "value"], name="dailystat_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.link_id} {self.day} {self.dimension}={self.value}: {self.clicks}"

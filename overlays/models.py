"""CTA overlays (api-spec §10): a widget shown over a link's destination."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OverlayKind(models.TextChoices):
    MESSAGE = "message", _("Message")
    CONTACT = "contact", _("Contact form")
    POLL = "poll", _("Poll")
    NEWSLETTER = "newsletter", _("Newsletter")
    IMAGE = "image", _("Image")
    COUPON = "coupon", _("Coupon")


class Position(models.TextChoices):
    BOTTOM_LEFT = "bottom-left", _("Bottom left")
    BOTTOM_RIGHT = "bottom-right", _("Bottom right")
    TOP_LEFT = "top-left", _("Top left")
    TOP_RIGHT = "top-right", _("Top right")
    TOP = "top", _("Top")
    BOTTOM = "bottom", _("Bottom")


class OverlayQuerySet(models.QuerySet):
    def of(self, owner: Any) -> "OverlayQuerySet":
        return self.filter(owner=owner)


class Overlay(models.Model):
    """One CTA widget of a user; links use it as type `overlay-<id>`."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="overlays"
    )
    kind = models.CharField(_("type"), max_length=16, choices=OverlayKind.choices)
    name = models.CharField(_("name"), max_length=255)
    # Per kind (see overlays.forms): message {text, button_label, button_url};
    # contact {heading, email}; poll {question, options}; newsletter
    # {heading, button_label}; image {url}; coupon {text, code}.
    settings = models.JSONField(default=dict, blank=True)
    image = models.ImageField(_("image"), upload_to="overlays/", blank=True)
    background_color = models.CharField(
        _("background colour"), max_length=7, default="#ffffff"
    )
    text_color = models.CharField(_("text colour"), max_length=7, default="#111111")
    button_color = models.CharField(_("button colour"), max_length=7, default="#2563eb")
    position = models.CharField(
        _("position"),
        max_length=16,
        choices=Position.choices,
        default=Position.BOTTOM_RIGHT,
    )
    created = models.DateTimeField(default=timezone.now)

    objects = OverlayQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("overlay")
        verbose_name_plural = _("overlays")

    def __str__(self) -> str:
        return self.name

    @property
    def link_type(self) -> str:
        """The value of a link's redirect type that shows this overlay."""
        return f"overlay-{self.pk}"

    def notification_email(self) -> str:
        """Where contact messages go: the chosen address, else the account's."""
        return self.settings.get("email") or self.owner.email

    def poll_results(self) -> list[dict[str, Any]]:
        """Each poll option with its votes and share of all votes, in percent."""
        options = self.settings.get("options", [])
        counts = dict(self.votes.values_list("option").annotate(n=models.Count("id")))
        total = sum(counts.values())
        return [
            {
                "option": option,
                "votes": counts.get(index, 0),
                "percent": round(100 * counts.get(index, 0) / total) if total else 0,
            }
            for index, option in enumerate(options)
        ]


class ContactMessage(models.Model):
    """A message a visitor sent through a contact overlay."""

    overlay = models.ForeignKey(
        Overlay, on_delete=models.CASCADE, related_name="messages"
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail"))
    message = models.TextField(_("message"), max_length=2000)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"


class PollVote(models.Model):
    """One visitor's vote in a poll; the visitor is a hash, never an address."""

    overlay = models.ForeignKey(Overlay, on_delete=models.CASCADE, related_name="votes")
    option = models.PositiveSmallIntegerField()
    voter = models.CharField(max_length=64)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["overlay", "voter"], name="one_vote_per_visitor"
            )
        ]

    def __str__(self) -> str:
        return f"{self.overlay_id}: {self.option}"


class Subscriber(models.Model):
    """An e-mail address left in a newsletter overlay."""

    overlay = models.ForeignKey(
        Overlay, on_delete=models.CASCADE, related_name="subscribers"
    )
    email = models.EmailField(_("e-mail"))
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["overlay", "email"], name="one_subscription_per_email"
            )
        ]

    def __str__(self) -> str:
        return self.email

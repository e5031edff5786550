"""Bio pages ("link in bio"): a public profile of blocks behind a link of kind BIO.

The link holds the alias and the domain (so alias rules, uniqueness per host and
the click pipeline are the links'); this row holds the profile, theme and blocks.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from shortener.models import Domain, Link


def image_name(instance: object, filename: str) -> str:
    """A random name in storage, keeping the extension the re-encoding chose."""
    extension = filename.rsplit(".", 1)[-1].lower()
    return f"bio/{secrets.token_hex(16)}.{extension}"


class ButtonStyle(models.TextChoices):
    ROUNDED = "rounded", _("Rounded")
    SQUARE = "square", _("Square")
    OUTLINE = "outline", _("Outline")


class BioPage(models.Model):
    """A user's public page: avatar, name, description, theme and blocks."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bio_pages"
    )
    link = models.OneToOneField(Link, on_delete=models.CASCADE, related_name="bio_page")
    name = models.CharField(_("name"), max_length=100)
    description = models.CharField(_("description"), max_length=500, blank=True)
    avatar = models.ImageField(
        _("avatar"), upload_to=image_name, blank=True, max_length=255
    )
    is_default = models.BooleanField(_("default page"), default=False)
    # A branded domain of the owner whose root shows this page (§16.11).
    root_of = models.OneToOneField(
        Domain,
        verbose_name=_("shown at the root of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="root_bio_page",
    )
    background = models.CharField(
        _("background colour"), max_length=7, default="#f4f6fb"
    )
    # Set: the background is a gradient from `background` to this colour.
    background_end = models.CharField(_("gradient to"), max_length=7, blank=True)
    text_colour = models.CharField(_("text colour"), max_length=7, default="#1f2430")
    button_colour = models.CharField(
        _("button colour"), max_length=7, default="#3557d4"
    )
    button_text_colour = models.CharField(
        _("button text colour"), max_length=7, default="#ffffff"
    )
    button_style = models.CharField(
        _("button style"),
        max_length=8,
        choices=ButtonStyle,
        default=ButtonStyle.ROUNDED,
    )
    custom_css = models.TextField(_("custom CSS"), blank=True)  # sanitised
    created = models.DateTimeField(default=timezone.now)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("bio page")
        verbose_name_plural = _("bio pages")
        constraints = [
            models.UniqueConstraint(
                fields=["owner"],
                condition=Q(is_default=True),
                name="bio_one_default_page_per_owner",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def url(self) -> str:
        return self.link.short_url


class BlockKind(models.TextChoices):
    LINK = "link", _("Link")
    HEADING = "heading", _("Heading")
    TEXT = "text", _("Text")
    SOCIAL = "social", _("Social icons")
    IMAGE = "image", _("Image")
    YOUTUBE = "youtube", _("YouTube video")
    EMAIL = "email", _("Contact e-mail")


class Block(models.Model):
    """One block of a bio page; which fields it uses depends on its kind.

    link: title + url · heading: title · text: text (sanitised HTML) ·
    social: socials {network: url} · image: image + title (its description) ·
    youtube: value (the video id) · email: value (the address) + title.
    """

    page = models.ForeignKey(BioPage, on_delete=models.CASCADE, related_name="blocks")
    kind = models.CharField(_("type"), max_length=8, choices=BlockKind)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200, blank=True)
    url = models.URLField(_("URL"), max_length=2000, blank=True)
    text = models.TextField(_("text"), blank=True)
    value = models.CharField(_("value"), max_length=254, blank=True)
    socials = models.JSONField(_("social networks"), default=dict, blank=True)
    image = models.ImageField(
        _("image"), upload_to=image_name, blank=True, max_length=255
    )
    # Visitors' clicks on a link block (analytics stores clicks per link only).
    clicks = models.PositiveIntegerField(_("clicks"), default=0, editable=False)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("block")
        verbose_name_plural = _("blocks")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title or self.value}"

    def social_links(self) -> list[tuple[str, str, str]]:
        """(network, label, url) of a social block, in the order they were given."""
        from bio.content import is_safe_link_url, network_label

        if not isinstance(self.socials, dict):
            return []
        return [
            (name, network_label(name), url)
            for name, url in self.socials.items()
            if isinstance(url, str) and is_safe_link_url(url)
        ]

    def safe_text(self) -> str:
        """The text block's HTML, cleaned when saved and again when shown."""
        from bio.content import clean_text

        return clean_text(self.text)

"""The bio page builder's forms: the page (profile, address, theme) and its blocks.

Blocks are an inline formset with ORDER and DELETE: without JavaScript the user
numbers the blocks and ticks the ones to remove, and one empty block is offered
per save; bio/builder.js turns that into up/down buttons and "add a block".
"""

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from billing import entitlements
from bio import content, images
from bio.models import BioPage, Block, BlockKind
from core.errors import DomainError
from core.wording import disable_for_plan
from shortener import aliases
from shortener.models import Domain
from shortener.safety import host_of

COLOUR_FIELDS = ("background", "background_end", "text_colour", "button_colour")
COLOUR_FIELDS += ("button_text_colour",)


def translated(error: DomainError) -> ValidationError:
    return ValidationError(gettext(error.message))


class BioPageForm(forms.ModelForm):
    """A page's profile, address and theme; blocks are BlockFormSet's."""

    alias = forms.CharField(
        label=_("Alias"),
        required=False,
        max_length=64,
        help_text=_(
            "The page's address. At least 3 letters, digits, - or _. "
            "Empty: a random alias."
        ),
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )
    domain = forms.ChoiceField(label=_("Domain"), required=False)
    root_domain = forms.ChoiceField(
        label=_("Also show it at the root of"),
        required=False,
        help_text=_("A branded domain's home page can show this page."),
    )
    avatar = forms.FileField(
        label=_("Avatar"),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/png,image/jpeg,image/gif,image/webp"}
        ),
    )
    use_gradient = forms.BooleanField(label=_("Gradient background"), required=False)

    class Meta:
        model = BioPage
        fields = [
            "name",
            "description",
            "avatar",
            "is_default",
            "background",
            "background_end",
            "text_colour",
            "button_colour",
            "button_text_colour",
            "button_style",
            "custom_css",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "custom_css": forms.Textarea(
                attrs={"rows": 5, "spellcheck": "false", "class": "mono"}
            ),
            **{
                name: forms.TextInput(attrs={"type": "color"}) for name in COLOUR_FIELDS
            },
        }
        help_texts = {
            "custom_css": _(
                "Applied to the public page only. Imports, external URLs and "
                "anything that can run code are removed."
            ),
        }

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.owner = owner
        self.domains = {d.url: d for d in Domain.objects.filter(owner=owner)}
        site = ("", _("Main site (%(host)s)") % {"host": host_of(settings.SITE_URL)})
        choices = [(url, url) for url in sorted(self.domains)]
        self.fields["domain"].choices = [site, *choices]
        self.fields["root_domain"].choices = [("", _("No domain")), *choices]
        self.fields["background_end"].required = False
        self.fields["is_default"].help_text = _(
            "Your public profile, %(address)s, shows it."
        ) % {"address": f"{settings.SITE_URL}/u/{owner.get_username()}"}
        page = self.instance
        if page.pk:
            self.initial["alias"] = page.link.alias
            self.initial["domain"] = page.link.domain.url if page.link.domain_id else ""
            self.initial["root_domain"] = page.root_of.url if page.root_of_id else ""
            self.initial["use_gradient"] = bool(page.background_end)
        if not page.background_end:
            self.initial["background_end"] = "#c9d6ff"
        for name, field in self.fields.items():
            field.widget.attrs["data-preview-input"] = name
        if not entitlements.has(owner, "biocss"):
            # Not kept: a new page gets none, an edit keeps what was stored.
            disable_for_plan(self, "custom_css")

    def clean_alias(self) -> str:
        raw = self.cleaned_data["alias"].strip()
        if not raw:
            return ""
        try:
            return aliases.clean_custom_alias(raw)
        except DomainError as error:
            raise translated(error) from None

    def clean_domain(self) -> Domain | None:
        return self.domains.get(self.cleaned_data["domain"])

    def clean_root_domain(self) -> Domain | None:
        return self.domains.get(self.cleaned_data["root_domain"])

    def clean_avatar(self) -> Any:
        avatar = self.cleaned_data.get("avatar")
        if isinstance(avatar, UploadedFile):  # a new upload, not the stored file
            return images.clean_avatar(avatar)
        return avatar

    def clean_custom_css(self) -> str:
        return content.clean_css(self.cleaned_data["custom_css"])

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for name in COLOUR_FIELDS:
            value = (data.get(name) or "").lower()
            if value and not content_colour(value):
                self.add_error(name, _("Choose a colour such as #3557d4."))
            data[name] = value
        if not data.get("use_gradient"):
            data["background_end"] = ""
        return data

    def save(self, commit: bool = True) -> BioPage:
        page = super().save(commit=False)
        page.owner = self.owner
        page.root_of = self.cleaned_data.get("root_domain")
        page.background_end = self.cleaned_data["background_end"]
        return page


def content_colour(value: str) -> bool:
    from bio.theme import HEX_COLOUR

    return bool(HEX_COLOUR.match(value))


def allowed_block_kinds(owner: User) -> frozenset[str] | None:
    """The block types the owner's plan allows, or None for every type.

    A plan's `bioblocks` feature may name them in its `custom` text, separated
    by commas (`link, heading, text`); unknown names are ignored. Without such
    a list, admins, and while paid plans are off, every type is allowed.
    """
    listed = entitlements.custom(owner, "bioblocks")
    if not listed:
        return None
    names = {name.strip().lower() for name in listed.split(",")}
    return frozenset(names & set(BlockKind.values))


class BlockForm(forms.ModelForm):
    """One block; the fields its kind does not use are emptied when saved.

    With `allowed_kinds` (the plan's, allowed_block_kinds), a block of another
    type is refused, unless it is a stored block that keeps its type.
    """

    # The kinds each field is for: the builder shows a block's fields only.
    KINDS_OF_FIELD = {
        "title": "link heading image youtube email",
        "url": "link",
        "text": "text",
        "social_urls": "social",
        "image": "image",
        "video": "youtube",
        "email": "email",
    }

    url = forms.CharField(
        label=_("URL"),
        required=False,
        max_length=2000,
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )
    video = forms.CharField(
        label=_("YouTube video"),
        required=False,
        max_length=500,
        widget=forms.URLInput(
            attrs={"placeholder": "https://www.youtube.com/watch?v=…"}
        ),
    )
    email = forms.CharField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(),
    )
    social_urls = forms.CharField(
        label=_("Social networks"),
        required=False,
        help_text=_(
            "One address per line: Instagram, Facebook, X, TikTok, YouTube, "
            "LinkedIn, GitHub, Threads, Pinterest, Twitch, Spotify, "
            "WhatsApp or Telegram."
        ),
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false"}),
    )
    image = forms.FileField(
        label=_("Image"),
        required=False,
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/png,image/jpeg,image/gif,image/webp"}
        ),
    )

    class Meta:
        model = Block
        fields = ["kind", "title", "url", "text", "image"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {"title": _("Title")}
        help_texts = {
            "title": _("The button's text; a heading's text; an image's description."),
            "text": _("Bold, italic, lists and http(s) links are kept."),
        }

    def __init__(
        self,
        *args: Any,
        allowed_kinds: frozenset[str] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        block = self.instance
        self.allowed_kinds = allowed_kinds
        self.fields["kind"].initial = BlockKind.LINK
        if allowed_kinds is not None:
            # Offer only these (and a stored block's own); any other posted
            # type gets kind_refused's message rather than "not a valid choice".
            offered = allowed_kinds | ({block.kind} if block.pk else set())
            self.fields["kind"].widget.choices = [
                (value, label)
                for value, label in self.fields["kind"].choices
                if value in offered
            ]
            if offered and BlockKind.LINK not in offered:
                self.fields["kind"].initial = sorted(offered)[0]
        if block.pk:
            if block.kind == BlockKind.YOUTUBE:
                self.initial["video"] = f"https://www.youtube.com/watch?v={block.value}"
            elif block.kind == BlockKind.EMAIL:
                self.initial["email"] = block.value
            elif block.kind == BlockKind.SOCIAL:
                self.initial["social_urls"] = content.socials_as_text(block.socials)
        for name, field in self.fields.items():
            field.widget.attrs["data-block-input"] = name

    def kind_fields(self) -> list[tuple[forms.BoundField, str]]:
        """The block's fields but its type, each with the kinds it is for."""
        return [(self[name], kinds) for name, kinds in self.KINDS_OF_FIELD.items()]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        kind = data.get("kind")
        if not kind or self.cleaned_data.get("DELETE"):
            return data
        if not self.kind_allowed(kind):
            self.add_error("kind", self.kind_refused(kind))
            return data
        cleaner = getattr(self, f"clean_{kind}_block", None)
        try:
            if cleaner is not None:
                cleaner(data)
        except DomainError as error:
            raise translated(error) from None
        return data

    def kind_allowed(self, kind: str) -> bool:
        if self.allowed_kinds is None or kind in self.allowed_kinds:
            return True
        return bool(self.instance.pk) and self.instance.kind == kind

    def kind_refused(self, kind: str) -> str:
        label = BlockKind(kind).label
        allowed = [
            BlockKind(k).label
            for k in BlockKind.values
            if k in (self.allowed_kinds or ())
        ]
        if not allowed:
            return gettext("Your plan does not include %(kind)s blocks.") % {
                "kind": label
            }
        return gettext(
            "Your plan does not include %(kind)s blocks. "
            "Blocks your plan includes: %(allowed)s."
        ) % {"kind": label, "allowed": ", ".join(str(a) for a in allowed)}

    def require(self, data: dict[str, Any], name: str) -> None:
        if not (data.get(name) or "").strip():
            self.add_error(name, _("This field is required."))

    def clean_link_block(self, data: dict[str, Any]) -> None:
        self.require(data, "title")
        try:
            data["url"] = content.clean_link_url(data.get("url") or "")
        except DomainError as error:
            self.add_error("url", gettext(error.message))

    def clean_heading_block(self, data: dict[str, Any]) -> None:
        self.require(data, "title")

    def clean_text_block(self, data: dict[str, Any]) -> None:
        data["text"] = content.clean_text(data.get("text") or "")
        if not data["text"]:
            self.add_error("text", _("This field is required."))

    def clean_social_block(self, data: dict[str, Any]) -> None:
        try:
            data["socials"] = content.clean_socials(data.get("social_urls") or "")
        except DomainError as error:
            self.add_error("social_urls", gettext(error.message))
            return
        if not data["socials"]:
            self.add_error("social_urls", _("This field is required."))

    def clean_image_block(self, data: dict[str, Any]) -> None:
        image = data.get("image")
        if isinstance(image, UploadedFile):
            try:
                data["image"] = images.clean_image(image)
            except ValidationError as error:
                self.add_error("image", error)
        elif not image:
            self.add_error("image", _("This field is required."))

    def clean_youtube_block(self, data: dict[str, Any]) -> None:
        try:
            data["value"] = content.youtube_id(data.get("video") or "")
        except DomainError as error:
            self.add_error("video", gettext(error.message))

    def clean_email_block(self, data: dict[str, Any]) -> None:
        try:
            data["value"] = content.clean_email(data.get("email") or "")
        except DomainError as error:
            self.add_error("email", gettext(error.message))

    def save(self, commit: bool = True) -> Block:
        """Keep only what the block's kind uses, so no stale value lingers."""
        block = super().save(commit=False)
        data, kind = self.cleaned_data, block.kind
        block.title = block.title if kind != BlockKind.TEXT else ""
        block.url = data.get("url", "") if kind == BlockKind.LINK else ""
        block.text = data.get("text", "") if kind == BlockKind.TEXT else ""
        block.socials = data.get("socials", {}) if kind == BlockKind.SOCIAL else {}
        uses_value = kind in {BlockKind.YOUTUBE, BlockKind.EMAIL}
        block.value = data.get("value", "") if uses_value else ""
        if kind != BlockKind.IMAGE:
            block.image = None  # type: ignore[assignment]
        if commit:
            block.save()
        return block


class BaseBlockFormSet(BaseInlineFormSet):
    def get_ordering_widget(self) -> forms.Widget:
        return forms.NumberInput(attrs={"min": 1, "data-block-order": ""})


BlockFormSet = inlineformset_factory(
    BioPage,
    Block,
    form=BlockForm,
    formset=BaseBlockFormSet,
    extra=1,
    can_order=True,
    can_delete=True,
    max_num=50,
    validate_max=True,
)

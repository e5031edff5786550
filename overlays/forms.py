"""Forms of the overlays: the visitors' responses and the owner's designer."""

from typing import Any

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from core.errors import InvalidInput
from overlays.models import Overlay, OverlayKind
from shortener.safety import clean_url

HEX_COLOR = r"^#[0-9a-fA-F]{6}$"
MAX_OPTIONS = 6


class VisitorForm(forms.Form):
    """What every submission carries: the link it came from and a honeypot."""

    link = forms.IntegerField(widget=forms.HiddenInput)
    # Hidden from people by CSS; bots that fill every field give themselves away.
    website = forms.CharField(required=False, max_length=200)


class ContactForm(VisitorForm):
    name = forms.CharField(label=_("Name"), max_length=100)
    email = forms.EmailField(label=_("E-mail"))
    message = forms.CharField(
        label=_("Message"), max_length=2000, widget=forms.Textarea
    )


class NewsletterForm(VisitorForm):
    email = forms.EmailField(label=_("E-mail"))


class PollForm(VisitorForm):
    option = forms.IntegerField(min_value=0)

    def __init__(self, *args: Any, options: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["option"] = forms.IntegerField(min_value=0, max_value=options - 1)


VISITOR_FORMS: dict[str, type[VisitorForm]] = {
    OverlayKind.CONTACT: ContactForm,
    OverlayKind.NEWSLETTER: NewsletterForm,
    OverlayKind.POLL: PollForm,
}


def web_url(value: str) -> str:
    """An http(s) URL, or a validation error (no `javascript:` or data URLs)."""
    try:
        return clean_url(value, str(_("Please enter a valid URL.")))
    except InvalidInput as error:
        raise forms.ValidationError(error.message) from None


class OverlayForm(forms.ModelForm):
    """The designer: common fields, then the fields of the overlay's kind."""

    text = forms.CharField(label=_("Text"), required=False, max_length=500)
    button_label = forms.CharField(
        label=_("Button label"), required=False, max_length=60
    )
    button_url = forms.CharField(label=_("Button URL"), required=False, max_length=2000)
    heading = forms.CharField(label=_("Heading"), required=False, max_length=200)
    email = forms.EmailField(
        label=_("Send messages to"),
        required=False,
        help_text=_("Empty: your account's e-mail address."),
    )
    question = forms.CharField(label=_("Question"), required=False, max_length=200)
    options = forms.CharField(
        label=_("Options"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One option a line, from 2 to 6."),
    )
    url = forms.CharField(label=_("Target URL"), required=False, max_length=2000)
    code = forms.CharField(label=_("Coupon code"), required=False, max_length=60)

    class Meta:
        model = Overlay
        fields = [
            "name",
            "kind",
            "image",
            "background_color",
            "text_color",
            "button_color",
            "position",
        ]
        widgets = {
            "background_color": forms.TextInput(attrs={"type": "color"}),
            "text_color": forms.TextInput(attrs={"type": "color"}),
            "button_color": forms.TextInput(attrs={"type": "color"}),
        }

    REQUIRED = {
        OverlayKind.MESSAGE: ("text", "button_label", "button_url"),
        OverlayKind.CONTACT: ("heading",),
        OverlayKind.POLL: ("question",),
        OverlayKind.NEWSLETTER: ("heading", "button_label"),
        OverlayKind.IMAGE: ("url",),
        OverlayKind.COUPON: ("text", "code"),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("background_color", "text_color", "button_color"):
            self.fields[name].validators.append(RegexValidator(HEX_COLOR))
        if self.instance.pk:
            for key, value in self.instance.settings.items():
                if key == "options":
                    value = "\n".join(value)
                self.initial.setdefault(key, value)

    def clean_button_url(self) -> str:
        value = self.cleaned_data["button_url"].strip()
        return web_url(value) if value else ""

    def clean_url(self) -> str:
        value = self.cleaned_data["url"].strip()
        return web_url(value) if value else ""

    def clean_options(self) -> list[str]:
        lines = self.cleaned_data["options"].splitlines()
        return [line.strip()[:100] for line in lines if line.strip()]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        kind = data.get("kind")
        for name in self.REQUIRED.get(kind, ()):
            if not data.get(name) and name not in self.errors:
                self.add_error(name, _("This field is required."))
        options = data.get("options") or []
        if kind == OverlayKind.POLL and not 2 <= len(options) <= MAX_OPTIONS:
            self.add_error("options", _("Give from 2 to 6 options."))
        if kind == OverlayKind.IMAGE and not (data.get("image") or self.instance.image):
            self.add_error("image", _("This field is required."))
        return data

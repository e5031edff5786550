"""The splash page editor's form: text sanitised, banner verified and re-encoded."""

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from splash.images import clean_banner
from splash.models import SplashPage
from splash.sanitise import clean_html


class SplashPageForm(forms.ModelForm):
    """Every field of a splash page but its owner."""

    banner = forms.ImageField(
        label=_("Banner"),
        required=False,
        help_text=_("A PNG, JPEG or WebP image of at most 1 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/png,image/jpeg,image/webp"}
        ),
    )

    product_url = forms.URLField(
        label=_("Product URL"),
        required=False,
        max_length=2000,
        assume_scheme="https",
        help_text=_("Where the button goes (http or https)."),
    )

    class Meta:
        model = SplashPage
        fields = [
            "name",
            "title",
            "text",
            "banner",
            "product_url",
            "button_label",
            "countdown",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 6}),
            "countdown": forms.NumberInput(attrs={"min": 0, "max": 60}),
        }
        help_texts = {
            "name": _("Only you see it."),
            "text": _("Bold, italic, lists and http(s) links are kept."),
            "countdown": _("Seconds before visitors go on (0 to 60)."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name != "banner":
                field.widget.attrs["data-preview-input"] = name

    def clean_text(self) -> str:
        return clean_html(self.cleaned_data["text"])

    def clean_banner(self) -> Any:
        banner = self.cleaned_data.get("banner")
        if isinstance(banner, UploadedFile):  # a new upload, not the stored file
            return clean_banner(banner)
        return banner

"""The dashboard's pixel forms, with the API's rules and messages (§8, §16.7)."""

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.errors import DomainError
from core.wording import for_pages
from pixels import rules, services
from pixels.models import Pixel, PixelType

# The contract's messages, each shown by the field it is about.
FIELD_OF_MESSAGE: dict[str, str] = {
    rules.MISSING_TYPE: "type",
    rules.UNSUPPORTED: "type",
    rules.MISSING_NAME: "name",
    rules.MISSING_TAG: "tag",
    rules.TAG_TOO_SHORT: "tag",
    rules.DUPLICATE: "tag",
    **{rule.message: "tag" for rule in rules.RULES.values()},
}


class PixelForm(forms.Form):
    """Add a pixel, or change the name and tag of one (its provider stays)."""

    type = forms.ChoiceField(
        label=_("Provider"),
        required=False,  # empty gets the contract's message
        choices=[("", "—"), *PixelType.choices],
    )
    name = forms.CharField(label=_("Name"), required=False, max_length=255)
    tag = forms.CharField(
        label=_("Tag"),
        required=False,
        max_length=rules.TAG_MAX,
        help_text=_("The provider's id, for example GTM-ABCDE for Google Tag Manager."),
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )

    def __init__(self, data: Any = None, *, pixel: Pixel | None = None) -> None:
        self.pixel = pixel
        initial = {"name": pixel.name, "tag": pixel.tag} if pixel else None
        super().__init__(data, initial=initial)
        if pixel is not None:
            del self.fields["type"]

    def add_contract_error(self, error: DomainError) -> None:
        """Show the contract's message, translated, by its field."""
        field = FIELD_OF_MESSAGE.get(error.message)
        self.add_error(
            field if field in self.fields else None, gettext(for_pages(error.message))
        )

    def save(self, *, owner: User) -> Pixel:
        """Create or change the pixel; raise DomainError if the API would refuse."""
        data = self.cleaned_data
        if self.pixel is None:
            return services.create_pixel(
                owner=owner, kind=data["type"], name=data["name"], tag=data["tag"]
            )
        return services.update_pixel(
            pixel=self.pixel, name=data["name"], tag=data["tag"]
        )

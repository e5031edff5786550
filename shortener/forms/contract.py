"""What the dashboard forms share: the contract's messages, shown by their field."""

from django import forms
from django.utils.translation import gettext, gettext_noop

from core.errors import DomainError
from core.wording import for_pages

DOMAIN_USED = gettext_noop("The domain has been already used.")
ROOT_INVALID = gettext_noop("A valid url is required for the root domain.")
NOT_FOUND_INVALID = gettext_noop("A valid url is required for the 404 page.")

# The contract's messages (the API sends them in English) the dashboard may show,
# listed for translation, with the field each one is about.
FIELD_OF_MESSAGE: dict[str, str] = {
    gettext_noop("Please enter a valid URL."): "url",
    gettext_noop("You cannot shorten URLs of this website."): "url",
    gettext_noop("This domain name or link has been blacklisted."): "url",
    gettext_noop("This URL contains blacklisted keywords."): "url",
    gettext_noop("Linking to executable files is not allowed."): "url",
    gettext_noop("Custom alias must be at least 3 characters."): "custom",
    gettext_noop("Inappropriate aliases are not allowed."): "custom",
    gettext_noop("That alias is taken. Please choose another one."): "custom",
    gettext_noop("That alias is reserved. Please choose another one."): "custom",
    gettext_noop("The expiration date is not valid."): "expiry",
    gettext_noop("The expiry date must be later than today."): "expiry",
    gettext_noop("Banner must be either a PNG or a JPEG (Max 500kb)."): "metaimage",
    gettext_noop("A valid domain name is required."): "domain",
    DOMAIN_USED: "domain",
    ROOT_INVALID: "redirect_root",
    NOT_FOUND_INVALID: "redirect_404",
}


def url_input(placeholder: str = "https://") -> forms.URLInput:
    """An input for a URL; the server, not the browser, judges its validity."""
    return forms.URLInput(attrs={"placeholder": placeholder, "spellcheck": "false"})


class ContractForm(forms.Form):
    """A form that shows a DomainError by the field it is about, translated."""

    def add_contract_error(self, error: DomainError) -> None:
        field = FIELD_OF_MESSAGE.get(error.message)
        self.add_error(
            field if field in self.fields else None, gettext(for_pages(error.message))
        )

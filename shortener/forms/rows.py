"""Repeatable rows of the link form: targeting rules and query parameters."""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.forms import BaseFormSet, formset_factory
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.errors import InvalidInput
from shortener import countries, languages, parsing
from shortener.forms.contract import url_input

# Device names of the product's UI (§16.2), under the keys visitors' systems get.
DEVICES = [
    ("iphone", "iPhone"),
    ("ipad", "iPad"),
    ("android", "Android"),
    ("windows", "Windows"),
    ("mac os", "Mac OS"),
    ("linux", "Linux"),
    ("ubuntu", "Ubuntu"),
    ("blackberry", "BlackBerry"),
    ("mobile", _("Other mobile")),
]


class TargetRow(forms.Form):
    """One targeting rule: visitors matching `key` are sent to `link`."""

    key_label: Any = ""
    base_choices: Callable[[], list[tuple[str, Any]]]
    key = forms.ChoiceField(required=False)
    link = forms.CharField(
        label=_("Send them to"), required=False, max_length=4096, widget=url_input()
    )

    def __init__(
        self, *args: Any, extra_choices: Sequence[str] = (), **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        # Keys the API accepted but the list lacks stay selectable, so editing a
        # link never drops a target it already has.
        key = self.fields["key"]
        key.label = self.key_label
        key.choices = [
            ("", "—"),
            *self.base_choices(),
            *((k, k) for k in extra_choices),
        ]

    @classmethod
    def unlisted(cls, keys: Iterable[str]) -> list[str]:
        """Those of `keys` that the list of choices lacks."""
        listed = {key for key, _label in cls.base_choices()}
        return [key for key in keys if key not in listed]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        key, link = data.get("key"), data.get("link")
        if key and not link:
            self.add_error("link", _("Enter the URL these visitors go to."))
        elif link and not key:
            self.add_error("key", _("Choose whom this URL is for."))
        elif link:
            # The API skips a target with a bad URL; here the user can fix it.
            try:
                data["link"] = parsing.destination(link)
            except InvalidInput as error:
                self.add_error("link", gettext(error.message))
        return data


class CountryRow(TargetRow):
    """A country and its destination."""

    key_label = _("Country")
    base_choices = staticmethod(countries.choices)


class DeviceRow(TargetRow):
    """A device and its destination."""

    key_label = _("Device")
    base_choices = staticmethod(lambda: DEVICES)


class LanguageRow(TargetRow):
    """A browser language and its destination."""

    key_label = _("Language")
    base_choices = staticmethod(languages.choices)


class ParameterRow(forms.Form):
    """One query parameter appended to the destination."""

    name = forms.CharField(label=_("Name"), required=False, max_length=100)
    value = forms.CharField(label=_("Value"), required=False, max_length=500)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("value") and not data.get("name"):
            self.add_error("name", _("Enter the parameter's name."))
        return data


@dataclass(frozen=True)
class Rows:
    """A repeatable group of inputs and the API parameter it becomes."""

    parameter: str
    prefix: str
    title: str
    help_text: str
    formset: type[BaseFormSet]
    key: str  # the API's name for a row's first value ("location", "device", …)


def row_formset(form: type[forms.Form]) -> type[BaseFormSet]:
    """A formset of `form` rows."""
    # Two empty rows work without JavaScript; links.js adds more on request.
    return formset_factory(form, extra=2)


ROWS = [
    Rows(
        "geotarget", "geo", _("Geo targeting"),
        _("Send visitors from these countries to another URL."),
        row_formset(CountryRow), "location",
    ),
    Rows(
        "devicetarget", "device", _("Device targeting"),
        _("Send visitors on these devices to another URL."),
        row_formset(DeviceRow), "device",
    ),
    Rows(
        "languagetarget", "language", _("Language targeting"),
        _("Send visitors whose browser prefers these languages to another URL."),
        row_formset(LanguageRow), "language",
    ),
    Rows(
        "parameters", "param", _("Query parameters"),
        _("Added to the destination URL, for example utm_source=newsletter."),
        row_formset(ParameterRow), "name",
    ),
]  # fmt: skip

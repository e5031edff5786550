"""The QR designer: a type, the fields that fit it, colours and a logo.

Each type has its own fieldset (fields prefixed with the type); only the chosen
type's fields make the code's `data`, shaped as the API receives it (§16.6), so
qrcodes.services applies one set of rules and messages to both.
"""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.forms import BoundField
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from billing import entitlements
from core.errors import DomainError
from core.wording import disable_for_plan, for_pages
from qrcodes import parsing, services
from qrcodes.models import QRCode, QRType

LOGO_MAX_BYTES = 500 * 1024
LOGO_TYPES = {"image/png", "image/jpeg"}
LOGO_EXTENSIONS = (".png", ".jpg", ".jpeg")
LOGO_INVALID = gettext_noop("Logo must be either a PNG or a JPEG (Max 500kb).")

# The fields of each type's fieldset, as the keys of its `data` (§16.6).
FIELDS_OF_KIND: dict[str, list[str]] = {
    QRType.LINK: ["url"],
    QRType.TEXT: ["text"],
    QRType.EMAIL: ["email", "subject", "body"],
    QRType.PHONE: ["phone"],
    QRType.SMS: ["phone", "message"],
    QRType.WIFI: ["ssid", "pass", "encryption"],
    QRType.VCARD: [
        "fname",
        "lname",
        "org",
        "phone",
        "cell",
        "fax",
        "email",
        "site",
        "facebook",
        "instagram",
        "twitter",
        "linkedin",
        "street",
        "city",
        "state",
        "zip",
        "country",
    ],
}
# Types whose `data` is one string rather than an object.
STRING_KINDS = {QRType.LINK: "url", QRType.TEXT: "text", QRType.PHONE: "phone"}

# The contract's messages (qrcodes.parsing marks them for translation) with the
# field each one is about: a key of the chosen type's data, a form field, or
# "data" for the data as a whole.
FIELD_OF_MESSAGE: dict[str, str] = {
    parsing.EMPTY: "data",
    parsing.EMPTY_VCARD: "data",
    parsing.TEXT_TOO_LONG: "text",
    parsing.INVALID_URL: "url",
    parsing.INVALID_EMAIL: "email",
    parsing.SUBJECT_TOO_LONG: "subject",
    parsing.INVALID_PHONE: "phone",
    parsing.NO_SSID: "ssid",
    parsing.INVALID_COLOUR: "foreground",
    parsing.LOW_CONTRAST: "background",
    LOGO_INVALID: "logo",
}
FORM_FIELDS = {"foreground", "background", "logo"}
# Where a message about the data as a whole ("data") goes: the type's first field.
FIRST_FIELD = {kind: names[0] for kind, names in FIELDS_OF_KIND.items()}

WIFI_ENCRYPTIONS = [("WPA", "WPA/WPA2"), ("WEP", "WEP"), ("", _("None"))]


def text_field(label: str, *, max_length: int = 255, **attrs: Any) -> forms.CharField:
    """An optional one-line field; the services judge what it must hold."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        widget=forms.TextInput(attrs=attrs),
    )


def type_fields() -> dict[str, forms.Field]:
    """Every type's fields, named `<type>_<key>`."""
    long_text = {"rows": 4}
    return {
        "link_url": forms.CharField(
            label=_("Destination URL"),
            required=False,
            max_length=4096,
            widget=forms.URLInput(
                attrs={"placeholder": "https://", "spellcheck": "false"}
            ),
        ),
        "text_text": forms.CharField(
            label=_("Text"),
            required=False,
            widget=forms.Textarea(attrs=long_text),
        ),
        "email_email": text_field(_("Email address"), type="email"),
        "email_subject": text_field(_("Subject"), max_length=1000),
        "email_body": forms.CharField(
            label=_("Message"), required=False, widget=forms.Textarea(attrs=long_text)
        ),
        "phone_phone": text_field(_("Phone number"), type="tel", placeholder="+"),
        "sms_phone": text_field(_("Phone number"), type="tel", placeholder="+"),
        "sms_message": forms.CharField(
            label=_("Message"), required=False, widget=forms.Textarea(attrs=long_text)
        ),
        "wifi_ssid": text_field(_("Network name (SSID)")),
        "wifi_pass": text_field(_("Password")),
        "wifi_encryption": forms.ChoiceField(
            label=_("Security"), required=False, choices=WIFI_ENCRYPTIONS
        ),
        "vcard_fname": text_field(_("First name")),
        "vcard_lname": text_field(_("Last name")),
        "vcard_org": text_field(_("Organisation")),
        "vcard_phone": text_field(_("Work phone"), type="tel"),
        "vcard_cell": text_field(_("Mobile phone"), type="tel"),
        "vcard_fax": text_field(_("Fax"), type="tel"),
        "vcard_email": text_field(_("Email address"), type="email"),
        "vcard_site": text_field(_("Website"), type="url"),
        "vcard_facebook": text_field(_("Facebook"), type="url"),
        "vcard_instagram": text_field(_("Instagram"), type="url"),
        "vcard_twitter": text_field(_("Twitter"), type="url"),
        "vcard_linkedin": text_field(_("LinkedIn"), type="url"),
        "vcard_street": text_field(_("Street")),
        "vcard_city": text_field(_("City")),
        "vcard_state": text_field(_("State or region")),
        "vcard_zip": text_field(_("Postal code")),
        "vcard_country": text_field(_("Country")),
    }


@dataclass
class TypeFieldset:
    """The fields of one QR type, shown when that type is chosen."""

    kind: str
    title: str
    fields: list[BoundField]


class QRForm(forms.Form):
    """Design a QR code: create one, or change one whose type stays (§4.4)."""

    kind = forms.ChoiceField(label=_("Type"), choices=QRType.choices)
    name = forms.CharField(label=_("Name"), required=False, max_length=255)
    foreground = forms.CharField(
        label=_("Foreground colour"),
        initial="#000000",
        widget=forms.TextInput(attrs={"type": "color"}),
    )
    background = forms.CharField(
        label=_("Background colour"),
        initial="#ffffff",
        widget=forms.TextInput(attrs={"type": "color"}),
    )
    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("A PNG or JPEG image of at most 500 KB, placed in the centre."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg"}),
    )
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)

    def __init__(
        self,
        data: Any = None,
        files: Any = None,
        *,
        owner: User,
        qr: QRCode | None = None,
    ) -> None:
        super().__init__(data, files, initial=initial_of(qr) if qr else None)
        self.owner = owner
        self.qr = qr
        self.fields.update(type_fields())
        if not entitlements.has(owner, "qrlogo"):
            disable_for_plan(self, "logo")
        if qr is None:
            del self.fields["remove_logo"]
        else:  # the stored type interprets the data (§4.4)
            self.fields["kind"].disabled = True
            if not qr.logo:
                del self.fields["remove_logo"]

    @property
    def fieldsets(self) -> list[TypeFieldset]:
        """One fieldset per type (only the code's own type when editing)."""
        kinds = [QRType(self.qr.kind)] if self.qr else list(QRType)
        return [
            TypeFieldset(
                kind=kind.value,
                title=str(kind.label),
                fields=[self[f"{kind.value}_{key}"] for key in FIELDS_OF_KIND[kind]],
            )
            for kind in kinds
        ]

    @property
    def chosen_kind(self) -> str:
        """The type the form is about: the stored one on edit, else the choice."""
        if self.qr is not None:
            return self.qr.kind
        return self["kind"].value() or QRType.LINK

    def clean_colour(self, name: str) -> str:
        """A colour field as `#rrggbb`, refused with the contract's message."""
        try:
            return parsing.clean_colour(self.cleaned_data.get(name, ""))
        except DomainError as error:
            raise forms.ValidationError(gettext(error.message)) from None

    def clean_foreground(self) -> str:
        """The foreground colour as `#rrggbb`."""
        return self.clean_colour("foreground")

    def clean_background(self) -> str:
        """The background colour as `#rrggbb`."""
        return self.clean_colour("background")

    def clean_logo(self) -> UploadedFile | None:
        """A PNG or JPEG of at most 500 KB, by its name, type and size."""
        logo = self.cleaned_data.get("logo")
        if not logo:
            return None
        named_right = logo.name.lower().endswith(LOGO_EXTENSIONS)
        typed_right = (logo.content_type or "") in LOGO_TYPES
        if not (named_right and typed_right) or logo.size > LOGO_MAX_BYTES:
            raise forms.ValidationError(gettext(LOGO_INVALID))
        return logo

    def qr_data(self) -> str | dict[str, str]:
        """The chosen type's `data`, as the API receives it (§16.6)."""
        kind = self.chosen_kind
        values = {
            key: self.cleaned_data.get(f"{kind}_{key}", "")
            for key in FIELDS_OF_KIND[kind]
        }
        if kind in STRING_KINDS:
            return values[STRING_KINDS[kind]].strip()
        return {key: value.strip() for key, value in values.items()}

    def logo_bytes(self) -> bytes | None:
        """The uploaded logo's bytes, if one was chosen."""
        logo = self.cleaned_data.get("logo")
        if not logo:
            return None
        logo.seek(0)
        return logo.read()

    def save(self) -> QRCode:
        """Create the code, or apply the changes; raises DomainError."""
        data = self.cleaned_data
        if self.qr is None:
            return services.create_qr(
                owner=self.owner,
                kind=self.chosen_kind,
                data=self.qr_data(),
                name=data["name"].strip(),
                foreground=data["foreground"],
                background=data["background"],
                logo=self.logo_bytes(),
            )
        changes: dict[str, Any] = {
            "data": self.qr_data(),
            "name": data["name"].strip(),
            "foreground": data["foreground"],
            "background": data["background"],
        }
        if data.get("logo"):
            changes["logo"] = self.logo_bytes()
        elif data.get("remove_logo"):
            changes["logo"] = None
        return services.update_qr(qr=self.qr, changes=changes)

    def add_contract_error(self, error: DomainError) -> None:
        """Show the contract's message, translated, by the field it is about."""
        key = FIELD_OF_MESSAGE.get(error.message, "")
        kind = self.chosen_kind
        if key in FORM_FIELDS:
            field: str | None = key
        elif key in FIELDS_OF_KIND.get(kind, []):
            field = f"{kind}_{key}"
        elif key == "data" and kind in FIRST_FIELD:
            field = f"{kind}_{FIRST_FIELD[kind]}"
        else:
            field = None
        if field not in self.fields:
            field = None
        self.add_error(field, gettext(for_pages(error.message)))


def initial_of(qr: QRCode) -> dict[str, Any]:
    """The designer's fields for a stored code."""
    initial: dict[str, Any] = {
        "kind": qr.kind,
        "name": qr.name,
        "foreground": qr.foreground,
        "background": qr.background,
    }
    keys = FIELDS_OF_KIND.get(qr.kind, [])
    data = qr.data
    if isinstance(data, dict):
        for key in keys:
            initial[f"{qr.kind}_{key}"] = data.get(key, "") or ""
    elif keys:  # a string: the type's one field (an email may be just the address)
        initial[f"{qr.kind}_{keys[0]}"] = data or ""
    return initial

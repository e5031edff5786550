"""Dashboard forms for links and branded domains.

The forms gather input and hand it over as the very parameters the API receives
(api-spec §3.3, §7), so shortener.parsing applies one set of rules and messages
to both; the services then do the work.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.forms import BaseFormSet, BoundField, formset_factory
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.errors import Conflict, DomainError, InvalidInput
from shortener import countries, languages, parsing, services
from shortener.models import Domain, Link
from shortener.safety import clean_app_url, host_of, site_hosts

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
REDIRECT_TYPES = [
    ("", _("Site default")),
    ("direct", _("Direct")),
    ("frame", _("Frame")),
    ("splash", _("Splash page")),
]
VISIBILITY = [("private", _("Private")), ("public", _("Public"))]
EXPIRY_INPUT = "%Y-%m-%dT%H:%M"  # what <input type="datetime-local"> sends

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
# Form fields that together make one API parameter.
PARAMETER_OF_FIELD = {
    "deeplink_apple": "deeplink",
    "deeplink_google": "deeplink",
    "deeplink_auto": "deeplink",
}


def url_input(placeholder: str = "https://") -> forms.URLInput:
    return forms.URLInput(attrs={"placeholder": placeholder, "spellcheck": "false"})


class ContractForm(forms.Form):
    """A form that shows a DomainError by the field it is about, translated."""

    def add_contract_error(self, error: DomainError) -> None:
        field = FIELD_OF_MESSAGE.get(error.message)
        self.add_error(field if field in self.fields else None, gettext(error.message))


class TargetRow(forms.Form):
    """One targeting rule: visitors matching `key` are sent to `link`."""

    key_label: Any = ""
    base_choices: Callable[[], list[tuple[str, Any]]]
    key = forms.ChoiceField(required=False)
    link = forms.CharField(
        label=_("Destination URL"), required=False, max_length=4096, widget=url_input()
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
    key_label = _("Country")
    base_choices = staticmethod(countries.choices)


class DeviceRow(TargetRow):
    key_label = _("Device")
    base_choices = staticmethod(lambda: DEVICES)


class LanguageRow(TargetRow):
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


@dataclass
class Section:
    """A folded part of the link form: some fields, or one group of rows."""

    title: str
    fields: list[BoundField]
    rows: BaseFormSet | None = None
    help_text: str = ""
    is_open: bool = False


class LinkForm(ContractForm):
    """Every option of a link (§3.3) but pixels, campaign and channel."""

    url = forms.CharField(
        label=_("Destination URL"),
        required=False,  # empty gets the contract's "Please enter a valid URL."
        max_length=4096,
        widget=forms.URLInput(
            attrs={"placeholder": "https://", "required": True, "autofocus": True}
        ),
    )
    custom = forms.CharField(
        label=_("Custom alias"),
        required=False,
        max_length=200,
        help_text=_("At least 3 letters, digits, - or _. Empty: a random alias."),
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )
    domain = forms.ChoiceField(label=_("Domain"), required=False)
    type = forms.ChoiceField(
        label=_("Redirect type"), required=False, choices=REDIRECT_TYPES
    )
    password = forms.CharField(
        label=_("Password"),
        required=False,
        max_length=128,
        help_text=_("Visitors must enter it before they are redirected."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    remove_password = forms.BooleanField(label=_("Remove the password"), required=False)
    expiry = forms.CharField(
        label=_("Expiry"),
        required=False,
        widget=forms.TextInput(attrs={"type": "datetime-local"}),
    )
    metatitle = forms.CharField(label=_("Title"), required=False, max_length=255)
    metadescription = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    metaimage = forms.CharField(
        label=_("Image URL"),
        required=False,
        max_length=4096,
        help_text=_("A PNG or JPEG image of at most 500 KB."),
        widget=url_input(),
    )
    remove_metaimage = forms.BooleanField(
        label=_("Remove the preview image"), required=False
    )
    deeplink_apple = forms.CharField(
        label=_("App Store URL"), required=False, max_length=4096, widget=url_input()
    )
    deeplink_google = forms.CharField(
        label=_("Play Store URL"), required=False, max_length=4096, widget=url_input()
    )
    deeplink_auto = forms.BooleanField(
        label=_("Find the app links of known sites automatically"), required=False
    )
    description = forms.CharField(
        label=_("Private note"),
        required=False,
        max_length=1000,
        help_text=_("Only you see it."),
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    status = forms.ChoiceField(
        label=_("Visibility"),
        choices=VISIBILITY,
        initial="private",
        help_text=_("Public links appear on your public profile."),
    )

    def __init__(
        self, data: Any = None, *, owner: User, link: Link | None = None
    ) -> None:
        self.owner, self.link = owner, link
        super().__init__(data, initial=self.initial_of(link) if link else None)
        site_host = host_of(settings.SITE_URL)
        self.fields["domain"].choices = [
            ("", _("Main site (%(host)s)") % {"host": site_host}),
            *((domain.url, domain.url) for domain in owner.domains.order_by("host")),
        ]
        self.fields["expiry"].help_text = _(
            "The link stops redirecting after this moment (time zone: %(zone)s)."
        ) % {"zone": timezone.get_current_timezone_name()}
        if link is None:
            del self.fields["remove_password"], self.fields["remove_metaimage"]
        else:
            self.fields["password"].help_text = _(
                "Leave empty to keep the current password."
            )
            self.fields["metaimage"].help_text = _(
                "A PNG or JPEG image of at most 500 KB. "
                "Leave empty to keep the current image."
            )
            if not link.password:
                del self.fields["remove_password"]
            if not link.meta_image:
                del self.fields["remove_metaimage"]
        self.rows = {
            rows.parameter: rows.formset(
                data,
                prefix=rows.prefix,
                initial=self.rows_initial(rows.parameter),
                form_kwargs=self.row_kwargs(rows.parameter),
            )
            for rows in ROWS
        }

    @staticmethod
    def initial_of(link: Link) -> dict[str, Any]:
        """The form's values for an existing link."""
        expiry = ""
        if link.expires_at:
            expiry = timezone.localtime(link.expires_at).strftime(EXPIRY_INPUT)
        return {
            "url": link.long_url,
            "custom": link.alias,
            "domain": link.domain.url if link.domain_id else "",
            "type": link.redirect_type,
            "expiry": expiry,
            "metatitle": link.meta_title,
            "metadescription": link.meta_description,
            "deeplink_apple": link.deeplink.get("apple", ""),
            "deeplink_google": link.deeplink.get("google", ""),
            "description": link.note,
            "status": "public" if link.is_public else "private",
        }

    def stored_targets(self, parameter: str) -> dict[str, str]:
        if self.link is None:
            return {}
        return {
            "geotarget": self.link.geo_targets,
            "devicetarget": self.link.device_targets,
            "languagetarget": self.link.language_targets,
        }.get(parameter, {})

    def rows_initial(self, parameter: str) -> list[dict[str, str]]:
        if parameter == "parameters":
            pairs = self.link.parameters if self.link else []
            return [{"name": name, "value": value} for name, value in pairs]
        targets = self.stored_targets(parameter)
        return [{"key": key, "link": url} for key, url in targets.items()]

    def row_kwargs(self, parameter: str) -> dict[str, Any]:
        listed = {
            "geotarget": countries.BY_KEY,
            "devicetarget": dict(DEVICES),
            "languagetarget": languages.NAMES,
        }
        if parameter not in listed:
            return {}
        stored = self.stored_targets(parameter)
        return {"extra_choices": [k for k in stored if k not in listed[parameter]]}

    def is_valid(self) -> bool:
        # Every part is validated, so that all errors show at once.
        form_valid = super().is_valid()
        rows_valid = [rows.is_valid() for rows in self.rows.values()]
        return form_valid and all(rows_valid)

    def clean_deeplink_apple(self) -> str:
        return self.clean_app_link("deeplink_apple")

    def clean_deeplink_google(self) -> str:
        return self.clean_app_link("deeplink_google")

    def clean_app_link(self, name: str) -> str:
        # The API skips a bad app link; here the user can fix it.
        value = self.cleaned_data[name]
        try:
            return clean_app_url(value) if value else ""
        except InvalidInput as error:
            raise ValidationError(gettext(error.message)) from None

    def sections(self) -> list[Section]:
        """The folded parts below the main fields; open where they hold something."""
        return [
            self.fields_section(
                _("Redirect and protection"),
                ["type", "password", "remove_password", "expiry"],
            ),
            self.fields_section(
                _("Social media preview"),
                ["metatitle", "metadescription", "metaimage", "remove_metaimage"],
            ),
            *(self.rows_section(rows) for rows in ROWS),
            self.fields_section(
                _("Deep links"), ["deeplink_apple", "deeplink_google", "deeplink_auto"]
            ),
            self.fields_section(_("Note and visibility"), ["description", "status"]),
        ]

    def fields_section(self, title: str, names: list[str]) -> Section:
        fields = [self[name] for name in names if name in self.fields]
        is_open = any(field.errors for field in fields) or any(
            self.initial.get(field.name) not in (None, "", field.field.initial)
            for field in fields
        )
        # A stored password or image keeps its "remove" box in sight.
        is_open = is_open or any(f.name.startswith("remove_") for f in fields)
        return Section(title, fields, is_open=is_open)

    def rows_section(self, rows: Rows) -> Section:
        formset = self.rows[rows.parameter]
        errors = any(formset.errors) or bool(formset.non_form_errors())
        is_open = errors or bool(formset.initial)
        return Section(rows.title, [], formset, rows.help_text, is_open=is_open)

    def api_data(self) -> dict[str, Any]:
        """The input as API parameters; when editing, only those that changed (D14)."""
        data = self.cleaned_data
        params: dict[str, Any] = {
            "url": data["url"],
            "custom": data["custom"],
            "domain": data["domain"],
            "type": data["type"],
            "expiry": data["expiry"].replace("T", " "),
            "metatitle": data["metatitle"],
            "metadescription": data["metadescription"],
            "description": data["description"],
            "status": data["status"],
            "deeplink": {
                "apple": data["deeplink_apple"],
                "google": data["deeplink_google"],
                "auto": data["deeplink_auto"],
            },
            **{rows.parameter: self.row_values(rows) for rows in ROWS},
        }
        if self.link is None:
            params["password"] = data["password"]
            params["metaimage"] = data["metaimage"]
            return params
        changed = {PARAMETER_OF_FIELD.get(name, name) for name in self.changed_data}
        changed |= {name for name, rows in self.rows.items() if rows.has_changed()}
        params = {name: value for name, value in params.items() if name in changed}
        # An empty password or image field means "keep"; the checkboxes remove.
        if data.get("remove_password"):
            params["password"] = ""
        elif data["password"]:
            params["password"] = data["password"]
        if data.get("remove_metaimage"):
            params["metaimage"] = ""
        elif data["metaimage"]:
            params["metaimage"] = data["metaimage"]
        return params

    def row_values(self, rows: Rows) -> list[dict[str, str]]:
        values = []
        for form in self.rows[rows.parameter]:
            row = form.cleaned_data
            if rows.parameter == "parameters":
                if row.get("name"):
                    values.append({"name": row["name"], "value": row["value"]})
            elif row.get("key"):
                values.append({rows.key: row["key"], "link": row["link"]})
        return values

    def save(self) -> tuple[Link, bool]:
        """Create or change the link; return it and whether it is new.

        Raises DomainError with the contract's message.
        """
        if self.link is None:
            spec, _present = parsing.link_spec(self.api_data(), self.owner)
            return services.create_link(owner=self.owner, spec=spec)
        spec, present = parsing.link_spec(
            self.api_data(), self.owner, base=self.link.long_url
        )
        return services.update_link(link=self.link, spec=spec, present=present), False


class DomainForm(ContractForm):
    """Add a branded domain (§7.2)."""

    domain = forms.CharField(
        label=_("Domain"),
        required=False,  # empty gets the contract's message
        max_length=300,
        help_text=_("With its scheme, for example https://go.example.com"),
        widget=url_input("https://"),
    )
    redirect_root = forms.CharField(
        label=_("Root redirect"),
        required=False,
        max_length=2000,
        help_text=_("Where visitors of the bare domain go. Optional."),
        widget=url_input(),
    )
    redirect_404 = forms.CharField(
        label=_("404 redirect"),
        required=False,
        max_length=2000,
        help_text=_("Where visitors of an unknown short link go. Optional."),
        widget=url_input(),
    )

    def save(self, *, owner: User) -> Domain:
        """Create the domain with the API's rules; raise DomainError if refused."""
        data = self.cleaned_data
        scheme, host = parsing.domain_url(data["domain"])
        root = parsing.optional_url(data["redirect_root"], ROOT_INVALID)
        missing = parsing.optional_url(data["redirect_404"], NOT_FOUND_INVALID)
        # As POST /api/domain/add: the site's own hosts and anyone's domain are used.
        own = site_hosts()
        if host in own or host.split(":")[0] in own:
            raise Conflict(DOMAIN_USED)
        if Domain.objects.filter(host=host).exists():
            raise Conflict(DOMAIN_USED)
        try:
            with transaction.atomic():
                return Domain.objects.create(
                    owner=owner,
                    scheme=scheme,
                    host=host,
                    redirect_root=root,
                    redirect_404=missing,
                )
        except IntegrityError:  # added by someone else since the check
            raise Conflict(DOMAIN_USED) from None


class DomainRedirectsForm(ContractForm):
    """Change where a branded domain's root and unknown links send visitors (§7.3)."""

    redirect_root = DomainForm.base_fields["redirect_root"]
    redirect_404 = DomainForm.base_fields["redirect_404"]

    def __init__(self, data: Any = None, *, domain: Domain) -> None:
        self.domain = domain
        super().__init__(
            data,
            initial={
                "redirect_root": domain.redirect_root,
                "redirect_404": domain.redirect_404,
            },
        )

    def save(self) -> Domain:
        """Store both redirects; raise DomainError for an invalid URL."""
        data = self.cleaned_data
        self.domain.redirect_root = parsing.optional_url(
            data["redirect_root"], ROOT_INVALID
        )
        self.domain.redirect_404 = parsing.optional_url(
            data["redirect_404"], NOT_FOUND_INVALID
        )
        self.domain.save(update_fields=["redirect_root", "redirect_404"])
        return self.domain

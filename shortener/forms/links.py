"""The link form: every option of §3.3, handed to the API's own parsing."""

from dataclasses import dataclass
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms import BaseFormSet, BoundField
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.errors import InvalidInput
from core.wording import disable_for_plan
from shortener import parsing, services
from shortener.forms.contract import ContractForm, url_input
from shortener.forms.rows import ROWS, Rows, TargetRow
from shortener.models import Link
from shortener.safety import clean_app_url, host_of

REDIRECT_TYPES = [
    ("", _("Site default")),
    ("direct", _("Direct")),
    ("frame", _("Frame")),
    ("splash", _("Splash page")),
]
VISIBILITY = [("private", _("Private")), ("public", _("Public"))]
EXPIRY_INPUT = "%Y-%m-%dT%H:%M"  # what <input type="datetime-local"> sends

# Form fields that together make one API parameter.
PARAMETER_OF_FIELD = {
    "deeplink_apple": "deeplink",
    "deeplink_google": "deeplink",
    "deeplink_auto": "deeplink",
}


# The plan feature behind form fields and groups of rows (api-spec §3.3).
PLAN_FEATURE_OF_FIELDS = {
    "alias": ["custom"],
    "domain": ["domain"],
    "expiration": ["expiry"],
    "deeplink": ["deeplink_apple", "deeplink_google", "deeplink_auto"],
    "pixels": ["pixels"],
}
PLAN_FEATURE_OF_ROWS = {
    "geotarget": "geo",
    "devicetarget": "device",
    "languagetarget": "language",
    "parameters": "parameters",
}


@dataclass
class Section:
    """A folded part of the link form: some fields, or one group of rows."""

    title: str
    fields: list[BoundField]
    rows: BaseFormSet | None = None
    help_text: str = ""
    is_open: bool = False


class LinkForm(ContractForm):
    """Every option of a link (§3.3) but campaign and channel."""

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
    pixels = forms.MultipleChoiceField(
        label=_("Pixels"),
        required=False,
        help_text=_("Their scripts run on the page shown before the destination."),
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
        self.add_pixel_choices(owner, link)
        self.fields["expiry"].help_text = _(
            "The link stops redirecting after this moment (time zone: %(zone)s)."
        ) % {"zone": timezone.get_current_timezone_name()}
        from overlays.links import overlay_choices  # overlays builds on this app
        from splash.links import splash_choices  # so does splash

        self.fields["type"].choices = [
            *REDIRECT_TYPES,
            *splash_choices(owner),
            *overlay_choices(owner),
        ]
        if link is None:
            del self.fields["remove_password"], self.fields["remove_metaimage"]
        else:
            if link.redirect_type not in dict(self.fields["type"].choices):
                # A type this form does not offer (set elsewhere) stays chosen, so
                # saving the form does not reset it.
                self.fields["type"].choices = [
                    *self.fields["type"].choices,
                    (link.redirect_type, link.redirect_type),
                ]
            self.fields["custom"].help_text = _(
                "At least 3 letters, digits, - or _. Empty: keep the current alias."
            )
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
        if data is not None:
            data = self.without_missing_rows(data)
        self.rows = {
            rows.parameter: rows.formset(
                data,
                prefix=rows.prefix,
                initial=self.rows_initial(rows.parameter),
                form_kwargs=self.row_kwargs(rows),
            )
            for rows in ROWS
        }
        self.limit_to_plan(owner)

    def limit_to_plan(self, owner: User) -> None:
        """Offer only what the owner's plan includes (§3.3).

        The parser drops the other options anyway (shortener.parsing); here they
        are shown disabled, so nobody fills in what would not be kept, and an
        edit leaves their stored values alone.
        """
        allows = parsing.PlanOptions(owner)
        self.rows_left_out = {
            parameter
            for parameter, feature in PLAN_FEATURE_OF_ROWS.items()
            if not allows(feature)
        }
        for feature, names in PLAN_FEATURE_OF_FIELDS.items():
            if not allows(feature):
                disable_for_plan(self, *names)
        kept = self.link.redirect_type if self.link else ""
        self.fields["type"].choices = [
            (value, label)
            for value, label in self.fields["type"].choices
            if not value or value == kept or parsing.type_allowed(value, owner)
        ]

    def add_pixel_choices(self, owner: User, link: Link | None) -> None:
        """Offer the owner's pixels; no field for an owner without any."""
        from pixels.models import Pixel  # pixels builds on shortener
        from pixels.services import pixel_ids_of

        pixels = Pixel.objects.filter(owner=owner).oldest_first()
        choices = [(str(p.pk), str(p)) for p in pixels]
        if not choices:
            del self.fields["pixels"]
            return
        self.fields["pixels"].choices = choices
        if link is not None and (chosen := pixel_ids_of(link)):
            self.initial["pixels"] = [str(pk) for pk in chosen]

    @staticmethod
    def without_missing_rows(data: Any) -> Any:
        """`data` where a group of rows it does not post at all has none.

        Short forms (the home page's quick box) post only a URL; a formset without
        its management fields would otherwise be invalid.
        """
        missing = [r.prefix for r in ROWS if f"{r.prefix}-TOTAL_FORMS" not in data]
        if not missing:
            return data
        data = data.copy()
        for prefix in missing:
            data[f"{prefix}-TOTAL_FORMS"] = "0"
            data[f"{prefix}-INITIAL_FORMS"] = "0"
        return data

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
        """The link's targets of one kind, by the API parameter's name."""
        if self.link is None:
            return {}
        return {
            "geotarget": self.link.geo_targets,
            "devicetarget": self.link.device_targets,
            "languagetarget": self.link.language_targets,
        }.get(parameter, {})

    def rows_initial(self, parameter: str) -> list[dict[str, str]]:
        """The link's rows of one kind, as the row forms' initial values."""
        if parameter == "parameters":
            pairs = self.link.parameters if self.link else []
            return [{"name": name, "value": value} for name, value in pairs]
        targets = self.stored_targets(parameter)
        return [{"key": key, "link": url} for key, url in targets.items()]

    def row_kwargs(self, rows: Rows) -> dict[str, Any]:
        """Arguments of each row form: a target row offers the keys it has."""
        row = rows.formset.form
        if not issubclass(row, TargetRow):
            return {}
        return {"extra_choices": row.unlisted(self.stored_targets(rows.parameter))}

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
        """An App Store or Play Store link (or an app URL), or empty."""
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
            *(
                self.rows_section(rows)
                for rows in ROWS
                if rows.parameter not in self.rows_left_out
            ),
            self.fields_section(
                _("Deep links"), ["deeplink_apple", "deeplink_google", "deeplink_auto"]
            ),
            *(
                [self.fields_section(_("Pixels"), ["pixels"])]
                if "pixels" in self.fields
                else []
            ),
            self.fields_section(_("Note and visibility"), ["description", "status"]),
        ]

    def fields_section(self, title: str, names: list[str]) -> Section:
        """A section of the named fields that exist on this form."""
        fields = [self[name] for name in names if name in self.fields]
        is_open = any(field.errors for field in fields) or any(
            self.initial.get(field.name) not in (None, "", field.field.initial)
            for field in fields
        )
        # A stored password or image keeps its "remove" box in sight.
        is_open = is_open or any(f.name.startswith("remove_") for f in fields)
        return Section(title, fields, is_open=is_open)

    def rows_section(self, rows: Rows) -> Section:
        """A section holding one group of rows."""
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
        if "pixels" in self.fields:
            params["pixels"] = [int(pk) for pk in data["pixels"]]
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
        """The filled rows of one group, as the API's list of objects."""
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

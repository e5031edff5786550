"""Dashboard forms for files, handed to the upload API's own parsing (§11.2)."""

from typing import Any

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from billing import entitlements
from core.errors import DomainError, InvalidInput
from core.wording import disable_for_plan, for_pages
from files import services
from files.models import SharedFile
from files.parsing import file_options
from shortener.forms.contract import FIELD_OF_MESSAGE, ContractForm
from shortener.safety import host_of

EXPIRY_INPUT = "%Y-%m-%dT%H:%M"  # what <input type="datetime-local"> sends
# The upload's contract messages, listed for translation, by the field they are about.
FILE_FIELD_OF_MESSAGE = {
    gettext_noop("The file is too large."): "file",
    gettext_noop("No data sent."): "file",
    gettext_noop("Linking to executable files is not allowed."): "file",
    gettext_noop("Invalid request or incorrect data format."): "maxdownloads",
}


class FileOptionsForm(ContractForm):
    """The options a file shares with its upload (name, password, expiry, limit)."""

    name = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=255,
        help_text=_("Shown on the download page. Empty: the file's name."),
    )
    password = forms.CharField(
        label=_("Password"),
        required=False,
        max_length=128,
        help_text=_("Visitors must enter it before they can download the file."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    expiry = forms.CharField(
        label=_("Expiry"),
        required=False,
        widget=forms.TextInput(attrs={"type": "datetime-local"}),
    )
    maxdownloads = forms.CharField(
        label=_("Maximum downloads"),
        required=False,
        max_length=20,
        help_text=_("Empty: no limit."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "pattern": "[0-9]*"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["expiry"].help_text = _(
            "The file can no longer be downloaded after this moment "
            "(time zone: %(zone)s)."
        ) % {"zone": timezone.get_current_timezone_name()}

    def add_contract_error(self, error: DomainError) -> None:
        field = FILE_FIELD_OF_MESSAGE.get(error.message) or FIELD_OF_MESSAGE.get(
            error.message
        )
        self.add_error(
            field if field in self.fields else None, gettext(for_pages(error.message))
        )

    def options_data(self) -> dict[str, Any]:
        """The input as the upload's query parameters."""
        data = self.cleaned_data
        return {
            "name": data["name"],
            "password": data["password"],
            "expiry": data["expiry"].replace("T", " "),
            "maxdownloads": data["maxdownloads"],
        }


class UploadForm(FileOptionsForm):
    """Upload a file with the options of `POST /api/files/upload/:filename`."""

    file = forms.FileField(
        label=_("File"),
        required=False,  # none gets the contract's "No data sent."
    )
    custom = forms.CharField(
        label=_("Custom alias"),
        required=False,
        max_length=200,
        help_text=_("At least 3 letters, digits, - or _. Empty: a random alias."),
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )
    domain = forms.ChoiceField(label=_("Domain"), required=False)

    field_order = [
        "file", "name", "custom", "domain", "password", "expiry", "maxdownloads"
    ]  # fmt: skip

    def __init__(self, *args: Any, owner: User, **kwargs: Any) -> None:
        self.owner = owner
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("At most %(size)s.") % {
            "size": filesizeformat(settings.FILES_MAX_BYTES)
        }
        self.fields["domain"].choices = [
            ("", _("Main site (%(host)s)") % {"host": host_of(settings.SITE_URL)}),
            *((domain.url, domain.url) for domain in owner.domains.order_by("host")),
        ]
        if not entitlements.has(owner, "alias"):
            disable_for_plan(self, "custom")
        if not entitlements.has(owner, "domain"):
            disable_for_plan(self, "domain")

    def save(self) -> SharedFile:
        """Share the file with the API's rules; raise DomainError if refused."""
        data = self.cleaned_data
        options, _present = file_options(
            {
                **self.options_data(),
                "custom": data["custom"],
                "domain": data["domain"],
            },
            self.owner,
        )
        upload = data["file"]
        if not upload:
            raise InvalidInput(services.NO_DATA)
        return services.share_file(
            owner=self.owner, filename=upload.name, content=upload, options=options
        )


class FileEditForm(FileOptionsForm):
    """Change a file's name, password, expiry and download limit."""

    remove_password = forms.BooleanField(label=_("Remove the password"), required=False)

    def __init__(self, data: Any = None, *, shared: SharedFile) -> None:
        self.shared = shared
        link = shared.link
        expiry = ""
        if link.expires_at:
            expiry = timezone.localtime(link.expires_at).strftime(EXPIRY_INPUT)
        super().__init__(
            data,
            initial={
                "name": shared.name,
                "expiry": expiry,
                "maxdownloads": shared.max_downloads or "",
            },
        )
        self.fields["password"].help_text = _(
            "Leave empty to keep the current password."
        )
        if not link.password:
            del self.fields["remove_password"]

    def save(self) -> SharedFile:
        """Store the changes; raise DomainError for an invalid value."""
        params = self.options_data()
        if not params["password"] and not self.cleaned_data.get("remove_password"):
            del params["password"]  # kept as it is
        if "expiry" not in self.changed_data:
            del params["expiry"]  # kept, even once it has passed
        options, present = file_options(params, self.shared.owner)
        return services.update_file(
            shared=self.shared, options=options, present=present
        )

"""The dashboard's channel forms, with the API's rules and messages (§6)."""

from typing import Any

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from channels import rules, services
from channels.models import Channel, random_color
from channels.registry import registered
from core.errors import DomainError
from core.wording import for_pages
from qrcodes.models import QRCode
from shortener.models import Link

FIELD_OF_MESSAGE = {
    rules.NAME_INVALID: "name",
    rules.DUPLICATE_NAME: "name",
    rules.COLOR_INVALID: "color",
}
CHOICES_MAX = 500  # newest objects offered in the "add" menus


class ChannelForm(forms.Form):
    """Add a channel, or change one."""

    name = forms.CharField(label=_("Name"), required=False, max_length=rules.NAME_MAX)
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=rules.DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    color = forms.CharField(
        label=_("Colour"),
        required=False,
        max_length=7,
        widget=forms.TextInput(attrs={"type": "color"}),
    )
    starred = forms.BooleanField(label=_("Starred"), required=False)

    def __init__(self, data: Any = None, *, channel: Channel | None = None) -> None:
        self.channel = channel
        if channel is not None:
            initial = {
                "name": channel.name,
                "description": channel.description,
                "color": channel.color.lower(),
                "starred": channel.starred,
            }
        else:
            initial = {"color": random_color()}
        super().__init__(data, initial=initial)

    def add_contract_error(self, error: DomainError) -> None:
        message = gettext(for_pages(error.message))
        self.add_error(FIELD_OF_MESSAGE.get(error.message), message)

    def save(self, *, owner: User) -> Channel:
        """Create or change the channel; raise DomainError if the API would refuse."""
        data = self.cleaned_data
        if self.channel is None:
            return services.create_channel(owner=owner, **data)
        return services.update_channel(channel=self.channel, changes=data)


def link_label(link: Link) -> str:
    return f"{link.short_url} → {link.long_url[:60]}"


class AddItemForm(forms.Form):
    """Pick one of the owner's items of a type that is not in the channel yet.

    Links and QR codes are channels' own; another registered type (bio pages)
    offers its `owned` objects, newest first, labelled by their `str()`.
    """

    def __init__(self, data: Any = None, *, channel: Channel, type_name: str) -> None:
        super().__init__(data, prefix=type_name)  # two of these on one page
        self.type_name = type_name
        filed = channel.items.of_type(type_name).values("object_id")
        if type_name == "links":
            objects = (
                Link.objects.plain()
                .filter(owner=channel.owner)
                .select_related("domain")
                .order_by("-created", "-id")
            )
            label, to_label = _("Link"), link_label
        elif type_name == "qr":
            objects = QRCode.objects.filter(owner=channel.owner).newest_first()
            label, to_label = _("QR code"), str
        else:  # a type another app registered (bio pages): named by its model
            kind = registered(type_name)
            if kind is None:
                raise ValueError(f"unregistered channel item type {type_name!r}")
            objects = kind.owned(channel.owner).order_by("-created", "-pk")
            label, to_label = capfirst(kind.model._meta.verbose_name), str
        objects = objects.exclude(pk__in=filed)
        field = forms.ModelChoiceField(
            label=label,
            queryset=objects if data is not None else objects[:CHOICES_MAX],
            empty_label=None,
        )
        field.label_from_instance = to_label  # type: ignore[method-assign]
        self.fields["item"] = field

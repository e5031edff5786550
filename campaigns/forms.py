"""The dashboard's campaign forms, with the API's rules and messages (§5, D29)."""

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from campaigns import rules, services
from campaigns.models import SLUG_MAX, Campaign
from core.errors import DomainError
from core.wording import for_pages
from shortener.models import Link

FIELD_OF_MESSAGE = {
    rules.NAME_INVALID: "name",
    rules.DUPLICATE_NAME: "name",
    rules.SLUG_TAKEN: "slug",
}
LINK_CHOICES_MAX = 500  # newest links offered in the "add a link" menu


class CampaignForm(forms.Form):
    """Add a campaign, or change one's name, rotator slug and access."""

    name = forms.CharField(label=_("Name"), required=False, max_length=rules.NAME_MAX)
    slug = forms.CharField(
        label=_("Rotator slug"),
        required=False,
        max_length=SLUG_MAX,
        help_text=_(
            "Visitors of /r/this-slug are sent to one of the campaign's links. "
            "Leave empty for no rotator."
        ),
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
    )
    public = forms.BooleanField(
        label=_("Public: the rotator is open to everyone"), required=False
    )

    def __init__(self, data: Any = None, *, campaign: Campaign | None = None) -> None:
        self.campaign = campaign
        initial = None
        if campaign is not None:
            initial = {
                "name": campaign.name,
                "slug": campaign.slug or "",
                "public": campaign.is_public,
            }
        super().__init__(data, initial=initial)

    def add_contract_error(self, error: DomainError) -> None:
        """Show the contract's message, translated, by its field."""
        message = gettext(for_pages(error.message))
        self.add_error(FIELD_OF_MESSAGE.get(error.message), message)

    def save(self, *, owner: User) -> Campaign:
        """Create or change the campaign; raise DomainError if the API would refuse."""
        data = self.cleaned_data
        if self.campaign is None:
            return services.create_campaign(
                owner=owner,
                name=data["name"],
                slug=data["slug"],
                public=data["public"],
                rotator=False,  # no slug, no rotator (D29)
            )
        return services.update_campaign(
            campaign=self.campaign,
            changes={
                "name": data["name"],
                "slug": data["slug"],
                "public": data["public"],
            },
        )


class AddLinkForm(forms.Form):
    """Pick one of the owner's links that is not in this campaign yet."""

    link = forms.ModelChoiceField(
        label=_("Link"), queryset=Link.objects.none(), empty_label=None
    )

    def __init__(self, data: Any = None, *, campaign: Campaign) -> None:
        super().__init__(data)
        links = (
            Link.objects.plain()
            .filter(owner=campaign.owner)
            .exclude(campaign_membership__campaign=campaign)
            .select_related("domain")
            .order_by("-created", "-id")
        )
        field = self.fields["link"]
        field.queryset = links  # type: ignore[attr-defined]
        if data is None:
            field.queryset = links[:LINK_CHOICES_MAX]  # type: ignore[attr-defined]
        field.label_from_instance = (
            lambda link: (  # type: ignore[attr-defined]
                f"{link.short_url} → {link.long_url[:60]}"
            )
        )

"""Forms of branded domains (§7), with the rules of the domains API."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from shortener import services
from shortener.forms.contract import (
    ContractForm,
    url_input,
)
from shortener.models import Domain


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
        return services.add_domain(
            owner=owner,
            domain=data["domain"],
            redirect_root=data["redirect_root"],
            redirect_404=data["redirect_404"],
        )


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
        return services.change_domain_redirects(
            domain=self.domain, changes=self.cleaned_data
        )

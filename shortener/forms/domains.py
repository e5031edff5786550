"""Forms of branded domains (§7), with the rules of the domains API."""

from typing import Any

from django import forms
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.errors import Conflict
from shortener import parsing
from shortener.forms.contract import (
    DOMAIN_USED,
    NOT_FOUND_INVALID,
    ROOT_INVALID,
    ContractForm,
    url_input,
)
from shortener.models import Domain
from shortener.safety import site_hosts


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

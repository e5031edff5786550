"""How the dashboard words the contract's messages about plans.

The API sends the contract's English strings verbatim (clients match on them);
a dashboard page shows the same refusal in words that fit a page, translated.
"""

from django import forms
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

# The contract's plan refusals (billing.entitlements) as pages word them.
DASHBOARD_WORDING = {
    "You do not have permission to access this endpoint.": gettext_noop(
        "Your plan does not include this feature. Upgrade your plan to use it."
    ),
    "You have reached your limit.": gettext_noop(
        "You have reached your plan's limit. Upgrade your plan to add more."
    ),
    "You have reached your maximum links limit. Please upgrade to another plan.": (
        gettext_noop(
            "You have reached your maximum links limit. Please upgrade to another plan."
        )
    ),
    "You have reached your monthly limit. Please upgrade to another plan.": (
        gettext_noop(
            "You have reached your monthly limit. Please upgrade to another plan."
        )
    ),
}


def for_pages(message: str) -> str:
    """A contract message as the dashboard words it (still to be translated)."""
    return DASHBOARD_WORDING.get(message, message)


def dashboard_text(message: str) -> str:
    """A contract message as the dashboard shows it, in the reader's language."""
    return gettext(for_pages(message))


NOT_IN_PLAN = _("Your plan does not include this option.")


def disable_for_plan(form: forms.BaseForm, *names: str) -> None:
    """Show these fields disabled: the owner's plan would not keep their values.

    A disabled field keeps its initial value whatever is posted, so an edit
    leaves the stored value alone.
    """
    for name in names:
        if name in form.fields:
            form.fields[name].disabled = True
            form.fields[name].help_text = NOT_IN_PLAN

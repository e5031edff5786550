"""The period a statistics page covers, chosen with query parameters."""

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from analytics.report import DEFAULT_RANGE, DEFAULT_UNIT, RANGES, UNITS, Period

RANGE_CHOICES = [
    ("7d", _("Last 7 days")),
    ("30d", _("Last 30 days")),
    ("90d", _("Last 90 days")),
    ("365d", _("Last 365 days")),
]
UNIT_CHOICES = [("day", _("By day")), ("week", _("By week")), ("month", _("By month"))]


class PeriodForm(forms.Form):
    """The selects of `?range=7d|30d|90d|365d&unit=day|week|month`."""

    range = forms.ChoiceField(label=_("Period"), choices=RANGE_CHOICES)
    unit = forms.ChoiceField(label=_("Group"), choices=UNIT_CHOICES)


def period_from(query: QueryDict) -> tuple[Period, PeriodForm]:
    """The period asked for and its form; a value not offered falls back alone.

    A statistics page is a GET link people share and bookmark: a bad value
    shows the default period rather than an error page.
    """
    range_ = query.get("range", "")
    if range_ not in RANGES:
        range_ = DEFAULT_RANGE
    unit = query.get("unit", "")
    if unit not in UNITS:
        unit = DEFAULT_UNIT
    form = PeriodForm(initial={"range": range_, "unit": unit})
    return Period.ending_today(days=RANGES[range_], unit=unit), form

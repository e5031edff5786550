"""The admin's plan form: one row per feature instead of raw JSON."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from billing.features import FEATURES, FeatureSpec
from billing.models import Plan


class FeatureWidget(forms.MultiWidget):
    """A checkbox, plus a quota and a text where the feature has them."""

    template_name = "billing/widgets/feature.html"

    def __init__(self, spec: FeatureSpec) -> None:
        widgets: dict[str, forms.Widget] = {"enabled": forms.CheckboxInput()}
        self.labels = [_("enabled")]
        if spec.counted:
            widgets["count"] = forms.NumberInput(
                attrs={"min": 0, "class": "vIntegerField"}
            )
            self.labels.append(_("count (0 = unlimited)"))
        if spec.custom:
            widgets["custom"] = forms.TextInput(attrs={"class": "vTextField"})
            self.labels.append(_("text"))
        self.spec = spec
        super().__init__(widgets)

    def decompress(self, value: dict[str, Any] | None) -> list[Any]:
        value = value or {}
        parts = [bool(value.get("enabled"))]
        if self.spec.counted:
            parts.append(value.get("count", 0))
        if self.spec.custom:
            parts.append(value.get("custom", ""))
        return parts

    def get_context(self, name: str, value: Any, attrs: dict | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        for subwidget, label in zip(
            context["widget"]["subwidgets"], self.labels, strict=True
        ):
            subwidget["label"] = label
        return context


class FeatureField(forms.MultiValueField):
    """`{"enabled": bool, "count": int, "custom": str}` from its widget's parts."""

    def __init__(self, spec: FeatureSpec, **kwargs: Any) -> None:
        fields: list[forms.Field] = [forms.BooleanField(required=False)]
        if spec.counted:
            fields.append(forms.IntegerField(min_value=0, required=False))
        if spec.custom:
            fields.append(forms.CharField(max_length=1000, required=False))
        self.spec = spec
        super().__init__(
            fields=fields,
            widget=FeatureWidget(spec),
            required=False,
            require_all_fields=False,
            label=spec.label,
            **kwargs,
        )

    def compress(self, data_list: list[Any]) -> dict[str, Any]:
        values = list(data_list) or [False]
        feature: dict[str, Any] = {
            "enabled": bool(values.pop(0)),
            "count": 0,
            "custom": "",
        }
        if self.spec.counted:
            feature["count"] = (values.pop(0) if values else None) or 0
        if self.spec.custom:
            feature["custom"] = ((values.pop(0) if values else None) or "").strip()
        return feature


def feature_field_name(key: str) -> str:
    return f"feature_{key}"


FEATURE_FIELDS = [feature_field_name(spec.key) for spec in FEATURES]


class PlanFormBase(forms.ModelForm):
    class Meta:
        model = Plan
        fields = [
            "name",
            "is_free",
            "is_default",
            "is_public",
            "position",
            "price_monthly",
            "price_yearly",
            "price_lifetime",
            "links",
            "links_monthly",
            "clicks",
            "retention",
            "api_rate",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for spec in FEATURES:
            feature = self.instance.feature(spec.key)
            self.initial.setdefault(
                feature_field_name(spec.key),
                {
                    "enabled": feature.enabled,
                    "count": feature.count,
                    "custom": feature.custom,
                },
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("is_default") and not data.get("is_free"):
            self.add_error("is_default", _("The default plan must be a free plan."))
        if self.instance.is_default and self.instance.pk and not data.get("is_default"):
            self.add_error(
                "is_default",
                _("Make another free plan the default instead of unsetting it here."),
            )
        return data

    def _get_validation_exclusions(self) -> set[str]:
        # Making this plan the default unsets the previous default when saving
        # (billing.services.save_plan), so "one default" is not a form error.
        return {*super()._get_validation_exclusions(), "is_default"}

    def save(self, commit: bool = True) -> Plan:
        plan = super().save(commit=False)
        # Keys this form does not know (added by hand) are kept.
        features = dict(plan.features or {})
        for spec in FEATURES:
            features[spec.key] = self.cleaned_data[feature_field_name(spec.key)]
        plan.features = features
        if commit:
            plan.save()
        return plan


PlanAdminForm = type(
    "PlanAdminForm",
    (PlanFormBase,),
    {feature_field_name(spec.key): FeatureField(spec) for spec in FEATURES},
)

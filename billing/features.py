"""The catalogue of plan features (api-spec §16.8, plus `files` of D22).

A plan stores its features as `{"<key>": {"enabled": bool, "count": int,
"custom": str}}`; this catalogue says which keys exist, what they mean to people,
and which of them carry a quota (`count`, 0 = unlimited) or a free text (`custom`).
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FeatureSpec:
    key: str
    label: str | Promise
    counted: bool = False  # has a quota: `count`, 0 = unlimited
    custom: bool = False  # has a free text: `custom`


FEATURES: tuple[FeatureSpec, ...] = (
    FeatureSpec("bio", _("Bio pages"), counted=True),
    FeatureSpec("qr", _("QR codes"), counted=True),
    FeatureSpec("bulkqr", _("Bulk QR generation")),
    FeatureSpec("bioblocks", _("Bio page widgets"), custom=True),
    FeatureSpec("splash", _("Custom splash pages"), counted=True),
    FeatureSpec("overlay", _("CTA overlays"), counted=True),
    FeatureSpec("domain", _("Branded domains"), counted=True),
    FeatureSpec("pixels", _("Tracking pixels"), counted=True),
    FeatureSpec("channels", _("Channels"), counted=True),
    FeatureSpec("bundle", _("Campaigns")),
    FeatureSpec("team", _("Team members"), counted=True),
    FeatureSpec("alias", _("Custom aliases")),
    FeatureSpec("deeplink", _("Deep linking")),
    FeatureSpec("geo", _("Geo targeting")),
    FeatureSpec("device", _("Device targeting")),
    FeatureSpec("language", _("Language targeting")),
    FeatureSpec("abtesting", _("A/B testing and rotator")),
    FeatureSpec("expiration", _("Link expiration")),
    FeatureSpec("clicklimit", _("Click limit per link")),
    FeatureSpec("parameters", _("UTM and custom parameters")),
    FeatureSpec("qrlogo", _("Logo on QR codes")),
    FeatureSpec("qrframes", _("Frames on QR codes")),
    FeatureSpec("biocss", _("Custom CSS on bio pages")),
    FeatureSpec("customfavicon", _("Custom favicon")),
    FeatureSpec("poweredby", _("Remove branding")),
    FeatureSpec("multiple", _("Premium domains"), custom=True),
    FeatureSpec("api", _("Developer API")),
    FeatureSpec("apirate", _("API requests per minute"), counted=True),
    FeatureSpec("import", _("Import links")),
    FeatureSpec("export", _("Export data")),
    FeatureSpec("files", _("Shared files"), counted=True),
    FeatureSpec("custom", _("Custom features line"), custom=True),
)

FEATURES_BY_KEY: dict[str, FeatureSpec] = {spec.key: spec for spec in FEATURES}
# The numeric limits that are plan fields rather than features.
NUMERIC_LIMITS = ("links", "clicks", "retention")

"""Read the link and domain parameters of the API into validated values (§3.3, §7).

Each reader takes the raw JSON value of one parameter and returns the value to
store, or raises InvalidInput with the contract's message. Unknown keys are
ignored; strings are trimmed (D26).
"""

from datetime import datetime, time
from typing import Any

from django.utils import timezone

from accounts.models import User
from api.envelope import INVALID_BODY
from billing import entitlements
from core.errors import InvalidInput
from shortener import aliases, countries
from shortener.models import Domain
from shortener.safety import check_destination, clean_app_url, clean_url, host_of
from shortener.services import BANNER_ERROR, LinkSpec

REDIRECT_TYPES = {"direct", "frame", "splash"}
EXPIRY_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S")
# Known sites whose apps open web links: `"deeplink": {"auto": true}` uses these.
APP_STORES = {
    "youtube.com": (
        "https://apps.apple.com/app/youtube/id544007664",
        "https://play.google.com/store/apps/details?id=com.google.android.youtube",
    ),
    "instagram.com": (
        "https://apps.apple.com/app/instagram/id389801252",
        "https://play.google.com/store/apps/details?id=com.instagram.android",
    ),
    "facebook.com": (
        "https://apps.apple.com/app/facebook/id284882215",
        "https://play.google.com/store/apps/details?id=com.facebook.katana",
    ),
    "x.com": (
        "https://apps.apple.com/app/x/id333903271",
        "https://play.google.com/store/apps/details?id=com.twitter.android",
    ),
    "twitter.com": (
        "https://apps.apple.com/app/x/id333903271",
        "https://play.google.com/store/apps/details?id=com.twitter.android",
    ),
    "spotify.com": (
        "https://apps.apple.com/app/spotify/id324684580",
        "https://play.google.com/store/apps/details?id=com.spotify.music",
    ),
    "tiktok.com": (
        "https://apps.apple.com/app/tiktok/id835599320",
        "https://play.google.com/store/apps/details?id=com.zhiliaoapp.musically",
    ),
    "linkedin.com": (
        "https://apps.apple.com/app/linkedin/id288429040",
        "https://play.google.com/store/apps/details?id=com.linkedin.android",
    ),
}


def text(value: Any, limit: int) -> str:
    """A trimmed string cut to `limit` characters; null means empty."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise InvalidInput(INVALID_BODY)
    return str(value).strip()[:limit]


def destination(value: Any) -> str:
    url = clean_url(value)
    check_destination(url)
    return url


def expiry(value: Any) -> datetime | None:
    """A future moment from `YYYY-MM-DD HH:MM:SS` (or a bare date: end of day)."""
    raw = text(value, 40)
    if not raw:
        return None
    moment = None
    for pattern in EXPIRY_FORMATS:
        try:
            moment = datetime.strptime(raw, pattern)  # noqa: DTZ007 (made aware below)
            break
        except ValueError:
            continue
    if moment is None:
        try:
            moment = datetime.combine(datetime.strptime(raw, "%Y-%m-%d"), time.max)  # noqa: DTZ007
        except ValueError:
            raise InvalidInput("The expiration date is not valid.") from None
    moment = timezone.make_aware(moment)
    if moment <= timezone.now():
        raise InvalidInput("The expiry date must be later than today.")
    return moment


def targets(value: Any, key: str, *, normalise) -> dict[str, str]:
    """`[{key: name, "link": url}, …]` as {name: url}; unsafe entries are dropped."""
    if value in (None, ""):
        return {}
    if not isinstance(value, list):
        raise InvalidInput(INVALID_BODY)
    result: dict[str, str] = {}
    for entry in value:
        if not isinstance(entry, dict):
            raise InvalidInput(INVALID_BODY)
        name = normalise(text(entry.get(key), 100))
        try:
            url = destination(entry.get("link"))
        except InvalidInput:
            continue  # as the product does: a bad target is skipped, not an error
        if name:
            result[name] = url
    return result


def parameters(value: Any) -> list[list[str]]:
    """`[{"name": …, "value": …}]` as pairs; entries lacking either are skipped."""
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        raise InvalidInput(INVALID_BODY)
    pairs = []
    for entry in value:
        if not isinstance(entry, dict):
            continue
        name, val = entry.get("name"), entry.get("value")
        if (
            isinstance(name, str)
            and name.strip()
            and isinstance(val, str | int | float)
        ):
            pairs.append([name.strip()[:100], str(val).strip()[:500]])
    return pairs


def deeplink(value: Any, long_url: str) -> dict[str, str]:
    if value in (None, "", []):
        return {}
    if not isinstance(value, dict):
        raise InvalidInput(INVALID_BODY)
    links: dict[str, str] = {}
    for store in ("apple", "google"):
        if value.get(store):
            try:
                links[store] = clean_app_url(value[store])
            except InvalidInput:
                continue
    if value.get("auto") in (True, 1, "1", "true") and long_url:
        host = host_of(long_url).removeprefix("www.").removeprefix("m.")
        if host in APP_STORES:
            apple, google = APP_STORES[host]
            links.setdefault("apple", apple)
            links.setdefault("google", google)
    return links


def owned_domain(value: Any, owner: User) -> Domain | None:
    """The caller's branded domain named by `value`; anything else is the main site.

    A plan without branded domains uses the main site, without an error (§3.3).
    """
    raw = text(value, 300)
    if not raw or not entitlements.has(owner, "domain"):
        return None
    host = host_of(raw if "://" in raw else f"https://{raw}").lower()
    return Domain.objects.filter(owner=owner, host=host).first()


def redirect_type(value: Any, owner: User | None = None, *, url: str = "") -> str:
    """`direct`, `frame`, `splash`, `overlay-<id>` or the id of a splash page.

    An unknown type, or another user's page, is the site default "". `frame` is
    refused when `url` forbids framing (§3.3).
    """
    raw = text(value, 32).lower()
    if raw.startswith("overlay-"):
        from overlays.links import overlay_type  # overlays builds on this module

        return overlay_type(raw, owner, url)
    if raw.isdigit():
        from splash.links import splash_type  # splash builds on this module

        return splash_type(raw, owner)
    if raw == "frame" and url:
        from splash.links import check_frameable

        check_frameable(url)
    return raw if raw in REDIRECT_TYPES else ""


def may_choose_method(owner: User) -> bool:
    """Whether `direct`, `frame` and `splash` are honoured: pro users only (§3.3).

    Everyone may while paid plans are off (D38), and so may admins.
    """
    if not entitlements.paid_plans() or entitlements.is_admin(owner):
        return True
    return owner.is_pro


def type_allowed(value: Any, owner: User) -> bool:
    """Whether the owner's plan lets them choose this redirect type (§3.3).

    A splash page id needs `splash`, `overlay-<id>` needs `overlay`, a method
    needs a pro plan; anything else is the site default and always allowed.
    """
    raw = value.strip().lower() if isinstance(value, str) else str(value or "")
    if raw.startswith("overlay-"):
        return entitlements.has(owner, "overlay")
    if raw.isdigit():
        return entitlements.has(owner, "splash")
    if raw in REDIRECT_TYPES:
        return may_choose_method(owner)
    return True


def ids(value: Any) -> list[int]:
    """A list of ids (pixels); accepted for compatibility."""
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        raise InvalidInput(INVALID_BODY)
    return [int(v) for v in value if isinstance(v, int) and not isinstance(v, bool)]


def owned_pixels(value: Any, owner: User) -> list[int]:
    """The ids of the owner's pixels in the list; other ids are ignored."""
    from pixels.services import owned_pixel_ids  # pixels builds on shortener

    return owned_pixel_ids(owner, ids(value))


# API parameter → LinkSpec field, in the order errors are reported.
LINK_PARAMETERS = {
    "url": "long_url",
    "custom": "alias",
    "expiry": "expires_at",
    "metaimage": "meta_image_url",
    "domain": "domain",
    "type": "redirect_type",
    "password": "password",
    "geotarget": "geo_targets",
    "devicetarget": "device_targets",
    "languagetarget": "language_targets",
    "metatitle": "meta_title",
    "metadescription": "meta_description",
    "description": "note",
    "status": "is_public",
    "parameters": "parameters",
    "deeplink": "deeplink",
    "pixels": "pixels",
    "channel": "channels",
    "campaign": "campaign",
}
# Values of `campaign`/`channel` that take a link out of its campaign/channels.
EMPTY_IDS = (None, "", 0, "0", [])


# LinkSpec fields kept only when the owner's plan has the feature (§3.3).
GATED_OPTIONS = {
    "geo_targets": "geo",
    "device_targets": "device",
    "language_targets": "language",
    "parameters": "parameters",
    "deeplink": "deeplink",
    "pixels": "pixels",
    "campaign": "bundle",
    "channels": "channels",
}


class PlanOptions:
    """Asks the owner's plan about each link option once per request."""

    def __init__(self, owner: User) -> None:
        self.owner = owner
        self.answers: dict[str, bool] = {}

    def __call__(self, feature: str) -> bool:
        if feature not in self.answers:
            self.answers[feature] = entitlements.has(self.owner, feature)
        return self.answers[feature]


def link_spec(
    data: dict[str, Any], owner: User, *, base: str = ""
) -> tuple[LinkSpec, set[str]]:
    """Validate link parameters; return the spec and the spec fields present.

    `base` is the current destination, for deriving app links on update. Options
    the owner's plan does not include are dropped without an error (§3.3): they
    are not stored, and on an update the link keeps what it had.
    """
    spec = LinkSpec(long_url=base)
    present = {LINK_PARAMETERS[key] for key in data if key in LINK_PARAMETERS}
    allows = PlanOptions(owner)
    if "url" in data:
        spec.long_url = destination(data["url"])
    if data.get("custom") not in (None, ""):
        if allows("alias"):
            spec.alias = aliases.clean_custom_alias(text(data["custom"], 200))
        else:  # a random alias on create; the current one on update
            present.discard("alias")
    if "expiry" in data:
        # A past date is refused even when the plan would not keep the expiry.
        spec.expires_at = expiry(data["expiry"])
    if data.get("metaimage") not in (None, ""):
        spec.meta_image_url = clean_url(data["metaimage"], BANNER_ERROR)
    if data.get("domain") not in (None, "") and not allows("domain"):
        present.discard("domain")
    spec.domain = owned_domain(data.get("domain"), owner)
    if type_allowed(data.get("type"), owner):
        spec.redirect_type = redirect_type(data.get("type"), owner, url=spec.long_url)
    else:
        present.discard("redirect_type")
    spec.password = text(data.get("password"), 128)
    spec.geo_targets = targets(
        data.get("geotarget"), "location", normalise=countries.key_for
    )
    spec.device_targets = targets(
        data.get("devicetarget"), "device", normalise=str.lower
    )
    spec.language_targets = targets(
        data.get("languagetarget"), "language", normalise=lambda s: s[:2].lower()
    )
    spec.meta_title = text(data.get("metatitle"), 255)
    spec.meta_description = text(data.get("metadescription"), 1000)
    spec.note = text(data.get("description"), 1000)
    spec.is_public = text(data.get("status"), 10).lower() == "public"
    spec.parameters = parameters(data.get("parameters"))
    spec.deeplink = deeplink(data.get("deeplink"), spec.long_url)
    spec.pixels = owned_pixels(data.get("pixels"), owner)
    read_groups(data, owner, spec, present)
    for name, feature in GATED_OPTIONS.items():
        if not allows(feature):
            setattr(spec, name, type(getattr(spec, name))())  # empty: {} or []
            present.discard(name)
    if not allows("expiration"):
        spec.expires_at = None
        present.discard("expires_at")
    return spec, present


def read_groups(
    data: dict[str, Any], owner: User, spec: LinkSpec, present: set[str]
) -> None:
    """`campaign` and `channel`: the caller's own ids; any other id is ignored."""
    from campaigns.services import owned_campaign_id  # both build on links
    from channels.services import owned_channel_ids

    if "campaign" in data and not is_empty(data["campaign"]):
        spec.campaign = owned_campaign_id(owner, data["campaign"])
        if spec.campaign is None:
            present.discard("campaign")  # not one of theirs: as if not sent
    if "channel" in data and not is_empty(data["channel"]):
        spec.channels = owned_channel_ids(owner, data["channel"])
        if not spec.channels:
            present.discard("channels")


def is_empty(value: Any) -> bool:
    return any(value == empty and type(value) is type(empty) for empty in EMPTY_IDS)

"""Read the options of an upload (§11.2) into validated values.

The API sends them in the query string, the dashboard in its form; both come
here, so one set of rules and messages applies (D26: strings are trimmed).
"""

from collections.abc import Mapping
from typing import Any

from accounts.models import User
from api.envelope import INVALID_BODY
from billing import entitlements
from core.errors import InvalidInput
from files.services import FileOptions
from shortener import aliases, parsing

# Parameter → FileOptions field.
FILE_PARAMETERS = {
    "name": "name",
    "custom": "alias",
    "domain": "domain",
    "password": "password",
    "expiry": "expires_at",
    "maxdownloads": "max_downloads",
}
MAX_DOWNLOADS = 2**31 - 1


def max_downloads(value: Any) -> int | None:
    """A positive whole number; empty or 0 means no limit."""
    raw = parsing.text(value, 20)
    if not raw:
        return None
    if not raw.isascii() or not raw.isdigit():
        raise InvalidInput(INVALID_BODY)
    number = int(raw)
    if number > MAX_DOWNLOADS:
        raise InvalidInput(INVALID_BODY)
    return number or None


def file_options(data: Mapping[str, Any], owner: User) -> tuple[FileOptions, set[str]]:
    """Validate upload options; return them and the option fields present."""
    options = FileOptions()
    present = {FILE_PARAMETERS[key] for key in data if key in FILE_PARAMETERS}
    options.name = parsing.text(data.get("name"), 255)
    # A custom alias needs the plan's `alias`; without it, a random one (§3.3).
    if data.get("custom") not in (None, "") and entitlements.has(owner, "alias"):
        options.alias = aliases.clean_custom_alias(parsing.text(data["custom"], 200))
    options.domain = parsing.owned_domain(data.get("domain"), owner)
    options.password = parsing.text(data.get("password"), 128)
    options.expires_at = parsing.expiry(data.get("expiry"))
    options.max_downloads = max_downloads(data.get("maxdownloads"))
    return options, present

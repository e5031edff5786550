"""The contract's messages and input rules for channels (§6)."""

import re
from typing import Any

from core.errors import InvalidInput
from core.values import text

NOT_FOUND = "Channel not found. Please try again."
NAME_INVALID = "Channel name cannot be empty and must have at least 2 characters."
DUPLICATE_NAME = "You already have a channel with this name."
ALREADY_ADDED = "This item is already added to the selected channel."
# Not in the contract: the product stores any 7 characters; we keep real colours.
COLOR_INVALID = "The color must be a hex code such as #000000."
ADDED = "Item successfully added to the channel."
UPDATED = "Channel has been updated successfully."
DELETED = "Channel has been deleted successfully."
NAME_MIN = 2
NAME_MAX = 255
DESCRIPTION_MAX = 1000
TITLE_MAX = 30  # channel item titles (D41)
HEX_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")


def clean_name(value: Any) -> str:
    name = text(value, NAME_MAX)
    if len(name) < NAME_MIN:
        raise InvalidInput(NAME_INVALID)
    return name


def clean_description(value: Any) -> str:
    return text(value, DESCRIPTION_MAX)


def clean_color(value: Any) -> str:
    """A `#rrggbb` colour; longer input is cut to 7 characters first (§6.3)."""
    color = text(value, 200)[:7]
    if not HEX_COLOR.match(color):
        raise InvalidInput(COLOR_INVALID)
    return color

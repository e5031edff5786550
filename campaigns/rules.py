"""The contract's messages and input rules for campaigns (§5, D29)."""

import secrets
import string
from typing import Any

from django.utils.text import slugify

from campaigns.models import SLUG_MAX
from core.errors import InvalidInput
from core.values import text

NOT_FOUND = "Campaign not found. Please try again."
LINK_NOT_FOUND = "Link not found. Please try again."
NAME_INVALID = "Campaign name cannot be empty and must have at least 2 characters."
DUPLICATE_NAME = "You already have a campaign with that name."
SLUG_TAKEN = "This slug is currently not available. Please choose another one."
ASSIGNED = "Link successfully added to the campaign."
DELETED = "Campaign has been deleted successfully."
NAME_MIN = 2
NAME_MAX = 255
RANDOM_SLUG_LENGTH = 6


def clean_name(value: Any) -> str:
    """A name of at least two characters, trimmed and cut to 255."""
    name = text(value, NAME_MAX)
    if len(name) < NAME_MIN:
        raise InvalidInput(NAME_INVALID)
    return name


def clean_slug(value: Any) -> str:
    """The slugified slug ("" when nothing is left of it)."""
    return slugify(text(value, 200))[:SLUG_MAX].strip("-")


def random_slug() -> str:
    """Six random lower-case letters, as the product draws them."""
    return "".join(
        secrets.choice(string.ascii_lowercase) for _ in range(RANDOM_SLUG_LENGTH)
    )

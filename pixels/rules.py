"""The tag rules of each provider (api-spec §8.2, §16.7), with their messages.

The contract's messages are kept verbatim in English (the API sends them); the
dashboard translates them when it shows them. After the provider's own rule, a
tag may hold only letters, digits and `_ . : -`, so that it can never carry
markup or script into the pages that show it.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_noop

from core.errors import InvalidInput
from pixels.models import PixelType

MISSING_TYPE = gettext_noop("Missing type parameter. Pixel provider is required.")
MISSING_NAME = gettext_noop("Missing name parameter. Pixel name is required.")
MISSING_TAG = gettext_noop("Missing tag parameter. Pixel tag is required.")
UNSUPPORTED = gettext_noop("Pixel provider is currently not supported.")
TAG_TOO_SHORT = gettext_noop("Please enter valid id.")
DUPLICATE = gettext_noop("A pixel with this provider and tag already exists.")
NOT_FOUND = gettext_noop("Pixel not found. Please try again.")
NAME_MAX = 255
TAG_MAX = 64  # the column; no provider's id comes close
SAFE_TAG = re.compile(r"[A-Za-z0-9_.:-]+")
# Harmless inside our quoted snippets, but never a tag of any provider.
SCHEME = re.compile(r"(java|vb)script:|data:", re.IGNORECASE)


@dataclass(frozen=True)
class Rule:
    """One provider's test of a tag and the message when it fails."""

    accepts: Callable[[str], bool]
    message: str


def at_least(n: int) -> Callable[[str], bool]:
    return lambda tag: len(tag) >= n


def at_most(n: int) -> Callable[[str], bool]:
    return lambda tag: len(tag) <= n


RULES: dict[str, Rule] = {
    PixelType.GTM: Rule(
        lambda tag: len(tag) >= 5 and "GTM" in tag,
        gettext_noop("GTM container ID is not correct. Please double check."),
    ),
    PixelType.GA: Rule(
        at_least(5),
        gettext_noop("Google Analytics ID is not correct. Please double check."),
    ),
    PixelType.FACEBOOK: Rule(
        lambda tag: tag.isascii() and tag.isdigit() and len(tag) <= 20,
        gettext_noop("Facebook pixel ID is not correct. Please double check."),
    ),
    PixelType.ADWORDS: Rule(
        at_most(40),
        gettext_noop("Google Ads pixel ID is not correct. Please double check."),
    ),
    PixelType.LINKEDIN: Rule(
        at_most(10), gettext_noop("LinkedIn ID is not correct. Please double check.")
    ),
    PixelType.TWITTER: Rule(
        at_most(15), gettext_noop("Twitter ID is not correct. Please double check.")
    ),
    PixelType.ADROLL: Rule(
        at_most(50), gettext_noop("AdRoll ID is not correct. Please double check.")
    ),
    PixelType.QUORA: Rule(
        at_least(30), gettext_noop("Quora ID is not correct. Please double check.")
    ),
    PixelType.PINTEREST: Rule(
        at_least(5), gettext_noop("Pinterest ID is not correct. Please double check.")
    ),
    PixelType.BING: Rule(
        at_least(5), gettext_noop("Bing ID is not correct. Please double check.")
    ),
    PixelType.SNAPCHAT: Rule(
        at_least(5), gettext_noop("Snapchat ID is not correct. Please double check.")
    ),
    PixelType.REDDIT: Rule(
        at_least(5), gettext_noop("Reddit ID is not correct. Please double check.")
    ),
    PixelType.TIKTOK: Rule(
        at_least(5), gettext_noop("TikTok ID is not correct. Please double check.")
    ),
}


def present(value: object) -> str:
    """A trimmed string parameter; "" when absent, empty or not a string."""
    return value.strip() if isinstance(value, str) else ""


def is_safe(tag: str) -> bool:
    """Only letters, digits and `_ . : -`, and no script or data URL scheme."""
    return bool(SAFE_TAG.fullmatch(tag)) and not SCHEME.search(tag)


def require(value: object, message: str) -> str:
    """The trimmed parameter, or InvalidInput(message) when it is missing."""
    if not (text := present(value)):
        raise InvalidInput(message)
    return text


def clean_type(kind: str) -> str:
    """A supported provider."""
    if kind not in RULES:
        raise InvalidInput(UNSUPPORTED)
    return kind


def clean_tag(kind: str, value: object) -> str:
    """A tag that passes the length floor, the provider's rule and the charset."""
    tag = require(value, MISSING_TAG)
    if len(tag) < 3:
        raise InvalidInput(TAG_TOO_SHORT)
    rule = RULES[kind]
    if not rule.accepts(tag) or len(tag) > TAG_MAX or not is_safe(tag):
        raise InvalidInput(rule.message)
    return tag

"""Short codes: random ones, and the rules custom aliases must follow."""

import re
import secrets
import string
import unicodedata

from django.conf import settings

from core.errors import Conflict, InvalidInput

ALPHABET = string.ascii_letters
# Paths the site itself uses: an alias may never shadow them (checked in any case).
RESERVED = frozenset(
    {
        "admin", "api", "user", "users", "r", "u", "qr", "static", "media", "i18n",
        "developers", "login", "logout", "register", "signup", "dashboard", "settings",
        "account", "files", "file", "bio", "page", "pages", "pricing", "contact",
        "terms", "privacy", "about", "help", "health", "robots.txt", "favicon.ico",
        "sitemap.xml", "assets", "www",
    }
)  # fmt: skip
# Offensive words in English, French and Italian. A random code is drawn again if
# it contains one anywhere; a custom alias is refused when one is a word of it.
OFFENSIVE = frozenset(
    {
        "fuck", "shit", "cunt", "bitch", "nigger", "nigga", "fag", "faggot", "dick",
        "cock", "pussy", "porn", "rape", "slut", "whore", "nazi", "anal", "cum", "tits",
        "twat", "wank", "kkk", "merde", "pute", "putain", "salope", "connard", "cazzo",
        "stronzo", "troia", "vaffanculo", "culo", "puttana",
    }
)  # fmt: skip
WORD_SPLIT = re.compile(r"[^a-z]+")
ALIAS_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
MIN_CUSTOM_LENGTH = 3
MAX_LENGTH = 64


def contains_offensive(alias: str) -> bool:
    lowered = alias.lower()
    return any(word in lowered for word in OFFENSIVE)


def has_offensive_word(alias: str) -> bool:
    return any(word in OFFENSIVE for word in WORD_SPLIT.split(alias.lower()))


def slugify_alias(raw: str) -> str:
    """Keep letters (case as typed), digits, `-` and `_`; accents lose their marks."""
    ascii_text = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9_-]+", "-", ascii_text.strip()).strip("-_")


def random_alias(length: int | None = None) -> str:
    """A random code of letters that is neither reserved nor offensive."""
    length = length or settings.ALIAS_LENGTH
    while True:
        alias = "".join(secrets.choice(ALPHABET) for _ in range(length))
        if alias.lower() not in RESERVED and not contains_offensive(alias):
            return alias


def clean_custom_alias(raw: str) -> str:
    """Slugify a requested alias and check the contract's rules (§3.3)."""
    alias = slugify_alias(raw)
    if len(alias) < MIN_CUSTOM_LENGTH:
        raise InvalidInput("Custom alias must be at least 3 characters.")
    if len(alias) > MAX_LENGTH or not ALIAS_PATTERN.match(alias):
        raise InvalidInput("Custom alias must be at least 3 characters.")
    if has_offensive_word(alias):
        raise InvalidInput("Inappropriate aliases are not allowed.")
    if alias.lower() in RESERVED:
        raise Conflict("That alias is reserved. Please choose another one.")
    return alias

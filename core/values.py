"""Readers for plain JSON values that several resource families share (D26)."""

from typing import Any

from api.envelope import INVALID_BODY
from core.errors import InvalidInput

TRUE = {True, "1", "true"}  # True == 1: the number 1 is in the set too
FALSE = {False, "0", "false"}


def boolean(value: Any) -> bool:
    """`true/false`, `1/0`, `"1"/"0"`, `"true"/"false"` as a bool (D26).

    Null (or an empty string) clears a flag (D14): false.
    """
    if value is None or value == "":
        return False
    if not isinstance(value, bool | int | float | str):
        raise InvalidInput(INVALID_BODY)
    if isinstance(value, str):
        value = value.strip().lower()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise InvalidInput(INVALID_BODY)


def text(value: Any, limit: int) -> str:
    """A trimmed string cut to `limit` characters; null means empty."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise InvalidInput(INVALID_BODY)
    return str(value).strip()[:limit]


def object_id(value: Any) -> int | None:
    """A positive integer id (number or digit string), or None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int) and value > 0:
        return value
    return None

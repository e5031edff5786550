"""The response shapes of the contract (api-spec §1.5)."""

from typing import Any

GENERIC_ERROR = "An error occurred"
WRONG_ENDPOINT = "Wrong endpoint or invalid API request."
INVALID_BODY = "Invalid request or incorrect data format."


class Envelope(dict):
    """A body already in the contract's shape; the renderer leaves it alone."""


def ok(**fields: Any) -> Envelope:
    """Success: `{"error": 0, ...fields}`."""
    return Envelope(error=0, **fields)


def fail(message: str, **extra: Any) -> Envelope:
    """Failure: `{"error": 1, "message": ...}` (plus any extra keys)."""
    return Envelope(error=1, message=message, **extra)

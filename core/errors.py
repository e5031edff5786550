"""Errors that application code raises; the API layer turns them into responses.

Each carries the HTTP status of the contract's decision D2 and a message that
clients match on verbatim. `extra` holds additional body keys (for example the
existing channel's `id` on a duplicate name).
"""

from typing import Any


class DomainError(Exception):
    status = 400

    def __init__(self, message: str, *, extra: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.extra = extra or {}


class InvalidInput(DomainError):
    """The request is malformed or a value fails validation."""

    status = 400


class PermissionDenied(DomainError):
    """The caller is known but may not do this (plan, role, account state)."""

    status = 403


class NotFound(DomainError):
    """The object does not exist or belongs to someone else."""

    status = 404


class Conflict(DomainError):
    """A uniqueness rule would be broken."""

    status = 409


class PayloadTooLarge(DomainError):
    status = 413

"""Domain errors; the web, API and CLI layers map each to one HTTP status or exit code."""

from __future__ import annotations


class DomainError(Exception):
    """Base of every refusal the domain can give."""

    status = 400
    code = "bad_request"

    def __init__(self, message: str, *, fields: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class NotFound(DomainError):
    """The object does not exist (or the actor may not know it does)."""

    status = 404
    code = "not_found"


class NotAllowed(DomainError):
    """The actor lacks the role, or the bulletin is their own."""

    status = 403
    code = "forbidden"


class InvalidTransition(DomainError):
    """The action is not allowed in the bulletin's current state."""

    status = 409
    code = "invalid_state"


class Conflict(DomainError):
    """Someone else changed the object first (stale version) or a guard holds it."""

    status = 409
    code = "conflict"


class ValidationError(DomainError):
    """Input is well-formed but not acceptable (missing comment, too long, unknown topic)."""

    status = 422
    code = "invalid"

"""One service call per form post: commit on success, roll back and say why on refusal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import flash
from flask_login import current_user

from app.extensions import db
from bulletins.errors import DomainError


def attempt(action: Callable[..., Any], *args: Any, success: str | None = None,
            **kwargs: Any) -> tuple[bool, Any]:
    """Call action(session, current_user, *args); flash the outcome; (ok, result)."""
    try:
        result = action(db.session, current_user, *args, **kwargs)
        db.session.commit()
    except DomainError as error:
        db.session.rollback()
        flash(error.message, "error")
        return False, error
    if success:
        flash(success, "success")
    return True, result

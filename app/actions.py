"""One service call per form post: commit on success, roll back and say why on refusal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import flash
from flask_login import current_user
from flask_wtf import FlaskForm

from app.extensions import db
from bulletins.errors import DomainError


def field_errors(form: FlaskForm, error: DomainError) -> None:
    """Show a service's refusal: each named field's message under it, the whole as a flash."""
    names = {"topic_slug": "topic", "unit_slug": "unit"}
    for field, message in error.fields.items():
        name = names.get(field, field)
        if name in form:
            form[name].errors = [*form[name].errors, message]
    flash(error.message, "error")


def attempt(action: Callable[..., Any], *args: Any, success: str | None = None,
            form: FlaskForm | None = None, **kwargs: Any) -> tuple[bool, Any]:
    """Call action(session, current_user, *args); flash the outcome; (ok, result).

    With a form, a refusal's field messages also go under the form's fields.
    """
    try:
        result = action(db.session, current_user, *args, **kwargs)
        db.session.commit()
    except DomainError as error:
        db.session.rollback()
        if form is not None:
            field_errors(form, error)
        else:
            flash(error.message, "error")
        return False, error
    if success:
        flash(success, "success")
    return True, result

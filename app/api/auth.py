"""Bearer-token authentication for the JSON API."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import g, request

from app.errors import json_error
from app.extensions import db
from bulletins import accounts


def token_required(view: Callable) -> Callable:
    """Resolve `Authorization: Bearer TOKEN` to a user in g.user, or answer 401."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        header = request.headers.get("Authorization", "")
        scheme, _, raw = header.partition(" ")
        user = None
        if scheme.lower() == "bearer" and raw.strip():
            user = accounts.user_for_token(db.session, raw.strip())
        if user is None:
            response = json_error(401, "unauthorized", "Cần khóa API hợp lệ (Bearer).")
            response[0].headers["WWW-Authenticate"] = 'Bearer realm="loa"'
            return response
        g.user = user
        return view(*args, **kwargs)

    return wrapped

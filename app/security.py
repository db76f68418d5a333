"""Who is asking: web sessions (Flask-Login), bearer tokens, role checks for views."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Flask, abort, flash, redirect, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, user_loaded_from_cookie

from app.extensions import db, login_manager
from bulletins import accounts
from bulletins.models import User

HOME_BY_ROLE = (
    ("editor", "desk.editor_queue"),
    ("reviewer", "desk.review_queue"),
    ("leader", "desk.approve_queue"),
    ("operator", "radio.index"),
    ("admin", "admin.users"),
)


@login_manager.user_loader
def load_user(session_token: str) -> User | None:
    return accounts.user_for_session(db.session, session_token)


def _bind_remembered_session(app: Flask, user: User) -> None:
    """A session restored from the remember-me cookie gets this client's identifier, as a
    login does; without it "strong" protection wipes the session on the next request
    (flask-login issue #685) and remember-me lasted one page. Not fresh: no password typed."""
    login_user(user, fresh=False)


def home_endpoint(user: User) -> str:
    """The queue a user lands on after login: their first role's."""
    for role, endpoint in HOME_BY_ROLE:
        if user.has_role(role):
            return endpoint
    return "portal.index"


def roles_required(*roles: str) -> Callable:
    """View decorator: login, then any of the roles; the service checks again."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if roles and not (current_user.role_names & set(roles)):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def init_app(app: Flask) -> None:
    login_manager.login_view = "auth.login"
    login_manager.login_message = _l("Vui lòng đăng nhập.")
    login_manager.session_protection = "strong"
    user_loaded_from_cookie.connect(_bind_remembered_session, app)

    @app.before_request
    def _no_nul_bytes() -> Any:
        """NUL is never text: refuse it in the URL, form or JSON before it reaches a query."""
        values = [*request.args.values(), *(request.view_args or {}).values(),
                  *request.form.values()]
        escaped = request.is_json and b"\\u0000" in request.get_data().lower()
        if escaped or any(isinstance(v, str) and "\x00" in v for v in values):
            abort(400, description="Dữ liệu chứa ký tự NUL không hợp lệ.")
        return None

    @app.before_request
    def _force_password_change() -> Any:
        if (current_user.is_authenticated and current_user.must_change_password
                and request.endpoint not in ("auth.password", "auth.logout", "static")
                and request.blueprint not in ("portal", "api")):
            flash(_l("Hãy đặt mật khẩu mới trước khi làm việc."), "warning")
            return redirect(url_for("auth.password"))
        return None

    @app.context_processor
    def _waiting() -> dict:
        """How many bulletins wait for me in each of my roles (the nav's counters)."""
        if not getattr(current_user, "is_authenticated", False) or request.blueprint in (
                "portal", "api", "help"):
            return {"waiting": {}}
        from bulletins.reading import waiting_counts

        return {"waiting": waiting_counts(db.session, current_user)}

    @app.after_request
    def _headers(response):  # noqa: ANN001
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; media-src 'self'; "
            "style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'",
        )
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

"""Sign in, sign out, change password, choose the language."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from app.auth.blueprint import bp
from app.auth.forms import LoginForm, PasswordForm
from app.extensions import db, limiter
from app.security import home_endpoint
from bulletins import accounts, audit
from bulletins.errors import ValidationError


def _safe_next(target: str | None) -> str | None:
    if not target:
        return None
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc and target.startswith("/") else None


def _rate_limited(limit) -> None:
    """Audit every refusal of the login rate limit."""
    audit.record(db.session, (request.form.get("username") or "?")[:64], "login.rate_limited",
                 ip=request.remote_addr, limit=str(limit.limit))
    db.session.commit()


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"], methods=["POST"],
               on_breach=_rate_limited)
def login():
    """The sign-in form; each role then lands on its own queue."""
    if current_user.is_authenticated:
        return redirect(url_for(home_endpoint(current_user)))
    form = LoginForm()
    if form.validate_on_submit():
        user = accounts.authenticate(db.session, form.username.data, form.password.data)
        db.session.commit()
        if user is None:
            flash(_("Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đang bị khóa tạm thời."),
                  "error")
        else:
            login_user(user, remember=form.remember.data)
            return redirect(_safe_next(request.args.get("next"))
                            or url_for(home_endpoint(user)))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    """End the session, and the user's other sessions, server-side (their token rotates)."""
    accounts.logout(db.session, current_user)
    db.session.commit()
    logout_user()
    return redirect(url_for("portal.index"))


@bp.route("/password", methods=["GET", "POST"])
@login_required
def password():
    """Change one's own password (required after a one-time password)."""
    form = PasswordForm()
    if form.validate_on_submit():
        try:
            accounts.change_password(db.session, current_user, form.new_password.data,
                                     old_password=form.old_password.data)
        except ValidationError as error:
            db.session.rollback()
            form.new_password.errors.append(error.message)
        else:
            db.session.commit()
            login_user(current_user._get_current_object())  # new session token: keep this one
            flash(_("Đã đổi mật khẩu."), "success")
            return redirect(url_for(home_endpoint(current_user)))
    return render_template("auth/password.html", form=form)


@bp.route("/lang/<code>", methods=["POST"])
def set_language(code: str):
    """Switch the interface language (vi or en) for this browser."""
    if code in current_app.config["LANGUAGES"]:
        session["lang"] = code
    return redirect(_safe_next(request.form.get("next")) or url_for("portal.index"))

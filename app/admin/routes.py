"""Administration: accounts, roles, one-time passwords and API tokens."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.actions import attempt
from app.admin.blueprint import bp
from app.admin.forms import EmptyForm, RolesForm, TokenForm, UserForm
from app.desk.forms import slug_choices
from app.extensions import db
from app.security import roles_required
from bulletins import accounts, tenancy
from bulletins.editorial import queries
from bulletins.errors import DomainError
from bulletins.models import Unit


@bp.route("/users", methods=["GET", "POST"])
@roles_required("admin")
def users():
    """List accounts and create one; its one-time password is shown once."""
    units = queries.listed(db.session, Unit, include_inactive=True)
    form = _user_form(units)
    created = None
    if form.validate_on_submit():
        try:
            user, password = accounts.create_user(
                db.session, current_user, form.username.data, form.roles.data,
                display_name=form.display_name.data or "", unit_slug=form.unit.data or None,
                **_home_of(form))
        except DomainError as error:
            db.session.rollback()
            form.username.errors = [*form.username.errors, error.message]
        else:
            db.session.commit()
            created = (user.username, password)
            form = _user_form(units, formdata=None)
    return render_template("admin/users.html", form=form, created=created,
                           users=accounts.list_users(db.session, current_user),
                           unit_names={unit.slug: unit.name for unit in units},
                           roles_form=RolesForm(), empty=EmptyForm())


def _user_form(units: list, **kwargs) -> UserForm:
    """The new-account form; a province admin also picks the commune (the first by default)
    or the province."""
    form = UserForm(**kwargs)
    form.unit.choices = slug_choices(units)
    if tenancy.is_province(current_user):
        form.commune.choices = [(c.slug, c.name) for c in tenancy.communes(db.session)] + [
            ("", _("Cấp tỉnh"))]
    return form


def _home_of(form: UserForm) -> dict:
    """create_user's scope arguments from the form (a commune admin's: their own commune)."""
    if not tenancy.is_province(current_user):
        return {}
    slug = form.commune.data or ""
    if not slug:
        return {"province": True}
    return {"commune_id": tenancy.commune_by_slug(db.session, slug).id}


@bp.route("/users/<int:user_id>/roles", methods=["POST"])
@roles_required("admin")
def set_roles(user_id: int):
    """Replace a user's roles."""
    form = RolesForm()
    user = accounts.get_user(db.session, user_id, current_user)
    if form.validate_on_submit():
        attempt(accounts.set_roles, user, form.roles.data, success=_("Đã cập nhật vai trò."))
    else:
        flash(_("Cần chọn ít nhất một vai trò."), "error")
    return users_redirect()


@bp.route("/users/<int:user_id>/reset", methods=["POST"])
@roles_required("admin")
def reset_password(user_id: int):
    """Give a user a new one-time password, shown once."""
    user = accounts.get_user(db.session, user_id, current_user)
    if EmptyForm().validate_on_submit():
        password = accounts.reset_password(db.session, current_user, user)
        db.session.commit()
        flash(_("Mật khẩu dùng một lần của %(name)s: %(pw)s", name=user.username, pw=password),
              "success")
    return users_redirect()


@bp.route("/users/<int:user_id>/active", methods=["POST"])
@roles_required("admin")
def toggle_active(user_id: int):
    """Lock or unlock an account."""
    user = accounts.get_user(db.session, user_id, current_user)
    if EmptyForm().validate_on_submit():
        attempt(accounts.set_active, user, not user.active)
    return users_redirect()


@bp.route("/users/<int:user_id>/tokens", methods=["GET", "POST"])
@roles_required("admin")
def tokens(user_id: int):
    """A user's API tokens: create (shown once), list, revoke."""
    user = accounts.get_user(db.session, user_id, current_user)
    form, raw = TokenForm(), None
    if form.validate_on_submit():
        raw = accounts.create_token(db.session, current_user, user, form.name.data or "")
        db.session.commit()
    items = accounts.tokens_of(db.session, current_user, user)
    return render_template("admin/tokens.html", user=user, form=form, raw=raw, tokens=items,
                           empty=EmptyForm())


@bp.route("/tokens/<int:token_id>/revoke", methods=["POST"])
@roles_required("admin")
def revoke_token(token_id: int):
    """Revoke an API token at once."""
    token = accounts.get_token(db.session, token_id, current_user)
    if EmptyForm().validate_on_submit():
        accounts.revoke_token(db.session, current_user, token)
        db.session.commit()
        flash(_("Đã thu hồi mã truy cập."), "success")
    return redirect(url_for("admin.tokens", user_id=token.user_id))


def users_redirect():
    return redirect(url_for("admin.users"))

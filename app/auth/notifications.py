"""Each signed-in user chooses where and how often Loa e-mails them about waiting work."""

from __future__ import annotations

from flask import current_app, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from wtforms import RadioField, StringField
from wtforms.validators import Length, ValidationError

from app.actions import attempt
from app.auth.blueprint import bp
from app.desk.forms import options
from app.extensions import db
from app.forms import Form
from bulletins import errors
from bulletins.notifications import notices as notifications


class NotificationForm(Form):
    email = StringField(_l("Địa chỉ thư điện tử"),
                        validators=[Length(max=notifications.EMAIL_MAX)])
    mode = RadioField(_l("Cách nhận thông báo"), default="off", choices=options([
        ("off", _l("Không nhận thư")),
        ("immediate", _l("Gửi ngay khi có việc")),
        ("digest", _l("Gửi một thư tổng hợp mỗi ngày")),
    ]))

    def validate_email(self, field: StringField) -> None:
        if (field.data or "").strip():
            try:
                notifications.clean_email(field.data)
            except errors.ValidationError as error:
                raise ValidationError(_("Địa chỉ thư điện tử không hợp lệ "
                                        "(ví dụ: ten@xa.gov.vn).")) from error
        elif self.mode.data != "off":
            raise ValidationError(_("Cần địa chỉ thư điện tử để nhận thông báo."))


@bp.route("/account/notifications", methods=["GET", "POST"], endpoint="notifications")
@login_required
def notifications_page():
    """Set one's own notification address and mode."""
    current = notifications.preferences(db.session, current_user)
    form = NotificationForm(data={"email": current.email, "mode": current.mode})
    if form.validate_on_submit():
        ok, _result = attempt(notifications.set_preferences, form.email.data, form.mode.data,
                              success=_("Đã lưu cách nhận thông báo."))
        if ok:
            return redirect(url_for("auth.notifications"))
    return render_template("auth/notifications.html", form=form,
                           mail_on=bool(current_app.config.get("MAIL_SERVER")),
                           digest_hour=current_app.config.get("DIGEST_HOUR", 7))

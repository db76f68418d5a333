"""Admin pages for the calendar's key dates: holidays, anniversaries, congresses."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import BooleanField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from app.actions import attempt
from app.admin.blueprint import bp
from app.admin.forms import EmptyForm
from app.desk.forms import options
from app.extensions import db
from app.forms import DayField, Form
from app.security import roles_required
from bulletins.errors import DomainError
from bulletins.reporting import calendar

KIND_CHOICES = [("holiday", _l("Ngày lễ")), ("anniversary", _l("Ngày kỷ niệm")),
                ("congress", _l("Đại hội")), ("local", _l("Sự kiện địa phương"))]


class KeyDateForm(Form):
    title = StringField(_l("Tên ngày"), validators=[DataRequired(),
                                                    Length(max=calendar.TITLE_MAX)])
    day = DayField(_l("Ngày"), validators=[DataRequired()])
    kind = SelectField(_l("Loại"), choices=options(KIND_CHOICES), default="local")
    note = TextAreaField(_l("Ghi chú"), validators=[Optional(), Length(max=calendar.NOTE_MAX)])
    yearly = BooleanField(_l("Lặp lại hằng năm (ngày dương lịch)"))
    tentative = BooleanField(_l("Ngày dự kiến, chưa chính thức"))

    def data_for_service(self) -> dict:
        return {"title": self.title.data, "day": self.day.data, "kind": self.kind.data,
                "note": self.note.data or "", "yearly": self.yearly.data,
                "tentative": self.tentative.data}


def _save(form: KeyDateForm, action, *args) -> bool:
    """Call the service; on refusal put each field's error on the form, save nothing."""
    try:
        action(db.session, current_user, *args, form.data_for_service())
    except DomainError as error:
        db.session.rollback()
        for name, message in error.fields.items():
            target = getattr(form, name, None)
            if target is not None:
                target.errors = [*target.errors, message]
        if not error.fields:
            form.title.errors = [*form.title.errors, error.message]
        return False
    db.session.commit()
    return True


@bp.route("/key-dates", methods=["GET", "POST"])
@roles_required("admin")
def key_dates():
    """Every key date of the calendar, and a form to add one."""
    form = KeyDateForm()
    if form.validate_on_submit() and _save(form, calendar.create_key_date):
        flash(_("Đã thêm ngày cần nhớ."), "success")
        return redirect(url_for("admin.key_dates"))
    return render_template("admin/key_dates.html", form=form, empty=EmptyForm(),
                           items=calendar.list_key_dates(db.session, current_user),
                           kinds=dict(KIND_CHOICES))


@bp.route("/key-dates/<int:key_date_id>", methods=["GET", "POST"])
@roles_required("admin")
def key_date_edit(key_date_id: int):
    """Change a key date, e.g. set the official day of a congress."""
    item = calendar.get_key_date(db.session, key_date_id, current_user)
    form = KeyDateForm(obj=item if request.method == "GET" else None)
    if form.validate_on_submit() and _save(form, calendar.update_key_date, key_date_id):
        flash(_("Đã lưu."), "success")
        return redirect(url_for("admin.key_dates"))
    return render_template("admin/key_date_edit.html", form=form, item=item)


@bp.route("/key-dates/<int:key_date_id>/delete", methods=["POST"])
@roles_required("admin")
def key_date_delete(key_date_id: int):
    """Remove a key date from the calendar."""
    if EmptyForm().validate_on_submit():
        attempt(calendar.delete_key_date, key_date_id, success=_("Đã xóa ngày cần nhớ."))
    return redirect(url_for("admin.key_dates"))

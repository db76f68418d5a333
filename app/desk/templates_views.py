"""Reusable bulletin templates on the desk: list, edit, delete, save a bulletin as one."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from app.actions import attempt
from app.desk.blueprint import bp
from app.desk.forms import TextFields, fill_choices
from app.extensions import db
from app.forms import Form
from app.security import roles_required
from bulletins import params
from bulletins.editorial import templates
from bulletins.errors import NotFound, ValidationError


class TemplateForm(TextFields):
    name = StringField(_l("Tên mẫu"), validators=[DataRequired(),
                                                  Length(max=templates.NAME_MAX)])

    def data_for_service(self) -> dict:
        return {"name": self.name.data, **self.text_data()}


class SaveTemplateForm(Form):
    name = StringField(_l("Tên mẫu"), validators=[DataRequired(),
                                                  Length(max=templates.NAME_MAX)])


class DeleteForm(Form):
    """Only its CSRF token."""


def prefill(form: Form, raw_id: str) -> None:
    """Fill a new bulletin's form from a template; unknown id → a message, form untouched."""
    try:
        template = templates.get_template(db.session, params.record_id(raw_id, "template"),
                                          current_user)
    except (ValidationError, NotFound):
        template = None
    if template is None:
        flash(_("Không có mẫu bản tin này; hãy viết từ đầu hoặc chọn mẫu khác."), "error")
        return
    for name, value in template.form_data().items():
        getattr(form, name).data = value if value is not None else ""
    flash(_("Đã điền sẵn từ mẫu «%(name)s». Hãy sửa ngày giờ, địa điểm trước khi lưu.",
            name=template.name), "info")


@bp.route("/templates", endpoint="templates")
@roles_required(*templates.MANAGERS)
def templates_list():
    """Every bulletin template, with links to start a draft from one."""
    return render_template("desk/templates.html",
                           items=templates.list_templates(db.session, current_user),
                           delete_form=DeleteForm())


@bp.route("/templates/new", methods=["GET", "POST"], defaults={"template_id": None})
@bp.route("/templates/<int:template_id>", methods=["GET", "POST"])
@roles_required(*templates.MANAGERS)
def template_edit(template_id: int | None):
    """Write a new template or change one."""
    item = (None if template_id is None
            else templates.get_template(db.session, template_id, current_user))
    stored = item.form_data() | {"name": item.name} if item is not None else None
    form = TemplateForm(data=stored if request.method == "GET" else None)
    fill_choices(form)
    if request.method == "GET" and item is None:
        form.unit.data = current_user.unit_slug or ""
    if form.validate_on_submit():
        args = () if item is None else (item.id,)
        save = templates.create_template if item is None else templates.update_template
        if attempt(save, *args, form.data_for_service(), form=form, success=_("Đã lưu mẫu."))[0]:
            return redirect(url_for("desk.templates"))
    return render_template("desk/template_edit.html", form=form, item=item)


@bp.route("/templates/<int:template_id>/delete", methods=["POST"])
@roles_required(*templates.MANAGERS)
def template_delete(template_id: int):
    """Remove a template."""
    if DeleteForm().validate_on_submit():
        attempt(templates.delete_template, template_id, success=_("Đã xóa mẫu."))
    return redirect(url_for("desk.templates"))


@bp.route("/b/<int:bulletin_id>/save-template", methods=["POST"])
@roles_required(*templates.MANAGERS)
def save_template(bulletin_id: int):
    """Keep this bulletin's text and settings as a new template."""
    form = SaveTemplateForm()
    if not form.validate_on_submit():
        flash(_("Cần đặt tên mẫu (tối đa 200 ký tự)."), "error")
        return redirect(url_for("desk.detail", bulletin_id=bulletin_id))
    ok, made = attempt(templates.save_as_template, bulletin_id, form.name.data,
                       success=_("Đã lưu bản tin thành mẫu; hãy thay ngày giờ, địa điểm "
                                 "bằng chỗ trống nếu cần."))
    if ok:
        return redirect(url_for("desk.template_edit", template_id=made.id))
    return redirect(url_for("desk.detail", bulletin_id=bulletin_id))

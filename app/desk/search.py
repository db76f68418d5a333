"""Staff search over every bulletin: ranked full text with filters, matched words marked."""

from __future__ import annotations

from datetime import date

from flask import render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from app.desk.blueprint import bp
from app.extensions import db
from app.i18n import labels
from app.security import roles_required
from bulletins import params, reading
from bulletins.editorial import queries
from bulletins.errors import ValidationError
from bulletins.models import Topic, Unit
from bulletins.workflow import ROLES as STAFF

PARAMS = ("q", "status", "topic", "unit", "from", "to")


def _day(value: str, errors: list[str], label: str) -> date | None:
    try:
        return params.day(value)
    except ValidationError:
        errors.append(_("%(field)s không phải là ngày hợp lệ (YYYY-MM-DD).", field=label))
        return None


def _params() -> tuple[dict[str, str], int, list[str]]:
    """The filters as given (trimmed, NUL-free), the page number, and what is wrong with them."""
    given = {k: request.args.get(k, "").replace("\x00", "").strip()[:500] for k in PARAMS}
    errors = []
    try:
        page = params.page(request.args.get("page"))
    except ValidationError:
        errors.append(_("Số trang không hợp lệ."))
        page = 1
    if given["status"] and given["status"] not in labels()["status"]:
        errors.append(_("Không có trạng thái này."))
    return given, page, errors


@bp.route("/all")
@roles_required(*STAFF)
def all_bulletins():
    """Every bulletin: full-text search ranked by relevance, with filters and pages."""
    given, page, errors = _params()
    date_from = _day(given["from"], errors, _("Từ ngày"))
    date_to = _day(given["to"], errors, _("Đến ngày"))
    results = None
    if not errors:
        try:
            results = reading.search_bulletins(
                db.session, current_user, given["q"], status=given["status"] or None,
                topic=given["topic"] or None, unit=given["unit"] or None,
                date_from=date_from, date_to=date_to, page=page)
        except ValidationError as error:
            errors.append(error.message if not error.fields.get("date_from")
                          else _("Từ ngày phải trước hoặc bằng đến ngày."))
    topics = queries.listed(db.session, Topic, include_inactive=True)
    units = queries.listed(db.session, Unit, include_inactive=True)
    here = {k: v for k, v in given.items() if v}
    return render_template("desk/search.html", results=results, errors=errors, given=given,
                           here=here, topics=topics, units=units)

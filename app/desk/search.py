"""Staff search over every bulletin: ranked full text with filters, matched words marked."""

from __future__ import annotations

from flask import render_template, request
from flask_babel import gettext as _
from flask_login import current_user

from app.desk.blueprint import bp
from app.extensions import db
from app.forms import read_days, shown
from app.i18n import labels
from app.security import roles_required
from bulletins import params, reading
from bulletins.editorial import queries
from bulletins.errors import ValidationError
from bulletins.models import Topic, Unit
from bulletins.workflow import ROLES as STAFF

PARAMS = ("q", "status", "topic", "unit", "from", "to")


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
    days, wrong = read_days(given)  # dates as dd/mm/yyyy, a wrong one kept under its box
    results = None
    if not errors and not wrong:
        try:
            results = reading.search_bulletins(
                db.session, current_user, given["q"], status=given["status"] or None,
                topic=given["topic"] or None, unit=given["unit"] or None,
                date_from=days["from"], date_to=days["to"], page=page)
        except ValidationError as error:
            if error.fields.get("date_from"):
                wrong["to"] = _("Từ ngày phải trước hoặc bằng đến ngày.")
            else:
                errors.append(error.message)
    topics = queries.listed(db.session, Topic, include_inactive=True)
    units = queries.listed(db.session, Unit, include_inactive=True)
    boxes = {k: "" if v is None else v for k, v in days.items()}
    here = {k: v for k, v in {**given, **{k: shown(v) for k, v in boxes.items()}}.items() if v}
    return render_template("desk/search.html", results=results, errors=errors, given=given,
                           here=here, topics=topics, units=units, boxes=boxes, wrong=wrong)

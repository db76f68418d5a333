"""The implementation report across the province: every commune side by side, with the same
CSV and Excel downloads as a commune's report (and JSON in the API)."""

from __future__ import annotations

from flask import Response, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from app.desk.blueprint import bp
from app.desk.report import PROVINCE_OWN, requested_range, send_report
from app.extensions import db
from app.security import roles_required
from bulletins import reading, tenancy
from bulletins.clock import local_today
from bulletins.errors import DomainError, ValidationError
from bulletins.reporting import figures
from bulletins.reporting.charts import bar_chart
from bulletins.workflow import ROLES as STAFF


@bp.route("/province-report")
@roles_required(*STAFF)
def province_report():
    """Province staff and observers: the whole province, the province's own bulletins and each
    commune; a commune's staff are sent to their commune's report."""
    if not tenancy.is_province(current_user):
        return redirect(url_for("desk.report"))
    try:
        first, last = requested_range()
    except DomainError as error:
        flash(error.message, "error")
        first, last = figures.parse_range(None, None, local_today())
    data = reading.province_report(db.session, current_user, first, last)
    chart = bar_chart([(p.name, p.report.published) for p in data.parts],
                      title=_("Bản tin đã đăng theo xã"))
    topics = [(c.key, c.label) for c in data.total.by_topic]
    by_topic = [(p, {c.key: c.value for c in p.report.by_topic}) for p in data.parts]
    return render_template("desk/province_report.html", report=data, first=first, last=last,
                           chart=Markup(chart), topics=topics, by_topic=by_topic,  # noqa: S704
                           own=PROVINCE_OWN)


def _download(kind: str) -> Response:
    try:
        first, last = requested_range()
        data = reading.province_report(db.session, current_user, first, last)
    except ValidationError as error:  # a refused role or a commune's user stays a 403
        return Response(error.message + "\n", status=422, mimetype="text/plain")
    return send_report(data, kind, "bao-cao-toan-tinh")


@bp.route("/province-report.csv")
@roles_required(*STAFF)
def province_report_csv():
    """The province report as CSV: the whole, each commune side by side, topics per commune."""
    return _download("csv")


@bp.route("/province-report.xlsx")
@roles_required(*STAFF)
def province_report_xlsx():
    """The province report as an Excel workbook, one sheet per table."""
    return _download("xlsx")

"""The plan's implementation report: a printable page with charts, CSV and Excel downloads."""

from __future__ import annotations

from datetime import date

from flask import Response, flash, render_template, request
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from app.desk.blueprint import bp
from app.extensions import db
from app.forms import read_days
from app.security import roles_required
from bulletins import reading
from bulletins.clock import local_today
from bulletins.errors import DomainError, ValidationError
from bulletins.reporting import export as report_export
from bulletins.reporting import figures
from bulletins.reporting.charts import bar_chart, column_chart
from bulletins.workflow import ROLES as STAFF  # counts only, no titles: every role may read

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _range() -> tuple[date, date]:
    return figures.parse_range(request.args.get("from"), request.args.get("to"),
                               local_today())


def _download(kind: str) -> Response:
    try:
        first, last = _range()
        report = reading.report(db.session, current_user, first, last)
    except ValidationError as error:  # a refused role stays a 403
        return Response(error.message + "\n", status=422, mimetype="text/plain")
    name = f"bao-cao-ket-qua-{first:%Y%m%d}-{last:%Y%m%d}.{kind}"
    if kind == "csv":
        body, mimetype = report_export.to_csv(report), "text/csv"
    else:
        body, mimetype = report_export.to_xlsx(report), XLSX
    return Response(body, mimetype=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.route("/report")
@roles_required(*STAFF)
def report():
    """The implementation report for a range of dates (default: this year until today)."""
    given, errors = read_days(request.args)  # shown again as typed, dd/mm/yyyy when read
    try:
        first, last = _range()
    except DomainError as error:
        flash(error.message, "error")
        errors = {**{k: error.message for k in error.fields if k in given}, **errors}
        first, last = figures.parse_range(None, None, local_today())
    boxes = {"from": first if given["from"] is None else given["from"],
             "to": last if given["to"] is None else given["to"]}
    data = reading.report(db.session, current_user, first, last)
    # the chart functions escape every label and title themselves
    months = column_chart([(m.month.strftime("%m/%Y"), m.published) for m in data.months],
                          title=_("Bản tin đã đăng theo tháng"))
    topics = bar_chart([(c.label, c.value) for c in data.by_topic],
                       title=_("Bản tin đã đăng theo chủ đề"))
    charts = {"months": Markup(months), "topics": Markup(topics)}  # noqa: S704
    return render_template("desk/report.html", report=data, first=first, last=last,
                           charts=charts, hours=figures.format_hours, boxes=boxes,
                           errors=errors)


@bp.route("/report.csv")
@roles_required(*STAFF)
def report_csv():
    """The report as CSV, one block per table."""
    return _download("csv")


@bp.route("/report.xlsx")
@roles_required(*STAFF)
def report_xlsx():
    """The report as an Excel workbook, one sheet per table."""
    return _download("xlsx")

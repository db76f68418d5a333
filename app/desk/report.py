"""The plan's implementation report: a printable page with charts, CSV and Excel downloads."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Response, flash, render_template, request
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from app.desk.blueprint import bp
from app.extensions import db
from app.forms import read_days
from app.security import roles_required
from bulletins import reading, tenancy
from bulletins.clock import local_today
from bulletins.errors import DomainError, NotFound, ValidationError
from bulletins.reporting import export as report_export
from bulletins.reporting import figures
from bulletins.reporting.charts import bar_chart, column_chart
from bulletins.reporting.tallies import EVERYWHERE
from bulletins.workflow import ROLES as STAFF  # counts only, no titles: every role may read

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PROVINCE_OWN = "tinh"  #: ?commune= for the province's own bulletins


def requested_range() -> tuple[date, date]:
    return figures.parse_range(request.args.get("from"), request.args.get("to"),
                               local_today())


def _commune() -> int | None:
    """Province staff's ?commune=<slug>: that commune's report (``tinh``: the province's own
    bulletins; none: the whole province). A commune's staff always get their commune's."""
    slug = (request.args.get("commune") or "").strip()
    if not slug or not tenancy.is_province(current_user):
        return EVERYWHERE
    if slug == PROVINCE_OWN:
        return None
    try:
        return tenancy.commune_by_slug(db.session, slug).id
    except NotFound as error:
        raise ValidationError(error.message, fields={"commune": "unknown"}) from error


def _download(kind: str) -> Response:
    try:
        first, last = requested_range()
        report = reading.report(db.session, current_user, first, last, _commune())
    except ValidationError as error:  # a refused role stays a 403
        return Response(error.message + "\n", status=422, mimetype="text/plain")
    return send_report(report, kind, "bao-cao-ket-qua")


def send_report(report: Any, kind: str, stem: str) -> Response:
    """The report (a commune's or the province's) as a CSV or Excel download."""
    first, last = report.start, report.end
    name = f"{stem}-{first:%Y%m%d}-{last:%Y%m%d}.{kind}"
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
        first, last = requested_range()
    except DomainError as error:
        flash(error.message, "error")
        errors = {**{k: error.message for k in error.fields if k in given}, **errors}
        first, last = figures.parse_range(None, None, local_today())
    try:
        commune_id = _commune()
    except DomainError as error:
        flash(error.message, "error")
        commune_id = EVERYWHERE
    boxes = {"from": first if given["from"] is None else given["from"],
             "to": last if given["to"] is None else given["to"]}
    data = reading.report(db.session, current_user, first, last, commune_id)
    # the chart functions escape every label and title themselves
    months = column_chart([(m.month.strftime("%m/%Y"), m.published) for m in data.months],
                          title=_("Bản tin đã đăng theo tháng"))
    topics = bar_chart([(c.label, c.value) for c in data.by_topic],
                       title=_("Bản tin đã đăng theo chủ đề"))
    charts = {"months": Markup(months), "topics": Markup(topics)}  # noqa: S704
    return render_template("desk/report.html", report=data, first=first, last=last,
                           charts=charts, hours=figures.format_hours,
                           province=tenancy.is_province(current_user),
                           communes=tenancy.communes(db.session),
                           commune=_chosen(commune_id), own=PROVINCE_OWN,
                           boxes=boxes, errors=errors)


def _chosen(commune_id: int | None) -> str:
    """The ?commune= value of the report shown (empty: the whole province or one's commune)."""
    if commune_id == EVERYWHERE or not tenancy.is_province(current_user):
        return ""
    if commune_id is None:
        return PROVINCE_OWN
    return tenancy.commune_slugs(db.session).get(commune_id, "")


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

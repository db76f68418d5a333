"""The broadcast log with its CSV export, and the admin's airing slots."""

from __future__ import annotations

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.actions import attempt
from app.extensions import db
from app.forms import read_days
from app.radio.blueprint import bp
from app.radio.forms import SlotForm
from app.security import roles_required
from bulletins import clock, reading
from bulletins.errors import DomainError
from bulletins.radio import broadcasts, programs, schedule


def _range() -> tuple:
    return broadcasts.parse_range(request.args.get("from"), request.args.get("to"),
                                  clock.local_today())


@bp.route("/log")
@roles_required(*reading.READERS["broadcast_log"])
def log():
    """What aired between two dates (default: the last 30 days)."""
    # the typed dates stay in their boxes (dd/mm/yyyy), the message under the one that is wrong
    given, errors = read_days(request.args)
    try:
        first, last = _range()
    except DomainError as error:
        flash(error.message, "error")
        errors = {**{k: error.message for k in error.fields if k in given}, **errors}
        first, last = broadcasts.parse_range(None, None, clock.local_today())
    entries = reading.log_between(db.session, current_user, first, last)
    corrected = {e.corrects_id for e in entries if e.corrects_id}
    boxes = {"from": first if given["from"] is None else given["from"],
             "to": last if given["to"] is None else given["to"]}
    return render_template("radio/log.html", entries=entries, first=first, last=last,
                           corrected=corrected, boxes=boxes, errors=errors)


@bp.route("/log.csv")
@roles_required(*reading.READERS["broadcast_log"])
def log_csv():
    """The log between two dates as CSV."""
    first, last = _range()  # a bad range is a 422 page
    body = reading.log_csv(db.session, current_user, first, last)
    name = f"nhat-ky-phat-song-{first:%Y%m%d}-{last:%Y%m%d}.csv"
    return Response(body, mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@bp.route("/slots", methods=["GET", "POST"])
@roles_required("admin")
def slots():
    """The station's airing slots; a new one is added with the form below the list."""
    form = SlotForm()
    if form.validate_on_submit() and _save(None, form):
        return redirect(url_for("radio.slots"))
    return render_template("radio/slots.html", form=form, slot=None,
                           slots=schedule.all_slots(db.session, current_user.commune_id))


@bp.route("/slots/<int:slot_id>", methods=["GET", "POST"])
@roles_required("admin")
def slot_edit(slot_id: int):
    """Change a slot (time, weekdays, length, on/off)."""
    slot = programs.get_slot(db.session, slot_id, current_user)
    form = SlotForm(obj=slot if request.method == "GET" else None)
    if request.method == "GET":
        form.weekdays.data = list(slot.weekdays)
    if form.validate_on_submit() and _save(slot.id, form):
        return redirect(url_for("radio.slots"))
    return render_template("radio/slots.html", slots=[], form=form, slot=slot)


def _save(slot_id: int | None, form: SlotForm) -> bool:
    return attempt(programs.save_slot, slot_id, form.data_for_service(), form=form,
                   success=_("Đã lưu khung giờ phát."))[0]

"""The radio desk: today's and coming programs, their audio and script, and the airing log."""

from __future__ import annotations

from datetime import date, timedelta

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.actions import attempt
from app.admin.forms import EmptyForm
from app.extensions import db
from app.media import send_playlist, send_program
from app.radio.blueprint import bp
from app.radio.forms import BroadcastForm
from app.security import roles_required
from bulletins import clock, params, reading
from bulletins.models import Bulletin, Program, Slot
from bulletins.radio import broadcasts, program_audio, programs, schedule
from bulletins.speech import synthesis as media

OPERATORS = tuple(sorted(programs.OPERATOR_ROLES))  # the services check the same roles


@bp.app_context_processor
def _radio_alerts() -> dict:
    """Emergency bulletins not aired yet, for the red banner operators see on every page."""
    def alerts() -> list[Bulletin]:
        if not (current_user.is_authenticated and current_user.has_role("operator")):
            return []
        return broadcasts.pending_emergencies(  # the operator's commune's, not every one's
            db.session, commune_id=current_user.commune_id)

    return {"radio_alerts": alerts}


@bp.route("/")
@roles_required(*OPERATORS)
def index():
    """Today's and tomorrow's slots with their programs or suggestions; radio bulletins."""
    today = clock.local_today()
    plan = reading.day_plan(db.session, current_user, [today, today + timedelta(days=1)])
    rows = reading.radio_bulletins(db.session, current_user)
    aired = broadcasts.aired_counts(db.session, [b.id for b, _audio in rows])
    logged = broadcasts.in_force_of(db.session, [o.program.id for o in plan if o.program])
    return render_template("radio/index.html", items=rows, plan=plan, aired=aired,
                           logged=logged, now=clock.utcnow(),
                           emergencies=broadcasts.pending_emergencies(
                               db.session, commune_id=current_user.commune_id),
                           today=today, form=EmptyForm())


def _rows(program: Program | None, slot: Slot, day: date) -> list[tuple]:
    """(candidate, chosen, position) for the editor: the program's order, then the others."""
    at = schedule.slot_start(slot, day)
    cands = schedule.candidates(db.session, at, exclude=program.id if program else None,
                                commune_id=slot.commune_id)
    if program is not None:
        chosen = program.bulletin_ids
    else:
        chosen = [c.bulletin.id for c in schedule.suggest(db.session, slot, day)]
    by_id = {c.bulletin.id: c for c in cands}
    rows = [(by_id[b], True, n + 1) for n, b in enumerate(chosen) if b in by_id]
    rows += [(c, False, None) for c in cands if c.bulletin.id not in chosen]
    return rows


@bp.route("/slot/<int:slot_id>/<day:day>", methods=["GET", "POST"])
@roles_required(*OPERATORS)
def slot_program(slot_id: int, day: date):
    """Edit a slot's program for a day: the suggestion until saved, then the saved order."""
    slot, when = programs.get_slot(db.session, slot_id, current_user), day
    program = schedule.find_program(db.session, slot.id, when)
    form, status = EmptyForm(), 200
    if request.method == "POST" and form.validate_on_submit():
        ok, saved = attempt(programs.save_program, slot.id, when, _chosen(),
                            success=_("Đã lưu chương trình; đang dựng âm thanh."))
        if ok:
            return redirect(url_for("radio.program", program_id=saved.id))
        status = saved.status  # the refusal's own status (422, 409 for a held reading)
    if program is not None:  # after a refused save too: the program's page shows why
        return redirect(url_for("radio.program", program_id=program.id))
    rows = _rows(program, slot, when)
    over = schedule.Occurrence(slot, when, schedule.slot_start(slot, when), None, []).is_over(
        clock.utcnow())
    return render_template("radio/program.html", program=program, slot=slot, day=when,
                           rows=rows, form=form, log=[], broadcast_form=None, current=None,
                           total=_total(rows), frame=schedule.FRAME_SECONDS,
                           over=over), status


def _chosen() -> list[int]:
    """The ticked bulletins in the order of their position numbers."""
    order = []
    for index, raw in enumerate(request.form.getlist("keep")):
        bulletin_id = params.integer(raw)
        if bulletin_id is None or not 1 <= bulletin_id <= params.ID_MAX:
            continue
        try:
            position = float(request.form.get(f"pos-{raw}") or 1000)
        except ValueError:
            position = 1000.0
        order.append((position, index, bulletin_id))
    return [bulletin_id for _p, _i, bulletin_id in sorted(order)]


@bp.route("/programs/<int:program_id>")
@roles_required(*OPERATORS)
def program(program_id: int):
    """One program: state, player, downloads, order editor and its airing log."""
    return _program_page(reading.program(db.session, current_user, program_id))


def _program_page(found: Program, form: BroadcastForm | None = None, status: int = 200):
    """The program's page; with a refused log form, that form with its errors and values."""
    log = broadcasts.program_log(db.session, found.id)
    current = broadcasts.in_force(db.session, found.id)
    rows = _rows(found, found.slot, found.air_date) if found.slot and not log else []
    if form is None:
        start = (current.aired_at if current and current.aired_at
                 else broadcasts.default_aired_at(found))
        form = BroadcastForm(corrects=current.id if current else "", aired_at=start)
    aired = broadcasts.aired_counts(db.session, found.bulletin_ids)
    return render_template("radio/program.html", program=found, slot=found.slot,
                           day=found.air_date, rows=rows, form=EmptyForm(), log=log,
                           broadcast_form=form, current=current, aired=aired,
                           total=_total(rows), frame=schedule.FRAME_SECONDS), status


def _total(rows: list[tuple]) -> float:
    """Seconds on air of the chosen bulletins with the program's frame (jingles, close)."""
    chosen = [round(c.seconds) for c, is_chosen, _pos in rows if is_chosen]
    return sum(chosen) + schedule.FRAME_SECONDS if chosen else 0.0


@bp.route("/programs/<int:program_id>/build", methods=["POST"])
@roles_required(*OPERATORS)
def build(program_id: int):
    """Make the program's audio again."""
    if EmptyForm().validate_on_submit():
        attempt(programs.build_program, program_id,
                success=_("Đã xếp hàng dựng lại âm thanh chương trình."))
    return redirect(url_for("radio.program", program_id=program_id))


@bp.route("/programs/<int:program_id>/broadcasts", methods=["POST"])
@roles_required(*OPERATORS)
def record(program_id: int):
    """Record what aired, or why it did not; a correction is a new entry.

    A refusal shows the page again with each reason under its field and what was typed kept.
    """
    found = reading.program(db.session, current_user, program_id)
    form = BroadcastForm()
    if form.validate_on_submit():
        ok, result = attempt(broadcasts.record_broadcast, found.id, form.data_for_service(),
                             success=_("Đã ghi nhật ký phát sóng."), form=form)
        if ok:
            return redirect(url_for("radio.program", program_id=found.id))
        if "not_aired" in result.fields:  # the service's name for the reason field
            form.reason.errors = [*form.reason.errors, result.fields["not_aired"]]
        return _program_page(found, form, result.status)
    flash(_("Dữ liệu không hợp lệ: ") + "; ".join(
        f"{form[k].label.text}: {', '.join(v)}" for k, v in form.errors.items()), "error")
    return _program_page(found, form, 422)


@bp.route("/emergency/<int:bulletin_id>", methods=["POST"])
@roles_required(*OPERATORS)
def emergency(bulletin_id: int):
    """Air an emergency bulletin at once, outside the slots."""
    if EmptyForm().validate_on_submit():
        ok, made = attempt(programs.emergency_program, bulletin_id,
                           success=_("Đã lập chương trình phát khẩn cấp; đang dựng âm thanh."))
        if ok:
            return redirect(url_for("radio.program", program_id=made.id))
    return redirect(url_for("radio.index"))


@bp.route("/programs/<int:program_id>/audio.mp3")
@roles_required(*OPERATORS)
def audio_file(program_id: int):
    found = reading.program(db.session, current_user, program_id)
    return send_program(found, download=bool(request.args.get("download")))


@bp.route("/programs/<int:program_id>/playlist.m3u")
@roles_required(*OPERATORS)
def playlist(program_id: int):
    found = reading.program(db.session, current_user, program_id)
    return send_playlist(found, lambda b: url_for("desk.audio", bulletin_id=b, _external=True))


@bp.route("/programs/<int:program_id>/script")
@roles_required(*OPERATORS)
def script(program_id: int):
    """The printable script: full approved texts in program order, for reading live."""
    found = reading.program(db.session, current_user, program_id)
    pieces = program_audio.script(db.session, found)
    return render_template("radio/script.html", program=found, pieces=pieces)


@bp.route("/b/<int:bulletin_id>/audio/retry", methods=["POST"])
@roles_required("operator", "leader", "admin")
def retry(bulletin_id: int):
    """Make the audio again after a failed synthesis."""
    if EmptyForm().validate_on_submit():
        attempt(media.retry_audio, bulletin_id, success=_("Đã xếp hàng làm lại âm thanh."))
    return redirect(request.referrer or url_for("radio.index"))

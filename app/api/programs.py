"""JSON API of the radio desk (CONTRACT §5): the day's programs, their audio, the broadcast log."""

from __future__ import annotations

from typing import Any

from flask import Response, g, jsonify, request, url_for

from app.api.auth import token_required
from app.api.blueprint import bp
from app.api.routes import body
from app.api.serialize import iso
from app.errors import json_error
from app.extensions import db
from app.media import script_text, send_playlist, send_program
from bulletins import clock, params, reading
from bulletins.models import Broadcast, Program, Slot
from bulletins.radio import broadcasts, programs, schedule


def slot_json(slot: Slot | None) -> dict[str, Any] | None:
    if slot is None:
        return None
    return {"id": slot.id, "name": slot.name, "time": slot.time_of_day,
            "weekdays": slot.weekdays, "target_minutes": slot.target_minutes}


def item_json(position: int, bulletin: Any, aired: dict[int, int]) -> dict[str, Any]:
    return {"position": position, "bulletin_id": bulletin.id, "title": bulletin.title,
            "priority": bulletin.priority, "aired": aired.get(bulletin.id, 0),
            "airings_wanted": bulletin.airings_wanted}


def entry_json(entry: Broadcast) -> dict[str, Any]:
    return {"id": entry.id, "program_id": entry.program_id, "aired": entry.aired,
            "aired_at": iso(entry.aired_at), "not_aired": entry.reason or None,
            "note": entry.note, "recorded_by": entry.recorder_name,
            "recorded_at": iso(entry.recorded_at), "corrects": entry.corrects_id,
            "bulletins": [i.bulletin_id for i in entry.items],
            "source": entry.source, "receiver_id": entry.receiver_id}


def program_json(program: Program, aired: dict[int, int]) -> dict[str, Any]:
    ready = program.status == "ready" and program.path
    current = broadcasts.in_force(db.session, program.id)
    return {
        "id": program.id, "slot": slot_json(program.slot), "date": program.air_date.isoformat(),
        "starts_at": iso(program.starts_at), "title": program.title, "status": program.status,
        "notice": program.notice or None, "error": program.error or None,
        "items": [item_json(i.position, i.bulletin, aired) for i in program.items],
        "audio": {"url": url_for("api.program_audio", program_id=program.id),
                  "duration_s": program.duration_s, "size_bytes": program.size_bytes,
                  "lufs": program.lufs, "chapters": program.chapters} if ready else None,
        "script_url": url_for("api.program_script", program_id=program.id),
        "playlist_url": url_for("api.program_playlist", program_id=program.id),
        "broadcast": entry_json(current) if current else None,
    }


def suggestion_json(occ: schedule.Occurrence, aired: dict[int, int]) -> dict[str, Any]:
    return {"id": None, "slot": slot_json(occ.slot), "date": occ.day.isoformat(),
            "starts_at": iso(occ.starts_at), "title": None, "status": "suggested",
            "items": [item_json(n, c.bulletin, aired) for n, c in enumerate(occ.suggestion)],
            "audio": None, "broadcast": None}


@bp.get("/programs")
@token_required
def programs_of_day():
    """The day's programs: saved ones with their state, unsaved slots as suggestions."""
    day = params.day(request.args.get("date")) or clock.local_today()
    plan = reading.day_plan(db.session, g.user, [day])
    ids = {i.bulletin_id for o in plan if o.program for i in o.program.items}
    ids |= {c.bulletin.id for o in plan for c in o.suggestion}
    aired = broadcasts.aired_counts(db.session, sorted(ids))
    items = [program_json(o.program, aired) if o.program else suggestion_json(o, aired)
             for o in plan]
    return jsonify({"date": day.isoformat(), "items": items})


@bp.get("/programs/<int:program_id>")
@token_required
def program_show(program_id: int):
    program = reading.program(db.session, g.user, program_id)
    aired = broadcasts.aired_counts(db.session, program.bulletin_ids)
    return jsonify(program_json(program, aired))


@bp.get("/programs/<int:program_id>/audio")
@token_required
def program_audio(program_id: int):
    """The built MP3; 202 with the state while it is being made."""
    program = reading.program(db.session, g.user, program_id)
    if program.status == "empty":
        return json_error(404, "not_found", "Chương trình không còn bản tin nào.")
    if program.status != "ready" or not program.path:
        return jsonify({"status": program.status, "error": program.error or None}), 202
    return send_program(program, download=bool(request.args.get("download")))


@bp.get("/programs/<int:program_id>/playlist.m3u")
@token_required
def program_playlist(program_id: int):
    program = reading.program(db.session, g.user, program_id)
    return send_playlist(program, lambda b: url_for("api.audio", bulletin_id=b,
                                                    _external=True))


@bp.get("/programs/<int:program_id>/script")
@token_required
def program_script(program_id: int):
    program = reading.program(db.session, g.user, program_id)
    return Response(script_text(program), mimetype="text/plain")


@bp.get("/programs/<int:program_id>/broadcasts")
@token_required
def program_log(program_id: int):
    entries = reading.program_log(db.session, g.user, program_id)
    return jsonify([entry_json(e) for e in entries])


@bp.post("/programs/<int:program_id>/broadcasts")
@token_required
def program_broadcast(program_id: int):
    """Record an airing: {"aired_at", "note"} or {"not_aired": reason}; "corrects" for a fix."""
    programs.get_program(db.session, program_id, g.user)  # 404 before looking at the body
    entry = broadcasts.record_broadcast(db.session, g.user, program_id, body())
    db.session.commit()
    return jsonify(entry_json(entry)), 201

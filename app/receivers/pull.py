"""The pull API of receivers (CONTRACT §10): schedule, audio, events; `Bearer KEY` auth."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

from flask import Response, current_app, g, jsonify, request
from sqlalchemy.orm import lazyload

from app.api.routes import body
from app.api.serialize import iso
from app.errors import json_error
from app.extensions import db
from app.media import data_file, send_audio, send_mp3, send_program
from app.portal.routes import absolute
from app.receivers.blueprint import api
from bulletins.editorial.queries import latest_audio
from bulletins.errors import NotFound
from bulletins.models import Bulletin, Program, Receiver
from bulletins.receivers import events, keys, schedule
from bulletins.speech.checks import handed_out
from bulletins.workflow import State


def poll_seconds(pending: bool) -> int:
    """Normal interval (RECEIVER_POLL_SECONDS); at most 10 s while an emergency is pending."""
    normal = int(current_app.config.get("RECEIVER_POLL_SECONDS") or 30)
    urgent = min(int(current_app.config.get("RECEIVER_EMERGENCY_POLL_SECONDS") or 10), 10)
    return min(normal, urgent) if pending else normal


def key_required(view: Callable) -> Callable:
    """Resolve `Authorization: Bearer KEY` to its receiver in g.receiver, or answer 401."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        scheme, _, raw = request.headers.get("Authorization", "").partition(" ")
        caller = None
        if scheme.lower() == "bearer" and raw.strip():
            caller = keys.caller_for_key(db.session, raw.strip())
        if caller is None:
            db.session.rollback()
            response = json_error(401, "unauthorized", "Cần khóa hợp lệ của cụm loa (Bearer).")
            response[0].headers["WWW-Authenticate"] = 'Bearer realm="loa-receiver"'
            return response
        g.receiver = caller
        result = view(*args, **kwargs)
        db.session.commit()
        keys.flush_heard(db.session)  # "last heard", a few seconds' worth in one statement
        return result

    return wrapped


def _data_dir() -> Path:
    return Path(current_app.config["DATA_DIR"]).resolve()


def _item(item: schedule.Item) -> dict[str, Any]:
    if item.kind == "program":
        return {"id": item.id, "title": item.title, "starts_at": iso(item.starts_at),
                "audio_url": absolute("receiver_api.program_audio", program_id=item.id),
                "sha256": item.sha256, "bytes": item.bytes, "duration": item.duration}
    return {"bulletin_id": item.id, "title": item.title,
            "audio_url": absolute("receiver_api.bulletin_audio", bulletin_id=item.id),
            "sha256": item.sha256, "bytes": item.bytes, "duration": item.duration,
            "ready": item.sha256 is not None}


@api.get("/schedule")
@key_required
def get_schedule():
    """Today's and tomorrow's built programs and the emergency to play now; ETag / 304."""
    receiver = g.receiver
    answer = schedule.answer_for(db.session, receiver, _data_dir())
    payload = {
        "receiver": {"id": receiver.id, "name": receiver.name, "village": receiver.village},
        "commune": receiver.commune,
        "poll_seconds": poll_seconds(bool(answer.pending)),
        "emergency": _item(answer.emergency) if answer.emergency else None,
        "programs": [_item(p) for p in answer.programs],
    }
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    tag = hashlib.sha256(data).hexdigest()[:32]
    headers = {"ETag": f'"{tag}"', "Cache-Control": "private, no-cache",
               "X-Poll-Seconds": str(payload["poll_seconds"])}
    if tag in [t.strip().strip('"').removeprefix("W/").strip('"')
               for t in request.headers.get("If-None-Match", "").split(",")]:
        return Response(status=304, headers=headers)
    return Response(data, mimetype="application/json", headers=headers)


def _in_reach(commune_id: int | None) -> bool:
    return commune_id is None or commune_id == g.receiver.commune_id


def _from_answer(kind: str, ident: int) -> Response | None:
    """The file straight from the commune's cached answer (the hot path: every receiver of a
    commune fetches the same few files), or None when it is not there."""
    answer = schedule.commune_answer(db.session, _data_dir(), g.receiver.commune_id)
    for item in (*answer.programs, *answer.emergencies):
        if item.kind == kind and item.id == ident and item.path and item.sha256:
            name = f"{'chuong-trinh' if kind == 'program' else 'ban-tin'}-{ident}.mp3"
            return send_mp3(data_file(item.path), etag=f"rx-{item.sha256[:32]}", name=name)
    return None


@api.get("/programs/<int:program_id>/audio")
@key_required
def program_audio(program_id: int):
    """A built program of the receiver's commune (or the province's): audio/mpeg with Range."""
    cached = _from_answer("program", program_id)
    if cached is not None:
        return cached
    program = db.session.get(Program, program_id)
    if program is None or not _in_reach(program.commune_id) or program.status == "empty":
        raise NotFound(f"Không có chương trình số {program_id}.")
    if program.status != "ready" or not program.path:
        return _wait(program.status)
    return send_program(program)


@api.get("/bulletins/<int:bulletin_id>/audio")
@key_required
def bulletin_audio(bulletin_id: int):
    """A published radio bulletin's audio (an emergency's above all); 202 while being made."""
    cached = _from_answer("bulletin", bulletin_id)
    if cached is not None:
        return cached
    bulletin = db.session.get(Bulletin, bulletin_id)
    if (bulletin is None or not _in_reach(bulletin.commune_id)
            or bulletin.status != State.PUBLISHED or not bulletin.has_channel("radio")):
        raise NotFound(f"Không có bản tin số {bulletin_id}.")
    audio = latest_audio(db.session, bulletin)
    if not handed_out(audio):
        return _wait(audio.status if audio else "queued")
    return send_audio(audio)


def _wait(status: str):
    response = jsonify({"status": status})
    response.headers["Retry-After"] = "5"
    return response, 202


@api.post("/events")
@key_required
def post_event():
    """played / failed / heartbeat → 202; `played` writes the receiver's broadcast-log entry."""
    receiver = db.session.get(Receiver, g.receiver.id, options=[lazyload(Receiver.commune)])
    entry = events.record_event(db.session, receiver, body())
    return jsonify({"accepted": True, "broadcast_id": entry.id if entry else None}), 202

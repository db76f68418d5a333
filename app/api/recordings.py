"""JSON API of recorded readings (CONTRACT §8): upload, what was heard, a leader's acceptance."""

from __future__ import annotations

from contextlib import nullcontext

from flask import current_app, g, jsonify, request

from app.api.auth import token_required
from app.api.blueprint import bp
from app.api.routes import body
from app.extensions import db
from app.jobs import audio_settings
from app.uploads import saved
from bulletins import reading
from bulletins.errors import NotFound
from bulletins.speech import checks, recordings


@bp.post("/bulletins/<int:bulletin_id>/recording")
@token_required
def recording_upload(bulletin_id: int):
    """A person's reading instead of synthesis (multipart `file`); heard in the background."""
    upload = request.files.get("file")
    with saved(upload) if upload else nullcontext() as path:
        audio = recordings.attach_recording(db.session, g.user, bulletin_id, path,
                                            audio_settings(current_app))
        db.session.commit()
    return jsonify({"status": audio.check_status}), 202


@bp.get("/bulletins/<int:bulletin_id>/recording")
@token_required
def recording(bulletin_id: int):
    """The newest reading's check: status, word error rate and differences."""
    bulletin = reading.bulletin(db.session, g.user, bulletin_id)
    audio = checks.current_reading(db.session, bulletin)
    if audio is None:
        raise NotFound("Bản tin này không có bản ghi âm.")
    return jsonify(checks.report(audio))


@bp.post("/bulletins/<int:bulletin_id>/recording/accept")
@token_required
def recording_accept(bulletin_id: int):
    """A leader airs a held reading anyway; `comment` required."""
    audio = checks.accept_reading(db.session, g.user, bulletin_id, body().get("comment"))
    db.session.commit()
    return jsonify(checks.report(audio))

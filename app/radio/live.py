"""A program's build status as JSON, polled by the radio pages while its audio is being made."""

from __future__ import annotations

from flask import jsonify, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app import progress
from app.extensions import db
from app.radio.blueprint import bp
from app.security import roles_required
from bulletins import reading
from bulletins.radio.programs import OPERATOR_ROLES
from bulletins.speech.progress import program_progress

#: what the radio pages call each program state (templates/radio/macros.html shows the same)
PROGRAM_LABELS = {
    "queued": _l("Đang chờ dựng"), "building": _l("Đang dựng"), "ready": _l("Sẵn sàng"),
    "failed": _l("Lỗi"), "stale": _l("Cần dựng lại"), "empty": _l("Không còn bản tin"),
}


@bp.route("/programs/<int:program_id>/status.json")
@roles_required(*sorted(OPERATOR_ROLES))
def program_status(program_id: int):
    """The program's build state, the wait left and, once built, its audio (no caching)."""
    program = reading.program(db.session, current_user, program_id)
    found = program_progress(program)
    ready = program.status == "ready"
    response = jsonify(progress.view(
        found, str(PROGRAM_LABELS.get(program.status, program.status)), kind="program",
        id=program.id, error=program.error or None,
        duration_s=program.duration_s if ready else None,
        src=url_for("radio.audio_file", program_id=program.id) if ready else None,
        download=url_for("radio.audio_file", program_id=program.id, download=1)
        if ready else None))
    response.headers["Cache-Control"] = "no-store"
    return response

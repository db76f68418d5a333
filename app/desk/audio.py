"""The desk's audio: previews before approval and people's recorded readings."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.actions import attempt
from app.desk.blueprint import bp
from app.desk.forms import AcceptReadingForm, RecordingForm
from app.extensions import db
from app.jobs import audio_settings
from app.media import send_audio, send_mp3
from app.security import roles_required
from app.uploads import saved
from bulletins import services
from bulletins.speech import checks, recordings
from bulletins.speech import synthesis as media

PREVIEWERS = ("editor", "reviewer", "leader", "admin")


@bp.route("/b/<int:bulletin_id>/preview.mp3")
@roles_required(*PREVIEWERS)
def preview(bulletin_id: int):
    """Listen before approving: the recording of this text, or its synthesized speech."""
    bulletin = services.get_bulletin(db.session, bulletin_id, current_user)
    recorded = recordings.recording_for_text(db.session, bulletin)
    if recorded is not None:
        return send_audio(recorded)
    try:
        path = media.preview(db.session, bulletin, audio_settings(current_app))
    except Exception as error:  # the engines' own errors: say so instead of a 500
        current_app.logger.warning("preview failed: %s", error)
        abort(503, description=_("Chưa đọc thử được: %(e)s", e=str(error)[:200]))
    return send_mp3(path, etag=path.stem, name=f"nghe-thu-{bulletin_id}.mp3")


@bp.route("/b/<int:bulletin_id>/recording", methods=["POST"])
@roles_required("editor", "operator", "leader")
def upload_recording(bulletin_id: int):
    """Attach a person's recorded reading instead of synthesized speech."""
    form = RecordingForm()
    if not form.validate_on_submit():
        flash(_("Hãy chọn một tệp âm thanh."), "error")
    else:
        with saved(form.file.data) as path:
            attempt(recordings.attach_recording, bulletin_id, path,
                    audio_settings(current_app),
                    success=_("Đã nhận bản ghi âm; đang nghe lại để so với văn bản."))
    return redirect(url_for("desk.detail", bulletin_id=bulletin_id))


@bp.route("/b/<int:bulletin_id>/recording/accept", methods=["POST"])
@roles_required("leader")
def accept_recording(bulletin_id: int):
    """A leader airs a held reading anyway, saying why."""
    form = AcceptReadingForm()
    if not form.validate_on_submit():
        flash(_("Biểu mẫu không hợp lệ; hãy tải lại trang."), "error")
    else:
        attempt(checks.accept_reading, bulletin_id, form.comment.data,
                success=_("Đã chấp nhận bản ghi âm: bản tin được phát bằng bản ghi âm này."))
    return redirect(url_for("desk.detail", bulletin_id=bulletin_id) + "#reading")

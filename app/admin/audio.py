"""Admin page for the station's sound: intro and outro jingles, Piper voices per language."""

from __future__ import annotations

from pathlib import Path

from flask import current_app, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.actions import attempt
from app.admin.blueprint import bp
from app.admin.forms import JingleForm, VoiceForm
from app.security import roles_required
from app.uploads import saved
from bulletins.speech import recordings, voices


@bp.route("/audio", methods=["GET", "POST"])
@roles_required("admin")
def audio_settings():
    """Upload or reset the intro and outro jingles; show the speech engine in use."""
    form = JingleForm()
    data_dir = Path(current_app.config["DATA_DIR"])
    if form.validate_on_submit():
        done = _("Đã lưu nhạc hiệu.")
        if form.reset.data or not form.file.data:
            ok = attempt(recordings.set_jingle, form.which.data, None, data_dir, success=done)[0]
        else:
            with saved(form.file.data) as path:
                ok = attempt(recordings.set_jingle, form.which.data, path, data_dir,
                             success=done)[0]
        if ok:
            return redirect(url_for("admin.audio_settings"))
    known = voices.overview(data_dir, current_user)
    return render_template("admin/audio.html", form=form, custom=known["custom"],
                           voice_form=_voice_form(known), voices=known["installed"],
                           commune=known["commune"])


def _voice_form(known: dict) -> VoiceForm:
    """The per-language voice choice, offering the installed voices of each language."""
    form = VoiceForm()
    for language in ("vi", "en"):
        field = form[language]
        default = _("Không dùng Piper (espeak-ng)")
        if known["commune"]:  # a commune without a choice speaks with the province's voice
            default = _("Như của tỉnh: %(voice)s",
                        voice=known["province"].get(language) or default)
        field.choices = [("", default)] + [
            (v.name, f"{v.name} ({v.code}, {v.sample_rate} Hz)")
            for v in known["installed"] if v.language == language]
        if not form.is_submitted():
            field.data = known["chosen"].get(language, "")
    return form


@bp.route("/audio/voices", methods=["POST"])
@roles_required("admin")
def choose_voices():
    """Choose the Piper voice TTS_ENGINE=auto falls back to, for each language."""
    data_dir = Path(current_app.config["DATA_DIR"])
    form = _voice_form(voices.overview(data_dir, current_user))
    if form.validate_on_submit():
        attempt(voices.choose, {"vi": form.vi.data, "en": form.en.data}, data_dir,
                success=_("Đã lưu giọng đọc."))
    else:
        flash(_("Giọng đọc không hợp lệ."), "error")
    return redirect(url_for("admin.audio_settings"))

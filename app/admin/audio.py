"""Admin page for the station's sound: intro and outro jingles."""

from __future__ import annotations

from pathlib import Path

from flask import current_app, redirect, render_template, url_for
from flask_babel import gettext as _

from app.actions import attempt
from app.admin.blueprint import bp
from app.admin.forms import JingleForm
from app.security import roles_required
from app.uploads import saved
from bulletins.speech import recordings


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
    custom = {w: (data_dir / "jingles" / f"{w}.wav").is_file() for w in ("intro", "outro")}
    return render_template("admin/audio.html", form=form, custom=custom)

"""Serving audio files from DATA_DIR (paths come from the database, never from the URL)."""

from __future__ import annotations

from pathlib import Path

from flask import abort, current_app, send_file

from bulletins.models import AudioFile


def audio_file_path(audio: AudioFile) -> Path:
    root = Path(current_app.config["DATA_DIR"]).resolve()
    path = (root / (audio.path or "")).resolve()
    if not audio.path or root not in path.parents or not path.is_file():
        abort(404)
    return path


def send_audio(audio: AudioFile, *, download: bool = False, max_age: int = 0):
    """The MP3 with conditional and Range support (206), as browsers and podcast apps expect."""
    response = send_file(audio_file_path(audio), mimetype="audio/mpeg", conditional=True,
                         as_attachment=download, max_age=max_age,
                         download_name=f"ban-tin-{audio.bulletin_id}.mp3")
    response.headers["Accept-Ranges"] = "bytes"
    return response

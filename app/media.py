"""Serving audio files from DATA_DIR (paths come from the database, never from the URL)."""

from __future__ import annotations

from pathlib import Path

from flask import Response, abort, current_app, send_file
from werkzeug.exceptions import RequestedRangeNotSatisfiable

from bulletins.models import AudioFile


def audio_file_path(audio: AudioFile) -> Path:
    root = Path(current_app.config["DATA_DIR"]).resolve()
    path = (root / (audio.path or "")).resolve()
    if not audio.path or root not in path.parents or not path.is_file():
        abort(404)
    return path


def send_audio(audio: AudioFile, *, download: bool = False, public: bool = False):
    """The MP3 with conditional and Range support (206, 416), as browsers and podcast apps expect.

    Always revalidated (``no-cache``): the app checks the bulletin's status on every request,
    so a withdrawn bulletin's audio stops at once, also for caches; the strong ETag keeps
    revalidation and resumed downloads (If-Range) cheap.
    """
    path = audio_file_path(audio)
    size = path.stat().st_size
    try:
        response = send_file(path, mimetype="audio/mpeg", conditional=True,
                             as_attachment=download,
                             etag=f"{audio.content_hash[:16]}-{audio.id}-{size}",
                             download_name=f"ban-tin-{audio.bulletin_id}.mp3")
    except RequestedRangeNotSatisfiable:  # the app's error page would drop Content-Range
        return Response(status=416, headers={"Content-Range": f"bytes */{size}",
                                             "Accept-Ranges": "bytes"})
    response.headers["Accept-Ranges"] = "bytes"
    response.headers["Cache-Control"] = f"{'public' if public else 'private'}, no-cache"
    return response

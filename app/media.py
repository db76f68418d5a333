"""The files the app sends: bulletin and program MP3s, program playlists and scripts.

Paths come from the database (or the synthesizer), never from the URL. Every MP3 — a
bulletin's audio, a program, a preview — goes through ``send_mp3``: conditional requests,
Range (206) and an unsatisfiable range (416 with ``Content-Range``), always revalidated.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from flask import Response, abort, current_app, send_file
from werkzeug.exceptions import RequestedRangeNotSatisfiable

from app.extensions import db
from bulletins.editorial import queries
from bulletins.models import AudioFile, Program
from bulletins.radio import program_audio


def data_file(relative: str | None) -> Path:
    """The file at this path inside DATA_DIR, or 404."""
    root = Path(current_app.config["DATA_DIR"]).resolve()
    path = (root / (relative or "")).resolve()
    if not relative or root not in path.parents or not path.is_file():
        abort(404)
    return path


def send_mp3(path: Path, *, etag: str | None, name: str, download: bool = False,
             public: bool = False) -> Response:
    """An MP3 with conditional and Range support (206, 416), as browsers and podcast apps expect.

    Always revalidated (``no-cache``): the app checks the bulletin's or program's state on every
    request, so a withdrawn bulletin's audio stops at once, also for caches; the strong ETag
    keeps revalidation and resumed downloads (If-Range) cheap.
    """
    try:
        response = send_file(path, mimetype="audio/mpeg", conditional=True,
                             as_attachment=download, etag=etag or True, download_name=name)
    except RequestedRangeNotSatisfiable:  # the app's error page would drop Content-Range
        return Response(status=416, headers={"Content-Range": f"bytes */{path.stat().st_size}",
                                             "Accept-Ranges": "bytes"})
    response.headers["Accept-Ranges"] = "bytes"
    response.headers["Cache-Control"] = f"{'public' if public else 'private'}, no-cache"
    return response


def send_audio(audio: AudioFile | None, *, download: bool = False, public: bool = False):
    """A bulletin's ready audio (synthesized or recorded); 404 while there is none."""
    if audio is None or audio.status != "ready":
        abort(404)
    path = data_file(audio.path)
    return send_mp3(path, etag=f"{audio.content_hash[:16]}-{audio.id}-{path.stat().st_size}",
                    name=f"ban-tin-{audio.bulletin_id}.mp3", download=download, public=public)


def send_program(program: Program, *, download: bool = False) -> Response:
    """A program's built MP3; 404 until it is ready."""
    if program.status != "ready":
        abort(404)
    return send_mp3(data_file(program.path),
                    etag=f"program-{program.id}-{(program.build_key or '')[:16]}",
                    name=f"chuong-trinh-{program.air_date:%Y%m%d}-{program.id}.mp3",
                    download=download)


def send_playlist(program: Program, url_for_bulletin: Callable[[int], str]) -> Response:
    """An M3U of the program's separate bulletin files, in program order."""
    entries = []
    for item in program.items:
        audio = queries.latest_audio(db.session, item.bulletin)
        seconds = audio.duration_s if audio and audio.duration_s else -1
        entries.append((seconds, item.bulletin.title, url_for_bulletin(item.bulletin_id)))
    return Response(program_audio.playlist(entries), mimetype="audio/x-mpegurl",
                    headers={"Content-Disposition":
                             f'attachment; filename="chuong-trinh-{program.id}.m3u"'})


def script_text(program: Program) -> str:
    """The announcer's script as plain text."""
    pieces = program_audio.script(db.session, program)
    blocks = [program.title.upper()]
    for piece in pieces:
        blocks.append("\n".join(x for x in (f"[{piece.heading}]", piece.title, piece.body) if x))
    return "\n\n".join(blocks) + "\n"

"""Program downloads shared by the radio desk and the API: MP3, playlist, script."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from flask import Response, abort, current_app, send_file

from app.extensions import db
from bulletins.editorial import queries
from bulletins.models import Program
from bulletins.radio import program_audio


def program_file(program: Program) -> Path:
    """The built MP3 inside DATA_DIR, or 404."""
    root = Path(current_app.config["DATA_DIR"]).resolve()
    path = (root / (program.path or "")).resolve()
    if not program.path or root not in path.parents or not path.is_file():
        abort(404)
    return path


def send_program(program: Program, *, download: bool = False) -> Response:
    """The program's MP3 with conditional and Range support, always revalidated."""
    path = program_file(program)
    response = send_file(path, mimetype="audio/mpeg", conditional=True, as_attachment=download,
                         etag=f"program-{program.id}-{(program.build_key or '')[:16]}",
                         download_name=f"chuong-trinh-{program.air_date:%Y%m%d}-{program.id}.mp3")
    response.headers["Accept-Ranges"] = "bytes"
    response.headers["Cache-Control"] = "private, no-cache"
    return response


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
    pieces = program_audio.script(db.session, program, current_app.config["COMMUNE_NAME"])
    blocks = [program.title.upper()]
    for piece in pieces:
        blocks.append("\n".join(x for x in (f"[{piece.heading}]", piece.title, piece.body) if x))
    return "\n\n".join(blocks) + "\n"

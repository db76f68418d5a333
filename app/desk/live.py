"""A bulletin's status as JSON, polled by the detail page while its audio is being made."""

from __future__ import annotations

from typing import Any

from flask import current_app, jsonify, url_for
from flask_login import current_user

from app import progress
from app.desk.blueprint import bp
from app.extensions import db
from app.i18n import labels
from app.jobs import audio_settings
from app.portal.routes import audio_path, public_audio
from app.security import roles_required
from bulletins import reading
from bulletins.editorial import queries
from bulletins.models import Bulletin
from bulletins.radio import airtime
from bulletins.speech import checks, synthesis
from bulletins.speech.progress import audio_progress
from bulletins.text import slugify
from bulletins.workflow import ROLES as STAFF
from bulletins.workflow import State

#: the states whose detail page offers a preview of the working text
PREVIEWED = (State.DRAFT, State.IN_REVIEW, State.AWAITING_APPROVAL)


def public_links(bulletin: Bulletin) -> dict[str, str | None]:
    """The public page of a published bulletin and its public MP3 once ready."""
    if bulletin.status != State.PUBLISHED:
        return {"public_url": None, "public_audio_url": None}
    revision = queries.approved_text(db.session, bulletin)
    page = (url_for("portal.bulletin", bulletin_id=bulletin.id, slug=slugify(revision.title))
            if bulletin.has_channel("web") else None)
    audio = public_audio(bulletin)
    return {"public_url": page,
            "public_audio_url": audio_path(bulletin, audio, external=False) if audio else None}


def audio_view(bulletin: Bulletin) -> dict[str, Any]:
    """Where the audio of the approved text stands, with the wait left and where to hear it."""
    audio = queries.latest_audio(db.session, bulletin)
    found = audio_progress(db.session, audio)
    ready = checks.handed_out(audio)
    label = str(labels()["audio"].get(found.status, "")) if audio else ""
    return progress.view(
        found, label, kind="audio", id=bulletin.id,
        bulletin_status=bulletin.status,
        bulletin_label=str(labels()["status"][bulletin.status]),
        duration_s=audio.duration_s if ready else None,
        src=url_for("desk.audio", bulletin_id=bulletin.id) if ready else None,
        download=url_for("desk.audio", bulletin_id=bulletin.id, download=1) if ready else None,
        **public_links(bulletin))


def page(bulletin: Bulletin) -> dict[str, Any]:
    """What the detail page shows of work in the background: the audio, the preview, and for
    a text still being worked on, how long it reads on air beside the longest slot."""
    previewed = bulletin.has_channel("radio") and bulletin.status in PREVIEWED
    made = previewed and synthesis.preview_made(db.session, bulletin, audio_settings(current_app))
    minutes = round(airtime.reading_seconds(bulletin.title, bulletin.body) / 60)
    longest = airtime.longest_slot_minutes(db.session, bulletin.commune_id) if previewed else None
    return {"progress": audio_view(bulletin), "preview_made": made,
            "reading_minutes": minutes if previewed else None,
            "longest_slot": longest if longest and minutes > longest else None}


@bp.route("/b/<int:bulletin_id>/status.json")
@roles_required(*STAFF)
def status(bulletin_id: int):
    """The bulletin's state and its audio's, for the detail page's script (no caching)."""
    bulletin = reading.bulletin(db.session, current_user, bulletin_id)
    response = jsonify(audio_view(bulletin))
    response.headers["Cache-Control"] = "no-store"
    return response

"""Public CAP 1.2 alerts of published emergency bulletins, and the Atom feed listing them."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from flask import Response, abort, current_app, request

from app.extensions import db
from app.media import data_file
from app.portal.routes import absolute, audio_path, public_audio
from app.receivers.blueprint import bp
from bulletins import tenancy
from bulletins.editorial.queries import approved_text
from bulletins.models import Bulletin, Commune, Province
from bulletins.publishing.public import public_bulletin
from bulletins.receivers import cap

HEADERS = {"Cache-Control": "public, no-cache"}


def _host() -> str:
    base = current_app.config.get("PUBLIC_BASE_URL")
    return urlsplit(base).netloc if base else request.host


def _alert(bulletin: Bulletin) -> cap.Alert:
    revision = approved_text(db.session, bulletin)
    commune = db.session.get(Commune, bulletin.commune_id) if bulletin.commune_id else None
    if commune is not None:
        area, sender = commune.name, f"Đài Truyền thanh {commune.name}"
    else:
        province = db.session.query(Province).order_by(Province.id).first()
        area = province.name if province else "toàn tỉnh"
        sender = f"Ủy ban nhân dân {area}"
    audio = public_audio(bulletin) if bulletin.has_channel("radio") else None
    sound = cap.Audio(audio_path(bulletin, audio), Path(data_file(audio.path))) if audio else None
    return cap.Alert(bulletin, revision.title, revision.body, area, sender, _host(),
                     absolute("receivers.cap_alert", bulletin_id=bulletin.id),
                     absolute("portal.bulletin", bulletin_id=bulletin.id), sound)


@bp.get("/alerts/<int:bulletin_id>.xml")
def cap_alert(bulletin_id: int):
    """The CAP 1.2 document of a published emergency bulletin; 404 for anything else."""
    bulletin = public_bulletin(db.session, bulletin_id)
    if bulletin is None or bulletin.priority != "emergency":
        abort(404)
    return Response(cap.cap_document(_alert(bulletin)), mimetype=cap.CAP_TYPE, headers=HEADERS)


def _feed(commune: Commune, url: str) -> Response:
    found = cap.published_emergencies(db.session, [commune.id, None])
    body = cap.alerts_feed([_alert(b) for b in found], url,
                           f"Cảnh báo khẩn cấp — {commune.name}")
    return Response(body, mimetype="application/atom+xml", headers=HEADERS)


@bp.get("/feeds/alerts.xml")
def alerts_feed():
    """Atom feed of the first commune's and the province's CAP alerts, newest first."""
    commune = tenancy.first_commune(db.session)
    if commune is None:
        abort(404)
    return _feed(commune, absolute("receivers.alerts_feed"))


@bp.get("/xa/<slug>/feeds/alerts.xml")
def commune_alerts_feed(slug: str):
    """Atom feed of one commune's and the province's CAP alerts."""
    commune = db.session.query(Commune).filter_by(slug=slug.strip().lower()).first()
    if commune is None:
        abort(404)
    return _feed(commune, absolute("receivers.commune_alerts_feed", slug=commune.slug))

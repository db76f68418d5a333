"""JSON API v1 (CONTRACT §5): parse, call one service, answer JSON."""

from __future__ import annotations

from typing import Any

from flask import g, jsonify, request

from app.api import serialize
from app.api.auth import token_required
from app.api.blueprint import bp
from app.api.openapi import spec
from app.errors import json_error
from app.extensions import db
from app.media import send_audio
from bulletins import params, reading, services
from bulletins.editorial import queries, review
from bulletins.errors import ValidationError
from bulletins.models import Topic, Unit
from bulletins.speech import checks
from bulletins.workflow import allowed_actions


def body() -> dict[str, Any]:
    """The request's JSON object; 400 for anything else."""
    data = request.get_json(silent=True, force=True) if request.data else {}
    if data is None:
        raise _BadRequest("Nội dung không phải JSON hợp lệ.")
    if not isinstance(data, dict):
        raise _BadRequest("Nội dung JSON phải là một đối tượng.")
    return data


class _BadRequest(ValidationError):
    status = 400
    code = "bad_request"


def one(b) -> Any:
    return jsonify(serialize.bulletin(b, allowed_actions(b, g.user)))


@bp.get("/me")
@token_required
def me():
    return jsonify({"username": g.user.username, "roles": sorted(g.user.role_names)})


@bp.post("/bulletins")
@token_required
def create():
    bulletin = services.create_bulletin(db.session, g.user, body())
    db.session.commit()
    return one(bulletin), 201


@bp.get("/bulletins")
@token_required
def index():
    args = request.args
    items = reading.list_bulletins(db.session, g.user, status=args.get("status") or None,
                                   topic=args.get("topic") or None, q=args.get("q") or None,
                                   unit=args.get("unit") or None,
                                   date_from=params.day(args.get("from"), "from"),
                                   date_to=params.day(args.get("to"), "to"),
                                   limit=params.limit(args.get("limit")))
    return jsonify({"items": [serialize.bulletin(b) for b in items]})


@bp.get("/bulletins/<int:bulletin_id>")
@token_required
def show(bulletin_id: int):
    return one(reading.bulletin(db.session, g.user, bulletin_id))


@bp.patch("/bulletins/<int:bulletin_id>")
@token_required
def patch(bulletin_id: int):
    data = body()
    version = data.pop("version", None)
    bulletin = services.edit_bulletin(db.session, g.user, bulletin_id, data, version)
    db.session.commit()
    return one(bulletin)


@bp.post("/bulletins/<int:bulletin_id>/actions/<action>")
@token_required
def action(bulletin_id: int, action: str):
    data = body()
    comment = data.get("comment", "")
    checklist = data.get("checklist")
    if not isinstance(comment, str) or (checklist is not None and not isinstance(checklist, dict)):
        raise ValidationError("'comment' phải là chuỗi, 'checklist' là đối tượng.")
    bulletin = services.perform(db.session, g.user, bulletin_id, action, comment=comment,
                                checklist=checklist, expected_version=data.get("version"))
    db.session.commit()
    return one(bulletin)


@bp.get("/bulletins/<int:bulletin_id>/findings")
@token_required
def findings(bulletin_id: int):
    bulletin = reading.bulletin(db.session, g.user, bulletin_id)
    return jsonify([serialize.finding(f) for f in services.active_findings(db.session, bulletin)])


@bp.post("/bulletins/<int:bulletin_id>/findings/<int:finding_id>/resolve")
@token_required
def resolve(bulletin_id: int, finding_id: int):
    note = body().get("note")
    if note is not None and not isinstance(note, str):
        raise ValidationError("'note' phải là chuỗi.", fields={"note": "type"})
    finding = services.resolve_finding(db.session, g.user, bulletin_id, finding_id, note)
    db.session.commit()
    return jsonify(serialize.finding(finding))


@bp.post("/bulletins/<int:bulletin_id>/findings/<int:finding_id>/confirm")
@token_required
def confirm(bulletin_id: int, finding_id: int):
    """A reviewer confirms a finding must be fixed: the bulletin returns to its author."""
    note = body().get("note")
    if note is not None and not isinstance(note, str):
        raise ValidationError("'note' phải là chuỗi.", fields={"note": "type"})
    bulletin = review.confirm_findings(db.session, g.user, bulletin_id, [finding_id], note)
    db.session.commit()
    return one(bulletin)


@bp.get("/bulletins/<int:bulletin_id>/history")
@token_required
def history(bulletin_id: int):
    reading.bulletin(db.session, g.user, bulletin_id)
    return jsonify([serialize.event(e) for e in queries.history(db.session, bulletin_id)])


@bp.get("/bulletins/<int:bulletin_id>/audio")
@token_required
def audio(bulletin_id: int):
    bulletin = reading.bulletin(db.session, g.user, bulletin_id)
    found = queries.latest_audio(db.session, bulletin)
    if found is None:
        return json_error(404, "not_found", "Bản tin này không có âm thanh (chưa duyệt "
                          "hoặc không phát trên đài).")
    if found.status != "ready":
        return jsonify({"status": found.status, "error": found.error or None}), 202
    if checks.being_heard(found):
        return jsonify({"status": "checking", "error": None}), 202
    checks.refuse_withheld(found)  # a held reading: 409 recording_held
    return send_audio(found)


@bp.get("/topics")
@token_required
def topics():
    return jsonify([{"slug": t.slug, "name": t.name} for t in queries.listed(db.session, Topic)])


@bp.get("/units")
@token_required
def units():
    return jsonify([{"slug": u.slug, "name": u.name} for u in queries.listed(db.session, Unit)])


@bp.get("/openapi.json")
def openapi():
    return jsonify(spec())

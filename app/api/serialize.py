"""JSON shapes of the API's objects."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bulletins.models import Bulletin, Finding, WorkflowEvent


def iso(value: datetime | None) -> str | None:
    return value.replace(tzinfo=UTC).isoformat() if value else None


def bulletin(b: Bulletin, actions: list[str] | None = None) -> dict[str, Any]:
    data = {
        "id": b.id, "title": b.title, "summary": b.summary, "body": b.body,
        "topic": b.topic_slug, "unit": b.unit_slug, "channels": b.channel_list,
        "language": b.language, "priority": b.priority,
        "publish_at": iso(b.publish_at), "expire_at": iso(b.expire_at),
        "status": b.status, "version": b.version, "author": b.author.username,
        "created_at": iso(b.created_at), "updated_at": iso(b.updated_at),
        "content_hash": b.content_hash, "revision": b.revision_number,
        "approved_revision": b.approved_revision, "published_at": iso(b.published_at),
        "review_after_broadcast": b.review_after_broadcast,
        "correction": b.pending_status, "corrected_at": iso(b.corrected_at),
        "air_from": b.air_from.isoformat() if b.air_from else None,
        "air_until": b.air_until.isoformat() if b.air_until else None,
        "airings_wanted": b.airings_wanted,
        # CONTRACT §9: the author's commune (its slug), null for a province bulletin
        "commune": b.commune.slug if b.commune else None,
        "scope": "province" if b.commune_id is None else "commune",
    }
    if actions is not None:
        data["actions"] = actions
    return data


def finding(f: Finding) -> dict[str, Any]:
    return {"id": f.id, "kind": f.kind, "start": f.start, "end": f.end, "text": f.text,
            "severity": f.severity, "resolved": f.resolved, "confirmed": f.confirmed,
            "note": f.note,
            "reason": f.reason, "revision": f.revision}


def event(e: WorkflowEvent) -> dict[str, Any]:
    return {"who": e.actor.username if e.actor else "system", "when": iso(e.at),
            "action": e.action, "from": e.from_state, "to": e.to_state,
            "comment": e.comment, "data": e.data or {}}

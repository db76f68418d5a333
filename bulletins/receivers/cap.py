"""Emergency bulletins as OASIS CAP 1.2 alerts, and the Atom feed that lists them.

Only the approved text is used. The element order follows the CAP 1.2 schema (the test
validates against the official CAP-v1.2.xsd); times carry the +07:00 offset CAP's pattern asks
for (no "Z").
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from xml.etree import ElementTree as ET  # noqa: S405 (we write XML, never parse input)

from sqlalchemy import select
from sqlalchemy.orm import Session

from bulletins.clock import local_time, utcnow
from bulletins.models import Bulletin
from bulletins.publishing.public import is_public

CAP_NS = "urn:oasis:names:tc:emergency:cap:1.2"
ATOM_NS = "http://www.w3.org/2005/Atom"
CAP_TYPE = "application/cap+xml"
#: CAP categories by topic; anything else is "Other"
CATEGORIES = {"quoc-phong-an-ninh": "Security", "moi-truong-khi-hau": "Env",
              "bien-gioi-bien-dao": "Security"}


@dataclass(frozen=True)
class Audio:
    url: str
    path: Path


@dataclass(frozen=True)
class Alert:
    """An emergency bulletin with everything its CAP document says."""

    bulletin: Bulletin
    title: str
    body: str
    area: str
    sender_name: str
    host: str
    cap_url: str
    page_url: str
    audio: Audio | None = None


def cap_time(moment: datetime) -> str:
    """Naive UTC as CAP's dateTime: local time with its offset, e.g. 2026-12-01T07:05:00+07:00."""
    return local_time(moment).replace(microsecond=0).isoformat()


def identifier(host: str, bulletin: Bulletin) -> str:
    """Unique per sender, bulletin and approved text (a correction is a new message); no
    spaces, commas or < & (CAP 1.2, 3.2.1)."""
    safe = "".join(c for c in host if c.isalnum() or c in ".-") or "loa"
    return f"urn:loa:{safe}:bulletin:{bulletin.id}:r{bulletin.approved_revision or 0}"


def published_emergencies(session: Session, commune_ids: Sequence[int | None] | None = None,
                          limit: int = 50, now: datetime | None = None) -> list[Bulletin]:
    """Public emergency bulletins, newest first (of these communes; None in the list: the
    province's own)."""
    stmt = select(Bulletin).where(is_public(now or utcnow()), Bulletin.priority == "emergency")
    if commune_ids is not None:
        ids = [c for c in commune_ids if c is not None]
        term = Bulletin.commune_id.in_(ids or [0])
        if None in commune_ids:
            term = term | Bulletin.commune_id.is_(None)
        stmt = stmt.where(term)
    return list(session.scalars(stmt.order_by(Bulletin.published_at.desc(), Bulletin.id.desc())
                                .limit(limit)).unique().all())


def _sub(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
    """A child element; the document's one namespace is the root's xmlns attribute."""
    element = ET.SubElement(parent, tag)
    if text is not None:
        element.text = text
    return element


def _sha1(path: Path) -> str:
    """CAP 1.2's resource digest: SHA-1 (base64)."""
    digest = hashlib.sha1(usedforsecurity=False)
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return base64.b64encode(digest.digest()).decode("ascii")


def cap_document(alert: Alert) -> bytes:
    """The CAP 1.2 <alert> of one emergency bulletin, UTF-8 with an XML declaration."""
    b = alert.bulletin
    root = ET.Element("alert", xmlns=CAP_NS)
    _sub(root, "identifier", identifier(alert.host, b))
    _sub(root, "sender", f"loa@{alert.host.split(':')[0] or 'localhost'}")
    _sub(root, "sent", cap_time(b.corrected_at or b.published_at or b.approved_at or utcnow()))
    _sub(root, "status", "Actual")
    _sub(root, "msgType", "Alert")
    _sub(root, "scope", "Public")
    info = _sub(root, "info")
    _sub(info, "language", "en-US" if b.language == "en" else "vi-VN")
    _sub(info, "category", CATEGORIES.get(b.topic_slug or "", "Other"))
    _sub(info, "event", b.topic.name if b.topic else "Thông báo khẩn cấp")
    _sub(info, "urgency", "Immediate")
    _sub(info, "severity", "Severe")
    _sub(info, "certainty", "Likely")
    if b.publish_at:
        _sub(info, "effective", cap_time(b.publish_at))
    if b.expire_at:
        _sub(info, "expires", cap_time(b.expire_at))
    _sub(info, "senderName", alert.sender_name)
    _sub(info, "headline", alert.title)
    _sub(info, "description", alert.body)
    _sub(info, "web", alert.page_url)
    if alert.audio is not None:
        resource = _sub(info, "resource")
        _sub(resource, "resourceDesc", "Âm thanh bản tin (MP3)")
        _sub(resource, "mimeType", "audio/mpeg")
        _sub(resource, "size", str(alert.audio.path.stat().st_size))
        _sub(resource, "uri", alert.audio.url)
        _sub(resource, "digest", _sha1(alert.audio.path))
    area = _sub(info, "area")
    _sub(area, "areaDesc", alert.area)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def alerts_feed(alerts: Sequence[Alert], feed_url: str, title: str,
                now: datetime | None = None) -> bytes:
    """An Atom feed of CAP alerts: each entry links its CAP document and its public page."""
    now = now or utcnow()
    root = ET.Element("feed", xmlns=ATOM_NS)
    _sub(root, "id", feed_url)
    _sub(root, "title", title)
    newest = max((a.bulletin.corrected_at or a.bulletin.published_at or now for a in alerts),
                 default=now)
    _sub(root, "updated", cap_time(newest))
    link = _sub(root, "link")
    link.set("rel", "self")
    link.set("href", feed_url)
    author = _sub(root, "author")
    _sub(author, "name", title)
    for alert in alerts:
        b = alert.bulletin
        entry = _sub(root, "entry")
        _sub(entry, "id", identifier(alert.host, b))
        _sub(entry, "title", alert.title)
        _sub(entry, "updated", cap_time(b.corrected_at or b.published_at or now))
        _sub(entry, "published", cap_time(b.published_at or now))
        for rel, kind, href in (("alternate", CAP_TYPE, alert.cap_url),
                                ("related", "text/html", alert.page_url)):
            link = _sub(entry, "link")
            link.set("rel", rel)
            link.set("type", kind)
            link.set("href", href)
        _sub(entry, "summary", alert.body[:500])
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)

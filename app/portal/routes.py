"""The public surface: portal pages, feeds, public audio, health. Only published content."""

from __future__ import annotations

from flask import Response, abort, current_app, redirect, render_template, request, url_for
from sqlalchemy import select, text

from app.extensions import db
from app.media import send_audio
from app.portal import bp
from bulletins import feeds, queries
from bulletins.models import AudioFile, Bulletin, Topic
from bulletins.seed import COMMUNE
from bulletins.text import slugify

PAGE_SIZE = 20


def absolute(endpoint: str, **values) -> str:
    """An absolute URL, on PUBLIC_BASE_URL when it is configured."""
    base = current_app.config.get("PUBLIC_BASE_URL")
    if base:
        return base + url_for(endpoint, **values)
    return url_for(endpoint, _external=True, **values)


def public_audio(bulletin: Bulletin) -> AudioFile | None:
    audio = queries.latest_audio(db.session, bulletin)
    return audio if audio is not None and audio.status == "ready" else None


def audio_url(bulletin: Bulletin, audio: AudioFile) -> str:
    return absolute("portal.audio", bulletin_id=bulletin.id, digest=audio.content_hash[:16])


@bp.route("/")
def index():
    """The portal: published bulletins, newest first, by page and topic."""
    page = max(request.args.get("page", 1, type=int), 1)
    topic = request.args.get("topic") or None
    items = queries.public_bulletins(db.session, channel=None, topic=topic,
                                     limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE)
    topics = db.session.scalars(select(Topic).where(Topic.active).order_by(Topic.position))
    return render_template("portal/index.html", items=items[:PAGE_SIZE], page=page,
                           has_next=len(items) > PAGE_SIZE, topic=topic, topics=list(topics))


@bp.route("/tin/<int:bulletin_id>")
@bp.route("/tin/<int:bulletin_id>-<slug>")
def bulletin(bulletin_id: int, slug: str | None = None):
    """One published bulletin: its approved text and, for radio, a player."""
    found = queries.public_bulletin(db.session, bulletin_id)
    if found is None:
        abort(410 if db.session.get(Bulletin, bulletin_id) and _was_public(bulletin_id) else 404)
    revision = queries.approved_text(db.session, found)
    wanted = slugify(revision.title)
    if slug != wanted:
        return redirect(url_for("portal.bulletin", bulletin_id=bulletin_id, slug=wanted), 301)
    audio = public_audio(found)
    return render_template("portal/bulletin.html", bulletin=found, revision=revision,
                           audio=audio, audio_url=audio_url(found, audio) if audio else None)


def _was_public(bulletin_id: int) -> bool:
    """True for a withdrawn or expired bulletin: answer 410 Gone, not 404."""
    row = db.session.get(Bulletin, bulletin_id)
    return row is not None and row.published_at is not None


@bp.route("/audio/<int:bulletin_id>/<digest>.mp3")
def audio(bulletin_id: int, digest: str):
    """Public MP3 of a published bulletin's approved text; gone the moment it is withdrawn."""
    found = queries.public_bulletin(db.session, bulletin_id)
    if found is None:
        abort(410 if _was_public(bulletin_id) else 404)
    audio_row = public_audio(found)
    if audio_row is None or audio_row.content_hash[:16] != digest:
        abort(404)
    return send_audio(audio_row, max_age=300)


def _feed_items(topic: str | None, language: str | None) -> list[feeds.FeedItem]:
    items = []
    for b in queries.public_bulletins(db.session, channel="web", topic=topic, language=language):
        revision = queries.approved_text(db.session, b)
        audio_row = public_audio(b)
        items.append(feeds.FeedItem(
            guid=absolute("portal.bulletin", bulletin_id=b.id),
            url=absolute("portal.bulletin", bulletin_id=b.id, slug=slugify(revision.title)),
            title=revision.title, summary=revision.summary, body=revision.body,
            published=b.published_at, updated=b.updated_at, language=b.language,
            category=b.topic.name if b.topic else None,
            enclosure=feeds.Enclosure(audio_url(b, audio_row), audio_row.size_bytes or 0)
            if audio_row else None,
        ))
    return items


def _meta() -> feeds.FeedMeta:
    args = {k: v for k, v in request.args.items() if k in ("topic", "lang")}
    return feeds.FeedMeta(
        title=f"Bản tin {COMMUNE}", description=f"Thông tin chính thức của UBND {COMMUNE}",
        portal_url=absolute("portal.index"), rss_url=absolute("portal.rss", **args),
        atom_url=absolute("portal.atom", **args), language=request.args.get("lang") or "vi",
        author=f"UBND {COMMUNE}",
    )


def _feed_args() -> tuple[str | None, str | None]:
    lang = request.args.get("lang") or None
    if lang not in (None, "vi", "en"):
        abort(400)
    return request.args.get("topic") or None, lang


@bp.route("/feeds/rss.xml")
def rss():
    """RSS 2.0 of published web bulletins."""
    topic, lang = _feed_args()
    body = feeds.rss(_meta(), _feed_items(topic, lang))
    return Response(body, mimetype="application/rss+xml")


@bp.route("/feeds/atom.xml")
def atom():
    """Atom 1.0 of published web bulletins."""
    topic, lang = _feed_args()
    body = feeds.atom(_meta(), _feed_items(topic, lang))
    return Response(body, mimetype="application/atom+xml")


@bp.route("/healthz")
def healthz():
    """200 when the app and its database answer."""
    db.session.execute(text("SELECT 1"))
    return Response("ok\n", mimetype="text/plain")

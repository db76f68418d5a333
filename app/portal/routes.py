"""The public surface: portal pages, public audio, health. Only published content."""

from __future__ import annotations

from dataclasses import dataclass

from flask import (
    abort,
    current_app,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user
from sqlalchemy import select, text
from sqlalchemy.exc import SQLAlchemyError

from app.extensions import db
from app.media import send_audio
from app.portal.blueprint import bp
from bulletins import params, tenancy
from bulletins.editorial import queries
from bulletins.errors import NotFound
from bulletins.models import AudioFile, Bulletin, Commune, Topic
from bulletins.publishing import public
from bulletins.speech import checks
from bulletins.text import slugify

PAGE_SIZE = 20
LANGUAGES = ("vi", "en")
IMAGE = "loa-podcast-1400.png"  #: channel artwork, 1400×1400 PNG, no text


def absolute(endpoint: str, **values) -> str:
    """An absolute URL, on PUBLIC_BASE_URL when it is configured."""
    base = current_app.config.get("PUBLIC_BASE_URL")
    if base:
        return base + url_for(endpoint, **values)
    return url_for(endpoint, _external=True, **values)


def public_audio(bulletin: Bulletin) -> AudioFile | None:
    """The ready audio of the approved text, if any and not a held reading (CONTRACT §8)."""
    audio = queries.latest_audio(db.session, bulletin)
    return audio if checks.handed_out(audio) else None


def audio_path(bulletin: Bulletin, audio: AudioFile, external: bool = True) -> str:
    """The public MP3 URL: content-addressed, ends in .mp3."""
    values = {"bulletin_id": bulletin.id, "digest": audio.content_hash[:16]}
    return absolute("portal.audio", **values) if external else url_for("portal.audio", **values)


@dataclass(frozen=True)
class Place:
    """The commune whose portal a public request is on (CONTRACT §9)."""

    id: int | None
    slug: str | None  #: None: the first commune, served at / and /feeds/…
    name: str

    def link(self, name: str) -> dict[str, str]:
        """url_for's endpoint (and slug) of this page for this commune."""
        if self.slug is None:
            return {"endpoint": name}
        return {"endpoint": COMMUNE_ENDPOINTS[name], "slug": self.slug}

    def url(self, name: str, **values: object) -> str:
        """url_for of this page for this commune (templates: one ** per call only)."""
        return url_for(**self.link(name), **values)


COMMUNE_ENDPOINTS = {"portal.index": "portal.commune_index", "portal.rss": "portal.commune_rss",
                     "portal.atom": "portal.commune_atom", "portal.radio": "portal.commune_radio",
                     "portal.feeds_page": "portal.commune_feeds_page"}


def here(slug: str | None = None, mark: tuple | None = None) -> Place:
    """/xa/<slug>/ names its commune (404 for an unknown one); otherwise a commune mapped to
    the request's host name, else the first commune.

    With the audit marker (the feeds read it anyway): the answer is kept until the marker
    moves (a new commune is an audited action), so a feed stays one query per request."""
    host = (request.host or "").split(":")[0].lower()
    if mark is None:
        return _find_place(slug, host)
    places = current_app.extensions.setdefault("loa.places", {})
    known = places.get((slug, host))
    if known is not None and known[0] == mark:
        return known[1]
    place = _find_place(slug, host)
    if len(places) > 256:
        places.clear()
    places[(slug, host)] = (mark, place)
    return place


def _find_place(slug: str | None, host: str) -> Place:
    if slug is not None:
        commune = tenancy.commune_by_slug(db.session, slug)  # NotFound: 404
        return Place(commune.id, commune.slug, commune.name)
    commune = db.session.scalar(select(Commune).where(Commune.host == host)) if host else None
    if commune is not None:
        return Place(commune.id, None, commune.name)
    first = tenancy.first_commune(db.session)
    name = first.name if first else current_app.config.get("COMMUNE_NAME") or ""
    return Place(first.id if first else None, None, name)


@bp.app_context_processor
def _place() -> dict:
    """`place_name`, `place_home` and `place_feeds` for every page (base.html's title, brand
    and footer): a public page names its commune (/xa/<slug>/, a commune's host, else the
    first one); a staff page the user's commune, or the province for province staff."""
    if "loa_place" not in g:
        try:
            g.loa_place = _page_place()
        except SQLAlchemyError:  # the database is down: the error page still renders
            g.loa_place = (current_app.config.get("COMMUNE_NAME") or "",
                           url_for("portal.index"), url_for("portal.feeds_page"))
    name, home, feeds = g.loa_place
    return {"place_name": name, "place_home": home, "place_feeds": feeds}


def _page_place() -> tuple[str, str, str]:
    slug = None
    if request.endpoint in COMMUNE_ENDPOINTS.values():  # /xa/<slug>/…
        slug = (request.view_args or {}).get("slug")
    if request.blueprint != "portal" and current_user.is_authenticated:
        user = current_user
        name = tenancy.name_of(db.session, user.commune_id)
        own = Place(user.commune_id, user.commune.slug if user.commune else None, "")
        return (name or current_app.config.get("COMMUNE_NAME") or "", own.url("portal.index"),
                own.url("portal.feeds_page"))
    try:
        place = here(slug)
    except NotFound:  # an unknown /xa/<slug>/: its 404 page names the first commune
        place = here()
    return place.name, place.url("portal.index"), place.url("portal.feeds_page")


def filter_args(look_up_topic: bool = True) -> tuple[str | None, str | None]:
    """?topic= and ?lang= of a list or feed: 400 for a bad language, 404 for a bad topic.

    The feeds pass look_up_topic=False: they read the topic with the audit head, in one query.
    """
    lang = request.args.get("lang") or None
    if lang not in (None, *LANGUAGES):
        abort(400)
    topic = request.args.get("topic") or None
    if topic is not None and len(topic) > 64:
        abort(404)
    if topic is not None and look_up_topic:
        queries.get_topic(db.session, topic)  # NotFound: 404
    return topic, lang


@bp.route("/")
def index():
    """The portal: published bulletins, newest first, by page, topic and language."""
    return portal_page(here())


@bp.route("/xa/<slug>/")
def commune_index(slug: str):
    """A commune's portal: its published bulletins and the province's (CONTRACT §9)."""
    return portal_page(here(slug))


def portal_page(place: Place):
    topic, lang = filter_args()
    page = params.page(request.args.get("page"))  # past PAGE_MAX or unreadable: a 422 page
    found = public.public_bulletins(db.session, channel=None, topic=topic, language=lang,
                                    limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE,
                                    commune_id=place.id)
    items = [(b, queries.approved_text(db.session, b)) for b in found[:PAGE_SIZE]]
    topics = queries.listed(db.session, Topic)
    here = {"topic": topic, "lang": lang}
    return render_template(
        "portal/index.html", items=items, page=page, has_next=len(found) > PAGE_SIZE,
        topic=topic, lang=lang, topics=topics, here=here,
        topic_name=next((t.name for t in topics if t.slug == topic), topic), place=place,
        canonical=absolute(**place.link("portal.index"), page=page if page > 1 else None,
                           **here),
        image_url=absolute("static", filename=IMAGE))


@bp.route("/tin/<int:bulletin_id>")
@bp.route("/tin/<int:bulletin_id>-<slug>")
def bulletin(bulletin_id: int, slug: str | None = None):
    """One published bulletin: its approved text and, for radio, a player."""
    found = public.public_bulletin(db.session, bulletin_id)
    if found is None:
        abort(410 if public.was_public(db.session, bulletin_id) else 404)
    revision = queries.approved_text(db.session, found)
    wanted = slugify(revision.title)
    if slug != wanted:
        return redirect(url_for("portal.bulletin", bulletin_id=bulletin_id, slug=wanted), 301)
    audio = public_audio(found)
    return render_template(
        "portal/bulletin.html", bulletin=found, revision=revision, audio=audio,
        audio_src=audio_path(found, audio, external=False) if audio else None,
        audio_url=audio_path(found, audio) if audio else None,
        canonical=absolute("portal.bulletin", bulletin_id=bulletin_id, slug=wanted),
        image_url=absolute("static", filename=IMAGE))


@bp.route("/audio/<int:bulletin_id>/<digest>.mp3")
def audio(bulletin_id: int, digest: str):
    """Public MP3 of a published bulletin's approved text; gone the moment it is withdrawn."""
    found = public.public_bulletin(db.session, bulletin_id)
    if found is None:
        abort(410 if public.was_public(db.session, bulletin_id) else 404)
    audio_row = public_audio(found)
    if audio_row is None or audio_row.content_hash[:16] != digest:
        abort(404)
    return send_audio(audio_row, public=True)


@bp.route("/healthz")
def healthz():
    """200 when the app and its database answer; "degraded" while background jobs stall."""
    db.session.execute(text("SELECT 1"))
    jobs = current_app.extensions["loa.jobs"]
    lag = jobs.lag()
    response = jsonify(status="degraded" if jobs.stalled(lag) else "ok", database="ok", queue={
        "pending": lag.pending, "oldest_wait_s": lag.oldest_wait_s, "oldest": lag.oldest,
        "waiting": lag.counts, "stall_after_s": current_app.config["QUEUE_STALL_SECONDS"],
        "embedded": jobs.embedded_here})
    response.headers["Cache-Control"] = "no-store"
    return response

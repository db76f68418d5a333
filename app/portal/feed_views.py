"""RSS, Atom and the radio podcast feed: built when the public set changes, validated by HTTP.

Per request: one SQL query (the audit head, see feedcache). A matching If-None-Match (or,
without one, If-Modified-Since) answers 304; otherwise the body comes from the cache or is
built once for the feed's new state.
``Cache-Control: no-cache``: clients always revalidate, so a change shows at once.
"""

from __future__ import annotations

import functools
from datetime import datetime

from flask import Response, abort, current_app, render_template, request
from flask_babel import force_locale, format_date, gettext
from werkzeug.http import http_date

from app.extensions import db
from app.portal.blueprint import bp
from app.portal.feedcache import FeedCache, etag
from app.portal.routes import (
    IMAGE,
    Place,
    absolute,
    audio_path,
    filter_args,
    here,
)
from bulletins.clock import utcnow
from bulletins.editorial import queries
from bulletins.models import AudioFile, Bulletin, Topic
from bulletins.publishing import feeds, public
from bulletins.publishing.fingerprint import marker
from bulletins.speech import checks
from bulletins.text import slugify

FEED_SIZE = 50
CONTACT = "ubnd@vuduong.ninhbinh.gov.vn"
#: kind → (writer, channel, media type, endpoint)
KINDS = {
    "rss": (feeds.rss, "web", "application/rss+xml", "portal.rss"),
    "atom": (feeds.atom, "web", "application/atom+xml", "portal.atom"),
    "radio": (feeds.podcast, "radio", "application/rss+xml", "portal.radio"),
}


def feed_cache() -> FeedCache:
    """This app's cache of built feeds (one per app, so tests and databases never mix)."""
    cache = current_app.extensions.get("loa.feedcache")
    if cache is None:
        cache = current_app.extensions.setdefault("loa.feedcache", FeedCache())
    return cache


def _meta(cache: FeedCache, kind: str, topic: str | None, lang: str | None,
          names: tuple[str | None, str | None], place: Place) -> feeds.FeedMeta:
    """Titles in the feed's language, whatever the reader's session chose; kept per host."""
    config, environ = current_app.config, request.environ
    commune = place.name
    email = config.get("PORTAL_CONTACT_EMAIL") or CONTACT
    # everything url_for's absolute URLs are made of, read raw (request.root_url costs more)
    host = tuple(environ.get(k) for k in ("wsgi.url_scheme", "HTTP_HOST", "SERVER_NAME",
                                          "SERVER_PORT", "SCRIPT_NAME"))
    depends = (kind, topic, lang, names, host, config.get("PUBLIC_BASE_URL"), commune, email,
               place.slug)
    meta = cache.metas.get(depends)
    if meta is not None:
        return meta
    filters = {"topic": topic, "lang": lang}
    with force_locale(lang or "vi"):
        if kind == "radio":
            title = gettext("Đài truyền thanh %(commune)s", commune=commune)
        else:
            title = gettext("Bản tin %(commune)s", commune=commune)
        if topic:
            title += " — " + ((lang == "en" and names[1]) or names[0] or topic)
        if lang:
            title += " · " + {"vi": "Tiếng Việt", "en": "English"}[lang]
        description = gettext("Thông tin chính thức của UBND %(commune)s", commune=commune)
        author = gettext("UBND %(commune)s", commune=commune)
    meta = feeds.FeedMeta(
        title=title, description=description,
        portal_url=absolute(**place.link("portal.index"), **filters),
        self_url=absolute(**place.link(KINDS[kind][3]), **filters), language=lang or "vi",
        author=author,
        owner_email=email, image_url=absolute("static", filename=IMAGE))
    cache.metas.put(depends, meta)
    return meta


def _items(channel: str, topic: str | None, lang: str | None,
           now: datetime, commune_id: int | None) -> list[feeds.FeedItem]:
    """Public bulletins of the channel (a commune's and the province's), newest first, with
    the approved text only."""
    items = []
    found = public.public_bulletins(db.session, channel=channel, topic=topic, language=lang,
                                    limit=FEED_SIZE, now=now, commune_id=commune_id)
    texts = queries.approved_texts(db.session, found)  # one query each, not one per item
    audios = queries.latest_audios(db.session, found)
    for b in found:
        revision = texts[b.id]
        audio = audios.get(b.id)
        audio = audio if checks.handed_out(audio) else None  # as public_audio(b)
        enclosure = None
        if audio is not None:
            enclosure = feeds.Enclosure(audio_path(b, audio), audio.size_bytes or 0,
                                        duration_s=audio.duration_s)
        items.append(feeds.FeedItem(
            guid=absolute("portal.bulletin", bulletin_id=b.id),
            url=absolute("portal.bulletin", bulletin_id=b.id, slug=slugify(revision.title)),
            title=revision.title, summary=correction_note(b) + (revision.summary or ""),
            body=correction_note(b) + revision.body,
            published=b.published_at, updated=_changed(b, audio),
            language=b.language, category=b.topic.name if b.topic else None,
            enclosure=enclosure))
    return items


def correction_note(bulletin: Bulletin) -> str:
    """The visible 'Đính chính' line of a corrected bulletin (its guid stays the same)."""
    if bulletin.corrected_at is None:
        return ""
    return f"[Đính chính ngày {format_date(bulletin.corrected_at, 'dd/MM/yyyy')}] "


def _changed(bulletin: Bulletin, audio: AudioFile | None) -> datetime:
    """When the public saw this item change: publication, an approved text, its audio.

    Not ``updated_at``: that moves with staff work (a correction's draft) the public never sees.
    """
    times = (bulletin.published_at, bulletin.approved_at, audio.updated_at if audio else None)
    return max(t for t in times if t is not None)


@functools.lru_cache(maxsize=64)
def _http_date(value: datetime) -> str:
    return http_date(value)


def _not_modified(tag: str, last_modified: datetime | None) -> bool:
    if request.if_none_match:  # RFC 9110 §13.2.2: If-Modified-Since is then ignored
        return request.if_none_match.contains_weak(tag)
    since = request.if_modified_since
    return bool(since and last_modified and last_modified <= since)


def serve_feed(kind: str, slug: str | None = None) -> Response:
    """One feed (of the commune at /xa/<slug>/, else the host's or the first commune's),
    answered from its state: 304, a cached body, or a fresh build."""
    write, channel, mimetype, _endpoint = KINDS[kind]
    topic, lang = filter_args(look_up_topic=False)
    now = utcnow()
    cache = feed_cache()
    mark, *names = marker(db.session, topic)
    place = here(slug, mark)
    if topic and names[0] is None:
        abort(404)
    state = cache.state(db.session, mark, channel, topic, lang, now, place.id)
    meta = _meta(cache, kind, topic, lang, tuple(names), place)
    key = (kind, topic, lang, meta, state, place.id)
    found = cache.bodies.get(key)
    tag = found[0] if found else etag(key)
    last_modified = state.last_modified(now)
    headers = {"Cache-Control": "no-cache", "ETag": f'"{tag}"'}
    if last_modified:
        headers["Last-Modified"] = _http_date(last_modified)
    if _not_modified(tag, last_modified):
        return Response(status=304, mimetype=mimetype, headers=headers)
    if found:
        return Response(found[1], mimetype=mimetype, headers=headers)
    body = cache.build(lambda: write(meta, _items(channel, topic, lang, now, place.id),
                                     state.last_change))
    if marker(db.session, topic)[0] == mark:  # nothing committed while we built
        cache.bodies.put(key, (tag, body))
    else:  # this body belongs to no known state: serve it, but vouch for nothing
        headers = {"Cache-Control": "no-cache"}
    return Response(body, mimetype=mimetype, headers=headers)


@bp.route("/feeds/rss.xml")
def rss():
    """RSS 2.0 of published web bulletins (?topic=, ?lang=)."""
    return serve_feed("rss")


@bp.route("/feeds/atom.xml")
def atom():
    """Atom 1.0 of published web bulletins (?topic=, ?lang=)."""
    return serve_feed("atom")


@bp.route("/feeds/radio.xml")
def radio():
    """Podcast RSS of published radio bulletins that have their audio (?topic=, ?lang=)."""
    return serve_feed("radio")


@bp.route("/xa/<slug>/feeds/rss.xml")
def commune_rss(slug: str):
    """A commune's RSS: its published web bulletins and the province's (CONTRACT §9)."""
    return serve_feed("rss", slug)


@bp.route("/xa/<slug>/feeds/atom.xml")
def commune_atom(slug: str):
    """A commune's Atom feed: its published web bulletins and the province's."""
    return serve_feed("atom", slug)


@bp.route("/xa/<slug>/feeds/radio.xml")
def commune_radio(slug: str):
    """A commune's podcast: its published radio bulletins and the province's."""
    return serve_feed("radio", slug)


@bp.route("/feeds/")
def feeds_page():
    """What the feeds are and how to follow them: every RSS/Atom address, per topic and language."""
    return feeds_list(here())


@bp.route("/xa/<slug>/feeds/")
def commune_feeds_page(slug: str):
    """A commune's feeds page: its own addresses (CONTRACT §9)."""
    return feeds_list(here(slug))


def feeds_list(place: Place):
    topics = queries.listed(db.session, Topic)
    rows = [(None, gettext("Tất cả chủ đề"))] + [(t.slug, t.name) for t in topics]
    addresses = [
        {"topic": slug, "name": name, "links": [
            {"lang": lang, **{kind: absolute(**place.link(KINDS[kind][3]), topic=slug, lang=lang)
                              for kind in ("rss", "atom", "radio")}}
            for lang in (None, "vi", "en")]}
        for slug, name in rows]
    return render_template("portal/feeds.html", addresses=addresses, place=place,
                           main={kind: absolute(**place.link(KINDS[kind][3])) for kind in KINDS})

"""RSS 2.0, Atom 1.0 and a podcast RSS from published items, with feedgen (no Flask import).

feedgen 1.0 is used for the bulk and corrected afterwards with lxml, so that the W3C Feed
Validation Service reports neither errors nor warnings:

- Atom entry links lose an enclosure's rel/type/length (upstream #135, #143) and become a
  second "alternate" link: we write each entry's links ourselves.
- The last ``fg.link()`` becomes RSS ``<channel><link>``: the self link is added first.
- ``itunes:explicit`` is written yes/no/clean; validators and Apple want ``true``/``false``.
- Entries sharing one ``updated`` second draw DuplicateUpdated: such entries carry their
  sub-second part, which keeps every value true and distinct.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from feedgen.feed import FeedGenerator
from lxml import etree

ATOM_NS = "http://www.w3.org/2005/Atom"
ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPOCH = datetime(2026, 1, 1)  #: "updated" of a feed that never had an item
#: text a validator would read as markup: "<tag", "</tag", "&entity", "&#…"
MARKUP_LIKE = re.compile(r"<[/a-zA-Z!?]|&#?\w")


@dataclass(frozen=True)
class Enclosure:
    url: str
    length: int  #: bytes
    type: str = "audio/mpeg"
    duration_s: float | None = None


@dataclass(frozen=True)
class FeedItem:
    guid: str  #: a full URL that never changes for this bulletin, even after a correction
    url: str  #: the public page the item links to
    title: str
    summary: str
    body: str
    published: datetime  #: naive UTC
    updated: datetime  #: naive UTC
    language: str = "vi"
    category: str | None = None
    enclosure: Enclosure | None = None


@dataclass(frozen=True)
class FeedMeta:
    title: str
    description: str
    portal_url: str  #: the page these items come from (RSS channel link, Atom alternate)
    self_url: str  #: where this very feed is served
    language: str = "vi"
    author: str = ""
    owner_email: str = ""  #: itunes:owner, for the podcast feed
    image_url: str = ""  #: a square PNG, at least 1400 px, for RSS <image> and itunes:image
    category: str = "Government"  #: an Apple Podcasts category


def duration(seconds: float | None) -> str:
    """HH:MM:SS for itunes:duration."""
    total = max(round(seconds or 0), 0)
    return f"{total // 3600:02d}:{total % 3600 // 60:02d}:{total % 60:02d}"


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _distinct_updates(items: list[FeedItem]) -> dict[str, datetime]:
    """Each item's updated time: whole seconds, unless that second is shared."""
    seconds: dict[datetime, int] = {}
    for item in items:
        key = item.updated.replace(microsecond=0)
        seconds[key] = seconds.get(key, 0) + 1
    used: set[datetime] = set()
    out = {}
    for item in items:
        value = item.updated.replace(tzinfo=None)
        if seconds[value.replace(microsecond=0)] == 1:
            value = value.replace(microsecond=0)
        while value in used:  # two changes in one microsecond: keep the order, not the tie
            value += timedelta(microseconds=1)
        used.add(value)
        out[item.guid] = value
    return out


EXCERPT_MAX = 300  #: characters of the body an item without a summary shows


def lf(text: str) -> str:
    """Line ends as LF: a CR (pasted from Windows) would be written &#13; in the XML."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def excerpt(text: str, limit: int = EXCERPT_MAX) -> str:
    """The text, or its start cut at a word boundary with "…" when longer than limit."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[:limit + 1]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    head = cut[:space] if space > limit // 2 else text[:limit]
    return head.rstrip(" \n,;:-–—") + "…"


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{html.escape(p.strip(), quote=False)}</p>"
                   for p in text.split("\n") if p.strip())


def _generator(meta: FeedMeta, items: list[FeedItem], updated: datetime | None,
               self_type: str, podcast: bool = False) -> FeedGenerator:
    fg = FeedGenerator()
    if podcast:
        fg.load_extension("podcast")
    fg.id(meta.self_url)
    fg.title(meta.title)
    fg.subtitle(meta.description)
    fg.language(meta.language)
    fg.generator("Loa")
    if meta.author:
        fg.author({"name": meta.author})
    fg.link(href=meta.self_url, rel="self", type=self_type)  # first: the last link is RSS's
    fg.link(href=meta.portal_url, rel="alternate", type="text/html")
    if meta.image_url:
        fg.image(url=meta.image_url, title=meta.title, link=meta.portal_url)
        fg.logo(meta.image_url)
    newest = max([i.updated for i in items] + ([updated] if updated else []), default=EPOCH)
    fg.updated(_aware(newest))  # not truncated: never older than its newest entry
    if podcast:
        fg.podcast.itunes_author(meta.author)
        fg.podcast.itunes_owner(name=meta.author, email=meta.owner_email)
        fg.podcast.itunes_category(meta.category)
        fg.podcast.itunes_explicit("no")  # rewritten to "false" afterwards
        fg.podcast.itunes_summary(meta.description)
        fg.podcast.itunes_type("episodic")
        if meta.image_url:
            fg.podcast.itunes_image(meta.image_url)
    stamps = _distinct_updates(items)
    for item in reversed(items):  # feedgen prepends: add oldest first to keep newest first
        fe = fg.add_entry()
        fe.id(item.guid)
        fe.guid(item.guid, permalink=True)
        body = lf(item.body)
        fe.title(lf(item.title))
        fe.link(href=item.url, rel="alternate")
        summary = lf(item.summary).strip() or excerpt(body)
        fe.description(html.escape(summary, quote=False))  # RSS description is HTML
        fe.summary(summary)
        fe.content(_paragraphs(body), type="html")
        fe.published(_aware(item.published.replace(microsecond=0)))  # never after "updated"
        fe.updated(_aware(stamps[item.guid]))
        if item.category:
            fe.category(term=item.category)
        if item.enclosure:
            fe.enclosure(item.enclosure.url, str(item.enclosure.length), item.enclosure.type)
            if podcast:
                fe.podcast.itunes_duration(duration(item.enclosure.duration_s))
    return fg


def _plain_text_rss(root: etree._Element) -> None:
    """A title that looks like markup goes as escaped HTML, its '&' as &#x26; (RSS Profile)."""
    for title in root.iterfind("channel/title"), root.iterfind("channel/item/title"):
        for element in title:
            if element.text and MARKUP_LIKE.search(element.text):
                parts = html.escape(element.text, quote=False).split("&")
                element.text = parts[0]
                for part in parts[1:]:
                    reference = etree.Entity("#x26")
                    reference.tail = part
                    element.append(reference)


def _plain_text_atom(root: etree._Element) -> None:
    """Atom text that looks like markup is declared as escaped HTML, which it then is."""
    names = ("title", "subtitle", "summary")
    for element in root.iter(*(f"{{{ATOM_NS}}}{n}" for n in names)):
        if element.get("type", "text") == "text" and MARKUP_LIKE.search(element.text or ""):
            element.set("type", "html")
            element.text = html.escape(element.text, quote=False)


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def rss(meta: FeedMeta, items: list[FeedItem], updated: datetime | None = None) -> bytes:
    """RSS 2.0 document, newest item first."""
    root = etree.fromstring(_generator(meta, items, updated, "application/rss+xml").rss_str())
    _plain_text_rss(root)
    return _serialize(root)


def podcast(meta: FeedMeta, items: list[FeedItem], updated: datetime | None = None) -> bytes:
    """RSS 2.0 with the iTunes podcast tags; only items with audio belong in it."""
    with_audio = [i for i in items if i.enclosure is not None]
    fg = _generator(meta, with_audio, updated, "application/rss+xml", podcast=True)
    root = etree.fromstring(fg.rss_str())
    for explicit in root.iter(f"{{{ITUNES_NS}}}explicit"):
        explicit.text = "true" if explicit.text == "yes" else "false"
    _plain_text_rss(root)
    return _serialize(root)


def atom(meta: FeedMeta, items: list[FeedItem], updated: datetime | None = None) -> bytes:
    """Atom 1.0 document, newest entry first, with correct alternate and enclosure links."""
    raw = _generator(meta, items, updated, "application/atom+xml").atom_str()
    root = etree.fromstring(raw)
    by_id = {item.guid: item for item in items}
    for entry in root.findall(f"{{{ATOM_NS}}}entry"):
        item = by_id[entry.findtext(f"{{{ATOM_NS}}}id")]
        if item.language != meta.language:
            entry.set(XML_LANG, item.language)
        for link in entry.findall(f"{{{ATOM_NS}}}link"):
            entry.remove(link)
        position = list(entry).index(entry.find(f"{{{ATOM_NS}}}title")) + 1
        links = [{"rel": "alternate", "type": "text/html", "href": item.url}]
        if item.enclosure:
            links.append({"rel": "enclosure", "type": item.enclosure.type,
                          "href": item.enclosure.url, "length": str(item.enclosure.length)})
        for offset, attrs in enumerate(links):
            entry.insert(position + offset, etree.Element(f"{{{ATOM_NS}}}link", attrib=attrs))
    _plain_text_atom(root)
    etree.indent(root)
    return _serialize(root)

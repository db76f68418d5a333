"""RSS 2.0 and Atom 1.0 from published items, with feedgen (no Flask import).

feedgen 1.0 writes Atom entry links with ``href`` only (upstream #135, #143): the
enclosure's rel/type/length are lost and it becomes a second "alternate" link. We let
feedgen write everything else and then write each Atom entry's links ourselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from feedgen.feed import FeedGenerator
from lxml import etree

ATOM_NS = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class Enclosure:
    url: str
    length: int
    type: str = "audio/mpeg"


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
    portal_url: str
    rss_url: str
    atom_url: str
    language: str = "vi"
    author: str = ""


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _generator(meta: FeedMeta, items: list[FeedItem], self_url: str) -> FeedGenerator:
    fg = FeedGenerator()
    fg.id(meta.portal_url)
    fg.title(meta.title)
    fg.subtitle(meta.description)
    fg.language(meta.language)
    if meta.author:
        fg.author({"name": meta.author})
    fg.link(href=self_url, rel="self")  # first: the last link becomes RSS <channel><link>
    fg.link(href=meta.portal_url, rel="alternate")
    newest = max((i.updated for i in items), default=datetime(2026, 1, 1))
    fg.updated(_aware(newest))
    fg.lastBuildDate(_aware(newest))
    for item in reversed(items):  # feedgen prepends: add oldest first to keep newest first
        fe = fg.add_entry()
        fe.id(item.guid)
        fe.guid(item.guid, permalink=True)
        fe.title(item.title)
        fe.link(href=item.url, rel="alternate")
        fe.summary(item.summary or item.body[:300])
        fe.content(item.body, type="text")
        fe.published(_aware(item.published))
        fe.updated(_aware(item.updated))
        if item.category:
            fe.category(term=item.category, label=item.category)
        if item.enclosure:
            fe.enclosure(item.enclosure.url, str(item.enclosure.length), item.enclosure.type)
    return fg


def rss(meta: FeedMeta, items: list[FeedItem]) -> bytes:
    """RSS 2.0 document, newest item first."""
    return _generator(meta, items, meta.rss_url).rss_str(pretty=True)


def atom(meta: FeedMeta, items: list[FeedItem]) -> bytes:
    """Atom 1.0 document, newest entry first, with correct alternate and enclosure links."""
    raw = _generator(meta, items, meta.atom_url).atom_str(pretty=True)
    root = etree.fromstring(raw)
    by_id = {item.guid: item for item in items}
    for entry in root.findall(f"{{{ATOM_NS}}}entry"):
        item = by_id[entry.findtext(f"{{{ATOM_NS}}}id")]
        for link in entry.findall(f"{{{ATOM_NS}}}link"):
            entry.remove(link)
        anchor = entry.find(f"{{{ATOM_NS}}}title")
        position = list(entry).index(anchor) + 1
        links = [{"rel": "alternate", "type": "text/html", "href": item.url}]
        if item.enclosure:
            links.append({"rel": "enclosure", "type": item.enclosure.type,
                          "href": item.enclosure.url, "length": str(item.enclosure.length)})
        for offset, attrs in enumerate(links):
            element = etree.Element(f"{{{ATOM_NS}}}link", attrib=attrs)
            element.tail = anchor.tail
            entry.insert(position + offset, element)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)

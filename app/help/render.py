"""The user guide in docs/huong-dan rendered to HTML: raw HTML off, links kept inside the guide."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

GUIDE_DIR = Path(__file__).resolve().parents[2] / "docs" / "huong-dan"
IMAGE_DIR = GUIDE_DIR / "anh"
#: The guide's pages, the only names ever turned into a file path ("README" is the index).
PAGES = ("README", "cai-dat", "bien-tap", "tham-dinh", "lanh-dao", "van-hanh-dai", "quan-tri")
#: The page for each role, in the order that picks a signed-in user's page.
ROLE_PAGES = (("editor", "bien-tap"), ("reviewer", "tham-dinh"), ("leader", "lanh-dao"),
              ("operator", "van-hanh-dai"), ("admin", "quan-tri"))
IMAGE_NAME = re.compile(r"^[a-z0-9-]+\.png$")
PAGE_LINK = re.compile(r"^(?:\./)?([A-Za-z0-9-]+)\.md(#[\w-]*)?$")
IMAGE_LINK = re.compile(r"^(?:\./)?anh/([a-z0-9-]+\.png)$")
EXTERNAL = re.compile(r"^(?:https?://|mailto:|#)")


def page_for(role_names: set[str] | frozenset[str] | None) -> str:
    """The guide page of a user's first role; the index for everyone else."""
    for role, page in ROLE_PAGES:
        if role_names and role in role_names:
            return page
    return "README"


def image_names() -> frozenset[str]:
    """The pictures on disk whose names are safe to serve."""
    if not IMAGE_DIR.is_dir():
        return frozenset()
    return frozenset(p.name for p in IMAGE_DIR.iterdir()
                     if p.is_file() and IMAGE_NAME.fullmatch(p.name))


def source(page: str) -> str:
    """The Markdown of one known page; KeyError for any other name."""
    if page not in PAGES:
        raise KeyError(page)
    return (GUIDE_DIR / f"{page}.md").read_text(encoding="utf-8")


def first_heading(text: str) -> str:
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return ""


class _Links(Treeprocessor):
    """Point guide links and pictures at the app's routes; drop every other relative link."""

    def __init__(self, md: markdown.Markdown, page_url: Callable[[str], str],
                 image_url: Callable[[str], str]) -> None:
        super().__init__(md)
        self.page_url, self.image_url = page_url, image_url

    def run(self, root: Element) -> None:
        for element in root.iter():
            element.attrib.pop("style", None)  # the CSP forbids inline styles
            if element.tag == "img":
                found = IMAGE_LINK.match(element.get("src", ""))
                if found:
                    element.set("src", self.image_url(found.group(1)))
                    element.set("loading", "lazy")
                else:
                    element.attrib.pop("src", None)
            elif element.tag == "a":
                href = element.get("href", "")
                found = PAGE_LINK.match(href)
                if found and found.group(1) in PAGES:
                    element.set("href", self.page_url(found.group(1)) + (found.group(2) or ""))
                elif found is None and IMAGE_LINK.match(href):
                    element.set("href", self.image_url(IMAGE_LINK.match(href).group(1)))
                elif not EXTERNAL.match(href):
                    element.attrib.pop("href", None)  # outside the guide: text only


class _GuideExtension(Extension):
    def __init__(self, page_url: Callable[[str], str], image_url: Callable[[str], str]) -> None:
        super().__init__()
        self.page_url, self.image_url = page_url, image_url

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        # Raw HTML in the source is shown as text, never passed through.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(_Links(md, self.page_url, self.image_url), "guide-links", 1)


def render(text: str, page_url: Callable[[str], str], image_url: Callable[[str], str]) -> str:
    """Markdown → HTML with raw HTML escaped and links rewritten for the app."""
    md = markdown.Markdown(lazy_ol=False, extensions=["tables", "fenced_code", "toc",
                                       _GuideExtension(page_url, image_url)])
    return md.convert(text)

"""Text rules shared by every entry point: NFC, hashing, limits."""

from __future__ import annotations

import hashlib
import unicodedata

TITLE_MAX = 300
SUMMARY_MAX = 1_000
BODY_MAX = 100_000


def nfc(value: str | None) -> str:
    """Return the NFC form of a string, '' for None, with surrounding whitespace trimmed."""
    if value is None:
        return ""
    return unicodedata.normalize("NFC", value.replace("\x00", "")).strip()


def scan_text(title: str, body: str) -> str:
    """The exact text that is approved, hashed, scanned and spoken: title, blank line, body."""
    return unicodedata.normalize("NFC", title) + "\n\n" + unicodedata.normalize("NFC", body)


def review_text(title: str, body: str, summary: str | None) -> str:
    """What the scanner reads: the approved text, then the summary (public too) after it.

    Offsets of findings in title and body are the same as in scan_text(title, body).
    """
    text = scan_text(title, body)
    if summary and summary.strip():
        text += "\n\n" + unicodedata.normalize("NFC", summary)
    return text


def content_hash(title: str, body: str) -> str:
    """Hex SHA-256 of NFC(title) + "\\n\\n" + NFC(body), as CONTRACT §4 defines it."""
    return hashlib.sha256(scan_text(title, body).encode("utf-8")).hexdigest()


def slugify(value: str) -> str:
    """ASCII slug of a Vietnamese title, for readable public URLs."""
    words = "".join(c if c.isalnum() else " " for c in fold(value)).split()
    return "-".join(words)[:80] or "ban-tin"


def fold(value: str) -> str:
    """Lower case without tone marks, đ→d: the form both sides of a search are compared in.

    The one diacritic fold of the domain: slugs, the search index's SQL translation and the
    scanner's tone-blind table derive from it (the migration 20261126_5e4c1a7d2b90 keeps a
    frozen copy, checked against this one by tests/unit/test_text.py).
    """
    value = unicodedata.normalize("NFD", value.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in value if not unicodedata.combining(c)).lower()

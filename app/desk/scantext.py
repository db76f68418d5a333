"""The reviewed text cut into its parts (title, summary, body), findings marked in each."""

from __future__ import annotations

import unicodedata
from typing import Any

from flask_babel import lazy_gettext as _l

from bulletins.models import Bulletin, Finding


def segments(text: str, findings: list[Finding], start: int = 0,
             end: int | None = None) -> list[tuple[str, Finding | None, bool]]:
    """Split text[start:end] into plain runs and runs covered by a finding, for highlighting.

    Offsets of the findings index the whole text; a finding crossing a part's edge is cut.
    Each run says whether a finding starts there (where the page's anchor of it goes).
    """
    end = len(text) if end is None else end
    out, pos = [], start
    for finding in sorted(findings, key=lambda f: (f.start, -f.end)):
        first, last = max(finding.start, pos), min(finding.end, end)
        if first >= last:
            continue
        out.append((text[pos:first], None, False))
        out.append((text[first:last], finding, first == finding.start))
        pos = last
    out.append((text[pos:end], None, False))
    return [s for s in out if s[0]]


def review_parts(bulletin: Bulletin, findings: list[Finding]) -> list[dict[str, Any]]:
    """Title, then the summary labelled "Tóm tắt", then the body, as the scanner read them.

    The scanner reads title, blank line, body, blank line, summary (bulletins.text.review_text);
    a reader wants the summary before the body.
    """
    title = unicodedata.normalize("NFC", bulletin.title)
    body = unicodedata.normalize("NFC", bulletin.body)
    summary = unicodedata.normalize("NFC", bulletin.summary or "")
    text = title + "\n\n" + body
    body_at = len(title) + 2
    parts = [{"key": "title", "label": None, "segments": segments(text, findings, 0, len(title))}]
    if summary.strip():
        text += "\n\n" + summary
        at = body_at + len(body) + 2
        parts.append({"key": "summary", "label": _l("Tóm tắt"),
                      "segments": segments(text, findings, at, len(text))})
    parts.append({"key": "body", "label": _l("Nội dung") if len(parts) > 1 else None,
                  "segments": segments(text, findings, body_at, body_at + len(body))})
    return parts

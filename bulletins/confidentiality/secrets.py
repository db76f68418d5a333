"""State-secret detectors: classification markings and defence, security, personnel topics."""

from __future__ import annotations

import re

from bulletins.confidentiality import phrases as R
from bulletins.confidentiality.text import (
    SEVERITY_BLOCK,
    Doc,
    Hit,
    any_of,
    line,
    next_word,
    prev_word,
    sentence,
)

MARK = "classification_marking"
MARK_KEYS = (*R.MARK_LEVELS, "độ mật", "m ậ t", "t ố i m ậ t", "t u y ệ t m ậ t",
             "tài liệu thu hồi", "chỉ người có tên mới được bóc bì")
_CTX_NUM = re.compile(R.NUM_UNIT)
_LEVEL_AFTER = re.compile(r"\s*[:\-–]?\s*(tuyệt\s+mật|tối\s+mật|mật)(?!\w)")
_PUBLIC_RE = any_of(R.TOPIC_PUBLIC)
_CASE_PUBLIC_RE = any_of(R.TOPIC_PUBLIC[-8:])
_CONTEXT_RE = {group: any_of(words) for group, words in R.TOPIC_CONTEXT.items()}


def marking(doc: Doc, key: str, s: int, e: int, out: list[Hit]) -> int:
    """Judge a possible classification marking; return the end of the text it covers."""
    low, clean = doc.low, doc.clean
    if key.startswith("chỉ người"):
        out.append((MARK, s, e, SEVERITY_BLOCK, "Chỉ dẫn phạm vi lưu hành tài liệu mật"))
    elif key == "tài liệu thu hồi":
        before, after = line(low, s, e)
        nxt = next_word(clean, e)
        upper = clean[s:e].isupper()
        if after == "" and (upper or before == "") or upper and nxt and (
                not nxt.isupper() and nxt.lower() not in R.RECALL_BENIGN):
            out.append((MARK, s, e, SEVERITY_BLOCK, "Dấu «Tài liệu thu hồi»"))
    elif key == "độ mật":
        lm = _LEVEL_AFTER.match(low, e)
        if lm is None:
            return marking(doc, "mật", e - 3, e, out)
        out.append((MARK, s, lm.end(), SEVERITY_BLOCK, "Dấu chỉ độ mật"))
        return lm.end()
    elif " " in key and key not in R.MARK_LEVELS:
        out.append((MARK, s, e, SEVERITY_BLOCK, "Dấu chỉ độ mật"))
    elif key != "mật":
        words = clean[s:e].split()
        named = words[0].islower() and words[-1][0].isupper()  # "tối Mật": a name
        if next_word(low, e) not in R.MAT_NEXT_EXCL and not named:
            out.append((MARK, s, e, SEVERITY_BLOCK, "Dấu chỉ độ mật"))
    elif next_word(low, e) not in R.MAT_NEXT_EXCL and prev_word(low, s) not in R.MAT_PREV_EXCL:
        before, after = line(low, s, e)
        stamp = before == "" and after == ""
        prev = prev_word(clean, s)
        if stamp or clean[s:e].isupper() and not (prev and prev.isupper()):
            out.append((MARK, s, e, SEVERITY_BLOCK, "Dấu chỉ độ mật"))
    return e


def topic(doc: Doc, key: str, s: int, e: int, out: list[Hit]) -> None:
    """Judge a phrase that may reveal defence, security or personnel secrets."""
    low = doc.low
    group, needs_context = R.TOPICS[key]
    a, b = sentence(low, s, e, semicolon=False)
    if key == "vị trí kho" and next_word(low, e) in R.WAREHOUSE_BENIGN:
        return
    if key == "chuyên án" and _CASE_PUBLIC_RE.search(low, a, b):
        return
    if needs_context:
        rest = low[a:s] + " | " + low[e:b]
        if _PUBLIC_RE.search(rest):
            return
        if not _CONTEXT_RE[group].search(rest) and not (
                group in ("force", "patrol") and _CTX_NUM.search(rest)):
            return
    out.append(("state_secret_topic", s, e, SEVERITY_BLOCK, R.TOPIC_REASON[group]))

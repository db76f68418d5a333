"""Word-level differences between two texts, for 'what changed between versions'."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Piece:
    op: str  #: "equal", "insert" or "delete"
    text: str


def diff_words(old: str, new: str) -> list[Piece]:
    """The pieces that turn old into new, words and whitespace kept, adjacent ops merged."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    pieces: list[Piece] = []

    def add(op: str, text: str) -> None:
        if not text:
            return
        if pieces and pieces[-1].op == op:
            pieces[-1] = Piece(op, pieces[-1].text + text)
        else:
            pieces.append(Piece(op, text))

    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            add("equal", "".join(a[i1:i2]))
        else:
            add("delete", "".join(a[i1:i2]))
            add("insert", "".join(b[j1:j2]))
    return pieces


def changed_words(pieces: list[Piece]) -> tuple[int, int]:
    """How many words were removed and added."""
    removed = sum(len(p.text.split()) for p in pieces if p.op == "delete")
    added = sum(len(p.text.split()) for p in pieces if p.op == "insert")
    return removed, added

"""Search tokens and highlighting on the original text, folded char by char so offsets map back.

Both databases match on folded words (lower case, no tone marks, đ→d); the marks shown to
the user are found here, in Python, so they look the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import NamedTuple

from bulletins.text import fold

MAX_TOKENS = 12
MAX_TOKEN_LENGTH = 64
PREFIX_MIN = 3  # a shorter last word is matched whole: "th*" would expand to half the index
_PREFIX_ASKED = re.compile(r"[^\W_]\*+\s*$")
SNIPPET_LENGTH = 220
_WORD = re.compile(r"[^\W_]+")
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_CACHE: dict[str, str] = {}


class Segment(NamedTuple):
    """A run of the original text, marked when it is a matched word."""

    text: str
    matched: bool


def fold_char(char: str) -> str:
    """The folded form of one character (may be empty or longer than one character)."""
    folded = _CACHE.get(char)
    if folded is None:
        folded = _CACHE[char] = fold(char)
    return folded


def fold_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """The text folded char by char, and the end offset in `text` of each folded char.

    The offsets list is None when every character folds to exactly one character (the usual
    case for Vietnamese), meaning folded index i comes from original index i.
    """
    pieces = [fold_char(c) for c in text]
    folded = "".join(pieces)
    if len(folded) == len(text) and (not pieces or max(map(len, pieces)) == 1):
        return folded, None
    # ends[k] = folded length after original char k; folded index j comes from char k where
    # k is the first with ends[k] > j
    return folded, list(accumulate(map(len, pieces)))


def tokens(query: str | None) -> list[str]:
    """The folded words of a query, at most MAX_TOKENS, each cut to MAX_TOKEN_LENGTH."""
    folded = "".join(fold_char(c) for c in (query or "")[:2000])
    return [w[:MAX_TOKEN_LENGTH] for w in _WORD.findall(folded)][:MAX_TOKENS]


def ascii_tokens(words: list[str]) -> list[str]:
    """The [a-z0-9] runs of folded words, as the PostgreSQL index splits text."""
    return [w for word in words for w in _ASCII_WORD.findall(word)][:MAX_TOKENS]


def wants_prefix(query: str | None) -> bool:
    """Whether the query ends in `word*`: then its last word also finds longer words.

    Only when asked: folded, "thôn*" would also find every "thông", so a typed whole word
    ("thôn", hamlet) is matched whole, which is also what keeps common words fast to rank.
    """
    return bool(_PREFIX_ASKED.search((query or "")[:2000]))


def is_prefix(word: str, wanted: bool) -> bool:
    """Whether the last word of a query also matches longer words starting with it."""
    return wanted and len(word) >= PREFIX_MIN


def pattern(words: list[str], prefix: bool = False) -> re.Pattern[str] | None:
    """A regex finding, in folded text, whole words equal to a token (the last one maybe
    as a prefix)."""
    if not words:
        return None
    *exact, last = words
    choices = [re.escape(w) for w in sorted(set(exact), key=len, reverse=True)]
    choices.append(re.escape(last) + (r"[^\W_]*" if is_prefix(last, prefix) else ""))
    return re.compile(r"(?<![^\W_])(?:" + "|".join(choices) + r")(?![^\W_])")


def _original_span(offsets: list[int] | None, start: int, end: int) -> tuple[int, int]:
    if offsets is None:
        return start, end
    return bisect_right(offsets, start), bisect_right(offsets, end - 1) + 1


def matches(text: str, regex: re.Pattern[str] | None) -> list[tuple[int, int]]:
    """Spans of the original text whose folded form is a matched word."""
    if regex is None or not text:
        return []
    folded, offsets = fold_with_offsets(text)
    spans = []
    for m in regex.finditer(folded):
        start, end = _original_span(offsets, m.start(), m.end())
        while end < len(text) and not fold_char(text[end]):  # keep trailing marks on their letter
            end += 1
        spans.append((start, end))
    return spans


def segments(text: str, spans: list[tuple[int, int]], start: int = 0,
             end: int | None = None) -> list[Segment]:
    """Split text[start:end] into unmarked and marked runs (spans clipped to the window)."""
    end = len(text) if end is None else end
    out: list[Segment] = []
    position = start
    for span_start, span_end in spans:
        span_start, span_end = max(span_start, position), min(span_end, end)
        if span_start >= span_end:
            continue
        if span_start > position:
            out.append(Segment(text[position:span_start], False))
        out.append(Segment(text[span_start:span_end], True))
        position = span_end
    if position < end:
        out.append(Segment(text[position:end], False))
    return out


def highlight(text: str, regex: re.Pattern[str] | None) -> list[Segment]:
    """The whole text, with its matched words marked."""
    return segments(text, matches(text, regex))


def snippet(text: str, regex: re.Pattern[str] | None,
            length: int = SNIPPET_LENGTH) -> list[Segment]:
    """About `length` characters around the first matched word (else the start), marked."""
    spans = matches(text, regex)
    first = spans[0][0] if spans else 0
    start = max(0, first - length // 3)
    if start > 0:
        space = text.find(" ", start, first)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", spans[0][1] if spans else start, end)
        end = space if space > start else end
    out = segments(text, spans, start, end)
    if start > 0:
        out.insert(0, Segment("…", False))
    if end < len(text):
        out.append(Segment("…", False))
    return out

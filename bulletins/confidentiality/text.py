"""Text handling for the confidentiality scanner: NFC, invisible characters, offsets, context."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable

from bulletins.confidentiality import phrases as R

SEVERITY_BLOCK = "block"
SEVERITY_WARN = "warn"

# (kind, start, end, severity, reason) in cleaned offsets, turned into a Finding by the facade
Hit = tuple[str, int, int, str, str]

INVIS_RE = re.compile("[" + R.INVISIBLE + "]+")
# the last word of a stretch of one line: the greedy ".*" backs off from its end
_LAST_WORD_RE = re.compile(r"(?:.*\W)?(\w+)\W*\Z")
_NEXT_WORD_RE = re.compile(r"[^\w\n]*(\w+)")
# the start of "[.!?;] " or "\n", as one character class so that the engine skips fast
_SEP_RE = re.compile(r"[.!?;\n](?:(?<=\n)|(?= ))")
_STOP_RE = re.compile(r"[.!?\n](?:(?<=\n)|(?= ))")
# the end of the last ". ", "! ", "? " (and "; ") before a point
_LAST_STOP = re.compile(r"(?s:.*)[.!?] ")
_LAST_SEP = re.compile(r"(?s:.*)[.!?;] ")
_STAMP_STRIP = re.compile(r"[\W\d_]+")


class Doc:
    """Cleaned, lower-cased text plus the map from cleaned offsets back to NFC offsets."""

    def __init__(self, text: str) -> None:
        self.nfc = nfc = unicodedata.normalize("NFC", text)
        self.seg: tuple[list[int], list[int]] | None = None
        self.full: list[int] | None = None
        clean = nfc
        if any(ch in nfc for ch in R.INVISIBLE):
            cs, ns, parts, pos, c = [], [], [], 0, 0
            for m in INVIS_RE.finditer(nfc):
                cs.append(c), ns.append(pos), parts.append(nfc[pos:m.start()])
                c += m.start() - pos
                pos = m.end()
            cs.append(c), ns.append(pos), parts.append(nfc[pos:])
            clean, self.seg = "".join(parts), (cs, ns)
            if not unicodedata.is_normalized("NFC", clean):
                clean = self._recompose(clean)
        low = clean.lower()
        if len(low) != len(clean):
            low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in clean)
        self.clean, self.low = clean, low
        self._folded: str | None = None
        self.memo: dict[tuple[int, int], bool] = {}  # per-document results by span

    def _recompose(self, clean: str) -> str:
        """Compose marks that were split from their base by removed invisible characters."""
        idx = [self._map(i) for i in range(len(clean))]
        chars: list[str] = []
        self.full = []
        for ch, i in zip(clean, idx, strict=True):
            if chars and unicodedata.combining(ch):
                merged = unicodedata.normalize("NFC", chars[-1] + ch)
                if len(merged) == 1:
                    chars[-1] = merged
                    continue
            chars.append(ch)
            self.full.append(i)
        self.seg = None
        return "".join(chars)

    @property
    def folded(self) -> str:
        """The lower-cased text without tone marks (same length)."""
        if self._folded is None:
            self._folded = R.fold_tones(self.low)
        return self._folded

    def _map(self, i: int) -> int:
        """NFC offset of cleaned offset i."""
        if self.full is not None:
            return self.full[i]
        if self.seg is None:
            return i
        cs, ns = self.seg
        k = bisect_right(cs, i) - 1
        return ns[k] + i - cs[k]

    @property
    def plain(self) -> bool:
        """True when cleaned offsets are NFC offsets (nothing was removed)."""
        return self.full is None and self.seg is None

    def span(self, s: int, e: int) -> tuple[int, int]:
        """NFC span of cleaned span [s, e)."""
        return self._map(s), self._map(e - 1) + 1

    def sentence(self, s: int, e: int, semicolon: bool = True,
                 reach: int = 220) -> tuple[int, int]:
        """Bounds of the sentence around [s, e) of the lower-cased text (sentence())."""
        return sentence(self.low, s, e, semicolon, reach)



# a person named in full with a title ("anh Vì Văn Khăm"): group 1 is the given name, by which
# the text may call him later ("Hiện Khăm vẫn đến …")
_WORD_RE = re.compile(r"\w+")
_TITLED_NAME = re.compile(  # its first letter a class: the engine skips fast to one
    r"[AaCcBbEeÔô](?<!\w\w)(?:(?<=[Aa])nh|(?<=[Cc])(?:hị|háu|ô|hú|ụ)|(?<=[Ôô])ng"
    r"|(?<=[Bb])(?:à|ác)|(?<=[Ee])m)\s+(?:" + R.UP + r"\w*\s+){1,3}(" + R.UP + r"\w+)\b")


def named_before(doc: Doc, a: int, b: int) -> bool:
    """True when [a, b) calls by the given name alone someone named in full in the 600
    letters before a (the bulletin's previous sentences)."""
    names = {m.group(1) for m in _TITLED_NAME.finditer(doc.clean, max(0, a - 600), a)}
    return bool(names) and any(w in names for w in _WORD_RE.findall(doc.clean, a, b))


_HIGHLAND_RE = re.compile(r"(?<![\w.'’])[AY]\s+(" + R.UP + r"\w+)")
_NOT_GIVEN = frozenset(("Tế", "Học", "Dược", "Khoa", "Sĩ", "Đức", "Lưới", "Tá"))  # "Sở Y Tế"


def highland_name(clean: str) -> bool:
    """True when clean names someone by a given name of the Central Highlands or the Mông
    without a surname ("A Hưng", "Y Mơ"), not a place ("huyện A Lưới") or an office ("Y Tế")."""
    for m in _HIGHLAND_RE.finditer(clean):
        word = m.group(1)
        if (word[1:].islower() and word not in _NOT_GIVEN
                and prev_word(clean, m.start()).lower() not in R.PLACE_WORDS):
            return True
    return False


def bounded(text: str, s: int, e: int) -> bool:
    """True when [s, e) is not glued to letters or digits on either side."""
    return (s == 0 or not text[s - 1].isalnum()) and (e >= len(text) or not text[e].isalnum())


def prev_word(text: str, s: int) -> str:
    """The word just before offset s on the same line."""
    lo = max(0, s - 40)
    m = _LAST_WORD_RE.match(text, text.rfind("\n", lo, s) + 1 or lo, s)
    return m.group(1) if m else ""


def next_word(text: str, e: int) -> str:
    """The word just after offset e on the same line."""
    m = _NEXT_WORD_RE.match(text, e, e + 40)
    return m.group(1) if m else ""


def line(low: str, s: int, e: int, reach: int = 120) -> tuple[str | None, str | None]:
    """Letters on the same line before s and after e (None when the line is too long)."""
    ls, le = low.rfind("\n", max(0, s - reach), s), low.find("\n", e, e + reach)
    before = None if ls < 0 and s > reach else _STAMP_STRIP.sub("", low[ls + 1:s])
    end = le if le >= 0 else len(low)
    after = None if le < 0 and len(low) - e > reach else _STAMP_STRIP.sub("", low[e:end])
    return before, after


def sentence(low: str, s: int, e: int, semicolon: bool = True,
             reach: int = 220) -> tuple[int, int]:
    """Bounds of the sentence around [s, e), at most reach characters each side."""
    lo = s - reach if s > reach else 0
    hi = min(len(low), e + reach)
    a = low.rfind("\n", lo, s) + 1 or lo
    # the last separator from a - 1 on (one greedy match, not an rfind per separator)
    m = (_LAST_SEP if semicolon else _LAST_STOP).match(low, a - 1 if a > lo else lo, s)
    if m:
        a = m.end()
    m = (_SEP_RE if semicolon else _STOP_RE).search(low, e, hi)
    return a, m.start() if m else hi


def any_of(words: Iterable[str]) -> re.Pattern[str]:
    """A regex that finds whether any of the literal words occurs (for "any(w in text)" tests
    in C). A trie of the words: it matches where one of them starts, though not always the
    longest one there (a word's longer extensions are dropped), so use it only as a test."""
    trie: dict = {}
    for w in set(words):
        node = trie
        for ch in w:
            if "" in node:
                break  # a shorter word already matches here
            node = node.setdefault(ch, {})
        else:
            node.clear()
            node[""] = {}
    return re.compile(_any_trie(trie) if trie else "(?!)")


def _any_trie(node: dict) -> str:
    """One node of any_of's trie as a regex fragment."""
    if "" in node:
        return ""
    parts = [re.escape(ch) + _any_trie(child) for ch, child in sorted(node.items())]
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def norm_phrase(phrase: str, ignore_tones: bool) -> str:
    """An admin phrase as matched: NFC, no invisibles, lower case, single spaces."""
    p = " ".join(INVIS_RE.sub("", unicodedata.normalize("NFC", phrase)).lower().split())
    return R.fold_tones(p) if ignore_tones else p


_FOLD_EXTRA = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}  # İ ı, Kelvin sign, long s


def _variants(c: str) -> str:
    """A character class of the characters that "(?i:c)" matches (Latin and Vietnamese)."""
    v = {c, *(x for x in (c.lower(), c.upper()) if len(x) == 1), *_FOLD_EXTRA.get(c.lower(), "")}
    return re.escape(c) if len(v) == 1 else "[" + re.escape("".join(sorted(v))) + "]"


def ci_trie(words: Iterable[str], depth: int = 2) -> str:
    """Same matches, in the same order, as "(?i:w1|w2|...)" for lower-case words, but faster."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    parts = []
    for c, rests in groups.items():
        if depth > 1 and all(rests):
            parts.append(_variants(c) + ci_trie(rests, depth - 1))
        else:
            parts.append(_variants(c) + "(?i:" + "|".join(map(re.escape, rests)) + ")")
    return "(?:" + "|".join(parts) + ")"


def literal_trie(words: Iterable[str]) -> str:
    """Same matches as "w1|w2|..." when no word is a prefix of another, grouped for speed."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    return "(?:" + "|".join(re.escape(c) + "(?:" + "|".join(map(re.escape, rests)) + ")"
                            for c, rests in groups.items()) + ")"


def private_regex(titles: Iterable[str], words: Iterable[str], up: str) -> str:
    """Regex like "\\b(?:[Tt]itle)\\s+UP|(?i:word)" that branches on a literal first letter."""
    by_first: dict[str, tuple[list[str], list[str]]] = {}
    for group, items in enumerate((titles, words)):
        for w in items:
            for c in dict.fromkeys((w[0].upper(), w[0])):
                by_first.setdefault(c, ([], []))[group].append(w[1:])
    parts = []
    for c, (rests, tails) in by_first.items():
        alts = [r"(?<!\w[\s\S])(?:" + "|".join(map(re.escape, rests)) + r")\s+" + up] * bool(rests)
        alts += ["(?i:" + "|".join(map(re.escape, tails)) + ")"] * bool(tails)
        parts.append(re.escape(c) + "(?:" + "|".join(alts) + ")")
    return "|".join(parts)

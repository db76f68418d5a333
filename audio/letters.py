"""Letters: Vietnamese letter names for spelling, syllable shape, accents removed."""

from __future__ import annotations

import re
import unicodedata

# Letter names used to spell acronyms and web addresses.
LETTER_NAMES: dict[str, str] = {
    "a": "a", "b": "bê", "c": "xê", "d": "đê", "đ": "đê", "e": "e", "f": "ép",
    "g": "giê", "h": "hát", "i": "i", "j": "gi", "k": "ca", "l": "e lờ", "m": "em",
    "n": "en", "o": "o", "p": "pê", "q": "quy", "r": "e rờ", "s": "ét", "t": "tê",
    "u": "u", "v": "vê", "w": "vê kép", "x": "ích", "y": "i dài", "z": "dét",
    "ă": "á", "â": "ớ", "ê": "ê", "ô": "ô", "ơ": "ơ", "ư": "ư",
}

# One Vietnamese syllable without tone marks: onset, vowel nucleus, coda.
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?"
                       r"[aăâeêioôơuưy]{1,3}(?:ch|ng|nh|[cmnpt])?")


def strip_accents(text: str) -> str:
    """Remove Vietnamese diacritics: 'Vũ Dương' -> 'Vu Duong'."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_syllable(word: str) -> bool:
    """Whether a word (any case) has the shape of one Vietnamese syllable."""
    base = unicodedata.normalize("NFD", word.lower())
    base = "".join(c for c in base if c not in "\u0300\u0301\u0303\u0309\u0323")
    return bool(_SYLLABLE.fullmatch(unicodedata.normalize("NFC", base)))


def spell(letters: str) -> str:
    """Spell letters with Vietnamese letter names: 'HTX' -> 'hát tê ích'."""
    out = []
    for ch in letters.lower():
        name = LETTER_NAMES.get(ch) or LETTER_NAMES.get(strip_accents(ch))
        out.append(name or ch)
    return " ".join(out)

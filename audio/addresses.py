"""E-mail and web addresses read piece by piece: known words, Vietnamese syllables, or
spelled letters, with the separators named (chấm, gạch chéo, a còng)."""

from __future__ import annotations

import re
from functools import lru_cache

from audio.letters import is_syllable, spell, strip_accents
from audio.numbers_vi import pad, read_digits, read_numeral

# Web-address words and unaccented place names (keys are lower-case, no spaces).
DOMAIN_WORDS: dict[str, str] = {
    "www": "vê kép vê kép vê kép", "com": "com", "vn": "vi en", "gov": "gov",
    "net": "nét", "org": "o rờ gờ", "edu": "e đu", "info": "in phô", "gmail": "gờ meo",
    "mail": "meo", "email": "i meo", "yahoo": "da hu", "facebook": "phây búc",
    "fb": "ép bê", "zalo": "da lô", "youtube": "diu túp", "google": "gu gồ",
    "html": "hát tê em e lờ", "portal": "po tồ", "tiktok": "tích tóc",
}

# Accented phrases recognized when written without accents in web addresses.
DOMAIN_PHRASES: tuple[str, ...] = (
    "vũ dương", "ninh bình", "việt nam", "hà nội", "chính phủ", "hoa lư", "tam điệp",
    "kim sơn", "yên mô", "yên khánh", "gia viễn", "nho quan", "nam định", "hà nam",
    "thông tin", "điện tử", "cổng thông tin", "báo chính phủ", "dân sinh", "dịch vụ công",
    "xã", "tỉnh", "huyện", "tin tức", "văn phòng", "ủy ban", "công an", "y tế", "bảo hiểm xã hội",
)

_URL_RE = re.compile(
    r"(?i)(?:https?://|www\.)[^\s<>\"'()]+"
    r"|(?<![@\w.-])(?:[a-z0-9-]++\.)+(?:vn|com|net|org|gov|edu|info)(?![\w])(?:/[^\s<>\"'()]*)?")
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)+")
_URL_SEPS = {".": "chấm", "/": "gạch chéo", "-": "gạch ngang", "_": "gạch dưới", "@": "a còng",
             ":": "hai chấm", "?": "hỏi chấm", "=": "bằng", "&": "và", "#": "thăng",
             "%": "phần trăm", "~": "ngã", "+": "cộng"}


@lru_cache(maxsize=64)
def _domain_table(lexicon: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """Unaccented, space-free spellings -> spoken words, for web-address labels."""
    table = {strip_accents(p).replace(" ", ""): p for p in DOMAIN_PHRASES}
    table.update({strip_accents(k).replace(" ", "").lower(): v for k, v in lexicon})
    table.update(DOMAIN_WORDS)
    return table


def _read_label(label: str, table: dict[str, str]) -> str:
    """Read one web-address label: known word, split into known words, or spelled."""
    low = label.lower()
    if low.isdigit():
        return read_numeral(low) if len(low) <= 4 else read_digits(low)
    if not low.isalpha():
        return " ".join(_read_label(p, table) for p in re.findall(r"\d+|[^\W\d_]+", low))
    best: list[tuple[int, list[str]] | None] = [(0, [])] + [None] * len(low)
    for end in range(1, len(low) + 1):
        for start in range(max(0, end - 16), end):
            piece, prev = low[start:end], best[start]
            if prev is None:
                continue
            if piece in table:
                cand = (prev[0] + 1, prev[1] + [table[piece]])
            elif len(piece) > 1 and is_syllable(piece):
                cand = (prev[0] + 2, prev[1] + [piece])
            else:
                continue
            if best[end] is None or cand[0] < best[end][0]:
                best[end] = cand
    return " ".join(best[-1][1]) if best[-1] else spell(low)


def _read_address(text: str, table: dict[str, str]) -> str:
    """Read an e-mail or web address piece by piece."""
    text = re.sub(r"(?i)^https?://", "", text).rstrip("/")
    parts = re.findall(r"[^\W_]+|.", text)
    return " ".join(_read_label(p, table) if p[0].isalnum() else _URL_SEPS.get(p, "")
                    for p in parts)


def addresses(text: str, lexicon: tuple[tuple[str, str], ...]) -> str:
    """Replace e-mail and web addresses by their spoken form."""
    table = _domain_table(lexicon)

    def repl(m: re.Match[str]) -> str:
        raw = m.group(0)
        core = raw.rstrip(".,;:!?")
        return pad(_read_address(core, table)) + raw[len(core):]

    return _URL_RE.sub(repl, _EMAIL_RE.sub(repl, text))

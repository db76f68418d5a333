"""Vietnamese text normalization for speech: everything written out, no digits left.

Rule-based passes over NFC text, in an order where each pass sees only what the
earlier ones left: web addresses, phone numbers, document numbers, lexicon,
abbreviations, Roman numerals, dates, ranges, times, numbers with units, mixed
letter-digit tokens, unknown acronyms, symbols. Pure functions and compiled
regexes only (caches are functools.lru_cache), so it is safe to call from threads.

Readings chosen (northern usage, as a commune announcer reads):
- numbers: nghìn, linh (105 một trăm linh năm), tỷ; mốt/tư/lăm after tens;
  '.' groups of three are thousands, ',' is the decimal mark (phẩy); other dotted
  numbers are read with 'chấm' (4.0 bốn chấm không).
- dates: full dates get 'ngày' unless the text says it; days 1-10 take 'mồng';
  month 4 is 'tư'; d/m without year is a date unless a fraction or ratio by context.
- document numbers: '72/KH-UBND' -> 'số bảy mươi hai trên kế hoạch ủy ban nhân dân';
  '13/2023/NĐ-CP' -> 'số mười ba năm hai nghìn không trăm hai mươi ba nghị định chính
  phủ'; 'số' is not doubled when the text already says it.
- phone numbers digit by digit in the groups written (10 digits as 4-3-3), groups
  separated by commas; 111-116 digit by digit only after a calling context.
- acronyms: dictionary first; unknown all-caps tokens that are not a Vietnamese
  syllable are spelled with the letter names in audio.lexicon (M 'em', N 'en').
- case: expansions are lower case, untouched words keep their case, so proper
  names stay readable; compare outputs case-insensitively.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

from audio.lexicon import (
    DEFAULT_ABBREVIATIONS,
    DEFAULT_LEXICON,
    DOC_CODES,
    DOMAIN_PHRASES,
    DOMAIN_WORDS,
    ROMAN_CONTEXT,
    is_syllable,
    spell,
    strip_accents,
)
from audio.numbers_vi import (
    B,
    E,
    dates,
    numbers,
    pad,
    prev_word,
    read_digits,
    read_number,
    read_numeral,
    read_ordinal,
    roman_to_int,
)

__all__ = ["DEFAULT_ABBREVIATIONS", "normalize_vi", "read_number"]

Sub = Mapping[str, str]
_PHONE_CTX = r"(?i:điện thoại|sđt|hotline|hót lai|đường dây nóng|tổng đài|số máy|fax)"
_ACCOUNT_CTX = r"(?i:stk|tài khoản|cccd|cmnd|căn cước công dân|căn cước|mã số thuế|mst|mã số)"
_EMERGENCY_CTX = re.compile(
    r"(?i:(?<!kêu )gọi|tổng đài|đường dây nóng|hotline|hót lai|cấp cứu|cứu hỏa|cứu hoả|cứu thương"
    r"|cứu nạn|cứu hộ|công an|cảnh sát|khẩn cấp|báo cháy|chữa cháy|PCCC|điện thoại|liên hệ|quay"
    r"|bấm)(?:\s+(?:ngay|tới|đến|cho|vào))?(?:\s+(?:số|tổng đài|đường dây nóng))?\s*[:(-]?\s*$")


_DOC_KINDS = ("KH", "QĐ", "TB", "CV", "NQ", "NĐ", "TT", "TTLT", "CT", "BC", "HD", "TTr", "CĐ")


# --- web addresses -------------------------------------------------------------------
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


def _addresses(text: str, lexicon: tuple[tuple[str, str], ...]) -> str:
    """Replace e-mail and web addresses by their spoken form."""
    table = _domain_table(lexicon)

    def repl(m: re.Match[str]) -> str:
        raw = m.group(0)
        core = raw.rstrip(".,;:!?")
        return pad(_read_address(core, table)) + raw[len(core):]

    return _URL_RE.sub(repl, _EMAIL_RE.sub(repl, text))


# --- phone and document numbers ---------------------------------------------------------
def _group_digits(groups: list[str]) -> str:
    """Read digit groups separated by pauses."""
    if len(groups) == 1 and len(groups[0]) >= 9:
        g = groups[0]
        groups = [g[:4], g[4:7], g[7:]] if len(g) <= 11 else [g]
    return ", ".join(read_digits(g) for g in groups if g)


def _phone(m: re.Match[str]) -> str:
    raw = m.group(0)
    plus = raw.startswith("+84")
    groups = re.findall(r"\d+", raw[3:] if plus else raw)
    count = sum(map(len, groups))
    if not (9 <= count <= 11 if plus else 10 <= count <= 11):
        return raw
    return pad(("cộng tám bốn, " if plus else "") + _group_digits(groups))


def _emergency(m: re.Match[str]) -> str:
    """111-116 digit by digit after a calling context (else they are quantities)."""
    if _EMERGENCY_CTX.search(m.string[max(0, m.start() - 40):m.start()]):
        return pad(read_digits(m.group(0)))
    return m.group(0)


def _phones(text: str) -> str:
    """Phone, hotline and emergency numbers digit by digit."""
    text = re.sub(r"((?:\+84|0)\d[\d .]{7,14}\d)\s*[-–/;]\s*(?=(?:\+84|0)\d)", r"\1, ", text)
    text = re.sub(r"(?<![\w.,/])(?:\+84[ .-]?|0)\d{2,4}(?:[ .-]?\d{2,4}){1,3}(?![\w]|[.,]\d)",
                  _phone, text)
    text = re.sub(r"(?<![\w.,])(1[89]00)[ .]?(\d{2,4})(?:[ .]?(\d{2,4}))?(?![\w]|[.,]\d)",
                  lambda m: pad(_group_digits([g for g in m.groups() if g])), text)
    text = re.sub(_PHONE_CTX + r"(\s*(?:số\s*)?[:.]?\s*)(\d{3,})(?![\w/]|[.,]\d)",
                  lambda m: m.group(0)[: m.start(2) - m.start()] + pad(read_digits(m.group(2))),
                  text)
    text = re.sub(_ACCOUNT_CTX + r"(\s*(?:số\s*)?[:.]?\s*)(\d[\d .]{4,}\d)(?![\w/]|[.,]\d)",
                  lambda m: m.group(0)[: m.start(2) - m.start()]
                  + pad(", ".join(read_digits(g) for g in m.group(2).replace(".", " ").split())),
                  text)
    return re.sub(r"(?<![\w.,/])11[1-6](?![\w/]|[.,]\d)", _emergency, text)


def _doc_code(seg: str, abbr: Sub) -> str:
    """Read one code of a document symbol: 'KH' -> 'kế hoạch', 'QH15' -> '... mười lăm'."""
    m = re.fullmatch(r"([^\W\d_]+?)(\d+)", seg)
    if m:
        return f"{_doc_code(m.group(1), abbr)} {read_numeral(m.group(2))}"
    return DOC_CODES.get(seg) or abbr.get(seg) or spell(seg)


def _documents(text: str, abbr: Sub) -> str:
    """Document numbers: '72/KH-UBND' -> 'số bảy mươi hai trên kế hoạch ủy ban nhân dân'."""
    code = r"[A-ZĐ][A-Za-zĐđ]*\d*"

    def symbol(raw: str) -> str:
        return " ".join("và" if p == "&" else _doc_code(p, abbr)
                        for p in re.findall(r"[^\W_]+|&", raw))

    def std(m: re.Match[str]) -> str:
        head = "" if prev_word(m) == "số" else "số "
        num = read_numeral(m.group(1))
        if m.group(2):
            return pad(f"{head}{num} năm {read_numeral(m.group(2))} {symbol(m.group(3))}")
        return pad(f"{head}{num} trên {symbol(m.group(3))}")

    text = re.sub(rf"(?<![\w/.,])(\d{{1,6}})(?:/(\d{{4}}))?/({code}(?:[-&]{code})*)(?![\w/])",
                  std, text)
    text = re.sub(rf"(?<![\w/.,])(\d{{1,6}})-({code}(?:/{code})+)(?![\w/])",
                  lambda m: pad(("" if prev_word(m) == "số" else "số ") + read_numeral(m.group(1))
                                 + " " + symbol(m.group(2))), text)
    kinds = "|".join(sorted(_DOC_KINDS, key=len, reverse=True))
    return re.sub(rf"{B}(?:{kinds})(?:[-/]{code})+(?![\w/-])",
                  lambda m: m.group(0) if m.group(0) in abbr else pad(symbol(m.group(0))), text)


# --- lexicon and abbreviations ----------------------------------------------------------
@lru_cache(maxsize=64)
def _word_regex(keys: tuple[str, ...]) -> re.Pattern[str] | None:
    """A regex matching any key as a whole token, longest first."""
    alts = [re.escape(k) + (E if k[-1].isalnum() else "")
            for k in sorted(keys, key=len, reverse=True) if k]
    return re.compile(B + "(?:" + "|".join(alts) + ")") if alts else None


def _replace_words(text: str, table: Sub) -> str:
    """Replace whole-token keys of `table` (case-sensitive) by their values."""
    regex = _word_regex(tuple(table))
    return regex.sub(lambda m: pad(table[m.group(0)]), text) if regex else text


def _contextual(text: str) -> str:
    """Abbreviations whose reading depends on the words around them."""
    rules = (
        (r"ĐT\s*[.:]?\s*(?=\d{1,4}(?!\d))", "đường tỉnh "),
        (r"QL\.?\s*(?=\d)", "quốc lộ "),
        (r"TT\.?\s+(?=Y tế|VH|Văn hó|Văn ho|GDNN|GDTX|Hành chính|HCC|Phục vụ|Chính trị|"
         r"Truyền thông|Dịch vụ|Khuyến nông|Trung tâm)", "trung tâm "),
        (r"Q\.\s*(?=CHỦ|GIÁM|TRƯỞNG|HIỆU|Chủ|Giám|Trưởng)", "quyền "),
        (r"Q\.\s*(?=\d|[A-ZĐ])", "quận "),
        (r"P\.\s*(?=\d|[A-ZĐ][^\W\d_]*[a-zà-ỹ])", "phường "),
        (r"((?:T[2-7]|CN|(?i:thứ)\s+\d)\s*)[-–]\s*(?=T[2-7]|CN|(?i:thứ|chủ nhật))", r"\1 đến "),
        (r"T([2-7])" + E, lambda m: "thứ " + read_ordinal(int(m.group(1)))),
    )
    for pattern, repl in rules:
        text = re.sub(B + pattern, repl, text)

    def sunday(m: re.Match[str]) -> str:
        near = m.string[max(0, m.start() - 20):m.end() + 20]
        ctx = r"(?i:thứ|ngày|hôm|tuần|sáng|chiều|tối)|\d{1,2}/\d{1,2}"
        return " chủ nhật " if re.search(ctx, near) else m.group(0)

    return re.sub(B + "CN" + E, sunday, text)


# --- Roman numerals ---------------------------------------------------------------------
_ROMAN_CTX = "|".join(re.escape(c).replace(r"\ ", r"\s+")
                      for c in sorted(ROMAN_CONTEXT, key=len, reverse=True))


def _romans(text: str) -> str:
    """Roman numerals after context words, in headings, and before '/year'."""

    def ctx(m: re.Match[str]) -> str:
        value = roman_to_int(m.group(2))
        if not value:
            return m.group(0)
        word = read_ordinal(value) if m.group(1).lower().endswith("thứ") else read_number(value)
        year = f" năm {read_numeral(m.group(3))}" if m.group(3) else ""
        return f"{m.group(1)} {word}{year} "

    text = re.sub(rf"(?<!\w)((?i:{_ROMAN_CTX}))\s+([IVXLCDM]+)(?:/(\d{{4}}))?(?![\w/])",
                  ctx, text)

    def heading(m: re.Match[str]) -> str:
        value = roman_to_int(m.group(2))
        return f"{m.group(1)}{read_number(value)}{m.group(3)}" if value else m.group(0)

    text = re.sub(r"(?m)^([ \t]*)([IVX]+)([.)]\s|\s*[-–:]\s)", heading, text)

    def loose(m: re.Match[str]) -> str:
        before = re.search(r"([^\W\d_]+)\W*$", m.string[max(0, m.start() - 40):m.start()])
        value = roman_to_int(m.group(1))
        if value and value < 40 and before and before.group(1) != before.group(1).upper():
            return pad(read_number(value))
        return m.group(0)

    return re.sub(B + r"([IVX]{2,})" + E, loose, text)


# --- acronyms, symbols, whitespace ------------------------------------------------------
def _acronyms(text: str) -> str:
    """Spell unknown all-caps tokens (2-8 letters) that are not Vietnamese syllables."""
    return re.sub(B + r"[A-ZĐ]{2,8}" + E,
                  lambda m: m.group(0) if is_syllable(m.group(0)) else pad(spell(m.group(0))),
                  text)


_SYMBOLS = {"&": " và ", "@": " a còng ", "=": " bằng ", "%": " phần trăm ", "°": " độ ",
            "$": " đô la ", "€": " ơ rô ", "(": ", ", ")": ", ", "[": ", ", "]": ", ",
            "{": ", ", "}": ", ", "…": ". ", "–": ", ", "—": ", ", "№": " số ", "§": " điều "}


def _markup(text: str) -> str:
    """Drop Markdown and list markup so it is not read aloud."""
    text = re.sub(r"(?m)^[ \t]*(?:#{1,6}|>+)[ \t]*", "", text)
    text = re.sub(r"\*+|(?<![^\W_])_+|_+(?![^\W_])|`+", " ", text)
    text = re.sub(r"(?m)^[ \t]*[-+•●▪◦*][ \t]+", "", text)
    return text.replace("./.", ".")


def _tidy(text: str) -> str:
    """Read or drop remaining symbols, merge pause marks, collapse whitespace."""
    text = re.sub(r"(?:\.{3}|…)(?=\s*[a-zà-ỹđ])", ",", text)
    text = re.sub(r"[&@=%°$€()\[\]{}…–—№§]", lambda m: _SYMBOLS[m.group(0)], text)
    text = re.sub(r"[^\w\s.,;:!?]", " ", text)
    text = re.sub(r"[ \t]+", " ", text)

    def merge(m: re.Match[str]) -> str:
        marks = re.sub(r"\s", "", m.group(0))
        for group in (".!?", ";:"):
            for ch in marks:
                if ch in group:
                    return ch + (" " if "\n" not in m.group(0) else "\n")
        return ", " if "\n" not in m.group(0) else ",\n"

    text = re.sub(r"(?<!\s)\s*[.,;:!?](?:\s*[.,;:!?])*", merge, text)
    text = re.sub(r"[ \t]*\n\s*", "\n", text)
    text = re.sub(r"(?m)^[ \t]*[,;:][ \t]*", "", text)
    text = re.sub(r" +", " ", text)
    return unicodedata.normalize("NFC", text.strip(" \n,"))


def _prepare(text: str) -> str:
    """NFC, ASCII digits, plain spaces and line breaks, dashes between numbers."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(str(unicodedata.digit(c, 0)) if c.isdigit() and not c.isascii() else c
                   for c in text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2212", "-")
    text = re.sub(r"[\u00a0\u2000-\u200b\u202f\u3000\t\f\v]", " ", text)
    return re.sub(r"(?<=\d)\s*[–—]\s*(?=\d)", "-", text)


def normalize_vi(text: str, abbreviations: Mapping[str, str] | None = None,
                 lexicon: Mapping[str, str] | None = None) -> str:
    """Vietnamese text as an announcer reads it: no digits, pauses kept."""
    abbr = {**DEFAULT_ABBREVIATIONS, **(abbreviations or {})}
    lex = {**DEFAULT_LEXICON, **(lexicon or {})}
    text = _prepare(text)
    text = _addresses(text, tuple(sorted(lex.items())))
    text = _phones(text)
    text = _documents(text, abbr)
    text = _replace_words(text, lex)
    text = _markup(text)
    text = _contextual(text)
    text = _replace_words(text, abbr)
    text = _romans(text)
    text = dates(text)
    text = numbers(text, abbr)
    text = _acronyms(text)
    return _tidy(text)

"""Vietnamese text normalization for speech: everything written out, no digits left.

Rule-based passes over NFC text, in an order where each pass sees only what the
earlier ones left: web addresses, phone numbers, document numbers, lexicon,
abbreviations, Roman numerals, dates, ranges, times, numbers with units, mixed
letter-digit tokens, unknown acronyms, symbols. Pure functions and compiled
regexes only (caches are functools.lru_cache), so it is safe to call from threads.

The readers live beside this module: addresses, phones, documents, romans, dates
(and clock times), quantities (numbers, money, units), on number words in
numbers_vi, letters and the word tables in lexicon; the lexicon, abbreviation,
acronym, markup and tidying passes are here.

Readings chosen (northern usage, as a commune announcer reads):
- numbers: nghìn, linh (105 một trăm linh năm), tỷ; mốt/tư/lăm after tens;
  '.' groups of three are thousands, ',' is the decimal mark (phẩy); other dotted
  numbers are read with 'chấm' (4.0 bốn chấm không).
- dates: full dates get 'ngày' unless the text says it; days 1-10 take 'mồng';
  month 4 is 'tư'; d/m without year is a date unless a fraction or ratio by context;
  d-m is a date only after a day or holiday word ('dịp 2-9', 'Quốc khánh 2-9') and
  not before a counter ('từ 1-5 người', 'tỷ số 2-1' stay a range and a score).
- document numbers: '72/KH-UBND' -> 'số bảy mươi hai trên kế hoạch ủy ban nhân dân';
  '13/2023/NĐ-CP' -> 'số mười ba năm hai nghìn không trăm hai mươi ba nghị định chính
  phủ'; 'số' is not doubled when the text already says it, nor added after a legal
  kind ('Nghị định 13/2023/NĐ-CP', 'Thông tư …', 'Quyết định …', 'Luật …').
- phone numbers digit by digit in the groups written (10 digits as 4-3-3), groups
  separated by commas, landlines too ('0229.3868.204', '(024) 38.25.35.36'); 111-116
  digit by digit only after a calling context.
- 'Đ/c' is 'đồng chí' ('địa chỉ' before a colon).
- acronyms: dictionary first; unknown all-caps tokens that are not a Vietnamese
  syllable are spelled with the letter names in audio.letters (M 'em', N 'en').
- case: expansions are lower case, untouched words keep their case, so proper
  names stay readable; compare outputs case-insensitively.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

from audio.addresses import addresses
from audio.dates import dates
from audio.documents import documents
from audio.letters import is_syllable, spell
from audio.lexicon import DEFAULT_ABBREVIATIONS, DEFAULT_LEXICON
from audio.numbers_vi import B, E, pad, read_number, read_ordinal
from audio.phones import phones
from audio.quantities import numbers
from audio.romans import romans

__all__ = ["DEFAULT_ABBREVIATIONS", "normalize_vi", "read_number"]

Sub = Mapping[str, str]


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
        # 'Đ/c Nguyễn Văn A' is a comrade; 'Đ/c: thôn Đông' an address
        (r"[Đđ]/[cC](?=[ \t]*:)", "địa chỉ"),
        (r"[Đđ]/[cC]" + E, "đồng chí "),
    )
    for pattern, repl in rules:
        text = re.sub(B + pattern, repl, text)

    def sunday(m: re.Match[str]) -> str:
        near = m.string[max(0, m.start() - 20):m.end() + 20]
        ctx = r"(?i:thứ|ngày|hôm|tuần|sáng|chiều|tối)|\d{1,2}/\d{1,2}"
        return " chủ nhật " if re.search(ctx, near) else m.group(0)

    return re.sub(B + "CN" + E, sunday, text)



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
    text = addresses(text, tuple(sorted(lex.items())))
    text = phones(text)
    text = documents(text, abbr)
    text = _replace_words(text, lex)
    text = _markup(text)
    text = _contextual(text)
    text = _replace_words(text, abbr)
    text = romans(text)
    text = dates(text)
    text = numbers(text, abbr)
    text = _acronyms(text)
    return _tidy(text)

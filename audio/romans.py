"""Roman numerals: after context words ('khóa XV', 'lần thứ IV'), in headings, and
before '/year'."""

from __future__ import annotations

import re

from audio.numbers_vi import B, E, pad, read_number, read_numeral, read_ordinal, word_before

_ROMAN_RE = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

# Words after which an upper-case Roman numeral is read as a number.
ROMAN_CONTEXT: tuple[str, ...] = (
    "lần thứ", "thứ", "khóa", "khoá", "đại hội", "phần", "mục", "quý", "thế kỷ", "thế kỉ",
    "chương", "tập", "kỳ", "kì", "đợt", "giai đoạn", "phụ lục", "hội nghị", "trung ương",
    "vòng", "loại", "hạng", "bậc", "cấp", "tiểu mục", "bài", "học kỳ", "học kì", "vùng",
    "khu vực", "quân khu", "tuần", "số", "điều", "nhóm", "đội", "tiết",
)

_ROMAN_CTX = "|".join(re.escape(c).replace(r"\ ", r"\s+")
                      for c in sorted(ROMAN_CONTEXT, key=len, reverse=True))


def roman_to_int(token: str) -> int | None:
    """Value of a canonical upper-case Roman numeral, else None."""
    if not token or not _ROMAN_RE.fullmatch(token):
        return None
    total = 0
    for i, ch in enumerate(token):
        value = _ROMAN_VALUES[ch]
        nxt = _ROMAN_VALUES[token[i + 1]] if i + 1 < len(token) else 0
        total += -value if value < nxt else value
    return total


def romans(text: str) -> str:
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
        before = word_before(m)
        value = roman_to_int(m.group(1))
        if value and value < 40 and before and before != before.upper():
            return pad(read_number(value))
        return m.group(0)

    return re.sub(B + r"([IVX]{2,})" + E, loose, text)

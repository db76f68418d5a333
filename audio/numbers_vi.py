"""Reading numbers aloud in Vietnamese (northern usage: nghìn, linh, tỷ, mồng).

Number words first, then the passes that find numbers, dates, times, money and
units in running text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from audio.lexicon import ALNUM_PREFIXES, FRACTION_PREV, SCORE_PREV, UNITS, spell

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
B = r"(?<![^\W_])"  # no letter or digit before
E = r"(?![^\W_])"  # no letter or digit after
END = r"(?![\w/]|[.,-]\d)"  # a number ends here (no date or decimal continues)
MAX_READ_DIGITS = 15  # longer digit strings are read digit by digit

_ROMAN_RE = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def _tens_units(t: int, u: int, after_hundred: bool) -> list[str]:
    """Read the last two digits of a group; `after_hundred` selects 'linh'."""
    if t == 0:
        if u == 0:
            return []
        return ["linh", DIGITS[u]] if after_hundred else [DIGITS[u]]
    words = ["mười"] if t == 1 else [DIGITS[t], "mươi"]
    if u == 1:
        words.append("mốt" if t >= 2 else "một")
    elif u == 4:
        words.append("tư" if t >= 2 else "bốn")
    elif u == 5:
        words.append("lăm")
    elif u:
        words.append(DIGITS[u])
    return words


def _triple(n: int, full: bool) -> list[str]:
    """Read 0..999; `full` means a higher group precedes, so 'không trăm' is spoken."""
    h, t, u = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if h or (full and (t or u)):
        words += [DIGITS[h], "trăm"]
    return words + _tens_units(t, u, after_hundred=bool(words))


def _below_billion(n: int, full: bool) -> list[str]:
    """Read 0..999 999 999 with triệu and nghìn groups."""
    words: list[str] = []
    for size, name in ((1_000_000, "triệu"), (1000, "nghìn"), (1, "")):
        group = n // size % 1000
        if group == 0:
            continue
        words += _triple(group, full or bool(words))
        if name:
            words.append(name)
    return words


def read_number(n: int) -> str:
    """Read an integer as Vietnamese words: 105 -> 'một trăm linh năm'."""
    if n < 0:
        return "âm " + read_number(-n)
    if n == 0:
        return "không"
    if n >= 10**18:
        return read_digits(str(n))
    words: list[str] = []
    high, low = divmod(n, 1_000_000_000)
    if high:
        words += read_number(high).split() + ["tỷ"]
    words += _below_billion(low, full=bool(high))
    return " ".join(words)


def read_digits(digits: str) -> str:
    """Read a string of ASCII digits one by one: '113' -> 'một một ba'."""
    return " ".join(DIGITS[int(c)] for c in digits if c.isascii() and c.isdigit())


def read_numeral(digits: str) -> str:
    """Read a digit string as a number, or digit by digit when it is too long."""
    digits = digits.lstrip("0") or "0"
    if len(digits) > MAX_READ_DIGITS:
        return read_digits(digits)
    return read_number(int(digits))


def read_fraction_part(digits: str) -> str:
    """Read the part after a decimal comma: '25' -> 'hai mươi lăm', '05' -> 'không năm'."""
    zeros = len(digits) - len(digits.lstrip("0"))
    rest = digits[zeros:]
    words = ["không"] * zeros
    if rest:
        words.append(read_digits(rest) if len(rest) > 3 else read_number(int(rest)))
    return " ".join(words)


def read_decimal(integer: str, fraction: str | None, sep: str = "phẩy") -> str:
    """Read '15' + '5' as 'mười lăm phẩy năm'."""
    head = read_numeral(integer)
    return f"{head} {sep} {read_fraction_part(fraction)}" if fraction else head


def read_ordinal(n: int) -> str:
    """Read the number after 'thứ': 1 -> 'nhất', 4 -> 'tư', 2 -> 'hai'."""
    return {1: "nhất", 4: "tư"}.get(n) or read_number(n)


def read_month(n: int) -> str:
    """Read a month number: 4 -> 'tư', 1 -> 'một', 12 -> 'mười hai'."""
    return "tư" if n == 4 else read_number(n)


def read_day(n: int) -> str:
    """Read a day of the month: days 1-10 take 'mồng'."""
    return f"mồng {read_number(n)}" if 1 <= n <= 10 else read_number(n)


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


# --- numbers in running text ------------------------------------------------------------
def prev_word(m: re.Match[str]) -> str:
    """The lower-cased word right before a match."""
    found = re.search(r"([^\W\d_]+)\W*$", m.string[max(0, m.start() - 40):m.start()])
    return found.group(1).lower() if found else ""


def pad(words: str) -> str:
    """Surround replacement words with spaces; whitespace is collapsed at the end."""
    return f" {words} "


def read_date(day: int, month: int, year: str | None, prev: str) -> str:
    """Spoken date; 'ngày' is added before full dates unless the text already says it."""
    words = f"{read_number(day) if prev in ('mồng', 'mùng') else read_day(day)} tháng "
    words += read_month(month)
    if year:
        words += f" năm {read_numeral(year)}"
        if prev not in ("ngày", "mồng", "mùng", "hôm"):
            words = "ngày " + words
    return pad(words)


def valid_date(day: str, month: str) -> bool:
    """Whether day and month could be a calendar date."""
    return 1 <= int(day) <= 31 and 1 <= int(month) <= 12


def dates(text: str) -> str:
    """Dates in d/m/yyyy, d-m-yyyy, d.m.yyyy, d/m, m/yyyy and 'ngày 1-5' forms."""
    dm = r"\d{1,2}/\d{1,2}(?:/\d{4})?"
    text = re.sub(rf"(?<![\w/.,-])({dm})\s*[-–]\s*(?={dm}{END})", r"\1 đến ", text)

    def full(m: re.Match[str]) -> str:
        d, mo, y = m.group(1), m.group(3), m.group(4)
        return read_date(int(d), int(mo), y, prev_word(m)) if valid_date(d, mo) else m.group(0)

    text = re.sub(r"(?<![\w/.,-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})" + END, full, text)

    def day_range(m: re.Match[str]) -> str:
        d1, d2, mo, y = m.groups()
        if not (valid_date(d1, mo) and valid_date(d2, mo)):
            return m.group(0)
        return pad(f"{read_day(int(d1))} đến" + read_date(int(d2), int(mo), y, "ngày"))

    text = re.sub(r"(?<![\w/.,-])(\d{1,2})\s*-\s*(\d{1,2})/(\d{1,2})(?:/(\d{4}))?" + END,
                  day_range, text)

    def in_context(m: re.Match[str]) -> str:
        d, mo = m.group(2), m.group(3)
        if not valid_date(d, mo):
            return m.group(0)
        return m.group(1) + read_date(int(d), int(mo), None, m.group(1).strip().lower())

    text = re.sub(r"(?<!\w)((?i:ngày|mồng|mùng|hôm|sáng|chiều|tối|trưa|đêm)\s+)"
                  r"(\d{1,2})[-.](\d{1,2})" + END, in_context, text)

    def month_year(m: re.Match[str]) -> str:
        mo, y, prev = int(m.group(1)), read_numeral(m.group(2)), prev_word(m)
        if prev == "tháng" and 1 <= mo <= 12:
            return pad(f"{read_month(mo)} năm {y}")
        if prev in ("quý", "kỳ", "kì", "đợt", "số", "khóa", "khoá") or not 1 <= mo <= 12:
            return pad(f"{read_number(mo)} năm {y}")
        return pad(f"tháng {read_month(mo)} năm {y}")

    text = re.sub(r"(?<![\w/.,-])(\d{1,2})/(\d{4})" + END, month_year, text)

    def day_month(m: re.Match[str]) -> str:
        d, mo, prev = m.group(1), m.group(2), prev_word(m)
        after = m.string[m.end():m.end() + 12].lstrip().lower()
        if prev in FRACTION_PREV or after.startswith(("số ", "diện tích", "dân số")):
            return pad(f"{read_numeral(d)} phần {read_numeral(mo)}")
        if m.group(0) == "24/7" or prev == "số" or not valid_date(d, mo):
            return pad(f"{read_numeral(d)} trên {read_numeral(mo)}")
        return read_date(int(d), int(mo), None, prev)

    text = re.sub(r"(?<![\w/.,-])(\d{1,3})/(\d{1,3})" + END, day_month, text)
    text = re.sub(r"(?<!\w)((?i:ngày))\s+(\d{1,2})" + END,
                  lambda m: f"{m.group(1)} {read_day(int(m.group(2)))} ", text)
    return re.sub(r"(?<!\w)((?i:tháng))\s+(\d{1,2})" + END,
                  lambda m: f"{m.group(1)} {read_month(int(m.group(2)))} "
                  if 1 <= int(m.group(2)) <= 12 else m.group(0), text)


def read_clock(h: str, mi: str | None = None, s: str | None = None) -> str:
    """'7', '30' -> 'bảy giờ ba mươi phút'; zero minutes are not spoken."""
    words = f"{read_number(int(h))} giờ"
    if mi and int(mi):
        words += f" {read_number(int(mi))} phút"
    if s and int(s):
        words += f" {read_number(int(s))} giây"
    return pad(words)


def _clock_match(m: re.Match[str]) -> str:
    """Read a matched clock time, or keep it when hours or minutes are out of range."""
    hour, minute = m.group(1), m.groups()[1] if len(m.groups()) > 1 else None
    if int(hour) > 24 or (minute and int(minute) >= 60):
        return m.group(0)
    return read_clock(*m.groups())


def times(text: str) -> str:
    """Times: 7h30, 7h30', 14h00, 7h, 19:15, 19:15:30."""
    ok = r"(?<![\w.,:])"
    text = re.sub(ok + r"(\d{1,2})[hHg](\d{2})(?:['’]|ph?" + E + ")?" + E, _clock_match, text)
    text = re.sub(ok + r"(\d{1,2})[hH]" + E, _clock_match, text)
    return re.sub(ok + r"(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\w:]|[.,]\d)", _clock_match, text)


# --- numbers, units, mixed tokens -------------------------------------------------------
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
_NUMBER_RE = re.compile(
    r"(?<![\w.,])(?P<neg>[-−](?=\$?\d))?(?P<cur>\$)?"
    r"(?P<int>\d{1,3}(?:\.\d{3})+(?!\d)|\d+)(?:,(?P<frac>\d+))?(?:\.(?P<dot>\d+(?:\.\d+)*))?"
    r"(?:\s?(?P<scale>nghìn|ngàn|triệu|tỷ|tỉ|k|K|tr)" + E + ")?"
    rf"(?:\s?(?P<unit>{_UNIT_ALT}|oC)(?![^\W\d_]))?"
    rf"(?P<per>(?:\s?/\s?(?:{_UNIT_ALT}|[^\W\d_]+))+)?" + E)


def _number(m: re.Match[str]) -> str:
    """Read one number with its sign, decimals, scale, unit and 'per' unit."""
    digits, unit, scale = m["int"].replace(".", ""), m["unit"], m["scale"]
    code_like = len(digits) >= 10 and "." not in m["int"] and not (unit or scale or m["cur"])
    if (digits[0] == "0" and len(digits) >= 7 or code_like) and not m["frac"]:
        words = read_digits(digits)
    else:
        words = read_numeral(digits)
    if m["frac"]:
        words += " phẩy " + read_fraction_part(m["frac"])
    elif m["dot"]:
        parts = m["dot"].split(".")
        sep = "phẩy" if (unit or scale) and len(parts) == 1 else "chấm"
        words += "".join(f" {sep} " + (read_fraction_part(p) if sep == "phẩy" else read_numeral(p))
                         for p in parts)
    if m["neg"]:
        words = "âm " + words
    if scale:
        words += " " + {"k": "nghìn", "K": "nghìn", "tr": "triệu", "tỉ": "tỷ"}.get(scale, scale)
    if unit:
        words += " " + UNITS.get(unit, "độ C")
    if m["cur"]:
        words += " đô la Mỹ"
    if m["per"]:
        if not (unit or scale or m["cur"]):
            return pad(words) + m["per"]
        for per in re.split(r"\s*/\s*", m["per"].strip())[1:]:
            words += " một " + UNITS.get(per, per)
    return pad(words)


def read_alnum(token: str, abbr: Mapping[str, str]) -> str:
    """Read a token mixing letters and digits: 'H5N1', 'QL1A', '4G', '10A'."""
    if token in UNITS:
        return UNITS[token]
    parts = re.findall(r"\d+|[^\W\d_]+", token)
    out = []
    for i, part in enumerate(parts):
        if part.isdigit():
            short = len(part) <= 4 and (part[0] != "0" or len(part) == 1)
            out.append(read_numeral(part) if short else read_digits(part))
        elif i == 0 and len(parts) > 1 and part in ALNUM_PREFIXES:
            out.append(ALNUM_PREFIXES[part])
        elif part in abbr:
            out.append(abbr[part])
        elif part.islower() and len(part) > 1:
            out.append(part)
        else:
            out.append(spell(part))
    return " ".join(out)


def numbers(text: str, abbr: Mapping[str, str]) -> str:
    """Ranges, ordinals, numbers with units, mixed tokens, then any digit left."""
    text = re.sub(r"(?<![\w.,:'’°%²³-])(\d[\w.,:'’°%²³]*+)\s*[-–]\s*(?=[-−]?\d)",
                  lambda m: m.group(1) + (" " if prev_word(m) in SCORE_PREV else " đến "), text)
    text = times(text)
    text = re.sub(r"(?<!\w)((?i:thứ))\s+(\d{1,3})" + END,
                  lambda m: f"{m.group(1)} {read_ordinal(int(m.group(2)))} ", text)
    text = re.sub(r"(?<=\d)([^\W\d_]{0,3})(?:\s+[x×]\s+|[x×])(?=\d|[^\W\d_]+\s*\d)",
                  r"\1 nhân ", text)
    text = re.sub(r"(?<=\d)\s*\+\s*(?=\d)", " cộng ", text)
    text = _NUMBER_RE.sub(_number, text)
    text = re.sub(rf"(?<=[^\W\d_])\s*/\s*({_UNIT_ALT})" + E,
                  lambda m: " trên " + UNITS[m.group(1)] + " ", text)
    text = re.sub(r"(?<![^\W_])(?=[^\W_]*\d)(?=[^\W_]*[^\W\d_])[^\W_]+" + E,
                  lambda m: pad(read_alnum(m.group(0), abbr)), text)
    text = re.sub(r"\d+", lambda m: pad(read_numeral(m.group(0))), text)
    return "".join(f" {DIGITS[unicodedata.digit(c, 0)]} " if c.isdigit() else c for c in text)

"""Dates and clock times in running text: days 1-10 take 'mồng', month 4 is 'tư', full
dates get 'ngày' unless the text says it; d/m is a date unless a fraction or ratio by
context; zero minutes are not spoken."""

from __future__ import annotations

import re

from audio.numbers_vi import END, E, pad, prev_word, read_number, read_numeral

# Words before 'a/b' that make it a fraction ('khoảng 1/3' -> 'một phần ba').
FRACTION_PREV: tuple[str, ...] = (
    "khoảng", "chiếm", "gần", "hơn", "còn", "bằng", "giảm", "tăng", "mất", "quá", "chừng",
)


def read_month(n: int) -> str:
    """Read a month number: 4 -> 'tư', 1 -> 'một', 12 -> 'mười hai'."""
    return "tư" if n == 4 else read_number(n)


def read_day(n: int) -> str:
    """Read a day of the month: days 1-10 take 'mồng'."""
    return f"mồng {read_number(n)}" if 1 <= n <= 10 else read_number(n)


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

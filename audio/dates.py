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


_MONTH_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

# What may stand right before a holiday written 'd-m' ('dịp 2-9', 'Quốc khánh 2-9', 'Ngày
# Quốc tế Lao động 1-5'); without one of them 'd-m' is a range or a score ('từ 1-5 người').
_HOLIDAY_CUE = re.compile(
    r"(?<!\w)(?i:dịp|lễ|mừng|kỷ niệm|kỉ niệm|quốc khánh|tết|(?<!mỗi )(?<!hằng )(?<!hàng )ngày"
    r"|mồng|mùng|hôm|sáng|chiều|tối|trưa|đêm|độc lập"
    r"|giải phóng(?:\s+miền\s+nam)?|thống nhất(?:\s+đất\s+nước)?|lao động|thiếu nhi"
    r"|phụ nữ(?:\s+việt\s+nam)?|nhà giáo(?:\s+việt\s+nam)?|thầy thuốc(?:\s+việt\s+nam)?"
    r"|gia đình(?:\s+việt\s+nam)?|liệt s[ĩỹ]|thương binh|đảng|đảng cộng sản việt nam"
    r"|bác(?:\s+hồ)?|hồ chí minh|hùng vương|điện biên phủ|cách mạng tháng tám|biên phòng"
    r"|quân đội nhân dân(?:\s+việt\s+nam)?|công an nhân dân|toàn quốc kháng chiến"
    r"|đại đoàn kết(?:\s+toàn\s+dân\s+tộc)?|thủ đô)\s*[:,]?\s*$")
# Words after 'd-m' that make it a count, never a date ('nghỉ lễ 2-3 ngày').
_COUNTERS = frozenset((
    "người", "tuổi", "ngày", "tuần", "giờ", "phút", "giây", "hộ", "lần", "cái", "con",
    "chiếc", "xã", "thôn", "điểm", "bàn", "trận", "đội", "suất", "phần", "buổi", "đợt",
    "lượt", "xe", "em", "cháu", "đoàn", "nhóm", "tổ", "km", "m", "kg", "ha", "tấn", "triệu",
    "nghìn", "ngàn", "tỷ", "tỉ", "đồng", "cm", "mm", "ca", "học", "khách", "bộ", "mâm",
))
_HYPHEN_DM = re.compile(r"(?<![\w/.,-])(\d{1,2})-(\d{1,2})" + END)
_DATE_CHAIN = re.compile(r"\s*(?:,|;|và|hoặc|đến|(?i:và ngày))\s*")


def holiday_dates(text: str) -> str:
    """'d-m' after a holiday word, or chained to such a date ('dịp 30-4 và 1-5'): a date.

    Not when the day cannot be in that month, or a counter or unit follows ('từ 1-5
    người', 'nghỉ lễ 2-3 ngày'); scores and ranges ('tỷ số 2-1') are left to numbers.
    """
    out, last, chain_from = [], 0, -1
    for m in _HYPHEN_DM.finditer(text):
        d, mo = int(m.group(1)), int(m.group(2))
        after = re.match(r"\s*([^\W\d_]+|%)", text[m.end():])
        counted = after is not None and after.group(1).lower() in _COUNTERS
        chained = chain_from >= 0 and _DATE_CHAIN.fullmatch(text[chain_from:m.start()])
        cued = _HOLIDAY_CUE.search(text[max(0, m.start() - 40):m.start()])
        if not (1 <= mo <= 12 and 1 <= d <= _MONTH_DAYS[mo - 1]) or counted \
                or not (cued or chained):
            continue
        out += [text[last:m.start()], read_date(d, mo, None, prev_word(m))]
        last = chain_from = m.end()
    return "".join(out) + text[last:]


def dates(text: str) -> str:
    """Dates in d/m/yyyy, d-m-yyyy, d.m.yyyy, d/m, m/yyyy, 'ngày 1-5' and 'dịp 2-9' forms."""
    text = holiday_dates(text)
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
                  r"(\d{1,2})\.(\d{1,2})" + END, in_context, text)

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

"""Numbers in running text: ranges and scores, ordinals, products and sums, decimals,
money and units, tokens mixing letters and digits, then any digit left."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from audio.dates import times
from audio.letters import spell
from audio.numbers_vi import (
    DIGITS,
    END,
    E,
    pad,
    prev_word,
    read_digits,
    read_fraction_part,
    read_numeral,
    read_ordinal,
)

# Units after a number (longest first when compiled); value is the spoken form.
UNITS: dict[str, str] = {
    "km/h": "ki lô mét trên giờ", "m/s": "mét trên giây",
    "km²": "ki lô mét vuông", "km2": "ki lô mét vuông", "km": "ki lô mét",
    "m²": "mét vuông", "m2": "mét vuông", "m³": "mét khối", "m3": "mét khối",
    "cm": "xen ti mét", "mm": "mi li mét", "m": "mét", "ha": "héc ta",
    "kg": "ki lô gam", "mg": "mi li gam", "g": "gam", "tấn": "tấn", "tạ": "tạ",
    "ml": "mi li lít", "l": "lít", "lít": "lít", "°C": "độ C", "ºC": "độ C", "°F": "độ F",
    "°": "độ", "%": "phần trăm", "kWh": "ki lô oát giờ", "kW": "ki lô oát",
    "MW": "mê ga oát", "W": "oát", "kV": "ki lô vôn", "V": "vôn", "Hz": "héc",
    "GB": "gi ga bai", "MB": "mê ga bai", "đ": "đồng", "đồng": "đồng", "VNĐ": "đồng",
    "VND": "đồng", "vnđ": "đồng", "USD": "đô la Mỹ", "$": "đô la Mỹ", "EUR": "ơ rô",
    "€": "ơ rô", "k": "nghìn", "K": "nghìn", "tr": "triệu",
}

# Letters before a number that name a road or a legislature: 'QL1A', 'QH15'.
ALNUM_PREFIXES: dict[str, str] = {
    "QL": "quốc lộ", "ĐT": "đường tỉnh", "TL": "tỉnh lộ", "ĐH": "đường huyện",
    "QH": "quốc hội khóa",
}
# Words before 'a-b' that make it a score, not a range ('tỷ số 2-1').
SCORE_PREV: tuple[str, ...] = ("số", "thắng", "thua", "hòa", "hoà", "cách")

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

"""Vietnamese number words (northern usage: nghìn, linh, tỷ; mốt, tư, lăm after tens), and
the small helpers every pass over running text shares: token boundaries, the word
before a match, padding.
"""

from __future__ import annotations

import re

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
B = r"(?<![^\W_])"  # no letter or digit before
E = r"(?![^\W_])"  # no letter or digit after
END = r"(?![\w/]|[.,-]\d)"  # a number ends here (no date or decimal continues)
MAX_READ_DIGITS = 15  # longer digit strings are read digit by digit


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


def read_ordinal(n: int) -> str:
    """Read the number after 'thứ': 1 -> 'nhất', 4 -> 'tư', 2 -> 'hai'."""
    return {1: "nhất", 4: "tư"}.get(n) or read_number(n)


# --- running text -----------------------------------------------------------------------
def word_before(m: re.Match[str]) -> str:
    """The word right before a match, as written ('' when there is none)."""
    found = re.search(r"([^\W\d_]+)\W*$", m.string[max(0, m.start() - 40):m.start()])
    return found.group(1) if found else ""


def prev_word(m: re.Match[str]) -> str:
    """The lower-cased word right before a match."""
    return word_before(m).lower()


def pad(words: str) -> str:
    """Surround replacement words with spaces; whitespace is collapsed at the end."""
    return f" {words} "

"""Contact detectors: phone and ID numbers among digit runs, vehicle plates, e-mail addresses,
bank accounts."""

from __future__ import annotations

import re

from bulletins.confidentiality import phrases as R
from bulletins.confidentiality.concepts.basis import (
    BANK_REASON,
    ID_REASON,
    MAIL_REASON,
    OLD_ID_REASON,
    PHONE_REASON,
    PLATE_REASON,
)
from bulletins.confidentiality.text import (
    SEVERITY_BLOCK,
    SEVERITY_WARN,
    Doc,
    Hit,
    literal_trie,
    private_regex,
)

# "[+\d]" as the regex engine skips to it fast: the digits of the Basic Multilingual Plane spelled
# out (one table look-up per letter of the text, not a Unicode category test) and every character
# beyond it, which the look-behind then narrows to a digit as "\d" does
DIGIT_START = ("[+" + re.escape("".join(filter(str.isdecimal, map(chr, range(0x10000)))))
               + "\U00010000-\U0010ffff" + r"](?<=[+\d])")
NUM_RE = re.compile(
    DIGIT_START + r"(?<![\d][\d+])(?:(?<=\d)(?P<plate>\d(?:-\s?|\s)?[a-zđ]{1,2}\d?(?:\s?[-.]\s?|\s)"
    r"(?:\d{3}\.\d{2}|\d{4,5})(?!\w))|(?:\d|[ .\-]\d|\)\s?\d){5,})"
)
_DIGITS_RE = re.compile(r"\d+")
MONEY_RE = re.compile(r"\s*(?:đồng|đ\b|vnđ|vnd|triệu|tỷ|nghìn|ngàn|usd|%|m2|m²|ha\b|người|hộ\b)")
_NOT_PHONE = re.compile(r"mst|mã số|mã hồ sơ|số hiệu|số seri|số sê-ri")
_OFFICIAL_RE = re.compile(literal_trie(R.OFFICIAL.split("|")))  # no word is another's prefix
_LINK_RE = re.compile(r"hoặc|\bvà\b|gọi|báo|\bcho\b")
_PRIVATE_RE = re.compile(private_regex(R.PRIVATE_TITLES, R.PRIVATE_WORDS, R.UP))
_DOMAIN_RE = re.compile(r"[a-z0-9\-]+(?:\.[a-z0-9\-]+)+")
# a free mailbox named right after a private person is that person's, whatever office is near
_WEBMAIL = ("@gmail.com", "@yahoo.com", "@yahoo.com.vn", "@hotmail.com", "@outlook.com",
            "@icloud.com")

OFFICE_LINE = "Số điện thoại công vụ"


def digits(s: str) -> str:
    """Only the digits of s, with a Vietnamese country code turned into a leading zero."""
    d = s if s.isdecimal() else "".join(_DIGITS_RE.findall(s))
    return "0" + d[2:] if d.startswith("84") and len(d) in (11, 12) else d


def number_kind(d: str) -> str | None:
    """Classify a digit string as a phone number or a national ID number."""
    if d.startswith("0") and len(d) == 10 and d[1:3] in R.MOBILE:
        return "phone"
    if len(d) == 11 and d[:3] in ("024", "028") or len(d) == 11 and d[1:4] in R.AREA3:
        return "phone" if d[0] == "0" else None
    if len(d) == 12 and d[:3] in R.PROVINCES and d[3] in "0123":
        return "national_id"
    return None


# official()'s verdicts by the text it reads (a contact's line before it, and the two letters
# before that a look-behind may see): a pure function of it, and contacts repeat
_OFFICIAL_MEMO: dict[tuple[str, int], bool] = {}


# "hộp thư riêng …", "số điện thoại cá nhân: …": the contact is said to be the person's own
_OWN_RE = re.compile(r"(?:riêng|cá nhân)(?:\s+(?:là|số))?\s*[:(]?\s*$")


def official(doc: Doc, s: int) -> bool:
    """True when the contact at s is presented as an office's or official's work contact, and
    not as the person's own ("hộp thư riêng", "số cá nhân")."""
    if _OWN_RE.search(doc.low, max(0, s - 24), s):
        return False
    lo = max(0, s - 160)
    lo = max(lo, doc.low.rfind("\n", lo, s) + 1)
    key = (doc.clean[max(0, lo - 2):s], min(lo, 2))
    known = _OFFICIAL_MEMO.get(key)
    if known is None:
        if len(_OFFICIAL_MEMO) >= 20_000:
            _OFFICIAL_MEMO.clear()
        known = _OFFICIAL_MEMO[key] = _official(doc, lo, s)
    return known


def _official(doc: Doc, lo: int, s: int) -> bool:
    """official() on the text [lo, s)."""
    low = doc.low
    ends = [m.end() for m in _OFFICIAL_RE.finditer(low, lo, s)]
    last_off = ends[-1] if ends else -1
    last_priv = -1
    # private mentions before the last official marker cannot win; skip scanning them
    for m in _PRIVATE_RE.finditer(doc.clean, max(lo, last_off - 1), s):
        ms = m.start()
        titled = any(ms - 25 <= e <= ms and not _LINK_RE.search(low, e, ms) for e in ends)
        if titled:
            last_off = max(last_off, m.end())
        else:
            last_priv = m.end()
    if last_off >= 0 or last_priv >= 0:
        return last_off > last_priv
    return "liên hệ" in low[lo:s]


def numbers(doc: Doc, out: list[Hit], claimed: set[int]) -> None:
    """Phones, ID numbers and vehicle plates among the digit runs."""
    low = doc.low
    for m in NUM_RE.finditer(low):
        s, e = m.span()
        if s and low[s - 1].isalnum():
            continue
        if m.group("plate"):
            out.append(("vehicle_plate", s, e, SEVERITY_BLOCK, PLATE_REASON))
            continue
        if e - s < 10:  # fewer than 10 digits: _segment would find nothing
            continue
        if MONEY_RE.match(low, e) or _NOT_PHONE.search(low, max(0, s - 20), s):
            continue
        if low[s] == "+" and not low.startswith("+84", s) and 10 <= len(digits(low[s:e])) <= 13:
            out.append(_phone(doc, s, e))  # a foreign mobile: a trader's, a worker's abroad
            continue
        _segment(doc, [g.span() for g in _DIGITS_RE.finditer(low, s, e)], out, claimed)


def _segment(doc: Doc, groups: list[tuple[int, int]], out: list[Hit], claimed: set[int]) -> None:
    """Split a run of digit groups (split only at spaces) into phone and ID numbers."""
    sizes = [b - a for a, b in groups]
    if sum(sizes) < 10:  # too short for any phone or ID number
        return
    low, n, i = doc.low, len(groups), 0
    spaced = [True, *(" " in low[groups[k - 1][1]:groups[k][0]] for k in range(1, n)), True]
    while i < n:
        hit = None
        if spaced[i] and groups[i][0] not in claimed:
            size, ends = 0, []
            for j in range(i + 1, min(n, i + 6) + 1):
                size += sizes[j - 1]
                if size > 12:
                    break
                if spaced[j] and size >= 10:
                    ends.append(j)
            for j in reversed(ends):  # the digits of groups i..j-1 are those groups
                kind = number_kind(digits("".join([low[a:b] for a, b in groups[i:j]])))
                if kind:
                    hit = (j, kind)
                    break
        if hit is None:
            i += 1
            continue
        j, kind = hit
        s, e = groups[i][0], groups[j - 1][1]
        if low[max(0, s - 2):s] == "(+":
            s -= 2
        elif s and low[s - 1] == "+":
            s -= 1
        out.append(("national_id", s, e, SEVERITY_BLOCK, ID_REASON) if kind == "national_id"
                   else _phone(doc, s, e))
        i = j


def _phone(doc: Doc, s: int, e: int) -> Hit:
    """A phone number at [s, e): an office's work line warns, anyone else's blocks."""
    if official(doc, s):
        return ("phone", s, e, SEVERITY_WARN, OFFICE_LINE)
    return ("phone", s, e, SEVERITY_BLOCK, PHONE_REASON)


_ID_AFTER = re.compile(
    r"[^\n\d]{0,40}?(\d{12}|\d{3}[ .]\d{3}[ .]\d{3}[ .]\d{3}|\d{4}[ .]\d{4}[ .]\d{4}|\d{9}"
    r"|\d{3}[ .]\d{3}[ .]\d{3})(?![\d])"
)


def id_context(doc: Doc, key: str, e: int, out: list[Hit], claimed: set[int]) -> None:
    """An ID number right after "CMND", "CCCD", "căn cước", ..."""
    m = _ID_AFTER.match(doc.low, e)
    if m is None:
        return
    n = sum(map(len, _DIGITS_RE.findall(m.group(1))))
    if n == 12 or n == 9 and R.ID_CONTEXT[key]:
        claimed.add(m.start(1))
        reason = OLD_ID_REASON if n == 9 else ID_REASON
        out.append(("national_id", m.start(1), m.end(1), SEVERITY_BLOCK, reason))


def directory(doc: Doc, out: list[Hit]) -> list[Hit]:
    """The findings, or none for a bulletin that only lists office landlines - two or more,
    and nothing else to look at but the offices' own .gov.vn addresses: a directory of public
    contacts (a hotline notice) is published on purpose. A lone office number, a mobile
    (whoever it is said to belong to), or office lines beside anything else are still shown
    (the writers of the independent corpus labelled those, never a directory's landlines)."""
    phones = [hit for hit in out if hit[0] == "phone"]
    others = [hit for hit in out if hit[0] != "phone"]
    if (len(phones) >= 2
            and all(hit[4] == OFFICE_LINE and _landline(doc.low[hit[1]:hit[2]]) for hit in phones)
            and all(doc.low[hit[1]:hit[2]].endswith(".gov.vn") for hit in others)):
        return []
    return out


def _landline(number: str) -> bool:
    """True for a Vietnamese fixed-line number (area code 02x), with or without +84."""
    return digits(number).startswith("02")


def emails(doc: Doc, out: list[Hit]) -> None:
    """E-mail addresses, found from their '@'."""
    low = doc.low
    at = low.find("@")
    while at >= 0:
        s = at
        while s > 0 and s > at - 64 and (low[s - 1].isascii() and low[s - 1].isalnum()
                                           or low[s - 1] in "._%+-"):
            s -= 1
        while s < at and low[s] in "._%+-":
            s += 1
        m = _DOMAIN_RE.match(low, at + 1)
        if m and s < at:
            addr = low[s:m.end()]
            warn = addr.endswith(".gov.vn") or official(doc, s) and not (
                addr.endswith(_WEBMAIL) and _PRIVATE_RE.search(doc.clean, max(0, s - 40), s))
            out.append(("email", s, m.end(), SEVERITY_WARN if warn else SEVERITY_BLOCK,
                        "Thư điện tử công vụ" if warn else MAIL_REASON))
        at = low.find("@", at + 1)


_RUN_RE = re.compile(r"\d(?:[ .\-]?\d){5,18}(?!\d)")
_PHONE_WORDS_RE = re.compile(R.PHONE_WORDS)
# words between an account's mention and a number that make the number another one's: a
# contact's ("liên hệ anh Dân số 0356 …"), an ID card's ("CCCD 0380…")
_OTHER_NUMBER_RE = re.compile(R.PHONE_WORDS + r"|liên hệ|cccd|cmnd|căn cước|chứng minh")
_SOCIAL_RE = re.compile(r"\s*(?:facebook|zalo|tiktok|mạng xã hội|vneid|email)")
_BANK_BEFORE = re.compile(r"(\d(?:[ .\-]?\d){5,18})\s*(?:[,(:\-–]\s*)?(?:(?:mở\s+)?tại\s+)?"
                          r"(?:ngân\s+hàng\s+)?$")


def bank(doc: Doc, s: int, e: int, out: list[Hit], claimed: set[int]) -> None:
    """A bank account number next to "STK", "số tài khoản" or a bank's name."""
    low = doc.low
    explicit = low[s:e] in ("stk", "số tk", "tk số") or low[s:e].endswith("khoản")
    if explicit and low.endswith("chủ ", 0, s):
        return  # "chủ tài khoản": the holder's name follows, not the number
    m = _RUN_RE.search(low, e, min(len(low), e + 60))
    if m and m.end() == e + 60:  # a number starting in reach is read whole, not cut there
        m = _RUN_RE.match(low, m.start())
    if m and ("\n" in low[e:m.start()] or _OTHER_NUMBER_RE.search(low, e, m.start())
              or MONEY_RE.match(low, m.end())):  # another's number, or an amount paid in
        m = None
    span = m.span() if m else None
    if span is None:
        mb = _BANK_BEFORE.search(low, max(0, s - 45), s)
        span = mb.span(1) if mb else None
    if span is None or span[0] and low[span[0] - 1].isalnum() or MONEY_RE.match(low, span[1]):
        return
    if number_kind(digits(low[span[0]:span[1]])) == "phone" and (
            not explicit or _SOCIAL_RE.match(low, e)
            or _PHONE_WORDS_RE.search(low, max(0, s - 60), s)):
        return  # a phone number, or the login of a social-network account
    claimed.add(span[0])
    out.append(("bank_account", span[0], span[1], SEVERITY_BLOCK, BANK_REASON))

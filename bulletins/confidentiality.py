"""Confidentiality scan of bulletin text: state-secret markings and topics, personal data."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from bulletins import confidentiality_rules as R

SEVERITY_BLOCK = "block"
SEVERITY_WARN = "warn"
KINDS = ("classification_marking", "state_secret_topic", "national_id", "phone", "email",
         "bank_account", "vehicle_plate", "date_of_birth", "sensitive_personal", "keyword")


@dataclass(frozen=True)
class Finding:
    """One span of the NFC text that a reviewer must look at."""

    kind: str
    start: int
    end: int
    severity: str
    text: str
    reason: str


@dataclass(frozen=True)
class Rule:
    """A phrase an admin wants flagged; its findings have kind "keyword"."""

    phrase: str
    severity: str = SEVERITY_BLOCK
    note: str = ""
    ignore_tones: bool = False


_INVIS_RE = re.compile("[" + R.INVISIBLE + "]+")
_KEYS = {**{k: "mark" for k in (*R.MARK_LEVELS, "độ mật", "m ậ t", "t ố i m ậ t",
                                  "t u y ệ t m ậ t", "tài liệu thu hồi",
                                  "chỉ người có tên mới được bóc bì")},
         **{k: "topic" for k in R.TOPICS}, **{k: "sensitive" for k in R.SENSITIVE},
         **{k: "dob" for k in R.DOB_TRIGGERS}, **{k: "id" for k in R.ID_CONTEXT},
         **{k: "bank" for k in R.BANK_CONTEXT}}
_KEY_RE = re.compile(R.trie_regex(_KEYS))
_NUM_RE = re.compile(
    r"[+\d](?<![\d][\d+])(?:(?<=\d)(?P<plate>\d(?:-\s?|\s)?[a-z]{1,2}\d?(?:\s?[-.]\s?|\s)"
    r"(?:\d{3}\.\d{2}|\d{4,5})(?!\w))|(?:\d|[ .\-]\d|\)\s?\d){5,})"
)
_DIGITS_RE = re.compile(r"\d+")
_WORD_RE = re.compile(r"\w+")
_SEP_RE = re.compile(r"[.!?;] |\n")
_STOP_RE = re.compile(r"[.!?] |\n")
_RUN_RE = re.compile(r"\d(?:[ .\-]?\d){5,18}(?!\d)")
_MONEY_RE = re.compile(r"\s*(?:đồng|đ\b|vnđ|vnd|triệu|tỷ|nghìn|ngàn|usd|%|m2|m²|ha\b|người|hộ\b)")
_PHONE_WORDS_RE = re.compile(R.PHONE_WORDS)
_NOT_PHONE = re.compile(r"mst|mã số|mã hồ sơ|số hiệu|số seri|số sê-ri")
_BANK_BEFORE = re.compile(r"(\d(?:[ .\-]?\d){5,18})\s*(?:[,(:\-–]\s*)?(?:(?:mở\s+)?tại\s+)?"
                          r"(?:ngân\s+hàng\s+)?$")
_ID_AFTER = re.compile(
    r"[^\n\d]{0,40}?(\d{12}|\d{3}[ .]\d{3}[ .]\d{3}[ .]\d{3}|\d{4}[ .]\d{4}[ .]\d{4}|\d{9}"
    r"|\d{3}[ .]\d{3}[ .]\d{3})(?![\d])"
)
_DATE_AFTER = re.compile(
    r"\s*(?:[:(,\-–]\s*)?(?:là\s+|vào\s+)?(?:(?P<d>\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?"
    r"(?:19|20)\d\d|(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2},?\s+năm\s+(?:19|20)\d\d)"
    r"|(?P<y>(?:19|20)\d\d))(?!\d)"
)
_RANGE_AFTER = re.compile(r"\s*(?:trở về|trở lên|trở xuống|đến|-|–)")
_OFFICIAL_RE = re.compile(R.OFFICIAL)
_LINK_RE = re.compile(r"hoặc|\bvà\b|gọi|báo|\bcho\b")
_PRIVATE_RE = re.compile(R.PRIVATE)
_PERSON_RE = re.compile(
    r"(?P<h>\b(?i:" + R.HONORIFIC + r")\s+" + R.UP + r")"
    r"|(?P<n>\b(?:" + "|".join(R.SURNAMES) + r")\s+" + R.UP + r"\w*)"
    r"|(?i:trú tại|thường trú|tạm trú|nơi cư trú|hộ khẩu|quê quán|\b\d{1,3}\s*tuổi)"
    r"|\b" + R.UP + r"\.\s?" + R.UP + r"\.\s?" + R.UP
)
_SPEAKER_RE = re.compile(R.SPEAKER, re.IGNORECASE)
_BACKREF_RE = re.compile(R.BACKREF)
_STAMP_STRIP = re.compile(r"[\W\d_]+")
_CTX_NUM = re.compile(R.NUM_UNIT)
_MARK = "classification_marking"
_COHORT_RE = re.compile(r"(?:^|\s)(?:" + "|".join(R.COHORT) + r")\s*$")
_LEVEL_AFTER = re.compile(r"\s*[:\-–]?\s*(tuyệt\s+mật|tối\s+mật|mật)(?!\w)")


class _Doc:
    """Cleaned, lower-cased text plus the map from cleaned offsets back to NFC offsets."""

    def __init__(self, text: str) -> None:
        self.nfc = nfc = unicodedata.normalize("NFC", text)
        self.seg: tuple[list[int], list[int]] | None = None
        self.full: list[int] | None = None
        clean = nfc
        if any(ch in nfc for ch in R.INVISIBLE):
            cs, ns, parts, pos, c = [], [], [], 0, 0
            for m in _INVIS_RE.finditer(nfc):
                cs.append(c), ns.append(pos), parts.append(nfc[pos:m.start()])
                c += m.start() - pos
                pos = m.end()
            cs.append(c), ns.append(pos), parts.append(nfc[pos:])
            clean, self.seg = "".join(parts), (cs, ns)
            if not unicodedata.is_normalized("NFC", clean):
                clean = self._recompose(clean)
        low = clean.lower()
        if len(low) != len(clean):
            low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in clean)
        self.clean, self.low = clean, low
        self._folded: str | None = None

    def _recompose(self, clean: str) -> str:
        """Compose marks that were split from their base by removed invisible characters."""
        idx = [self._map(i) for i in range(len(clean))]
        chars: list[str] = []
        self.full = []
        for ch, i in zip(clean, idx, strict=True):
            if chars and unicodedata.combining(ch):
                merged = unicodedata.normalize("NFC", chars[-1] + ch)
                if len(merged) == 1:
                    chars[-1] = merged
                    continue
            chars.append(ch)
            self.full.append(i)
        self.seg = None
        return "".join(chars)

    @property
    def folded(self) -> str:
        """The lower-cased text without tone marks (same length)."""
        if self._folded is None:
            self._folded = R.fold_tones(self.low)
        return self._folded

    def _map(self, i: int) -> int:
        """NFC offset of cleaned offset i."""
        if self.full is not None:
            return self.full[i]
        if self.seg is None:
            return i
        cs, ns = self.seg
        k = bisect_right(cs, i) - 1
        return ns[k] + i - cs[k]

    def finding(self, kind: str, s: int, e: int, severity: str, reason: str) -> Finding:
        """Build a Finding for cleaned span [s, e)."""
        start, end = self._map(s), self._map(e - 1) + 1
        return Finding(kind, start, end, severity, self.nfc[start:end], reason)


def _bounded(text: str, s: int, e: int) -> bool:
    """True when [s, e) is not glued to letters or digits on either side."""
    return (s == 0 or not text[s - 1].isalnum()) and (e >= len(text) or not text[e].isalnum())


def _prev_word(text: str, s: int) -> str:
    """The word just before offset s on the same line."""
    chunk = text[max(0, s - 40):s]
    words = _WORD_RE.findall(chunk[chunk.rfind("\n") + 1:])
    return words[-1] if words else ""


def _next_word(text: str, e: int) -> str:
    """The word just after offset e on the same line."""
    m = re.match(r"[^\w\n]*(\w+)", text[e:e + 40])
    return m.group(1) if m else ""


def _line(low: str, s: int, e: int, reach: int = 120) -> tuple[str | None, str | None]:
    """Letters on the same line before s and after e (None when the line is too long)."""
    ls, le = low.rfind("\n", max(0, s - reach), s), low.find("\n", e, e + reach)
    before = None if ls < 0 and s > reach else _STAMP_STRIP.sub("", low[ls + 1:s])
    end = le if le >= 0 else len(low)
    after = None if le < 0 and len(low) - e > reach else _STAMP_STRIP.sub("", low[e:end])
    return before, after


def _sentence(low: str, s: int, e: int, semicolon: bool = True,
              reach: int = 220) -> tuple[int, int]:
    """Bounds of the sentence around [s, e), at most reach characters each side."""
    rx = _SEP_RE if semicolon else _STOP_RE
    lo, hi = max(0, s - reach), min(len(low), e + reach)
    a = lo
    for m in rx.finditer(low, lo, s):
        a = m.end()
    m = rx.search(low, e, hi)
    return a, m.start() if m else hi


@lru_cache(maxsize=256)
def _has_person(clean: str) -> bool:
    """True when the text names or locates an identifiable person."""
    for m in _PERSON_RE.finditer(clean):
        if (m.group("n") or m.group("h")) and _SPEAKER_RE.match(clean, m.end()):
            continue
        if m.group("n"):
            before = _prev_word(clean, m.start()).lower()
            tail = clean[m.start():m.start() + 16]
            if before in R.PLACE_WORDS or any(tail.startswith(x) for x in R.NAME_EXCL):
                continue
        return True
    return False


def _digits(s: str) -> str:
    """Only the digits of s, with a Vietnamese country code turned into a leading zero."""
    d = "".join(_DIGITS_RE.findall(s))
    return "0" + d[2:] if d.startswith("84") and len(d) in (11, 12) else d


def _number_kind(d: str) -> str | None:
    """Classify a digit string as a phone number or a national ID number."""
    if d.startswith("0") and len(d) == 10 and d[1:3] in R.MOBILE:
        return "phone"
    if len(d) == 11 and d[:3] in ("024", "028") or len(d) == 11 and d[1:4] in R.AREA3:
        return "phone" if d[0] == "0" else None
    if len(d) == 12 and d[:3] in R.PROVINCES and d[3] in "0123":
        return "national_id"
    return None


def _marking(doc: _Doc, key: str, s: int, e: int, out: list) -> int:
    """Judge a possible classification marking; return the end of the text it covers."""
    low, clean = doc.low, doc.clean
    if key.startswith("chỉ người"):
        out.append((_MARK, s, e, SEVERITY_BLOCK, "Chỉ dẫn phạm vi lưu hành tài liệu mật"))
    elif key == "tài liệu thu hồi":
        before, after = _line(low, s, e)
        nxt = _next_word(clean, e)
        upper = clean[s:e].isupper()
        if after == "" and (upper or before == "") or upper and nxt and (
                not nxt.isupper() and nxt.lower() not in R.RECALL_BENIGN):
            out.append((_MARK, s, e, SEVERITY_BLOCK, "Dấu «Tài liệu thu hồi»"))
    elif key == "độ mật":
        lm = _LEVEL_AFTER.match(low, e)
        if lm is None:
            return _marking(doc, "mật", e - 3, e, out)
        out.append((_MARK, s, lm.end(), SEVERITY_BLOCK, "Dấu chỉ độ mật"))
        return lm.end()
    elif " " in key and key not in R.MARK_LEVELS:
        out.append((_MARK, s, e, SEVERITY_BLOCK, "Dấu chỉ độ mật"))
    elif key != "mật":
        words = clean[s:e].split()
        named = words[0].islower() and words[-1][0].isupper()  # "tối Mật": a name
        if _next_word(low, e) not in R.MAT_NEXT_EXCL and not named:
            out.append((_MARK, s, e, SEVERITY_BLOCK, "Dấu chỉ độ mật"))
    elif _next_word(low, e) not in R.MAT_NEXT_EXCL and _prev_word(low, s) not in R.MAT_PREV_EXCL:
        before, after = _line(low, s, e)
        stamp = before == "" and after == ""
        prev = _prev_word(clean, s)
        if stamp or clean[s:e].isupper() and not (prev and prev.isupper()):
            out.append((_MARK, s, e, SEVERITY_BLOCK, "Dấu chỉ độ mật"))
    return e


def _topic(doc: _Doc, key: str, s: int, e: int, out: list) -> None:
    """Judge a phrase that may reveal defence, security or personnel secrets."""
    low = doc.low
    group, needs_context = R.TOPICS[key]
    a, b = _sentence(low, s, e, semicolon=False)
    if key == "vị trí kho" and _next_word(low, e) in R.WAREHOUSE_BENIGN:
        return
    if key == "chuyên án" and any(w in low[a:b] for w in R.TOPIC_PUBLIC[-8:]):
        return
    if needs_context:
        rest = low[a:s] + " | " + low[e:b]
        if any(w in rest for w in R.TOPIC_PUBLIC):
            return
        if not any(w in rest for w in R.TOPIC_CONTEXT[group]) and not (
                group in ("force", "patrol") and _CTX_NUM.search(rest)):
            return
    out.append(("state_secret_topic", s, e, SEVERITY_BLOCK, R.TOPIC_REASON[group]))


def _sensitive(doc: _Doc, key: str, s: int, e: int, out: list) -> None:
    """Health, drug or criminal data, reported only when tied to an identifiable person."""
    category, strong = R.SENSITIVE[key]
    a, b = _sentence(doc.low, s, e)
    if not strong and any(w in doc.low[a:b] for w in R.CAMPAIGN):
        return
    if not _has_person(doc.clean[a:b]):
        if not _BACKREF_RE.match(doc.low, a) or not _has_person(doc.clean[max(0, a - 250):a]):
            return
    out.append(("sensitive_personal", s, e, SEVERITY_BLOCK, R.SENSITIVE_REASON[category]))


def _dob(doc: _Doc, s: int, e: int, out: list) -> None:
    """A date or year of birth right after "sinh ngày", "sinh năm", "SN", ..."""
    low = doc.low
    m = _DATE_AFTER.match(low, e)
    if m is None:
        return
    a, _ = _sentence(low, s, e)
    before = low[a:s]
    if any(w in before for w in R.DOB_PUBLIC):
        return
    ds, de = m.span("d") if m.group("d") else m.span("y")
    if _RANGE_AFTER.match(low, de):
        return
    if m.group("y") and (_COHORT_RE.search(before) or not _has_person(doc.clean[a:s])):
        return
    out.append(("date_of_birth", ds, de, SEVERITY_BLOCK, "Ngày sinh của cá nhân"))


def _id_context(doc: _Doc, key: str, e: int, out: list, claimed: set[int]) -> None:
    """An ID number right after "CMND", "CCCD", "căn cước", ..."""
    m = _ID_AFTER.match(doc.low, e)
    if m is None:
        return
    digits = sum(map(len, _DIGITS_RE.findall(m.group(1))))
    if digits == 12 or digits == 9 and R.ID_CONTEXT[key]:
        claimed.add(m.start(1))
        reason = "Số chứng minh nhân dân" if digits == 9 else "Số định danh cá nhân (CCCD)"
        out.append(("national_id", m.start(1), m.end(1), SEVERITY_BLOCK, reason))


def _bank(doc: _Doc, s: int, e: int, out: list, claimed: set[int]) -> None:
    """A bank account number next to "STK", "số tài khoản" or a bank's name."""
    low = doc.low
    explicit = low[s:e] in ("stk", "số tk", "tk số") or low[s:e].endswith("khoản")
    m = _RUN_RE.search(low, e, min(len(low), e + 60))
    if m and ("\n" in low[e:m.start()] or _PHONE_WORDS_RE.search(low, e, m.start())):
        m = None
    span = m.span() if m else None
    if span is None:
        mb = _BANK_BEFORE.search(low, max(0, s - 45), s)
        span = mb.span(1) if mb else None
    if span is None or span[0] and low[span[0] - 1].isalnum() or _MONEY_RE.match(low, span[1]):
        return
    if not explicit and _number_kind(_digits(low[span[0]:span[1]])) == "phone":
        return
    claimed.add(span[0])
    out.append(("bank_account", span[0], span[1], SEVERITY_BLOCK, "Số tài khoản ngân hàng"))


class Scanner:
    """Scanner with optional admin rules and an allow-list of published contacts."""

    def __init__(self, rules: Iterable[Rule] = (), allow: Iterable[str] = ()) -> None:
        self.rules: dict[tuple[bool, str], list[Rule]] = {}
        for rule in rules:
            key = _norm_phrase(rule.phrase, rule.ignore_tones)
            if key:
                self.rules.setdefault((rule.ignore_tones, key), []).append(rule)
        self._rule_re = {
            flag: re.compile(R.trie_regex(k for f, k in self.rules if f == flag))
            for flag in (False, True) if any(f == flag for f, _ in self.rules)
        }
        allow = [unicodedata.normalize("NFC", a).strip() for a in allow]
        self.allow_phones = {_digits(a) for a in allow if len(_digits(a)) >= 6}
        self.allow_mails = {a.casefold() for a in allow if "@" in a}

    def scan(self, text: str) -> list[Finding]:
        """Return every finding in text, sorted by start offset."""
        doc = _Doc(text)
        out: list[tuple[str, int, int, str, str]] = []
        claimed: set[int] = set()
        self._keywords(doc, out, claimed)
        self._numbers(doc, out, claimed)
        self._emails(doc, out)
        self._admin(doc, out)
        found = {doc.finding(*f) for f in out}
        found = {f for f in found if not self._allowed(f)}
        return sorted(found, key=lambda f: (f.start, f.end, f.kind))

    def _allowed(self, f: Finding) -> bool:
        """True for a phone or e-mail the admin published on purpose."""
        if f.kind == "phone":
            return _digits(f.text) in self.allow_phones
        return f.kind == "email" and f.text.casefold() in self.allow_mails

    def _keywords(self, doc: _Doc, out: list, claimed: set[int]) -> None:
        """One pass of the trigger-phrase regex; each hit is judged in its context."""
        low, skip_to = doc.low, 0
        for m in _KEY_RE.finditer(low):
            s, e = m.span()
            if s < skip_to or not _bounded(low, s, e):
                continue
            key = " ".join(m.group().split())
            kind = _KEYS[key]
            if kind == "mark":
                skip_to = _marking(doc, key, s, e, out)
            elif kind == "topic":
                _topic(doc, key, s, e, out)
            elif kind == "sensitive":
                _sensitive(doc, key, s, e, out)
            elif kind == "dob":
                _dob(doc, s, e, out)
            elif kind == "id":
                _id_context(doc, key, e, out, claimed)
            else:
                _bank(doc, s, e, out, claimed)

    def _numbers(self, doc: _Doc, out: list, claimed: set[int]) -> None:
        """Phones, ID numbers and vehicle plates among the digit runs."""
        low = doc.low
        for m in _NUM_RE.finditer(low):
            s = m.start()
            if s and low[s - 1].isalnum():
                continue
            if m.group("plate"):
                out.append(("vehicle_plate", s, m.end(), SEVERITY_BLOCK, "Biển số xe"))
                continue
            if _MONEY_RE.match(low, m.end()) or _NOT_PHONE.search(low, max(0, s - 20), s):
                continue
            groups = [(g.start() + s, g.end() + s) for g in _DIGITS_RE.finditer(m.group())]
            _segment(doc, groups, out, claimed)

    def _emails(self, doc: _Doc, out: list) -> None:
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
                warn = addr.endswith(".gov.vn") or _official(doc, s)
                out.append(("email", s, m.end(), SEVERITY_WARN if warn else SEVERITY_BLOCK,
                            "Thư điện tử công vụ" if warn else "Thư điện tử cá nhân"))
            at = low.find("@", at + 1)

    def _admin(self, doc: _Doc, out: list) -> None:
        """Findings of kind "keyword" for the admin's rules."""
        for flag, rx in self._rule_re.items():
            text = doc.folded if flag else doc.low
            for m in rx.finditer(text):
                s, e = m.span()
                if not _bounded(text, s, e):
                    continue
                for rule in self.rules[(flag, " ".join(m.group().split()))]:
                    reason = rule.note or f"Từ khóa cần xem xét: {rule.phrase}"
                    out.append(("keyword", s, e, rule.severity, reason))


_DOMAIN_RE = re.compile(r"[a-z0-9\-]+(?:\.[a-z0-9\-]+)+")


def _norm_phrase(phrase: str, ignore_tones: bool) -> str:
    """An admin phrase as matched: NFC, no invisibles, lower case, single spaces."""
    p = " ".join(_INVIS_RE.sub("", unicodedata.normalize("NFC", phrase)).lower().split())
    return R.fold_tones(p) if ignore_tones else p


def _official(doc: _Doc, s: int) -> bool:
    """True when the contact at s is presented as an office's or official's work contact."""
    low = doc.low
    lo = max(0, s - 160)
    lo = max(lo, low.rfind("\n", lo, s) + 1)
    off = [(m.start(), m.end()) for m in _OFFICIAL_RE.finditer(low, lo, s)]
    last_off = max((e for _, e in off), default=-1)
    last_priv = -1
    # private mentions before the last official marker cannot win; skip scanning them
    for m in _PRIVATE_RE.finditer(doc.clean, max(lo, last_off - 1), s):
        titled = any(m.start() - 25 <= e <= m.start() and not _LINK_RE.search(low, e, m.start())
                     for _, e in off)
        if titled:
            last_off = max(last_off, m.end())
        else:
            last_priv = m.end()
    if last_off >= 0 or last_priv >= 0:
        return last_off > last_priv
    return "liên hệ" in low[lo:s]


def _segment(doc: _Doc, groups: list[tuple[int, int]], out: list, claimed: set[int]) -> None:
    """Split a run of digit groups (split only at spaces) into phone and ID numbers."""
    low, n, i = doc.low, len(groups), 0
    spaced = [i == 0 or " " in low[groups[i - 1][1]:groups[i][0]] for i in range(n)] + [True]
    digs = [low[a:b] for a, b in groups]
    while i < n:
        hit = None
        if spaced[i] and groups[i][0] not in claimed:
            acc, ends = "", []
            for j in range(i + 1, min(n, i + 6) + 1):
                acc += digs[j - 1]
                if len(acc) > 12:
                    break
                if spaced[j] and len(acc) >= 10:
                    ends.append(j)
            for j in reversed(ends):
                kind = _number_kind(_digits(low[groups[i][0]:groups[j - 1][1]]))
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
        if kind == "national_id":
            out.append((kind, s, e, SEVERITY_BLOCK, "Số định danh cá nhân (CCCD)"))
        elif _official(doc, s):
            out.append((kind, s, e, SEVERITY_WARN, "Số điện thoại công vụ"))
        else:
            out.append((kind, s, e, SEVERITY_BLOCK, "Số điện thoại cá nhân"))
        i = j


def scan(text: str) -> list[Finding]:
    """Scan text with the default scanner (no admin rules, no allow-list)."""
    return _DEFAULT.scan(text)


_DEFAULT = Scanner()

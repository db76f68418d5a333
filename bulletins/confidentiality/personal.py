"""Personal-data detectors: sensitive data about a person, dates of birth, ID numbers."""

from __future__ import annotations

import re
from bisect import bisect_right

from bulletins.confidentiality import phrases as R
from bulletins.confidentiality.concepts.basis import (
    DOB_REASON,
    PUBLIC_NOTICE,
    SENSITIVE_REASON,
)
from bulletins.confidentiality.concepts.framings import announces, court_notice, notice
from bulletins.confidentiality.concepts.health import MORE_SENSITIVE
from bulletins.confidentiality.concepts.whose import (
    DEBT_KEYS,
    debt_span,
    located,
    nobodys,
    predicate,
)
from bulletins.confidentiality.text import (
    SEVERITY_BLOCK,
    SEVERITY_WARN,
    Doc,
    Hit,
    any_of,
    ci_trie,
    highland_name,
    named_before,
    prev_word,
)

_DATE_AFTER = re.compile(
    r"\s*(?:[:(,\-–]\s*)?(?:là\s+|vào\s+)?(?:(?P<d>\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?"
    r"(?:19|20)\d\d|(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2},?\s+năm\s+(?:19|20)\d\d)"
    r"|(?P<y>(?:19|20)\d\d))(?!\d)"
)
# "sinh từ 01/01/2006 đến 31/12/2006", "sinh năm 2008 trở về trước": a cohort's range; a dash
# before anything but another date ends a list's column ("A Tuấn – sinh ngày … – căn cước …")
_RANGE_AFTER = re.compile(r"\s*(?:trở về|trở lên|trở xuống|(?:đến|-|–)\s*(?:(?:ngày|năm)\s+)?\d)")
# Residence words; then, after one \b, h: an honorific before a capitalised name, n: a surname
# and a given name, initials, an age.  Residence words, initials and an age never match where
# another branch does, so this order finds the same matches as h|n|residence|age|initials.
_RESIDENCE = ("trú tại", "thường trú", "tạm trú", "nơi cư trú", "hộ khẩu", "quê quán")
# an age range ("từ 40 tuổi", "trẻ dưới 5 tuổi") is a group of people, not a person
_COHORT_AGE = "".join(rf"(?<!{w} )" for w in ("từ", "Từ", "đến", "trên", "dưới", "Dưới", "đủ",
                                               "ngoài", "độ"))
_PERSON_RE = re.compile(
    ci_trie(_RESIDENCE) + r"|\b(?:(?P<h>" + ci_trie(R.HONORIFIC.split("|")) + r"\s+" + R.UP
    + r")|(?P<n>(?:" + "|".join(R.SURNAMES) + r")\s+" + R.UP + r"\w*)"
    r"|" + R.UP + r"\.\s?" + R.UP + r"\.\s?" + R.UP + r"|" + _COHORT_AGE + r"\d{1,3}\s*(?i:tuổi))"
)
_SPEAKER_RE = re.compile(R.SPEAKER, re.IGNORECASE)
_ANYONE_HERE = re.compile(r"(?:\s+(?:thường trú|tạm trú))?\s+(?:trên địa bàn|tại địa phương"
                          r"|ở địa phương|tại xã|trong xã)\b", re.IGNORECASE)
_SPEAKER_VERB_RE = re.compile(r"[^.;\n]{0,40}?\b(?:cho biết|phát biểu|nhấn mạnh"
                              r"|chia sẻ(?! bài| lại| link| video| clip| hình| ảnh))",
                              re.IGNORECASE)
_BACKREF_RE = re.compile(R.BACKREF)
# ... or after an opening phrase: "Cuối tháng 9, ông được bệnh viện chẩn đoán …"
# (or anywhere: "Đầu năm nay bà phát hiện ung thư …", "Bé mắc bệnh bạch cầu …"), a pronoun
# as the subject of what befell the person named before, never "các em", "bà con"
_BACKREF_MID = re.compile(r"(?:^|,\s*|(?<![^\W\d_]\w)(?<!các )(?<!những )(?<!mấy )(?<=\s))"
                          r"(?:anh|chị|ông|bà|cô|chú|bác|thầy|cháu|em|cụ|bé|người này"
                          r"|(?<!bà )(?<!vợ )(?:" + R.KIN_WORDS + r")"
                          r"(?:\s+(?:lớn|nhỏ|út|cả|đầu|thứ\s+\w+))?"
                          r"(?:\s+(?:của\s+)?(?:anh|chị|ông|bà|em|cháu|cụ))?)"
                          r"(?:\s+(?:này|ấy))?\s+"  # "Được biết anh này từng …"
                          r"(?:(?:còn|cũng|vẫn)\s+)?"
                          r"(?:được|bị|đã|đang|vừa|mới|từng|lại|phát hiện|mắc|nhiễm)\b")
_COUNT = r"(?:\d{1,2}|một|hai|ba)"  # a small count: "2", "01", "hai"
_GOES_ON = re.compile(r"\s*(?:(?:tuy nhiên|nhưng|song|ngoài ra|đồng thời),?\s+)?"
                      r"(?:từng|đang|đã|hiện|hiện đang|bị|mắc|nay|vừa|mới|thường|hay|vẫn"
                      rf"|có {_COUNT} tiền)\b")
# a person's record counted, as police write it: "có 2 tiền án", "01 tiền sự"
_COUNTED = re.compile(rf"(?:\b(?:có|với)\s+)?{_COUNT}\s+$")
_CAMPAIGN_RE = any_of(R.CAMPAIGN)
_DOB_PUBLIC_RE = any_of(R.DOB_PUBLIC)


def _fast_person_re() -> re.Pattern[str]:
    """_PERSON_RE without initials and ages, branching on a literal first letter (fast scan)."""
    by_first: dict[str, list[list[str]]] = {}
    for part, words, cased in ((0, _RESIDENCE, False), (1, R.HONORIFIC.split("|"), False),
                               (2, R.SURNAMES, True)):
        for w in words:
            for c in dict.fromkeys((w[0],) if cased else (w[0].upper(), w[0])):
                by_first.setdefault(c, [[], [], []])[part].append(re.escape(w[1:]))
    branches = []
    for k, (c, (res, hon, sur)) in enumerate(by_first.items()):
        named = [f"(?P<h{k}>(?i:" + "|".join(hon) + r")\s+" + R.UP + ")"] * bool(hon)
        named += [f"(?P<n{k}>(?:" + "|".join(sur) + r")\s+" + R.UP + r"\w*)"] * bool(sur)
        alts = ["(?i:" + "|".join(res) + ")"] * bool(res)
        alts += [r"(?<!\w[\s\S])(?:" + "|".join(named) + ")"] * bool(named)
        branches.append(re.escape(c) + "(?:" + "|".join(alts) + ")")
    return re.compile("|".join(branches))


# Initials need "X.Y.", ages "<digit> tuổi"; text without them is scanned with the fast regex.
_FAST_PERSON_RE = _fast_person_re()
_INITIALS_HINT = re.compile(r"\.\s?" + R.UP + r"\.")
_AGE_HINT = re.compile(r"\d\s*[Tt][Uu][Ổổ]")


def has_person(clean: str, officials: bool = False) -> bool:
    """True when the text names or locates an identifiable person; a named official (", trưởng
    thôn") counts only when officials is true, a speaker ("… cho biết") never."""
    if _AGE_HINT.search(clean) or _INITIALS_HINT.search(clean):
        matches = ((m, m.group("h"), m.group("n")) for m in _PERSON_RE.finditer(clean))
    else:
        matches = ((m, (m.lastgroup or " ")[0] == "h", (m.lastgroup or " ")[0] == "n")
                   for m in _FAST_PERSON_RE.finditer(clean))
    for m, honorific, name in matches:
        if (name or honorific) and (_SPEAKER_VERB_RE if officials else _SPEAKER_RE).match(
                clean, m.end()):
            continue
        if name:
            before = prev_word(clean, m.start()).lower()
            tail = clean[m.start():m.start() + 16]
            if before in R.PLACE_WORDS or tail.startswith(R.NAME_EXCL):
                continue
        elif not honorific and _ANYONE_HERE.match(clean, m.end()):
            continue  # "phụ nữ … có hộ khẩu trên địa bàn xã": whoever lives here, a group
        return True
    return highland_name(clean)


# has_person by the text of a span: a pure function of it, and sentences repeat (revisions)
_PERSON_MEMO: dict[tuple[str, bool], bool] = {}


def person_in(doc: Doc, a: int, b: int, officials: bool = False) -> bool:
    """has_person on clean[a:b], computed once per text."""
    key = (doc.clean[a:b], officials)
    known = _PERSON_MEMO.get(key)
    if known is None:
        if len(_PERSON_MEMO) >= 20_000:
            _PERSON_MEMO.clear()
        known = _PERSON_MEMO[key] = has_person(key[0], officials)
    return known


# whether a sentence speaks of a campaign, by its text (sentences repeat: revisions)
_CAMPAIGN_MEMO: dict[str, bool] = {}


def _published(doc: Doc, kind: str, s: int, e: int, reason: str, a: int, b: int,
               out: list[Hit], category: str = "") -> None:
    """Add a finding, which warns instead of blocking when its sentence [a, b) or the document
    is a notice published on purpose. What a wanted or trial notice must publish by law —
    the person's year of birth and charge (Bộ luật Tố tụng hình sự 2015, Điều 231: họ tên,
    năm sinh, nơi cư trú, tội danh; trials are public, Điều 25) — is no finding at all."""
    if notice(doc, a, b):
        if kind != "date_of_birth" and category != "crime" or not court_notice(doc, a, b):
            out.append((kind, s, e, SEVERITY_WARN, reason + PUBLIC_NOTICE))
        return
    out.append((kind, s, e, SEVERITY_BLOCK, reason))


def _cohort(before: str) -> bool:
    """True when before ends with a group word ("thanh niên", "công dân nam", ...)."""
    tail = before.rstrip()
    return tail.endswith(R.COHORT) and any(
        tail.endswith(w) and (len(tail) == len(w) or tail[-len(w) - 1].isspace())
        for w in R.COHORT)


_USE_RE = re.compile(r"sử dụng|nghiện|cai|dương tính|điều trị|methadone|chích|hút|tiêm")


def sensitive(doc: Doc, key: str, s: int, e: int, out: list[Hit]) -> None:
    """Health, drug or criminal data, reported only when tied to an identifiable person."""
    category, strong = R.SENSITIVE.get(key) or MORE_SENSITIVE[key]
    a, b = doc.sentence(s, e)
    if key == "ma túy" and not _USE_RE.search(doc.low, a, b) or key == "vay nặng lãi" and (
            doc.low.endswith("cho ", 0, s)):  # the lender's trade, not a borrower's debt
        return
    if nobodys(doc.low, key, category, s, e):
        return
    if key in DEBT_KEYS:
        span = debt_span(doc.low, key, a, s, e)
        if span is None:
            return
        s, e = span
    # "bị ung thư", "mắc lao", "chẩn đoán trầm cảm": said of someone, not of a campaign
    strong = strong or predicate(doc.low, max(a, s - 24), s) or category == "crime" and (
        _COUNTED.search(doc.low, max(a, s - 12), s) is not None)
    if not strong:
        text = doc.low[a:b]
        campaign = _CAMPAIGN_MEMO.get(text)
        if campaign is None:
            if len(_CAMPAIGN_MEMO) >= 20_000:
                _CAMPAIGN_MEMO.clear()
            # the Bank for Social Policies lends to people; its name is no policy campaign
            campaign = _CAMPAIGN_MEMO[text] = _CAMPAIGN_RE.search(
                text.replace("ngân hàng chính sách", "")) is not None
        if campaign:
            return
    if not person_in(doc, a, b, strong) and not located(doc.low, a, b):
        back = _BACKREF_RE.match(doc.low, a) or _BACKREF_MID.search(doc.low, a, e)
        if (not back or not person_in(doc, max(0, a - 250), a)) and not named_before(doc, a, b):
            # "2. Cao Văn Tiến, thôn Thượng Cầu; từng chấp hành án …": the clause goes on
            # about the person its sentence named before the semicolon
            if not _GOES_ON.match(doc.low, a):
                return
            whole = doc.sentence(s, e, semicolon=False)[0]
            if whole >= a or not person_in(doc, whole, a):
                return
    if category == "location":  # where the tracking found the person is said after it
        e = doc.sentence(s, e)[1]
        while doc.low[e - 1] in " \t\r\n,;:.!?":
            e -= 1
    _published(doc, "sensitive_personal", s, e, SENSITIVE_REASON[category], a, b, out, category)


def dob(doc: Doc, s: int, e: int, out: list[Hit]) -> None:
    """A date or year of birth right after "sinh ngày", "sinh năm", "SN", ..."""
    low = doc.low
    m = _DATE_AFTER.match(low, e)
    if m is None:
        return
    a, b = doc.sentence(s, e)
    if _DOB_PUBLIC_RE.search(low, a, s) or low.endswith("giáng ", 0, s):  # "Giáng sinh năm 2026"
        return
    before = low[a:s]
    ds, de = m.span("d") if m.group("d") else m.span("y")
    if _RANGE_AFTER.match(low, de):
        return
    # a year of birth: a group's, or an official's in the announcement of an appointment
    if m.group("y") and (_cohort(before) or not person_in(doc, a, s) or announces(low)):
        return
    _published(doc, "date_of_birth", ds, de, DOB_REASON, a, b, out)


# "Trần Thị Ngọc Hân (05/8/2004, chi đoàn ấp Cà Vừng)": a full date of a year long past in
# brackets right after a person's name is when the person was born
_BRACKET_DATE = re.compile(r"\(\s*(\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?(?:19\d\d|200\d|201[0-5]))"
                           r"(?![\d/.\-])")
_NAME_BEFORE = re.compile(r"(?:" + "|".join(R.SURNAMES) + r")(?:\s+" + R.UP + r"\w*){1,3}\s*$")


def dob_in_brackets(doc: Doc, out: list[Hit]) -> None:
    """A date of birth in brackets after a person's name, without the words "sinh ngày"."""
    if "(" not in doc.low:
        return
    for m in _BRACKET_DATE.finditer(doc.clean):
        if _NAME_BEFORE.search(doc.clean, max(0, m.start() - 40), m.start()):
            a, b = doc.sentence(m.start(), m.end())
            _published(doc, "date_of_birth", *m.span(1), DOB_REASON, a, b, out)


# what a security or religious-affairs secret says of its suspects is part of it
_PART = (SENSITIVE_REASON["drug"], SENSITIVE_REASON["crime"], SENSITIVE_REASON["views"])


def merge_sensitive(doc: Doc, out: list[Hit]) -> None:
    """Sensitive data of one person said in one sentence is one finding ("nhiễm HIV, đang điều
    trị ARV"): hits of the same sentence merge into the first, which spans them all. What a
    state secret says of its suspects (their drug use, record, views, year of birth) is part
    of its finding."""
    secrets = sorted((h[1], h[2]) for h in out if h[0] == "state_secret_topic")
    if secrets:  # a suspect's drug use, record or views inside a secret
        starts, reach, far = [s for s, _ in secrets], [], 0
        for _, e in secrets:
            far = max(far, e)
            reach.append(far)  # the furthest end of the secrets starting up to here

        def inside(h: Hit) -> bool:
            i = bisect_right(starts, h[1])
            return i > 0 and reach[i - 1] >= h[2]

        # ... and so is a suspect's year of birth ("Lò Văn Sáng, SN 1991, …"); a full date of
        # birth stays a finding of its own (leave-one-batch-out on 14 batches: dates of birth
        # 1.000 / 0.832 -> 1.000 / 0.929; dropping full dates too lost 4 marks)
        out[:] = [h for h in out if not (h[0] == "sensitive_personal" and h[4].startswith(_PART)
                                         or h[0] == "date_of_birth" and h[2] - h[1] == 4)
                  or not inside(h)]
    hits = sorted((h[1], i) for i, h in enumerate(out) if h[0] == "sensitive_personal")
    drop: set[int] = set()
    keep = None
    for s, i in hits:
        if keep is not None:
            k = keep
            ks, ke = out[k][1], out[k][2]
            if s - ke <= 80 and doc.sentence(ks, ke, semicolon=False)[1] > s:
                out[k] = (out[k][0], ks, max(ke, out[i][2]), *out[k][3:])
                drop.add(i)
                continue
        keep = i
    if drop:
        out[:] = [h for i, h in enumerate(out) if i not in drop]

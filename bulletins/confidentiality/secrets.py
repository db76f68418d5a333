"""State-secret detectors: classification markings and defence, security, personnel topics."""

from __future__ import annotations

import re

from bulletins.confidentiality import phrases as R
from bulletins.confidentiality import stamps
from bulletins.confidentiality.concepts.basis import MARK_REASON, TOPIC_REASON
from bulletins.confidentiality.concepts.framings import PUBLIC
from bulletins.confidentiality.concepts.society import PERSONNEL_GENERAL
from bulletins.confidentiality.concepts.specifics import Facts
from bulletins.confidentiality.text import (
    SEVERITY_BLOCK,
    Doc,
    Hit,
    any_of,
    line,
    next_word,
    prev_word,
)

MARK = "classification_marking"
MARK_KEYS = (*R.MARK_LEVELS, "độ mật", "m ậ t", "t ố i m ậ t", "t u y ệ t m ậ t",
             "tài liệu thu hồi", "chỉ người có tên mới được bóc bì", "bản số", "không phổ biến",
             # an extract's copy number ("TUYỆT MẬT – Trích sao số 01"); "(Tài liệu mật – …)"
             "trích sao số", "tài liệu mật", *stamps.KEYS)
_CTX_NUM = re.compile(R.NUM_UNIT)
_LEVEL_AFTER = re.compile(r"\s*[:\-–]?\s*(tuyệt\s+mật|tối\s+mật|mật)(?!\w)")
_PUBLIC_RE = any_of(R.TOPIC_PUBLIC)
_CASE_PUBLIC_RE = any_of(R.TOPIC_PUBLIC[-8:])
_CONTEXT_RE = {group: any_of(words) for group, words in R.TOPIC_CONTEXT.items()}
_GENERAL_RE = any_of(PERSONNEL_GENERAL)
# a personnel plan as such: secret by the people in it, which the sentence must name
_PLAN_WORDS = frozenset(("phương án nhân sự", "dự kiến nhân sự", "nhân sự dự kiến"))
# ... or head the list of them: "danh sách …", "gồm các đồng chí có tên sau đây"
_ANNOUNCED = PUBLIC["announced"]
_NAMES_FOLLOW = re.compile(r"danh sách|có tên sau|gồm các đồng chí|như sau|gồm:")
# "Bản số 04", "Bản số 02/05": the copy number printed on a secret document
_COPY_AFTER = re.compile(r"\s*:?\s*\d{1,3}(?:\s*/\s*\d{1,3})?(?!\d)")
_OPEN_BEFORE = re.compile(r"[(\[–\-—]\s*$")
# "MẬT – BÁO CÁO …": a dash or a colon ends the stamp, the next word is no compound ("mật báo")
_STAMP_CUT = re.compile(r"[ \t]*[–\-—:|][ \t]")

_NAMED_AFTER = re.compile(r"(?:^|[\s(\[])(?:tài liệu|văn bản|mức độ|độ mật)[:\s]*$")
# "Bản số 01. Không phổ biến …": after another stamp on its line
_STAMPED = re.compile(r"(?:Bản số\s*\d+|MẬT)\W*$")
_SET_APART = re.compile(r"[–—\-(|:,] *$")
_CITED = re.compile(r"\((?:Tuyệt mật|Tối mật|Mật|MẬT)\s*[,;–]\s*$")
_CLOSE_AFTER = re.compile(r"[ \t.:]*(?:[)\]]|\n|$)")
_LEVEL = r"(?:tuyệt\s+mật|tối\s+mật|mật)"
# a level alone in brackets: "Kế hoạch kiểm tra (Mật)", "[TỐI MẬT]"
_BRACKETED = re.compile(r"[(\[](?:Tuyệt\s+mật|Tối\s+mật|TUYỆT\s+MẬT|TỐI\s+MẬT|Mật|MẬT)"
                        r"(?:[)\]]|\s*[,;–]\s*(?i:bản số))")  # "(Mật, bản số 02)": a plan cited
# "Mật/LHNB", "Mật/KPB", "Mật - Khẩn": a level with another mark or an urgency after it
_MARK_NEXT = re.compile(r"[ \t]*(?:/[ \t]*[A-ZĐ]{2,5}(?![a-zđ])|[-–—/,][ \t]*(?i:thượng khẩn"
                        r"|khẩn|hỏa tốc|hoả tốc)(?!\w))")
# "“Ô CHỮ TUYỆT MẬT”", "tiết mục “tuyệt mật”": a name or a word in quotes, not a stamp
_QUOTE_OPEN = re.compile(r"[“\"«]([^”\"»\n]{0,40})$")
# "Tài liệu thu hồi sau hội nghị – Số bản: 15": the recall stamp's usual words run on
_AFTER_MEETING = " sau hội nghị"
# two levels in a row, joined by a comma, "và", "hoặc" or a slash, quoted or not
_LEVEL_LIST = re.compile(_LEVEL + r"[”\"’»)]*\s*(?:,|;|/|và|hoặc)\s*[“\"‘«(]*" + _LEVEL
                         + r"(?:[”\"’»)]*\s*(?:,|;|/|và|hoặc)\s*[“\"‘«(]*" + _LEVEL + r")*(?!\w)")


def _compound(low: str, e: int) -> bool:
    """True when "mật" ending at e begins an ordinary word with the next one ("mật ong")."""
    return _STAMP_CUT.match(low, e) is None and next_word(low, e) in R.MAT_NEXT_EXCL


def _levels_named(low: str, s: int, e: int) -> bool:
    """True when the level at [s, e) is one of a list of levels ("ba độ: Tuyệt mật, Tối mật và
    Mật", "dấu “TỐI MẬT”, “MẬT”"): the law explained, not a document stamped."""
    a = max(0, s - 30)
    return any(m.start() <= s and e <= m.end() for m in _LEVEL_LIST.finditer(low, a, e + 30))


def _figure(clean: str, s: int, e: int) -> bool:
    """True when the level at [s, e) is a figure of speech ("đáp án là tuyệt mật") or in
    quotes as a name or a word ("trò chơi “Ô CHỮ TUYỆT MẬT”", "tiết mục “tuyệt mật”")."""
    lower = clean[s:e].islower()
    if lower and prev_word(clean, s).lower() == "là":
        return True
    m = _QUOTE_OPEN.search(clean, max(0, s - 41), s)
    return bool(m and e < len(clean) and clean[e] in "”\"»" and (m.group(1).strip() or lower))


def marking(doc: Doc, key: str, s: int, e: int, out: list[Hit]) -> int:
    """Judge a possible classification marking; return the end of the text it covers."""
    low, clean = doc.low, doc.clean
    if key in stamps.KEYS:
        return stamps.stamp(doc, key, s, e, out)
    if key in R.MARK_LEVELS and clean[s].isupper() and _MARK_NEXT.match(clean, e):
        out.append((MARK, s, e, SEVERITY_BLOCK, MARK_REASON["level"]))  # "Mật/LHNB"
        return e
    if key == "mật" and s > 1 and low[s - 1] == " " and low[s - 2].isalpha() and not (
            clean[s:e].isupper()):  # the commonest, most often an ordinary word ("bí mật")
        return e  # a lower-case "mật" right after a word (as below, without its regex)
    if key in R.MARK_LEVELS and _levels_named(low, s, e):
        return e
    if key in R.MARK_LEVELS and s and clean[s].isupper() and _BRACKETED.match(clean, s - 1):
        out.append((MARK, s, e, SEVERITY_BLOCK, MARK_REASON["level"]))  # "Kế hoạch (Mật)"
        return e
    if key == "mật":
        word = prev_word(low, s)
        # "thôn Mật", "bà Mật": a name, unless a dash or a bracket sets it apart ("… thôn) – MẬT")
        if word in R.MAT_PREV_EXCL and not _SET_APART.search(clean, max(0, s - 4), s):
            return e
        letters = word.replace("_", "")
        if letters and not letters.isdecimal() and not clean[s:e].isupper():
            return e  # a lower-case "mật" after a word on its line: no stamp
        if not _compound(low, e):
            before, after = line(low, s, e)
            stamp = before == "" and after == ""
            prev = prev_word(clean, s)
            j = s - 1
            while j > 0 and clean[j] == " ":
                j -= 1
            # "Báo cáo số 21/BC-CAX – MẬT – Bản số 03": set apart by a dash, not a title's word;
            # "CÔNG AN XÃ BÌNH SEN          MẬT": in a column of the header, by spaces or a tab
            apart = j >= 0 and (clean[j] in "–—-(|:,\t" or s - 1 - j >= 3)
            if stamp or clean[s:e].isupper() and (apart or not (prev and prev.isupper())):
                out.append((MARK, s, e, SEVERITY_BLOCK, MARK_REASON["level"]))
        return e
    if key in ("bản số", "trích sao số", "không phổ biến"):
        return _copy_or_restricted(doc, key, s, e, out)
    if key.startswith("chỉ người"):
        out.append((MARK, s, e, SEVERITY_BLOCK, MARK_REASON["envelope"]))
    elif key == "tài liệu mật":  # "(Tài liệu mật – thu hồi sau hội nghị)" heading a text
        if line(low, s, e)[0] != "":  # inside a line: "mật" judged alone ("(Tài liệu MẬT – …")
            return marking(doc, "mật", e - 3, e, out)
        out.append((MARK, s, e, SEVERITY_BLOCK, MARK_REASON["level"]))
    elif key == "tài liệu thu hồi":
        before, after = line(low, s, e)
        nxt = next_word(clean, e)
        upper = clean[s:e].isupper()
        if before == "" and low.startswith(_AFTER_MEETING, e):
            e += len(_AFTER_MEETING)
            out.append((MARK, s, e, SEVERITY_BLOCK, MARK_REASON["recall"]))
            return e
        if after == "" and (upper or before == "") or upper and nxt and (
                not nxt.isupper() and nxt.lower() not in R.RECALL_BENIGN):
            out.append((MARK, s, e, SEVERITY_BLOCK, MARK_REASON["recall"]))
    elif key == "độ mật":
        lm = _LEVEL_AFTER.match(low, e)
        if lm is None and clean[e - 3].isupper():  # "(Tài liệu có độ Mật – …)": the level named
            out.append((MARK, s, e, SEVERITY_BLOCK, MARK_REASON["level"]))
            return e
        if lm is None:
            return marking(doc, "mật", e - 3, e, out)
        if not _levels_named(low, lm.start(1), lm.end(1)):  # "ba độ mật: Tuyệt mật, Tối mật và Mật"
            out.append((MARK, s, lm.end(), SEVERITY_BLOCK, MARK_REASON["level"]))
        return lm.end()
    elif " " in key and key not in R.MARK_LEVELS:
        out.append((MARK, s, e, SEVERITY_BLOCK, MARK_REASON["level"]))
    else:
        words = clean[s:e].split()
        named = words[0].islower() and words[-1][0].isupper()  # "tối Mật": a name
        if not _compound(low, e) and not named and not _figure(clean, s, e):
            out.append((MARK, s, e, SEVERITY_BLOCK, MARK_REASON["level"]))
    return e


def _copy_or_restricted(doc: Doc, key: str, s: int, e: int, out: list[Hit]) -> int:
    """"Bản số 04" and "Không phổ biến" as stamps: alone on their line, in capitals, or set
    off in brackets or after a dash — not "bản số hóa" or "đề nghị không phổ biến rộng"."""
    clean = doc.clean
    words = clean[s:e]
    line_start = clean.rfind("\n", 0, s) + 1
    before = clean[line_start:s]
    if key != "không phổ biến":  # a copy's number
        m = _COPY_AFTER.match(clean, e)
        if m is None or not (words[0].isupper() or _CITED.search(before)):
            return e
        end = m.end()
        lone = not before.strip(" \t-–—([")
        # "góc trên ghi Bản số 1": a copy's number read off the paper
        told = before.rstrip().lower().endswith((" ghi", " đề", "có chữ"))
        if lone or told or _OPEN_BEFORE.search(before) or "mật" in before.lower():
            out.append((MARK, s, end, SEVERITY_BLOCK, MARK_REASON["copy"]))
        return end
    # "(Không phổ biến)", "(Không phổ biến trên hệ thống truyền thanh)": opened by a bracket
    set_off = _OPEN_BEFORE.search(before) and (_CLOSE_AFTER.match(clean, e) or before.endswith("("))
    lone = not before.strip() and _CLOSE_AFTER.match(clean, e)
    # "(Tài liệu Không phổ biến – …)": capitalised after a lower-case word, a stamp's name
    named = _NAMED_AFTER.search(before.lower()) or _STAMPED.search(before)
    if words.isupper() or (words[0].isupper() and (set_off or lone or named)):
        out.append((MARK, s, e, SEVERITY_BLOCK, MARK_REASON["restricted"]))
    return e


# topic()'s verdicts by what it reads (the phrase, its sentence and its place there; after
# "vị trí kho", the next word): a pure function of them, and sentences repeat (revisions)
_TOPIC_MEMO: dict[tuple[str, str, int, int, str], bool] = {}


def topic(doc: Doc, key: str, s: int, e: int, out: list[Hit]) -> None:
    """Judge a phrase that may reveal defence, security or personnel secrets."""
    low = doc.low
    a, b = doc.sentence(s, e, semicolon=False)
    memo = (key, doc.clean[a:b], s - a, e - a, next_word(low, e) if key == "vị trí kho" else "")
    held = _TOPIC_MEMO.get(memo)
    if held is None:
        if len(_TOPIC_MEMO) >= 20_000:
            _TOPIC_MEMO.clear()
        held = _TOPIC_MEMO[memo] = _topic(doc, key, s, e, a, b, memo[4])
    if held:
        out.append(("state_secret_topic", s, e, SEVERITY_BLOCK, TOPIC_REASON[R.TOPICS[key][0]]))


def _topic(doc: Doc, key: str, s: int, e: int, a: int, b: int, after: str) -> bool:
    """topic()'s verdict on the phrase [s, e) of the sentence [a, b); after: the next word."""
    low = doc.low
    group, needs_context = R.TOPICS[key]
    if key == "vị trí kho" and after in R.WAREHOUSE_BENIGN:
        return False
    if key == "chuyên án" and _CASE_PUBLIC_RE.search(low, a, b):
        return False
    if group == "personnel" and key != "chưa công bố" and _GENERAL_RE.search(low, a, b):
        return False
    if key in _PLAN_WORDS and (_ANNOUNCED.search(low, a, b) or not (
            _NAMES_FOLLOW.search(low, a, b) or Facts(low, doc.clean, a, b).get("person"))):
        return False  # "xây dựng phương án nhân sự đại hội": the work, not who is in it;
        # "thông qua phương án nhân sự và bầu …, ông X được bầu": the result, announced
    if needs_context:
        rest = low[a:s] + " | " + low[e:b]
        if _PUBLIC_RE.search(rest):
            return False
        if not _CONTEXT_RE[group].search(rest) and not (
                group in ("force", "patrol") and _CTX_NUM.search(rest)):
            return False
    return True

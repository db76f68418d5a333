"""A roster of posts and the people put forward for them, in a document about personnel not
yet decided: "DANH SÁCH QUY HOẠCH … - Bí thư Đảng ủy: Hoàng Văn Thắng, Lục Thị Hằng.", "phương
án nhân sự …: Bí thư: đồng chí Trần Minh Khải; Phó Bí thư: …".

Each line names who is planned for a post — personnel plans and succession lists before they are
announced (Luật BVBMNN 2018, Điều 7 khoản 13; danh mục BMNN lĩnh vực tổ chức, cán bộ). The
sentence that introduces the list is judged by the concepts (engine.py); its lines, which carry
no cue of their own ("Chủ tịch UBND xã: Lục Thị Hằng, Thào A Lềnh"), are found here.
"""

from __future__ import annotations

import re

from bulletins.confidentiality.concepts import security, society
from bulletins.confidentiality.concepts.basis import Concept
from bulletins.confidentiality.concepts.framings import PUBLIC
from bulletins.confidentiality.phrases import UP
from bulletins.confidentiality.text import SEVERITY_BLOCK, Doc, Hit

KIND = "state_secret_topic"
_REACH = 3000  # how far after the words that plan it a roster may run (a page)
# what says that the document plans its personnel: a succession list, a congress's plan
_PLAN_RE = re.compile(
    r"\b(?:danh sách quy hoạch|quy hoạch (?:cán bộ|chức danh|các chức danh|ban chấp hành"
    r"|bch|nguồn)|phương án nhân sự|dự kiến nhân sự|nhân sự dự kiến|dự kiến cơ cấu"
    r"|cơ cấu nhân sự|danh sách (?:đề cử|giới thiệu|dự kiến)|dự kiến giới thiệu"
    r"|nguồn cán bộ)\b")
# a line of the roster: a post, a colon, a person's name ("Phó CHT: Lê Văn Quý (…)")
_POST = (r"(?:chức danh\s+)?(?:phó\s+)?(?:bí thư|chủ tịch|chủ nhiệm|chỉ huy trưởng|chỉ huy phó"
         r"|cht|chính trị viên|trưởng|chánh|ủy viên|thường trực|giám đốc|tổ trưởng)")
_ENTRY_RE = re.compile(
    r"(?:^|(?<=\n)|(?<=[;.]\s))[ \t]*(?:[-+•*–][ \t]*)?(?i:" + _POST + r")[^:\n;.]{0,60}:"
    r"[ \t]*(?:(?i:đồng chí|đ/c|ông|bà)[ \t]+)?" + UP + r"\w*(?:[ \t]+" + UP + r"\w*){1,3}",
    re.MULTILINE)


# ... and a list of informants, place by place: "Cơ sở nắm tình hình tại các khu du lịch:
# 1. Khu Thác Bạc: ông Giáp Văn Hưng, bảo vệ bãi xe." (danh mục BMNN lĩnh vực công an)
# (informants' cue words, found by the scanner's one pass over the text)
SOURCES = frozenset(("cơ sở nắm tình hình", "cộng tác viên bí mật", "ctvbm", "ctv bí mật",
                     "cơ sở bí mật", "người cung cấp tin", "mạng lưới người cung cấp tin"))
_ITEM = r"^[ \t]*(?:\d{1,2}[.)]|[-+•*–])[ \t]*"
_NAME = UP + r"\w*(?:[ \t]+" + UP + r"\w*){1,3}"
_SOURCE_ENTRY_RE = re.compile(
    _ITEM + r"[^:\n]{2,60}:[ \t]*(?i:ông|bà|anh|chị|em|cô|chú)[ \t]+" + _NAME, re.MULTILINE)
# ... and a list of the people the police keep under watch, one a line: "Đối tượng quản lý
# ANCT quý I: 1. A Ró, 54 tuổi, làng Kon Jong – có quan hệ …" (the same catalogue)
WATCHED = frozenset(("anct", "an ninh chính trị", "quản lý về an ninh", "đối tượng trọng điểm",
                     "diện quản lý", "diện theo dõi", "diện trọng điểm",
                     "theo dõi đặc biệt", "đối tượng nghi vấn"))
_WATCHED_ENTRY_RE = re.compile(
    _ITEM + r"(?:(?i:ông|bà|anh|chị|em|cô|chú|đối tượng)[ \t]+)?" + _NAME + r"[ \t]*[,(–-]",
    re.MULTILINE)
_LISTS = ((SOURCES, _SOURCE_ENTRY_RE, security.INFORMANTS),
          (WATCHED, _WATCHED_ENTRY_RE, security.SUSPECTS))


def roster_hits(doc: Doc, out: list[Hit], cues: list[tuple[int, int, str]]) -> None:
    """A finding for each line of a personnel roster after the words that plan it, unless the
    document announces what was decided (a congress's results, an appointment)."""
    low = doc.low
    _sources(doc, out, cues)
    plan = _PLAN_RE.search(low)
    if plan is None or PUBLIC["election"].search(low) or any(
            not low.endswith(("chưa ", "không "), 0, m.start())
            for m in PUBLIC["announced"].finditer(low)):  # "chưa công khai danh sách" plans
        return
    concept = society.SUCCESSION if "quy hoạch" in plan.group() else society.NOMINATION
    reason = _line(concept, ["person", "position"])
    taken = sorted((s, e) for kind, s, e, _, _ in out if kind == KIND)
    text = doc.clean
    for m in _ENTRY_RE.finditer(text, plan.start(), plan.end() + _REACH):
        start = m.start() + len(m.group()) - len(m.group().lstrip(" \t-+•*–"))
        end = m.end()
        while end < len(text) and text[end] not in "\n;":
            if text[end] == "." and (end + 1 == len(text) or text[end + 1].isspace()):
                break
            end += 1
        if any(s < end and start < e for s, e in taken):
            continue
        out.append((KIND, start, end, SEVERITY_BLOCK, reason))


def _sources(doc: Doc, out: list[Hit], cues: list[tuple[int, int, str]]) -> None:
    """A finding for each line of a list of informants ("place: person") or of watched people
    ("person, age, place – …") after the words that name it (cues: the concepts' cue words
    found in the text), unless the document is a notice published on purpose."""
    starts = [(min((s for s, _, cue in cues if cue in words), default=-1), entry, concept)
              for words, entry, concept in _LISTS]
    if all(at < 0 for at, _, _ in starts) or PUBLIC["notice"].search(doc.low):
        return
    text = doc.clean
    for at, entry, concept in starts:
        if at < 0:
            continue
        reason = _line(concept, ["person", "place"])
        taken = [(s, e) for kind, s, e, _, _ in out if kind == KIND]
        for m in entry.finditer(text, at, at + _REACH):
            start = m.start() + len(m.group()) - len(m.group().lstrip(" \t-+•*–0123456789.)"))
            end = text.find("\n", m.end())
            end = len(text) if end < 0 else end
            end -= len(text[start:end]) - len(text[start:end].rstrip(" \t\r.;"))
            if not any(s < end and start < e for s, e in taken):
                out.append((KIND, start, end, SEVERITY_BLOCK, reason))


def _line(concept: Concept, used: list[str]) -> str:
    """The reason of a list's line: the concept's, and that the list makes the line one."""
    return f"{concept.reason(used)}; một dòng của danh sách ấy"


#: the reasons of the lists' lines: a line is a secret by the list it stands in, not by its
#: own words, so the classifiers never leave it out as an ordinary sentence (looks.py)
LIST_REASONS = frozenset((_line(society.SUCCESSION, ["person", "position"]),
                          _line(society.NOMINATION, ["person", "position"]),
                          *(_line(concept, ["person", "place"]) for _, _, concept in _LISTS)))

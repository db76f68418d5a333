"""Whose is a sensitive fact: the verb that ties a condition to the person before it, an
unnamed but identifiable person in the sentence, and the records (a group's, a lender's book)
that are nobody's. The vocabulary itself is in concepts/health.py."""

from __future__ import annotations

import re

from bulletins.confidentiality import phrases as R

# the verbs that tie a condition to the person before it ("bà Xuân bị ung thư")
PREDICATE = re.compile(r"(?:\bbị|\bmắc|mắc bệnh|\bnhiễm|chẩn đoán(?: là| mắc| bị)?|điều trị"
                       r"|điều trị tại|phát hiện|tiền sử|bệnh|căn bệnh|vì|do|nhập viện vì"
                       r"|từng|đang)\s+$")
# someone unnamed but identifiable: "một phụ nữ ở thôn Gò Mít", "bé trai 5 tuổi", "bệnh nhân nam
# 45 tuổi", "số nhà 12" — not "12 bệnh nhân", "các sản phụ", "Hội Phụ nữ thôn", "phụ nữ từ 40
# tuổi" (counts, groups and age ranges are aggregates)
_ONE = re.compile(r"\b(?:cháu bé|bé trai|bé gái|cụ ông|cụ bà|một (?:phụ nữ|người đàn ông"
                  r"|người phụ nữ|nam thanh niên|nữ thanh niên|thanh niên|học sinh|em học sinh"
                  r"|nữ sinh|nam sinh"
                  r"|thiếu niên|thiếu nữ|sản phụ|thai phụ|bệnh nhân|người bệnh|cụ|hộ gia đình)"
                  r"|(?:bệnh nhân|người bệnh|sản phụ|thai phụ) (?:nam|nữ)\b)")
# ... or called by what they do, before where: "chị tổ trưởng chuyền số 3, quê thôn Đông Lâm",
# "chị bán bánh căn ở đầu chợ Hòa Thắng" (not "các chị bán hàng": a group)
_ROLE = re.compile(r"(?<!các )(?<!những )\b(?:anh|chị|ông|bà|cô|chú|bác) (?:tổ trưởng|tổ phó"
                   r"|đội trưởng|kế toán|thủ quỹ|bảo vệ|công nhân|bán|thợ|chủ quán|chủ tiệm"
                   r"|chạy xe|lái xe|sửa)\b")
_WHERE = re.compile(r"\b(?:thôn|xóm|bản|ấp|làng|tổ dân phố|khu phố|lớp|chợ)\s+\w"
                    r"|(?<!từ )(?<!trên )(?<!dưới )(?<!đến )(?<!đủ )\b\d{1,3}\s*tuổi")
_HOUSE = re.compile(r"\b(?:số nhà|nhà số)\s*\d")
# a relative of an office holder or of someone just spoken of: "vợ của anh trưởng ban công tác
# Mặt trận thôn Nà Mòn", "anh rể cán bộ văn hóa xã", "cậu con út của thầy"
_KIN = rf"\b(?:{R.KIN_WORDS})\b"
_RELATIVE = re.compile(_KIN + r"(?:[^.;\n]{0,25}?\b(?:trưởng thôn|trưởng bản|trưởng ấp|bí thư"
                       r"|chủ tịch|hiệu trưởng|trưởng ban|trưởng công an|chỉ huy trưởng|cán bộ"
                       r"|công chức|trạm trưởng|hiệu phó|kế toán|chủ nhiệm|trưởng trạm)\b"
                       r"|[^.;\n]{0,12}?\bcủa\s+(?:thầy|cô|ông|bà|anh|chị|chú|bác)\b)")
_OFFICE_HINTS = ("trưởng", "bí thư", "chủ tịch", "cán bộ", "công chức", "kế toán", "chủ nhiệm",
                 "hiệu phó", "của thầy", "của cô", "của ông", "của bà", "của anh", "của chị",
                 "của chú", "của bác")
# PREDICATE's words, which need no word boundary before them and which do (\b)
_PRED_WORDS = ("mắc bệnh", "chẩn đoán", "chẩn đoán là", "chẩn đoán mắc", "chẩn đoán bị",
               "điều trị", "điều trị tại", "phát hiện", "tiền sử", "bệnh", "căn bệnh", "vì",
               "do", "nhập viện vì", "từng", "đang")
_PRED_BOUNDED = ("bị", "mắc", "nhiễm")
# a word each of _ONE's forms holds: without one, the sentence names no unnamed person
_ONE_HINTS = ("bé", "cụ", "một", "bệnh", "phụ")


def predicate(low: str, lo: int, s: int) -> bool:
    """PREDICATE.search(low, lo, s) is not None, without a regex: the words before s, after
    the spaces that end at s and not before lo, end with one of PREDICATE's words."""
    j = s
    while j > lo and low[j - 1].isspace():
        j -= 1
    if j == s:
        return False
    if low.endswith(_PRED_WORDS, lo, j):
        return True
    for word in _PRED_BOUNDED:
        if low.endswith(word, lo, j):
            i = j - len(word)  # \b reads the letter before lo too
            return i == 0 or not (low[i - 1].isalnum() or low[i - 1] == "_")
    return False


def located(low: str, a: int, b: int) -> bool:
    """True when the sentence [a, b) of the lower-cased text points at one unnamed person: by a
    house number, as a relative of an office holder, or as one person (or one called by what
    they do) of a place or age."""
    if low.find("nhà", a, b) >= 0 and _HOUSE.search(low, a, b):
        return True
    if any(low.find(hint, a, b) >= 0 for hint in _OFFICE_HINTS) and _RELATIVE.search(low, a, b):
        return True
    one = any(low.find(hint, a, b) >= 0 for hint in _ONE_HINTS) and _ONE.search(low, a, b)
    return bool(one or _ROLE.search(low, a, b)) and _WHERE.search(low, a, b) is not None


# "nợ quá hạn chiếm 0,8%": a share of a lender's book, nobody's debt
_SHARE = re.compile(r"\s*(?:chiếm|là|ở mức)?\s*(?:tỷ lệ\s*)?\d+(?:[.,]\d+)?\s*%")
# "người chấp hành xong án phạt tù" as a group (a loan scheme's, a programme's): a person's
# record only with its term or its offence
_SERVED = ("người chấp hành xong án", "chấp hành xong án phạt tù", "chấp hành xong án",
           "phạt tù")
_SERVED_DETAIL = re.compile(r"[^.;\n]{0,25}?(?:\d+\s*(?:năm|tháng)|về tội|tội\b)")


def nobodys(low: str, key: str, category: str, s: int, e: int) -> bool:
    """True when the phrase key at [s, e) speaks of a group or a book, not of a person: a
    lender's share of bad debts, "người chấp hành xong án" as a scheme's beneficiaries."""
    if category == "finance":
        return _SHARE.match(low, e) is not None
    return category == "crime" and key in _SERVED and not _SERVED_DETAIL.match(low, e) and (
        key.startswith("người") or low.endswith("người ", 0, s)
        or low.endswith("người chấp hành xong án ", 0, s))


# a debt is a person's record when its sum is said: "bà Kiều nợ 25 triệu đồng", "ông Mạnh, dư nợ
# 48 triệu đồng, quá hạn 14 tháng" (Nghị định 356/2025/NĐ-CP, Điều 4: thông tin tín dụng)
# (and deposits: "khoản tiết kiệm khoảng 640 triệu đồng", not "bà Lài gửi tiết kiệm")
DEBT_KEYS = ("nợ", "quá hạn", "vay ngoài", "vay nóng", "khoản tiết kiệm", "số dư tài khoản",
             "số dư tiết kiệm", "tiền gửi tiết kiệm", "gửi tiết kiệm")
_SUM = r"(?:\d[\d.,]*\s*(?:triệu|tỷ)(?:\s*đồng)?|\d{1,3}(?:[.,]\d{3}){2,}\s*(?:đồng|đ\b))"
_DEBT_SUM = re.compile(r"[^\n;.,]{0,40}?" + _SUM)  # "nợ 5 ứng dụng … tổng cộng 87 triệu"
_SUM_BEFORE = re.compile(_SUM + r"\s*,?\s*$")
_DELAY = re.compile(r"\s*(?:hơn\s*)?\d+\s*(?:tháng|năm|ngày)")  # "quá hạn 14 tháng"
_OWED = re.compile(r"\b(?:nợ|vay)\b")


def debt_span(low: str, key: str, a: int, s: int, e: int) -> tuple[int, int] | None:
    """The span of a debt whose key is at [s, e) in a sentence starting at a: the key with the
    sum after it, or the sum before a delay ("30 triệu, quá hạn"), or the delay after a loan
    said before ("vay ngoài …, đã quá hạn 7 tháng"); None when no sum or delay is said."""
    m = _DEBT_SUM.match(low, e) if key != "quá hạn" else None
    before = _SUM_BEFORE.search(low, max(0, s - 30), s) if m is None else None
    delay = _DELAY.match(low, e) if key == "quá hạn" else None
    if m is None and before is None and not (delay and _OWED.search(low, a, s)):
        return None
    return (before.start() if before else s), ((m or delay).end() if m or delay else e)

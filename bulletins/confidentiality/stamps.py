"""The marks of a secret document as staff type them in a hurry (#15, session 13): a level
typed without its accents or with the Telex keys unconverted ("TOI MAT", "MAATJ"), with a
slip of the tone ("TỐI MẶT"), a stamp told in words ("đã đóng dấu Mật"), and the handling
orders printed on secret papers ("Không được sao chụp", "Thu hồi sau hội nghị", "Chỉ gửi:
đồng chí …"). The ordinary forms are secrets.marking's; this module judges the rest.

Handling orders are the law's: a secret document may be copied only with leave (Luật Bảo vệ
bí mật nhà nước 2018, Điều 11), its marks and the "Tài liệu thu hồi" stamp are those of
Thông tư 24/2020/TT-BCA; a bulletin that carries one was pasted from such a paper.
"""

from __future__ import annotations

import re

from bulletins.confidentiality.concepts.basis import MARK_REASON
from bulletins.confidentiality.text import SEVERITY_BLOCK, Doc, Hit

MARK = "classification_marking"
HANDLING = ("Chỉ dẫn xử lý tài liệu bí mật nhà nước (không sao chụp, thu hồi, chỉ người có "
            "tên được đọc): dấu hiệu văn bản mật (Luật BVBMNN 2018, Điều 11; Thông tư "
            "24/2020/TT-BCA)")
#: levels typed without accents, with Telex keys left in, or with a slip of the tone: only
#: in capitals, as a stamp is ("tối mặt tối mũi" is only busy)
TYPED = ("toi mat", "tuyet mat", "maatj", "toosi maatj", "tuyeetj maatj", "tối mặt",
         "tuyệt mặt", "độ mặt", "do mat")
#: a stamp told in words
TOLD = ("đóng dấu mật", "đóng dấu tối mật", "đóng dấu tuyệt mật", "dấu mật")
#: the orders printed on secret papers
ORDERS = ("không được sao chụp", "không sao chụp", "không được photo", "cấm sao chụp",
          "nộp lại sau khi nghiên cứu", "thu hồi sau hội nghị", "chỉ dành cho đồng chí",
          "chỉ dành cho đ/c", "chỉ gửi")
#: an unaccented level in brackets, in a line typed without accents ("bc nhanh (mat) - …")
BARE = ("(mat)", "(toi mat)", "(tuyet mat)")
#: the number of copies in a secret document's header ("Độ mật: Mật; Số bản: 03")
COPIES = "số bản"
KEYS = (*TYPED, *TOLD, *ORDERS, *BARE, COPIES)

_ENDS = re.compile(r"[ \t]*(?:[,;:.)\]”\"’/\n–\-—]|$)")
_LEVEL_AFTER = re.compile(r"[ \t]*:[ \t]*(?:tối mặt|tuyệt mặt|mặt|tối mật|tuyệt mật|mật|toi mat"
                          r"|tuyet mat|mat)(?!\w)")
# "phải đóng dấu mật", "hướng dẫn cách đóng dấu mật": the rule taught, no paper stamped
_TAUGHT = re.compile(r"(?:phải|cần|hướng dẫn|quy định|cách|không|chưa)\s+(?:\w+\s+){0,2}$")
_TO_SOMEONE = re.compile(r"[ \t]*:[ \t]*(?:đồng chí|đ/c|các đồng chí)(?!\w)")
_COUNT = re.compile(r"[ \t]*:?[ \t]*\d{1,3}(?![\d.,])")
_SECRET_LINE = re.compile(r"mật|thu hồi|bản số")
_JOINED = re.compile(r"[ \t]*[–—\-,;/|][ \t]*")
_IN_NOTE = re.compile(r"[(\[][^)\]\n]*$")  # inside an open bracket on its line
_SET_OFF = re.compile(r"[(\[“\"':–—\-][ \t]*$")


def _ascii_line(text: str, s: int) -> bool:
    """True when the line around s is typed without Vietnamese accents."""
    a, b = text.rfind("\n", 0, s) + 1, text.find("\n", s)
    return text[a:b if b >= 0 else len(text)].isascii()


def add(clean: str, s: int, e: int, reason: str, out: list[Hit]) -> None:
    """A mark at [s, e); beside the mark just before it on its line ("MẬT – không sao chụp"),
    the two are one stamp, one finding with both reasons."""
    for i in range(len(out) - 1, max(-1, len(out) - 4), -1):
        kind, a, b, severity, why = out[i]
        if kind == MARK and b <= s and _JOINED.fullmatch(clean, b, s):
            out[i] = (kind, a, e, severity, why if reason in why else f"{why}; {reason}")
            return
    out.append((MARK, s, e, SEVERITY_BLOCK, reason))


def stamp(doc: Doc, key: str, s: int, e: int, out: list[Hit]) -> int:
    """Judge one of this module's keys at [s, e); return where the text it covers ends."""
    low, clean = doc.low, doc.clean
    if key in TYPED:
        if not clean[s:e].replace(" ", "").isupper():
            return e
        if key in ("độ mặt", "do mat"):
            m = _LEVEL_AFTER.match(low, e)
            if m is None:
                return e
            e = m.end()
        elif not _ENDS.match(clean, e):
            return e
        out.append((MARK, s, e, SEVERITY_BLOCK, MARK_REASON["level"]))
    elif key in BARE:
        if _ascii_line(clean, s):
            out.append((MARK, s, e, SEVERITY_BLOCK, MARK_REASON["level"]))
    elif key in TOLD:  # "đã đóng dấu Mật", "[… lưu ý: đóng dấu mật, phát hành 03 bản]"
        noted = clean[e - 3].isupper() or _IN_NOTE.search(clean, max(0, s - 120), s)
        if noted and not _TAUGHT.search(low, max(0, s - 40), s):
            out.append((MARK, s, e, SEVERITY_BLOCK, MARK_REASON["level"]))
    elif key == COPIES:
        m = _COUNT.match(clean, e)
        a, b = low.rfind("\n", 0, s) + 1, low.find("\n", e)
        if m and _SECRET_LINE.search(low, a, b if b >= 0 else len(low)):
            add(clean, s, m.end(), MARK_REASON["copy"], out)
            return m.end()
    elif key == "chỉ gửi":
        if _TO_SOMEONE.match(low, e):
            out.append((MARK, s, e, SEVERITY_BLOCK, HANDLING))
    elif clean[s].isupper() or _SET_OFF.search(clean, max(0, s - 3), s):
        add(clean, s, e, HANDLING, out)  # an order, not the rule taught
    return e

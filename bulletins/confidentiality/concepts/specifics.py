"""Specificity: what turns a sensitive subject into a leak — a count, a place, a time, a named
person, a code — plus the markers of a plan not yet carried out and the public framings.

A state secret in a commune bulletin is rarely a word; it is a subject (a weapons store, an
informant, a nomination) *with* the detail that makes it usable: how many, where, when, who.
Each kind below is looked for in one sentence; the engine (engine.py) combines them with the
concept classes of defence.py, security.py, society.py and state.py.
"""

from __future__ import annotations

import re

from bulletins.confidentiality import phrases as R

# people, forces and things counted in an order or a report
UNITS = (
    "đồng chí", "đ/c", "chiến sĩ", "cán bộ", "cbcs", "dân quân", "công an viên", "công an",
    "người", "tay súng", "tổ", "tiểu đội", "trung đội", "đại đội", "khẩu đội", "xe", "chiếc",
    "tàu", "chốt", "hộ", "đối tượng", "hội viên", "đảng viên", "thí sinh", "lô", "câu", "đợt",
    "trường hợp", "phiếu", "thành viên", "đơn", "ha", "sào", "m²", "m2", "km",
)
# weapons, ammunition and stores
WUNITS = ("khẩu", "viên", "quả", "trái", "cơ số", "hòm", "thùng", "kg", "kíp", "tấn", "tạ",
          "lít", "khối", "bao")
_UNIT1 = {u: "count" for u in UNITS if " " not in u} | {u: "wcount" for u in WUNITS
                                                          if " " not in u}
_UNIT2 = {u: "count" for u in UNITS if " " in u} | {u: "wcount" for u in WUNITS if " " in u}
_MONEY = frozenset(("tỷ", "triệu", "nghìn", "ngàn", "usd", "đô"))
_CLOCK = re.compile(r"(?:h|g|giờ)\d{0,2}$|phút$")
# a number, what follows a slash (a date), and the one or two words after it (its unit)
_NUM_RE = re.compile(r"(?<![\w/.,])\d+(?:[.,]\d+)*(?P<slash>\s*/\s*\d+(?:\s*/\s*\d+)?)?"
                     r"(?:\s*(?P<u1>[^\W\d_]+\d*)(?:\s+(?P<u2>[^\W\d_]+))?)?")
_WORDS = {
    "time": r"\bngày\s+\d|\btháng\s+\d{1,2}(?![\d/])"
            r"|\bthứ\s+(?:hai|ba|tư|năm|sáu|bảy)\b|\bchủ nhật\b"
            r"|\b(?:hằng|hàng|mỗi)\s+(?:ngày|đêm|tuần|tháng|sáng|tối|chiều)\b"
            r"|\b(?:ban đêm|ban ngày|về đêm|các đêm|trong đêm|buổi tối)\b"
            r"|\b(?:sáng|chiều|tối|trưa|rạng sáng|đêm)\s+(?:nay|mai|\d|thứ|chủ nhật|hôm)"
            r"|\btrong vòng\s+\d+|\b(?:tối|sáng|chiều|đêm|trưa) nay\b|\bngày mai\b"
            r"|\b(?:tuần|tháng) (?:tới|sau)\b|\b(?:cuối|đầu) tuần\b|\bnửa đêm\b|\brạng sáng\b",
    "phone": r"(?<![\d.])0\d{2,3}[ .]?\d{3}[ .]?\d{3,4}(?![\d.])",
    "challenge": r"\bhỏi\b[^.;\n]{1,40}?\bđáp\b",
    # a challenge and its password, each quoted: hỏi "Sóng bạc", đáp "Thuyền đầy"
    "pair": r"\bhỏi\s*:?\s*[“\"«‘][^”\"»’\n?]{1,30}[”\"»’]\s*[,;–-]?\s*(?:\w+\s+){0,3}?"
            r"đáp\s*:?\s*[“\"«‘][^”\"»’\n?]{1,30}[”\"»’]",
    "store": r"\b(?:cất giữ|cất giấu|cất|lưu giữ|bảo quản|niêm cất|tàng trữ|đặt|để|giấu|chứa)"
             r"\s+(?:[^\s.;]+\s+){0,4}?(?:tại|trong|ở|dưới|sau|trên)\s",
    "account": r"\b(?:tài khoản|trang|nhóm|fanpage|kênh)\s+(?:facebook|zalo|tiktok|youtube"
               r"|telegram)|\b(?:facebook|zalo)\s*[“\"«]",
    "gap": r"\b(?:không bố trí (?:người|lực lượng)|bỏ trống|chưa có chốt|không có người trực"
           r"|chỉ tuần tra|không tuần tra|quân số mỏng|lực lượng mỏng|sơ hở"
           r"|chỉ có (?:\d+|một|hai) (?:người|dân quân|bảo vệ|đồng chí|công an viên) trực)\b",
    "route": r"\b(?:xuất phát|đi theo|theo đường|theo tuyến|qua cầu|di chuyển|hạ cánh|lộ trình"
             r"|dẫn đường|dừng tại|nghỉ tại|đón tại|đi qua|đi trước|đến .{1,30}? lúc|dừng ở"
             r"|theo (?:ql|quốc lộ|tỉnh lộ|đt|đường tỉnh)\s*\.?\s*\d+|lối thoát dự phòng"
             r"|đường thoát dự phòng|lịch trình|qua ngầm|qua đèo|qua dốc)\b",
    "guard": r"\b(?:chốt|cảnh vệ|bảo vệ|vòng ngoài|vòng trong|canh gác|csgt|hộ tống"
             r"|xe dẫn đường|dẫn đoàn)\b",
    "agent": r"\b(?:công an|lực lượng|tổ công tác|trinh sát|nghiệp vụ|an ninh|chức năng"
             r"|ban chỉ đạo|nhà mạng|biên phòng|tổ an ninh|ca xã|cax|ca tỉnh|ca huyện)\b",
    # who is placed when "bố trí" places forces, not land, boats or money
    "force": r"\b(?:dân quân|tự vệ|lực lượng|công an|bộ đội|quân số|tiểu đội|trung đội"
             r"|đại đội|phân đội|tổ|chốt|chiến sĩ|đồng chí|đ/c|cảnh sát|biên phòng|trinh sát"
             r"|vũ trang|quân sự|cảnh vệ|bảo vệ|người)\b",
    "secret": r"bí mật|giữ kín|nội bộ|độ mật|tài liệu mật|thông tin mật|không phổ biến"
              r"|chưa phổ biến|chưa công bố|chưa công khai|không công khai|bảo mật|lộ lọt"
              r"|không tiết lộ|không thông tin ra ngoài|phiếu kín|chưa phát hành|chưa ban hành",
    "future": r"\b(?:sẽ|dự kiến|dự định|theo kế hoạch|theo phương án|chuẩn bị|sắp|hẹn nhau"
              r"|khi có lệnh|khi nhận lệnh|khi có tình huống|vào lúc|vào khoảng)\b",
    "pending": r"\b(?:đang|chưa|đề xuất|xem xét|chờ|thống nhất|chủ trương|định hướng|dự thảo"
               r"|sơ bộ|bước đầu|đề nghị hình thức|phương án|cho ý kiến)\b",
    "position": r"\b(?:chủ tịch|phó chủ tịch|bí thư|phó bí thư|trưởng|phó trưởng|chánh|giám đốc"
                r"|chỉ huy trưởng|chỉ huy phó|trạm trưởng|tổ trưởng|ủy viên|chức danh|chức vụ"
                r"|cấp ủy|ban chấp hành|thường vụ|công chức|viên chức|vị trí)\b",
    "content": r":\s*(?:câu\s*\d|\(?\d\)|[a-zđ]\))|\bcâu\s*[1-9]\b|\bđáp án\s*:"
               # what a paper asks, told in words: "câu nghị luận xã hội yêu cầu viết …"
               r"|\bgồm \d+ câu\s*:|\bcâu nghị luận\b|\bbài hình (?:về|có)\b"
               r"|\byêu cầu viết đoạn văn\b|\bphân tích (?:khổ|đoạn) (?:thơ|cuối|đầu)"
               r"|\bbài\s*[1-9]\b|\b(?:yêu cầu|cho) (?:chứng minh|tính|nghị luận|phân tích)",
    "placenum": r"\b(?:mốc|điểm cao|cao điểm|đồi|km|tọa độ|lô|thửa|khu vực bỏ phiếu số"
                r"|số nhà|cột mốc|phân khu|tiểu khu|thôn|xóm|ấp|bản|buôn|khóm|đội)\s*\d+\b",
}
_WORD_RE = {k: re.compile(v) for k, v in _WORDS.items()}
# a secrecy mark or a plan for later also says that the matter is not settled and public
IMPLIES = {"pending": ("secret", "future")}

_HON = ("ông", "bà", "anh", "chị", "em", "cháu", "cụ", "đồng chí", "đ/c", "linh mục",
        "mục sư", "sư", "đại đức", "thượng tọa", "hội viên", "đảng viên", "đối tượng",
        "bị can", "công dân", "thầy", "cô", "chú", "bác", "giáo viên", "thí sinh", "người tên",
        "mang tên", "nghi phạm", "tân binh", "học sinh", "vợ", "chồng", "con", "cha", "mẹ",
        "trụ trì", "sư thầy", "tín đồ", "giáo dân", "phật tử", "hòa thượng", "ni cô",
        "ông trùm", "trùm họ", "chánh trương", "achar", "lục cả", "già làng", "trưởng họ",
        "trưởng tộc", "chủ hộ")
_PLACE = ("thôn", "xóm", "bản", "ấp", "làng", "khu", "khu vực", "đồi", "điểm cao", "mốc",
          "cầu", "ngã ba", "ngã tư", "hang", "khe", "suối", "sông", "núi", "đèo", "dốc",
          "đường", "quốc lộ", "tỉnh lộ", "đường tỉnh", "cống", "đê", "bến", "cảng", "chợ",
          "trường", "hội trường", "sân", "quán", "kho", "xưởng", "rừng", "bãi", "đình", "chùa",
          "nhà thờ", "giáo xứ", "giáo họ", "trạm", "đồn", "km", "cồn", "lăng", "trại",
          "tọa độ", "lô", "thửa", "đỉnh", "hầm", "nhà văn hóa", "đập", "hồ", "đầm", "eo", "mũi",
          "đảo", "bãi biển", "cửa biển", "trụ sở", "ngầm", "tràn", "khu dân cư", "cụm", "rẫy",
          "nương", "đồng", "cánh đồng", "nghĩa trang", "sang", "gò", "gò đất", "kênh", "rạch",
          "bon", "buôn", "plei", "phum", "sóc", "nước", "tại", "ở")
_NAMED = ("công ty", "doanh nghiệp", "nhà thầu", "cửa hàng", "đại lý", "quán", "hợp tác xã",
          "htx", "cơ sở", "xưởng", "trang trại", "tài khoản", "nhóm", "trang", "hội thánh",
          "chi hội", "nhà xe", "tiệm", "ban quản lý", "tập đoàn", "tổ hợp tác")
_BEFORE = {**{w: "named" for w in _NAMED}, **{w: "place" for w in _PLACE},
           **{w: "person" for w in _HON}}
# the phrases' surnames and those of the ethnic minorities of the mountains and the highlands
_SURNAMES = frozenset((*R.SURNAMES, *(
    "Giàng Sùng Vàng Thào Lầu Mùa Vừ Hầu Tráng Chảo Sầm Cầm Tòng Quàng Điêu Bế Ma Mông Bàn "
    "Lục Hứa Âu Ông Diệp La Lâm Thạch Danh Kim Sơn Kăn Hồ Lù Lìu Pờ Chang Sìn Chẻo Tẩn "
    "Phàn Đàm Hoàng Ksor Siu Rơ Nay Kpă Rahlan Y Alăng Bhriu Pơloong Zơrâm").split()))
# three or more capitalised words with a Vietnamese middle name: "Tống Văn Khiêm", "Yên Thị Lụa";
# "nhà ông …", "nhà bà …": a person's house is a place
_MIDDLE = re.compile(rf"{R.UP}\w*[ \t]+(?:Văn|Thị)[ \t]+{R.UP}")
_HOUSE_OF = re.compile(r"\bnhà\s+(?:ông|bà|anh|chị|cụ|chú|bác|cô)\s+$")
# capitalised words in a row: a name (the first may be one letter, as in "ông A")
_CAPS_RE = re.compile(rf"(?<!\w){R.UP}\w*(?:[ \t]+{R.UP}\w*)*")
# a quoted name, in single quotes too ('Phù Sa 6'; not the apostrophe of H'Mông, S'tiêng)
_CODE_RE = re.compile(r"[“\"«][^”\"»\n]{1,40}[”\"»]|(?<!\w)['‘][^'’\n]{1,40}['’](?!\w)"
                      r"|\b(?:bí số|mật danh|bí danh|hô hiệu)\s+\S+"
                      r"|\b[A-Z]{1,3}-\d{1,3}\b|\b[Kk]ênh(?: số)?\s+\d{1,3}\b")
_NOT_PERSON = re.compile(r"(?:" + "|".join(map(re.escape, R.NAME_EXCL)) + r")")
_NAMES = ("person", "place", "named", "list")
# kinds that mark a matter rather than detail it: not part of a finding's span
MARKS = frozenset(("pending", "future", "secret", "position", "agent", "guard", "force"))
DETAILS = ("count", "wcount", "amount", "freq", "time", "phone", "challenge", "pair", "store",
           "account", "gap", "route", "content", "person", "place", "named", "code")

Spans = dict[str, list[tuple[int, int]]]


class Facts:
    """The specificity of one sentence [a, b), each kind computed when first asked for."""

    __slots__ = ("low", "clean", "a", "b", "spans")

    def __init__(self, low: str, clean: str, a: int, b: int) -> None:
        self.low, self.clean, self.a, self.b = low, clean, a, b
        self.spans: Spans = {}

    def get(self, kind: str) -> list[tuple[int, int]]:
        """The spans of one kind (empty when the sentence has none)."""
        spans = self.spans.get(kind)
        if spans is None:
            if kind in _UNIT_KINDS:
                self._numbers()
            elif kind in _NAMES:
                self._names()
            elif kind == "code":
                self.spans[kind] = [m.span() for m in _CODE_RE.finditer(self.clean, self.a, self.b)]
            else:
                self.spans[kind] = [m.span() for m in
                                    _WORD_RE[kind].finditer(self.low, self.a, self.b)]
                if kind == "time":
                    if "numtime" not in self.spans:
                        self._numbers()
                    self.spans[kind] += self.spans["numtime"]
                elif kind in IMPLIES:
                    for other in IMPLIES[kind]:
                        self.spans[kind] += self.get(other)
            spans = self.spans[kind]
        return spans

    def __contains__(self, kind: str) -> bool:
        return bool(self.get(kind))

    def found(self) -> list[str]:
        """The kinds present, in DETAILS order."""
        return [kind for kind in DETAILS if self.get(kind)]

    def _numbers(self) -> None:
        """Counts, stores, sums, frequencies and clock times and dates, from the numbers."""
        got: Spans = {"count": [], "wcount": [], "amount": [], "freq": [], "numtime": []}
        for m in _NUM_RE.finditer(self.low, self.a, self.b):
            u1, u2, span = m.group("u1") or "", m.group("u2") or "", m.span()
            if m.group("slash"):
                if not m.group().startswith("24/24"):
                    got["numtime"].append(span)
                continue
            kind = _UNIT2.get(f"{u1} {u2}") or _UNIT1.get(u1)
            if kind is None:
                if u1 in _MONEY or u1 in ("đồng", "đ") and m.group().count(".") >= 1:
                    kind = "amount"
                elif u1 in ("khz", "mhz", "hz"):
                    kind = "freq"
                elif _CLOCK.match(u1):
                    kind = "numtime"
            if kind:
                got[kind].append(span)
        self.spans.update(got)

    def _names(self) -> None:
        """People, places and named bodies: capitalised names and the word before them."""
        clean, low, a = self.clean, self.low, self.a
        got: Spans = {"person": [], "place": [], "named": []}
        for m in _CAPS_RE.finditer(clean, a, self.b):
            s, e = m.span()
            name = m.group()
            head = low[s:e].split(None, 2)
            if len(head) > 1 and head[0] in _BEFORE:  # "Ông Vi Văn Lâm", "Thôn Gò Mít"
                kind, name = _BEFORE[head[0]], name.split(None, 1)[1]
            else:
                words = low[max(a, s - 24):s].split()
                kind = None
                if len(words) >= 2 and f"{words[-2]} {words[-1]}" in _BEFORE:
                    kind = _BEFORE[f"{words[-2]} {words[-1]}"]
                elif words and words[-1] in _BEFORE:
                    kind = _BEFORE[words[-1]]
            first = name.split(None, 1)[0]
            if kind is None and (first in _SURNAMES and " " in name or _MIDDLE.search(name)):
                kind = "person"
            elif kind == "person" and _HOUSE_OF.search(low, max(a, s - 12), s):
                got["place"].append((s, e))  # "nhà ông Mười Tới": where he lives
            if kind == "person" and (len(first) > 1 and first.isupper()
                                     or _NOT_PERSON.search(name)):
                continue
            if kind:
                got[kind].append((s, e))
        got["place"] += [m.span() for m in _WORD_RE["placenum"].finditer(low, a, self.b)]
        got["list"] = got["person"] if len(got["person"]) >= 2 else []
        self.spans.update(got)


_UNIT_KINDS = frozenset(("count", "wcount", "amount", "freq"))

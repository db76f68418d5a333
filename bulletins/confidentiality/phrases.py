"""Phrase data and small regex builders for the confidentiality scanner."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from bulletins.text import fold

# Characters removed before matching: zero-width space/joiners, word joiner, BOM, soft hyphen.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# The characters that str.isspace() and the regex "\s" accept (tests/unit checks it).
SPACES = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
          "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")

UPPER = "".join(
    c for c in map(chr, range(0x41, 0x2000)) if c.isupper() and unicodedata.category(c) == "Lu"
)
UP = "[" + re.escape(UPPER) + "]"

# --- classification markings -------------------------------------------------------------
MARK_LEVELS = ("tuyệt mật", "tối mật", "mật")
# words after "mật" that make it an ordinary word (mật ong, mật khẩu, mật độ, ...)
MAT_NEXT_EXCL = frozenset(
    "ong khẩu độ thiết mía gấu vụ mã thư thám báo lệnh ngọt đường rỉ hoa ước phục "
    "đàm danh ngữ nghị ý tình sự ít cá heo trâu bò".split()
)
# words before "mật" that make it an ordinary word or a name (bí mật, thân mật, Thị Mật, ...)
MAT_PREV_EXCL = frozenset(
    "bí bảo thân cơ thị văn thôn xóm làng bà ông anh chị cô chú bác cụ em cháu tên "
    "hũ chai lọ ngọt đường tinh ong giữ khẩu".split()
)
STAMP_LINES = frozenset(("mật", "tối mật", "tuyệt mật", "m ậ t", "t ố i m ậ t", "t u y ệ t m ậ t"))
# "Tài liệu thu hồi" followed by one of these words is a land/asset recovery, not a stamp
RECALL_BENIGN = frozenset("đất nợ vốn tiền thuế tài giấy đồ hàng vật".split())

# --- state-secret topics: phrase -> (group, needs_context) --------------------------------
TOPICS: dict[str, tuple[str, bool]] = {
    "bố trí lực lượng": ("force", True),
    "chốt chặn": ("force", True),
    "quân số": ("force", True),
    "điểm chốt": ("force", True),
    "chốt trực": ("force", True),
    "phục kích": ("force", True),
    "mật phục": ("force", False),
    "kho vũ khí": ("weapons", False),
    "kho đạn": ("weapons", False),
    "kho súng": ("weapons", False),
    "kho quân khí": ("weapons", False),
    "vị trí kho": ("weapons", False),
    "cơ số đạn": ("weapons", False),
    "vị trí cất giấu": ("weapons", True),
    "lộ trình tuần tra": ("patrol", False),
    "lịch tuần tra": ("patrol", True),
    "tuyến tuần tra": ("patrol", True),
    "kế hoạch tuần tra": ("patrol", True),
    "kế hoạch trinh sát": ("patrol", False),
    "phương án trinh sát": ("patrol", False),
    "phương án tác chiến": ("patrol", False),
    "kế hoạch tác chiến": ("patrol", False),
    "lực lượng trinh sát": ("patrol", True),
    "đang điều tra": ("investigation", False),
    "chuyên án": ("investigation", False),
    "đang bị theo dõi": ("investigation", False),
    "đang theo dõi đối tượng": ("investigation", False),
    "đối tượng hiềm nghi": ("investigation", False),
    "dự kiến bổ nhiệm": ("personnel", False),
    "phương án nhân sự": ("personnel", False),
    "dự kiến nhân sự": ("personnel", False),
    "nhân sự dự kiến": ("personnel", False),
    "dự kiến điều động": ("personnel", False),
    "dự kiến luân chuyển": ("personnel", False),
    "dự kiến kỷ luật": ("personnel", False),
    "chưa công bố": ("personnel", True),
}
TOPIC_REASON = {
    "force": "Bố trí lực lượng, quân số (bí mật quốc phòng, an ninh)",
    "weapons": "Vị trí kho vũ khí, đạn dược (bí mật quốc phòng)",
    "patrol": "Kế hoạch tuần tra, trinh sát, tác chiến",
    "investigation": "Vụ việc đang điều tra, chuyên án",
    "personnel": "Nhân sự dự kiến, chưa công bố",
}
NUM_UNIT = r"\d+\s*(?:đồng chí|đ/c|chiến sĩ|cán bộ|cbcs|người|tay súng|khẩu|tổ|giờ|h\b)"
TOPIC_CONTEXT = {
    "force": (
        "vũ khí", "súng", "đạn", "phục kích", "mật phục", "đối tượng", "vây bắt", "truy bắt",
        "bắt giữ", "bí mật", "ngụy trang", "ca trực", "trực chiến", "tác chiến", "mục tiêu",
        "quân số", "đột kích", "ẩn nấp", "vị trí", "ban đêm",
    ),
    "weapons": ("vũ khí", "súng", "đạn", "chất nổ", "vật liệu nổ"),
    "patrol": (
        "giờ", "tuyến", "lộ trình", "điểm", "vị trí", "đối tượng", "bí mật", "xuất phát",
        "ca ", "quân số",
    ),
    "investigation": (),
    "personnel": (
        "bổ nhiệm", "nhân sự", "cán bộ", "chức vụ", "miễn nhiệm", "điều động", "luân chuyển",
        "kỷ luật", "chủ tịch", "bí thư", "trưởng", "quy hoạch", "bầu",
    ),
}
TOPIC_PUBLIC = (
    "ngày hội", "tuyên truyền", "khám tuyển", "hội thao", "tham quan", "giao lưu", "lễ hội",
    "phân luồng", "giao thông", "ra quân", "tuyển quân", "giao nhận quân", "chỉ tiêu",
    "hội diễn", "mở cửa", "phòng cháy", "lũ", "ngập", "sạt lở", "thiên tai", "dịch bệnh",
    "nghĩa vụ quân sự", "kết quả thi", "điểm thi", "triệt phá", "phá thành công", "đã phá",
    "khen thưởng", "tổng kết", "huấn luyện", "lịch sử", "kháng chiến", "năm 19",
)
WAREHOUSE_BENIGN = frozenset("hàng thóc lúa gạo lương vật phân dược vắc thuốc lưu sách".split())

# --- sensitive personal data: phrase -> (category, strong) --------------------------------
SENSITIVE: dict[str, tuple[str, bool]] = {
    "hiv": ("health", False), "nhiễm hiv": ("health", True), "hiv/aids": ("health", False),
    "dương tính với hiv": ("health", True), "aids": ("health", False),
    "dương tính": ("health", False), "tâm thần": ("health", False),
    "lao phổi": ("health", False), "bệnh lao": ("health", False), "ung thư": ("health", False),
    "viêm gan b": ("health", False), "giang mai": ("health", False),
    "khuyết tật": ("health", False), "sốt xuất huyết": ("health", False),
    "bệnh dại": ("health", False), "tay chân miệng": ("health", False),
    "covid-19": ("health", False),
    "đột quỵ": ("health", False), "trầm cảm": ("health", False), "động kinh": ("health", False),
    "cai nghiện": ("drug", False), "cai nghiện ma túy": ("drug", True),
    "nghiện ma túy": ("drug", True), "người nghiện": ("drug", False),
    "ma túy": ("drug", False), "dương tính với ma túy": ("drug", True),
    "tiền án": ("crime", False), "tiền sự": ("crime", False), "có tiền án": ("crime", True),
    "bị khởi tố": ("crime", True), "khởi tố": ("crime", False), "tạm giam": ("crime", False),
    "bị tạm giam": ("crime", True), "tạm giữ": ("crime", False), "truy nã": ("crime", False),
    "phạt tù": ("crime", False), "đặc xá": ("crime", False),
}
SENSITIVE_REASON = {
    "health": "Dữ liệu nhạy cảm: tình trạng sức khỏe của cá nhân",
    "drug": "Dữ liệu nhạy cảm: nghiện, cai nghiện ma túy của cá nhân",
    "crime": "Dữ liệu nhạy cảm: tiền án, tiền sự, tố tụng hình sự của cá nhân",
}
CAMPAIGN = (
    "tuyên truyền", "phòng chống", "phòng, chống", "chiến dịch", "tháng hành động",
    "ngày thế giới", "hội nghị", "hội thảo", "truyền thông", "tập huấn", "nhận thức",
    "cộng đồng", "khuyến cáo", "vận động", "miễn phí", "tư vấn", "nếu", "có thể", "sẽ bị",
    "mọi hành vi", "các đối tượng", "người dân", "kỳ thị", "chính sách", "trợ cấp cho người",
    "ngăn chặn", "mỗi gia đình", "các gia đình", "kêu gọi", "nói không với",
)

# --- personal identifiers ------------------------------------------------------------------
PROVINCES = frozenset(
    "001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 "
    "035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 "
    "070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096".split()
)
MOBILE = frozenset(
    "32 33 34 35 36 37 38 39 52 55 56 58 59 70 76 77 78 79 81 82 83 84 85 86 87 88 89 "
    "90 91 92 93 94 96 97 98 99".split()
)
AREA3 = frozenset(
    "203 204 205 206 207 208 209 210 211 212 213 214 215 216 218 219 220 221 222 225 226 227 "
    "228 229 232 233 234 235 236 237 238 239 251 252 254 255 256 257 258 259 260 261 262 263 "
    "269 270 271 272 273 274 275 276 277 290 291 292 293 294 296 297 299".split()
)
ID_CONTEXT = {
    "cmnd": True, "cmtnd": True, "chứng minh nhân dân": True, "chứng minh thư": True,
    "giấy chứng minh": True, "cccd": False, "căn cước": False, "định danh": False,
}
BANK_CONTEXT = (
    "stk", "số tk", "tk số", "tài khoản", "ngân hàng", "kho bạc", "agribank", "vietcombank",
    "vietinbank", "bidv", "techcombank", "mbbank", "mb bank", "sacombank", "acb", "vpbank",
    "tpbank", "hdbank", "shb", "vib", "msb", "ocb", "seabank", "lpbank", "lienvietpostbank",
    "eximbank",
)
# a number after these is a phone (a subscriber, "thuê bao"), or a tax code
PHONE_WORDS = (r"sđt|điện thoại|đt|đtdđ|di động|hotline|zalo|số máy|thuê bao|gọi|fax|mst"
               r"|mã số thuế")
DOB_TRIGGERS = ("sinh ngày", "ngày sinh", "sinh năm", "năm sinh", "sn", "ngày tháng năm sinh",
                "ngày, tháng, năm sinh")
# a birth date published on purpose: anniversaries, the war dead, candidates and elected
# officials, whose birth year the election law lists publicly (Luật Bầu cử đại biểu Quốc hội
# và HĐND 2015, Điều 57: danh sách người ứng cử niêm yết công khai ghi năm sinh)
DOB_PUBLIC = ("kỷ niệm", "năm ngày sinh", "hồ chí minh", "bác hồ", "đại tướng", "anh hùng",
              "ngày sinh nhật", "liệt sĩ", "hy sinh", "ứng cử viên", "người ứng cử", "trúng cử",
              "được bầu", "đã bầu", "nhậm chức", "tân chủ tịch", "tân bí thư",
              # an obituary and police news of an arrest publish the birth year on purpose
              "từ trần", "qua đời", "tin buồn", "thương tiếc", "hưởng thọ", "lễ tang", "an táng",
              "đã bắt quả tang", "bắt quả tang", "đã bắt giữ", "đã khởi tố")
COHORT = ("công dân nam", "công dân nữ", "thanh niên", "trẻ em", "trẻ", "các cháu", "những người",
          "người sinh", "học sinh", "nam", "nữ", "các em", "công dân", "người cao tuổi")

OFFICIAL = (
    r"đường dây nóng|hotline|số điện thoại của|ubnd|ủy ban|uỷ ban|cán bộ|công chức|trạm y tế"
    r"|công an|văn phòng|bộ phận|tổng đài|trực ban|ban chỉ huy|phòng |trưởng thôn|chủ tịch"
    r"|bí thư|hộp thư|hòm thư|cổng thông tin|trụ sở|ban quản lý|hợp tác xã|mặt trận|đoàn thanh"
    r"|hội phụ nữ|hội nông dân|trưởng ban|phụ trách|bưu điện|trường|đồng chí|đ/c"
)
# a private person: one of these titles (capital or small first letter, then exactly as written)
# before a capitalised name, or one of the words in any case
PRIVATE_TITLES = ("ông", "ong", "bà", "anh", "chị", "cháu", "em", "cụ", "cô", "chú", "bác",
                  "gia đình")
PRIVATE_WORDS = ("người nhặt", "gia đình", "chủ xe", "chủ nhà", "người mất", "người thân",
                 "cá nhân", "chủ hộ")
SURNAMES = (
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đào Mai Trịnh "
    "Lương Lưu Tạ Tô Cao Quách Kiều Lại Chu Triệu Lò Lường Vi Lã Thân Doãn Khúc Mạc Phùng Tăng "
    "Nông Đoàn Đàm Hà "
    # less common ones that begin no province, district or well-known place name here (not
    # "Lâm", "Châu", "Thái", "Ninh", "Đồng", "Kim", "Lục", "Thạch": Lâm Đồng, Châu Thành …;
    # not "Phó": Phó Chủ tịch); the Mông's, the Dao's and the Tày's among them
    "Trương Tiêu Hứa Khổng Diệp Cù Phí Nghiêm Hầu Tống Vương Khuất Quản Bế Sầm Giàng Sùng "
    "Thào Hạng Tẩn Âu"
).split()
HONORIFIC = (
    r"ông|bà|anh|chị|cháu|em|cụ|cô|chú|bác|đồng chí|đ/c|công dân|đối tượng|bệnh nhân|người bệnh"
    r"|bị can|bị cáo|phạm nhân|chủ hộ|hộ ông|hộ bà|nam thanh niên|thanh niên|học viên"
)
PLACE_WORDS = frozenset(
    "xã thôn xóm huyện tỉnh đường phố quận phường làng sông núi chùa đền trường ubnd hội "
    "nhân ngõ tp thành cầu chợ bến".split()
)
# a person followed by a title or a speech verb is a speaker or an official, not the subject
SPEAKER = (r"[^.;\n]{0,40}?(?:,\s*(?:cán bộ|công chức|chủ tịch|phó chủ tịch|trưởng|phó trưởng"
           r"|bí thư|bác sĩ|y sĩ|giám đốc|chuyên trách)"
           r"|\b(?:cho biết|phát biểu|nhấn mạnh"
           r"|chia sẻ(?! bài| lại| link| video| clip| hình| ảnh)))")  # "chia sẻ bài": shares posts
# "bố em", "vợ anh", "con gái ông": a relative of the person just named
# the words for a relative, shared with the relatives of office holders (concepts/health.py)
KIN_WORDS = (r"bố|mẹ|cha|chồng|vợ|con|con trai|con gái|con út|con cả|anh trai|chị gái|em trai"
             r"|em gái|anh rể|em rể|chị dâu|em dâu|con dâu|con rể|bố vợ|mẹ vợ|bố chồng|mẹ chồng"
             r"|ông nội|bà nội|ông ngoại|bà ngoại|cháu nội|cháu ngoại")
KIN = (rf"(?:{KIN_WORDS})\s+(?:của\s+)?(?:em|cháu|anh|chị|ông|bà|cô|chú|bác|cụ)\b")
# "bà con", "anh em", "chị em": everyone; "Bản thân:" the person of a CV ("trích ngang lý lịch")
BACKREF = (rf"\s*(?:bị cáo|bị can|đối tượng|người này|bản thân|{KIN}"
           r"|(?:anh|chị|ông|bà|cháu|em|cụ)\b(?!\s+(?:con|em)\b))\b")
NAME_EXCL = ("Hồ Chí Minh", "Trần Hưng Đạo", "Lê Lợi", "Hà Nội", "Hà Nam", "Vũ Dương",
             "Lý Thái Tổ", "Đinh Tiên Hoàng", "Lê Hoàn", "Võ Nguyên Giáp", "Hà Giang", "Hà Tĩnh",
             "Cao Bằng", "Mai Sơn", "Cù Lao", "Sầm Sơn", "Âu Cơ",
             # "Đoàn" is a surname and the Youth Union's, an inspection team's name
             "Đoàn Thanh niên", "Đoàn Thanh Niên", "Đoàn Kiểm tra", "Đoàn Thanh tra",
             "Đoàn Công tác", "Đoàn Giám sát", "Đoàn Đại biểu")


def fold_tones(text: str) -> str:
    """Strip Vietnamese diacritics (keeping length and case) and map đ to d."""
    return text.translate(_FOLD)


def _fold_table() -> dict[int, str]:
    """One-to-one table from each accented letter to its base letter in its own case.

    The letters are those `bulletins.text.fold` turns into one ASCII letter; unlike `fold`,
    the table keeps the text's length and case, so offsets into the scanned text hold.
    """
    table: dict[int, str] = {}
    for cp in range(0xC0, 0x1F00):
        base = fold(chr(cp))
        if len(base) == 1 and base.isascii() and base.isalpha():
            table[cp] = base.upper() if chr(cp).isupper() else base
    return table


_FOLD = _fold_table()


# The letters most Vietnamese syllables start with. The regex engine tries the alternatives of
# a branch one by one, and at most places of a text none matches: a trie's first branch (see
# trie_regex) keeps one alternative for each of these letters and tests the others as one set.
_INITIALS = frozenset("bcdđghklmnpqstvx")


def trie_regex(phrases: Iterable[str], initials: bool = False) -> str:
    """Return a prefix-factored alternation matching any phrase; a space matches any whitespace.

    With initials, the phrases' rarer first letters are one character class, told apart by a
    look-behind after it: the same matches, faster where the pattern is tried at many places,
    but the engine no longer skips ahead to a phrase's first letter (keep it off for a pattern
    that starts with the trie and is searched for)."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(trie, initials)


def _emit(node: dict, initials: bool = False) -> str:
    """Render one trie node as a regex fragment (longest branch first)."""
    end = "" in node
    parts = []
    rare = sorted(k for k in node if k and k != " " and k not in _INITIALS) if initials else []
    for ch in sorted(k for k in node if k):
        if len(rare) > 1 and ch in rare:
            continue
        atom = r"\s+" if ch == " " else re.escape(ch)
        parts.append(atom + _emit(node[ch]))
    if len(rare) > 1:
        parts.append("[" + "".join(map(re.escape, rare)) + "](?:" + "|".join(
            "(?<=" + re.escape(ch) + ")" + _emit(node[ch]) for ch in rare) + ")")
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return "(?:" + body + ")?" if end else body



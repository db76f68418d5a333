"""Data tables for Vietnamese text normalization, and the letter helpers that use them."""

from __future__ import annotations

import re
import unicodedata

# Administrative and common abbreviations, matched case-sensitively as whole tokens.
DEFAULT_ABBREVIATIONS: dict[str, str] = {
    # government, party, front
    "UBND": "ủy ban nhân dân",
    "HĐND": "hội đồng nhân dân",
    "HĐND-UBND": "hội đồng nhân dân và ủy ban nhân dân",
    "HĐND&UBND": "hội đồng nhân dân và ủy ban nhân dân",
    "MTTQ": "mặt trận tổ quốc",
    "MTTQVN": "mặt trận tổ quốc Việt Nam",
    "UBMTTQ": "ủy ban mặt trận tổ quốc",
    "UBMTTQVN": "ủy ban mặt trận tổ quốc Việt Nam",
    "ĐU": "đảng ủy",
    "ĐUX": "đảng ủy xã",
    "BTV": "ban thường vụ",
    "BCH": "ban chấp hành",
    "BCĐ": "ban chỉ đạo",
    "BTC": "ban tổ chức",
    "BQL": "ban quản lý",
    "UBKT": "ủy ban kiểm tra",
    "TW": "trung ương",
    "CP": "chính phủ",
    "QH": "quốc hội",
    "ĐBQH": "đại biểu quốc hội",
    "TAND": "tòa án nhân dân",
    "VKSND": "viện kiểm sát nhân dân",
    "THADS": "thi hành án dân sự",
    "VP": "văn phòng",
    "VT": "văn thư",
    "TM.": "thay mặt",
    "KT.": "ký thay",
    "TL.": "thừa lệnh",
    "TUQ.": "thừa ủy quyền",
    "ĐVHC": "đơn vị hành chính",
    "TTHC": "thủ tục hành chính",
    "CCHC": "cải cách hành chính",
    "HCC": "hành chính công",
    "DVC": "dịch vụ công",
    "DVCTT": "dịch vụ công trực tuyến",
    "CBCC": "cán bộ công chức",
    "CBCCVC": "cán bộ công chức viên chức",
    "CCVC": "công chức viên chức",
    "NLĐ": "người lao động",
    # ministries and sectors
    "BTTTT": "bộ thông tin và truyền thông",
    "TT&TT": "thông tin và truyền thông",
    "BCA": "bộ công an",
    "BQP": "bộ quốc phòng",
    "BYT": "bộ y tế",
    "BGDĐT": "bộ giáo dục và đào tạo",
    "BNNPTNT": "bộ nông nghiệp và phát triển nông thôn",
    "NN&PTNT": "nông nghiệp và phát triển nông thôn",
    "TN&MT": "tài nguyên và môi trường",
    "TNMT": "tài nguyên môi trường",
    "LĐTBXH": "lao động thương binh và xã hội",
    "LĐ-TB&XH": "lao động thương binh và xã hội",
    "KH&CN": "khoa học và công nghệ",
    "GD&ĐT": "giáo dục và đào tạo",
    "GDĐT": "giáo dục đào tạo",
    "VHTT": "văn hóa thông tin",
    "VH-TT": "văn hóa thông tin",
    "VHTTDL": "văn hóa thể thao và du lịch",
    "VH-XH": "văn hóa xã hội",
    "VHXH": "văn hóa xã hội",
    "KT-XH": "kinh tế xã hội",
    "CT-XH": "chính trị xã hội",
    "CTXH": "chính trị xã hội",
    "KTXH": "kinh tế xã hội",
    "QP-AN": "quốc phòng an ninh",
    "QPAN": "quốc phòng an ninh",
    "AN-QP": "an ninh quốc phòng",
    "ANQP": "an ninh quốc phòng",
    "CNTT": "công nghệ thông tin",
    "CĐS": "chuyển đổi số",
    "TDTT": "thể dục thể thao",
    # security, order, safety
    "CAX": "công an xã",
    "CAH": "công an huyện",
    "CAT": "công an tỉnh",
    "CAND": "công an nhân dân",
    "QĐND": "quân đội nhân dân",
    "BCHQS": "ban chỉ huy quân sự",
    "CHQS": "chỉ huy quân sự",
    "DQTV": "dân quân tự vệ",
    "NVQS": "nghĩa vụ quân sự",
    "PCCC": "phòng cháy chữa cháy",
    "CNCH": "cứu nạn cứu hộ",
    "PCTT": "phòng chống thiên tai",
    "TKCN": "tìm kiếm cứu nạn",
    "ANTT": "an ninh trật tự",
    "ANCT": "an ninh chính trị",
    "TTATXH": "trật tự an toàn xã hội",
    "TTATGT": "trật tự an toàn giao thông",
    "ATGT": "an toàn giao thông",
    "TNGT": "tai nạn giao thông",
    "CSGT": "cảnh sát giao thông",
    "CSKV": "cảnh sát khu vực",
    "ATTP": "an toàn thực phẩm",
    "VSATTP": "vệ sinh an toàn thực phẩm",
    "ATVSLĐ": "an toàn vệ sinh lao động",
    # social insurance, identity, health
    "BHYT": "bảo hiểm y tế",
    "BHXH": "bảo hiểm xã hội",
    "BHTN": "bảo hiểm thất nghiệp",
    "CCCD": "căn cước công dân",
    "CMND": "chứng minh nhân dân",
    "SĐT": "số điện thoại",
    "ĐT": "điện thoại",
    "STK": "số tài khoản",
    "STT": "số thứ tự",
    "SN": "sinh năm",
    "Km": "ki lô mét",
    "NĐ-CP": "nghị định chính phủ",
    "ĐVT": "đơn vị tính",
    "TYT": "trạm y tế",
    "TTYT": "trung tâm y tế",
    "BVĐK": "bệnh viện đa khoa",
    "KCB": "khám chữa bệnh",
    "KHHGĐ": "kế hoạch hóa gia đình",
    "DS-KHHGĐ": "dân số kế hoạch hóa gia đình",
    "Covid-19": "cô vít mười chín",
    "COVID-19": "cô vít mười chín",
    "covid-19": "cô vít mười chín",
    "Covid": "cô vít",
    "COVID": "cô vít",
    "ASF": "dịch tả lợn châu Phi",
    "LMLM": "lở mồm long móng",
    "BVTV": "bảo vệ thực vật",
    "HIV": "hát i vê",
    "AIDS": "ết",
    # education, youth, mass organizations
    "THCS": "trung học cơ sở",
    "THPT": "trung học phổ thông",
    "HS": "học sinh",
    "GV": "giáo viên",
    "SV": "sinh viên",
    "HLV": "huấn luyện viên",
    "VĐV": "vận động viên",
    "CLB": "câu lạc bộ",
    "TNCS": "thanh niên cộng sản",
    "HCM": "Hồ Chí Minh",
    "LHPN": "liên hiệp phụ nữ",
    "HLHPN": "hội liên hiệp phụ nữ",
    "HND": "hội nông dân",
    "HCCB": "hội cựu chiến binh",
    "CCB": "cựu chiến binh",
    "NCT": "người cao tuổi",
    # economy, land, countryside
    "NTM": "nông thôn mới",
    "HTX": "hợp tác xã",
    "KDC": "khu dân cư",
    "KCN": "khu công nghiệp",
    "CCN": "cụm công nghiệp",
    "TNHH": "trách nhiệm hữu hạn",
    "CTCP": "công ty cổ phần",
    "DN": "doanh nghiệp",
    "SXKD": "sản xuất kinh doanh",
    "OCOP": "ô cóp",
    "GPMB": "giải phóng mặt bằng",
    "XDCB": "xây dựng cơ bản",
    "QSDĐ": "quyền sử dụng đất",
    "GCN": "giấy chứng nhận",
    "GTNT": "giao thông nông thôn",
    "VSMT": "vệ sinh môi trường",
    "BĐKH": "biến đổi khí hậu",
    "MTQG": "mục tiêu quốc gia",
    "ODA": "ô đê a",
    "USD": "đô la Mỹ",
    "VNĐ": "đồng",
    "VND": "đồng",
    # places and international
    "TP.HCM": "thành phố Hồ Chí Minh",
    "TP.": "thành phố",
    "TP": "thành phố",
    "Tp.": "thành phố",
    "Tp": "thành phố",
    "TX.": "thị xã",
    "TX": "thị xã",
    "TT.": "thị trấn",
    "TT": "thị trấn",
    "QL": "quốc lộ",
    "VN": "Việt Nam",
    "WHO": "tổ chức y tế thế giới",
    "ASEAN": "a xê an",
    "UNESCO": "du nét xcô",
    "UNICEF": "du ni xép",
    "EU": "liên minh châu Âu",
    "TTXVN": "thông tấn xã Việt Nam",
    "QR": "quy rờ",
}

# Codes inside document numbers ("72/KH-UBND"); they win over DEFAULT_ABBREVIATIONS there.
DOC_CODES: dict[str, str] = {
    "KH": "kế hoạch", "QĐ": "quyết định", "TB": "thông báo", "CV": "công văn",
    "NQ": "nghị quyết", "NĐ": "nghị định", "TT": "thông tư", "TTLT": "thông tư liên tịch",
    "CT": "chỉ thị", "BC": "báo cáo", "HD": "hướng dẫn", "TTr": "tờ trình",
    "GM": "giấy mời", "BB": "biên bản", "KL": "kết luận", "QC": "quy chế",
    "QyĐ": "quy định", "CĐ": "công điện", "HĐ": "hợp đồng", "CTr": "chương trình",
    "ĐA": "đề án", "PA": "phương án", "L": "luật", "UBND": "ủy ban nhân dân",
    "CP": "chính phủ", "TTg": "thủ tướng", "BTC": "bộ tài chính", "BNV": "bộ nội vụ",
    "BTNMT": "bộ tài nguyên và môi trường", "BXD": "bộ xây dựng",
    "BGTVT": "bộ giao thông vận tải", "BCT": "bộ công thương",
    "BKHĐT": "bộ kế hoạch và đầu tư", "BVHTTDL": "bộ văn hóa thể thao và du lịch",
    "BLĐTBXH": "bộ lao động thương binh và xã hội", "TU": "tỉnh ủy", "HU": "huyện ủy",
    "BTG": "ban tuyên giáo", "BDV": "ban dân vận", "SYT": "sở y tế",
    "STTTT": "sở thông tin và truyền thông", "SGDĐT": "sở giáo dục và đào tạo",
    "SNV": "sở nội vụ", "STC": "sở tài chính", "VPCP": "văn phòng chính phủ",
    "QH": "quốc hội khóa", "UBTVQH": "ủy ban thường vụ quốc hội khóa",
}

# Letter names used to spell acronyms and web addresses.
LETTER_NAMES: dict[str, str] = {
    "a": "a", "b": "bê", "c": "xê", "d": "đê", "đ": "đê", "e": "e", "f": "ép",
    "g": "giê", "h": "hát", "i": "i", "j": "gi", "k": "ca", "l": "e lờ", "m": "em",
    "n": "en", "o": "o", "p": "pê", "q": "quy", "r": "e rờ", "s": "ét", "t": "tê",
    "u": "u", "v": "vê", "w": "vê kép", "x": "ích", "y": "i dài", "z": "dét",
    "ă": "á", "â": "ớ", "ê": "ê", "ô": "ô", "ơ": "ơ", "ư": "ư",
}

# Units after a number (longest first when compiled); value is the spoken form.
UNITS: dict[str, str] = {
    "km/h": "ki lô mét trên giờ", "m/s": "mét trên giây",
    "km²": "ki lô mét vuông", "km2": "ki lô mét vuông", "km": "ki lô mét",
    "m²": "mét vuông", "m2": "mét vuông", "m³": "mét khối", "m3": "mét khối",
    "cm": "xen ti mét", "mm": "mi li mét", "m": "mét", "ha": "héc ta",
    "kg": "ki lô gam", "mg": "mi li gam", "g": "gam", "tấn": "tấn", "tạ": "tạ",
    "ml": "mi li lít", "l": "lít", "lít": "lít", "°C": "độ C", "ºC": "độ C", "°F": "độ F",
    "°": "độ", "%": "phần trăm", "kWh": "ki lô oát giờ", "kW": "ki lô oát",
    "MW": "mê ga oát", "W": "oát", "kV": "ki lô vôn", "V": "vôn", "Hz": "héc",
    "GB": "gi ga bai", "MB": "mê ga bai", "đ": "đồng", "đồng": "đồng", "VNĐ": "đồng",
    "VND": "đồng", "vnđ": "đồng", "USD": "đô la Mỹ", "$": "đô la Mỹ", "EUR": "ơ rô",
    "€": "ơ rô", "k": "nghìn", "K": "nghìn", "tr": "triệu",
}

# Web-address words and unaccented place names (keys are lower-case, no spaces).
DOMAIN_WORDS: dict[str, str] = {
    "www": "vê kép vê kép vê kép", "com": "com", "vn": "vi en", "gov": "gov",
    "net": "nét", "org": "o rờ gờ", "edu": "e đu", "info": "in phô", "gmail": "gờ meo",
    "mail": "meo", "email": "i meo", "yahoo": "da hu", "facebook": "phây búc",
    "fb": "ép bê", "zalo": "da lô", "youtube": "diu túp", "google": "gu gồ",
    "html": "hát tê em e lờ", "portal": "po tồ", "tiktok": "tích tóc",
}

# Accented phrases recognized when written without accents in web addresses.
DOMAIN_PHRASES: tuple[str, ...] = (
    "vũ dương", "ninh bình", "việt nam", "hà nội", "chính phủ", "hoa lư", "tam điệp",
    "kim sơn", "yên mô", "yên khánh", "gia viễn", "nho quan", "nam định", "hà nam",
    "thông tin", "điện tử", "cổng thông tin", "báo chính phủ", "dân sinh", "dịch vụ công",
    "xã", "tỉnh", "huyện", "tin tức", "văn phòng", "ủy ban", "công an", "y tế", "bảo hiểm xã hội",
)

# Small default pronunciation lexicon for common foreign words (admin entries win).
DEFAULT_LEXICON: dict[str, str] = {
    "Facebook": "phây búc", "facebook": "phây búc", "Zalo": "da lô", "zalo": "da lô",
    "YouTube": "diu túp", "Youtube": "diu túp", "Google": "gu gồ", "TikTok": "tích tóc",
    "email": "i meo", "Email": "i meo", "e-mail": "i meo", "online": "on lai",
    "Online": "on lai", "website": "oép sai", "Website": "oép sai", "internet": "in tơ nét",
    "Internet": "in tơ nét", "wifi": "oai phai", "Wifi": "oai phai", "WiFi": "oai phai",
    "livestream": "lai trim", "video": "vi đê ô", "camera": "ca mê ra", "virus": "vi rút",
    "hotline": "hót lai", "Hotline": "hót lai", "app": "áp", "smartphone": "smát phôn",
}

# Words after which an upper-case Roman numeral is read as a number.
ROMAN_CONTEXT: tuple[str, ...] = (
    "lần thứ", "thứ", "khóa", "khoá", "đại hội", "phần", "mục", "quý", "thế kỷ", "thế kỉ",
    "chương", "tập", "kỳ", "kì", "đợt", "giai đoạn", "phụ lục", "hội nghị", "trung ương",
    "vòng", "loại", "hạng", "bậc", "cấp", "tiểu mục", "bài", "học kỳ", "học kì", "vùng",
    "khu vực", "quân khu", "tuần", "số", "điều", "nhóm", "đội", "tiết",
)

# Letters before a number that name a road or a legislature: 'QL1A', 'QH15'.
ALNUM_PREFIXES: dict[str, str] = {
    "QL": "quốc lộ", "ĐT": "đường tỉnh", "TL": "tỉnh lộ", "ĐH": "đường huyện",
    "QH": "quốc hội khóa",
}
# Words before 'a/b' that make it a fraction ('khoảng 1/3' -> 'một phần ba').
FRACTION_PREV: tuple[str, ...] = (
    "khoảng", "chiếm", "gần", "hơn", "còn", "bằng", "giảm", "tăng", "mất", "quá", "chừng",
)
# Words before 'a-b' that make it a score, not a range ('tỷ số 2-1').
SCORE_PREV: tuple[str, ...] = ("số", "thắng", "thua", "hòa", "hoà", "cách")

# One Vietnamese syllable without tone marks: onset, vowel nucleus, coda.
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?"
                       r"[aăâeêioôơuưy]{1,3}(?:ch|ng|nh|[cmnpt])?")


def strip_accents(text: str) -> str:
    """Remove Vietnamese diacritics: 'Vũ Dương' -> 'Vu Duong'."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_syllable(word: str) -> bool:
    """Whether a word (any case) has the shape of one Vietnamese syllable."""
    base = unicodedata.normalize("NFD", word.lower())
    base = "".join(c for c in base if c not in "\u0300\u0301\u0303\u0309\u0323")
    return bool(_SYLLABLE.fullmatch(unicodedata.normalize("NFC", base)))


def spell(letters: str) -> str:
    """Spell letters with Vietnamese letter names: 'HTX' -> 'hát tê ích'."""
    out = []
    for ch in letters.lower():
        name = LETTER_NAMES.get(ch) or LETTER_NAMES.get(strip_accents(ch))
        out.append(name or ch)
    return " ".join(out)

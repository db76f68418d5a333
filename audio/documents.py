"""Document numbers: '72/KH-UBND' -> 'số bảy mươi hai trên kế hoạch ủy ban nhân dân',
'13/2023/NĐ-CP' -> 'số mười ba năm hai nghìn không trăm hai mươi ba nghị định chính phủ'
('Nghị định 13/2023/NĐ-CP' without the added 'số')."""

from __future__ import annotations

import re
from collections.abc import Mapping

from audio.letters import spell
from audio.numbers_vi import B, pad, prev_word, read_numeral

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

# A legal document's kind right before its number: 'Nghị định 13/2023/NĐ-CP' is read
# without an added 'số' (administrative papers get one: 'Công văn 88/CV-UBND').
_LEGAL_KIND = re.compile(r"(?<!\w)(?i:luật|bộ luật|pháp lệnh|nghị định|nghị quyết|quyết định"
                         r"|thông tư(?:\s+liên\s+tịch)?)\s*$")

_DOC_KINDS = ("KH", "QĐ", "TB", "CV", "NQ", "NĐ", "TT", "TTLT", "CT", "BC", "HD", "TTr", "CĐ")


def _doc_code(seg: str, abbr: Mapping[str, str]) -> str:
    """Read one code of a document symbol: 'KH' -> 'kế hoạch', 'QH15' -> '... mười lăm'."""
    m = re.fullmatch(r"([^\W\d_]+?)(\d+)", seg)
    if m:
        return f"{_doc_code(m.group(1), abbr)} {read_numeral(m.group(2))}"
    return DOC_CODES.get(seg) or abbr.get(seg) or spell(seg)


def _number_word(m: re.Match[str]) -> str:
    """'số ' before a document number, unless the text says it or names a legal kind."""
    if prev_word(m) == "số" or _LEGAL_KIND.search(m.string[max(0, m.start() - 30):m.start()]):
        return ""
    return "số "


def documents(text: str, abbr: Mapping[str, str]) -> str:
    """Document numbers: '72/KH-UBND' -> 'số bảy mươi hai trên kế hoạch ủy ban nhân dân'."""
    code = r"[A-ZĐ][A-Za-zĐđ]*\d*"

    def symbol(raw: str) -> str:
        return " ".join("và" if p == "&" else _doc_code(p, abbr)
                        for p in re.findall(r"[^\W_]+|&", raw))

    def std(m: re.Match[str]) -> str:
        head = _number_word(m)
        num = read_numeral(m.group(1))
        if m.group(2):
            return pad(f"{head}{num} năm {read_numeral(m.group(2))} {symbol(m.group(3))}")
        return pad(f"{head}{num} trên {symbol(m.group(3))}")

    text = re.sub(rf"(?<![\w/.,])(\d{{1,6}})(?:/(\d{{4}}))?/({code}(?:[-&]{code})*)(?![\w/])",
                  std, text)
    text = re.sub(rf"(?<![\w/.,])(\d{{1,6}})-({code}(?:/{code})+)(?![\w/])",
                  lambda m: pad(_number_word(m) + read_numeral(m.group(1))
                                 + " " + symbol(m.group(2))), text)
    kinds = "|".join(sorted(_DOC_KINDS, key=len, reverse=True))
    return re.sub(rf"{B}(?:{kinds})(?:[-/]{code})+(?![\w/-])",
                  lambda m: m.group(0) if m.group(0) in abbr else pad(symbol(m.group(0))), text)

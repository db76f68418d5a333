"""Phone, hotline, account and emergency numbers, read digit by digit in the groups
written (10 digits as 4-3-3), groups separated by commas."""

from __future__ import annotations

import re

from audio.numbers_vi import pad, read_digits

_PHONE_CTX = r"(?i:điện thoại|sđt|hotline|hót lai|đường dây nóng|tổng đài|số máy|fax)"
_ACCOUNT_CTX = r"(?i:stk|tài khoản|cccd|cmnd|căn cước công dân|căn cước|mã số thuế|mst|mã số)"
_EMERGENCY_CTX = re.compile(
    r"(?i:(?<!kêu )gọi|tổng đài|đường dây nóng|hotline|hót lai|cấp cứu|cứu hỏa|cứu hoả|cứu thương"
    r"|cứu nạn|cứu hộ|công an|cảnh sát|khẩn cấp|báo cháy|chữa cháy|PCCC|điện thoại|liên hệ|quay"
    r"|bấm)(?:\s+(?:ngay|tới|đến|cho|vào))?(?:\s+(?:số|tổng đài|đường dây nóng))?\s*[:(-]?\s*$")


def _group_digits(groups: list[str]) -> str:
    """Read digit groups separated by pauses."""
    if len(groups) == 1 and len(groups[0]) >= 9:
        g = groups[0]
        groups = [g[:4], g[4:7], g[7:]] if len(g) <= 11 else [g]
    return ", ".join(read_digits(g) for g in groups if g)


def _phone(m: re.Match[str]) -> str:
    raw = m.group(0)
    plus = raw.startswith("+84")
    groups = re.findall(r"\d+", raw[3:] if plus else raw)
    count = sum(map(len, groups))
    if not (9 <= count <= 11 if plus else 10 <= count <= 11):
        return raw
    return pad(("cộng tám bốn, " if plus else "") + _group_digits(groups))


def _emergency(m: re.Match[str]) -> str:
    """111-116 digit by digit after a calling context (else they are quantities)."""
    if _EMERGENCY_CTX.search(m.string[max(0, m.start() - 40):m.start()]):
        return pad(read_digits(m.group(0)))
    return m.group(0)


def phones(text: str) -> str:
    """Phone, hotline and emergency numbers digit by digit."""
    text = re.sub(r"((?:\+84|0)\d[\d .]{7,14}\d)\s*[-–/;]\s*(?=(?:\+84|0)\d)", r"\1, ", text)
    text = re.sub(r"(?<![\w.,/])(?:\+84[ .-]?|0)\d{2,4}(?:[ .-]?\d{2,4}){1,3}(?![\w]|[.,]\d)",
                  _phone, text)
    text = re.sub(r"(?<![\w.,])(1[89]00)[ .]?(\d{2,4})(?:[ .]?(\d{2,4}))?(?![\w]|[.,]\d)",
                  lambda m: pad(_group_digits([g for g in m.groups() if g])), text)
    text = re.sub(_PHONE_CTX + r"(\s*(?:số\s*)?[:.]?\s*)(\d{3,})(?![\w/]|[.,]\d)",
                  lambda m: m.group(0)[: m.start(2) - m.start()] + pad(read_digits(m.group(2))),
                  text)
    text = re.sub(_ACCOUNT_CTX + r"(\s*(?:số\s*)?[:.]?\s*)(\d[\d .]{4,}\d)(?![\w/]|[.,]\d)",
                  lambda m: m.group(0)[: m.start(2) - m.start()]
                  + pad(", ".join(read_digits(g) for g in m.group(2).replace(".", " ").split())),
                  text)
    return re.sub(r"(?<![\w.,/])11[1-6](?![\w/]|[.,]\d)", _emergency, text)

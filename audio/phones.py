"""Phone, hotline, account and emergency numbers, read digit by digit in the groups
written (10 digits as 4-3-3), groups separated by commas."""

from __future__ import annotations

import re

from audio.numbers_vi import pad, read_digits

_PHONE_CTX = r"(?i:điện thoại|sđt|hotline|hót lai|đường dây nóng|tổng đài|số máy|máy bàn|fax)"
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
    """A number of 10-11 digits (9-11 after +84) in its groups; groups past that are left."""
    raw = m.group(0)
    plus = raw.startswith("+84")
    low, high = (9, 11) if plus else (10, 11)
    groups, count = [], 0
    for g in re.finditer(r"\d+", raw[3:] if plus else raw):
        if count + len(g.group(0)) > high:
            break
        groups.append(g.group(0))
        count, end = count + len(g.group(0)), g.end() + (3 if plus else 0)
    if count < low:
        return raw
    return pad(("cộng tám bốn, " if plus else "") + _group_digits(groups)) + raw[end:]


def _emergency(m: re.Match[str]) -> str:
    """111-116 digit by digit after a calling context (else they are quantities)."""
    if _EMERGENCY_CTX.search(m.string[max(0, m.start() - 40):m.start()]):
        return pad(read_digits(m.group(0)))
    return m.group(0)


def phones(text: str) -> str:
    """Phone, hotline and emergency numbers digit by digit."""
    text = re.sub(r"((?:\+84|0)\d[\d .]{7,14}\d)\s*[-–/;]\s*(?=(?:\+84|0)\d)", r"\1, ", text)
    # landlines too: '0229.3868.204', '(0229) 3868 204', '024.38.25.35.36', '0229.3.868.204'
    text = re.sub(r"(?<![\w.,/])(?:\+84[ .-]?\d{2,4}|\(0\d{2,3}\)[ .]?\d{1,4}|0\d{2,4})"
                  r"(?:[ .-]?\d{2,4}|\.\d){1,4}(?![\w]|[.,]\d)", _phone, text)
    text = re.sub(r"(?<![\w.,])(1[89]00)[ .]?(\d{2,4})(?:[ .]?(\d{2,4}))?(?![\w]|[.,]\d)",
                  lambda m: pad(_group_digits([g for g in m.groups() if g])), text)
    text = re.sub(_PHONE_CTX + r"(\s*(?:số\s*)?[:.]?\s*)(\d{3,}(?:\.\d{2,4})*)(?![\w/]|[.,]\d)",
                  lambda m: m.group(0)[: m.start(2) - m.start()]
                  + pad(", ".join(read_digits(g) for g in m.group(2).split("."))), text)
    text = re.sub(_ACCOUNT_CTX + r"(\s*(?:số\s*)?[:.]?\s*)(\d[\d .]{4,}\d)(?![\w/]|[.,]\d)",
                  lambda m: m.group(0)[: m.start(2) - m.start()]
                  + pad(", ".join(read_digits(g) for g in m.group(2).replace(".", " ").split())),
                  text)
    return re.sub(r"(?<![\w.,/])11[1-6](?![\w/]|[.,]\d)", _emergency, text)

"""What the built-in scanner looks for, read from the scanner itself (the admin's rules page).

Each detector is shown by an example the scanner is run on: its kind, severity and reason
(with the legal basis the reason cites) are the scanner's own answer, so the page cannot drift
from what the scanner does. tests/unit/test_detector_catalog.py checks every kind is covered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bulletins.confidentiality import classifier, looks
from bulletins.confidentiality.concepts.basis import SECTORS, SENSITIVE_REASON
from bulletins.confidentiality.scanner import Scanner

# (kind, example text); several examples of one kind show its severities or its sorts
EXAMPLES: tuple[tuple[str, str], ...] = (
    ("classification_marking", "Tài liệu này: TỐI MẬT"),
    ("classification_marking", "Chỉ người có tên mới được bóc bì"),
    ("classification_marking", "Nộp lại sau khi nghiên cứu"),
    ("state_secret_topic", "Vị trí kho vũ khí của dân quân xã nằm sau trụ sở."),
    ("national_id", "Anh Trần Văn Nam, CCCD số 001203004567, đã đến nhận."),
    ("phone", "Liên hệ anh Nam: 0912 345 678."),
    ("phone", "Đường dây nóng của UBND xã: 0912 345 678."),
    ("email", "Gửi cho chị Lan: lan.nguyen@gmail.com"),
    ("email", "Hộp thư UBND xã: ubnd@xa.gov.vn"),
    ("bank_account", "Ông Bình chuyển vào số tài khoản 0123456789 tại Vietcombank."),
    ("vehicle_plate", "Xe ô tô biển số 29A-123.45 đỗ trước cổng."),
    ("date_of_birth", "Chị Nguyễn Thị Hoa, sinh ngày 12/03/1985, trú tại thôn Đông."),
    ("sensitive_personal", "Ông Nguyễn Văn Bình đang điều trị HIV tại trạm y tế."),
)
# a reason's closing parenthesis is its legal basis when it names a legal text
_BASIS = re.compile(r"^(?P<what>.*?)\s*\((?P<basis>[^()]*(?:Luật|Nghị định|Điều|QĐ|Thông tư)"
                    r"[^()]*)\)\s*$")


@dataclass(frozen=True)
class Detector:
    """One thing the built-in scanner flags, as the scanner itself reports it."""

    kind: str
    what: str
    severity: str
    basis: str
    example: str
    found: str


def split_reason(reason: str) -> tuple[str, str]:
    """(what, legal basis) of a finding's reason; the basis is "" when it cites none."""
    m = _BASIS.match(reason)
    return (m["what"], m["basis"]) if m else (reason, "")


@cache
def detectors() -> tuple[Detector, ...]:
    """The built-in detectors, one row per example, in the order of EXAMPLES."""
    scanner, rows = Scanner(), []
    for kind, text in EXAMPLES:
        finding = next(f for f in scanner.scan(text) if f.kind == kind)
        what, basis = split_reason(finding.reason)
        rows.append(Detector(kind, what, finding.severity, basis, text, finding.text))
    return tuple(rows)


def secret_fields() -> list[tuple[str, str]]:
    """The fields of state secrets the concept detectors judge: (field, legal basis)."""
    return [(field, basis) for field, basis in SECTORS.values()]


def sensitive_sorts() -> list[tuple[str, str]]:
    """The sorts of sensitive personal data the scanner looks for: (what, legal basis)."""
    return [split_reason(reason) for reason in SENSITIVE_REASON.values()]


@dataclass(frozen=True)
class SecondLook:
    """How the classifiers' second look decides (bulletins/confidentiality/looks.py)."""

    documents: int  # training bulletins
    threshold: int  # per cent of confidence above which it holds
    clear: int  # per cent below which a rules' hold on meaning alone becomes a warning, and
    # a finding on meaning alone in a sentence this plain is left out
    min_words: int  # shorter texts are left to the rules
    also: int  # per cent above which another sentence of a held text gets a warning
    personal: int  # per cent above which a state secret's sentence is a person's fact too
    only_personal: int  # per cent above which it is that fact alone (the rule's in its reason)


def second_look() -> SecondLook:
    """The second look's figures, read from the shipped model and the classifier module."""
    return SecondLook(classifier.training_documents(), round(looks.THRESHOLD * 100),
                      round(looks.CLEAR * 100), looks.MIN_WORDS,
                      round(looks.ALSO * 100), round(looks.PERSONAL * 100),
                      round(looks.ONLY_PERSONAL * 100))

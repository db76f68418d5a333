"""The built-in detectors listed on the admin's rules page come from the scanner itself."""

from __future__ import annotations

from bulletins.confidentiality import KINDS, SEVERITY_BLOCK, SEVERITY_WARN, looks, scan
from bulletins.confidentiality.catalog import (
    EXAMPLES,
    detectors,
    second_look,
    secret_fields,
    sensitive_sorts,
    split_reason,
)
from bulletins.confidentiality.text import Doc
from tests.corpus.score import CORPORA, as_submitted, load


def test_every_built_in_kind_has_an_example_the_scanner_flags():
    rows = detectors()
    assert {d.kind for d in rows} == set(KINDS) - {"keyword"}  # keyword: the admin's rules
    assert len(rows) == len(EXAMPLES)
    for row in rows:
        assert row.found and row.found in row.example
        assert row.severity in (SEVERITY_BLOCK, SEVERITY_WARN)
        assert row.what


def test_rows_are_the_scanners_own_answers():
    for row in detectors():
        reasons = {f.reason for f in scan(row.example) if f.kind == row.kind}
        assert any(split_reason(r) == (row.what, row.basis) for r in reasons)


def test_phones_and_mails_show_both_severities():
    severities = {(d.kind, d.severity) for d in detectors()}
    assert {("phone", "block"), ("phone", "warn"), ("email", "block"),
            ("email", "warn")} <= severities


def test_legal_basis_is_split_from_what_is_caught():
    assert split_reason("Ngày sinh (Nghị định 13/2023/NĐ-CP, Điều 2 khoản 3)") == (
        "Ngày sinh", "Nghị định 13/2023/NĐ-CP, Điều 2 khoản 3")
    assert split_reason("Số định danh cá nhân (CCCD)") == ("Số định danh cá nhân (CCCD)", "")
    assert all(basis for _, basis in secret_fields())
    assert all("Nghị định 356/2025/NĐ-CP, Điều 4" in basis for _, basis in sensitive_sorts())


def test_the_second_look_is_described_by_the_model_it_ships():
    look = second_look()
    assert look.documents >= 900 and look.min_words > 0
    assert 0 < look.clear < 50 <= look.threshold < 100
    hits = [looks.second_look(Doc(as_submitted(d))) for d in load(CORPORA["train4"])]
    reasons = [hit[4] for hit in hits if hit is not None]
    assert reasons and all(f"học từ {look.documents} bản tin" in r for r in reasons)

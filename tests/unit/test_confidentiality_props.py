"""Property tests: the scanner never raises and its offsets always slice the NFC text."""

from __future__ import annotations

import time
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bulletins.confidentiality import KINDS, Rule, Scanner, scan

VI = "MẬTmậtđĐôơưăêâáàảãạ0123456789 .-/+()@:\n\t"
PIECES = ["MẬT", "mật", "Tối mật", "Độ mật:", "0912 345 678", "+84", "037085012345", "STK",
          "sinh năm 1990", "Ông Nguyễn Văn A", "nhiễm HIV", "35A-123.45", "a@b.vn",
          "bố trí lực lượng", "\u200b", "\u00ad", "\ufeff", "\u0323", "\u0302", "\u0301"]
texts = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300),
    st.text(alphabet=VI, max_size=300),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(alphabet=VI, max_size=5)),
             max_size=40).map("".join),
)
SCANNER = Scanner(rules=[Rule("mật"), Rule("de dieu", "warn", ignore_tones=True)])


def check(text: str, scanner: Scanner) -> None:
    """Every finding is well formed and slices the NFC text."""
    nfc = unicodedata.normalize("NFC", text)
    res = scanner.scan(text)
    assert [f.start for f in res] == sorted(f.start for f in res)
    for f in res:
        assert 0 <= f.start < f.end <= len(nfc)
        assert f.text == nfc[f.start:f.end]
        assert f.kind in KINDS and f.severity in ("block", "warn") and f.reason


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_scan_never_raises_and_offsets_hold(text: str) -> None:
    """Any string, control characters and lone combining marks included."""
    check(text, Scanner())
    check(text, SCANNER)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_nfd_and_nfc_agree(text: str) -> None:
    """Decomposed and composed input give the same findings."""
    assert scan(unicodedata.normalize("NFD", text)) == scan(unicodedata.normalize("NFC", text))


def test_one_megabyte_is_fast() -> None:
    """1 MB of adversarial text (long digit and space runs, repeated triggers) scans quickly."""
    chunks = [
        "9" * 5000, " " * 5000, "1 2 3 4 5 6 " * 800, "mật " * 2000, "tối " * 2000,
        "0.9.1.2.3.4.5.6.7.8." * 500, "a@" * 2000, "Ông Nguyễn " * 1000, "35A-" * 1000,
        "sinh năm " * 1000, "\u200b" * 3000, "STK " * 1000,
    ]
    text = "".join(chunks)
    while len(text.encode("utf-8")) < 1_000_000:
        text += text
    text = text.encode("utf-8")[:1_000_000].decode("utf-8", "ignore")
    t0 = time.perf_counter()
    check(text, SCANNER)
    assert time.perf_counter() - t0 < 10

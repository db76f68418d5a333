"""The scanner's speed-ups give what the plain forms they replace give (#15, bench/scan.py)."""

from __future__ import annotations

import json
import random
import re
from itertools import product
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from bulletins.confidentiality import Finding, contacts, scan, secrets
from bulletins.confidentiality import phrases as R
from bulletins.confidentiality import scanner as S
from bulletins.confidentiality.concepts import engine, whose
from bulletins.confidentiality.contacts import _OFFICIAL_MEMO
from bulletins.confidentiality.personal import _CAMPAIGN_MEMO, _PERSON_MEMO
from bulletins.confidentiality.secrets import _TOPIC_MEMO
from bulletins.confidentiality.text import Doc, any_of, line, next_word, prev_word, sentence

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_spaces_are_what_backslash_s_and_isspace_accept() -> None:
    every = "".join(map(chr, range(0x110000)))
    assert R.SPACES == "".join(c for c in every if c.isspace())
    assert R.SPACES == "".join(re.findall(r"\s", every))


def _sentence_as_before(low: str, s: int, e: int, semicolon: bool = True,
                        reach: int = 220) -> tuple[int, int]:
    """text.sentence as it was written before: one rfind per separator."""
    lo, hi = max(0, s - reach), min(len(low), e + reach)
    a = max(lo, low.rfind("\n", lo, s) + 1)
    for sep in (". ", "! ", "? ", "; ") if semicolon else (". ", "! ", "? "):
        i = low.rfind(sep, max(lo, a - 1), s)
        if i >= 0 and i + 2 > a:
            a = i + 2
    m = re.compile(r"[.!?;\n](?:(?<=\n)|(?= ))" if semicolon else r"[.!?\n](?:(?<=\n)|(?= ))"
                   ).search(low, e, hi)
    return a, m.start() if m else hi


@given(st.text(alphabet="ab .!?;\n", max_size=80), st.data())
def test_sentence_bounds_as_before(low: str, data: st.DataObject) -> None:
    s = data.draw(st.integers(0, len(low)))
    e = data.draw(st.integers(s, len(low)))
    reach = data.draw(st.sampled_from((3, 10, 220)))
    for semicolon in (True, False):
        assert sentence(low, s, e, semicolon, reach) == _sentence_as_before(
            low, s, e, semicolon, reach)


@given(st.lists(st.text(alphabet="abc ", min_size=1, max_size=4), max_size=6),
       st.text(alphabet="abc ", max_size=30), st.data())
def test_any_of_finds_a_word_where_a_word_is(words: list[str], text: str,
                                             data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    found = any_of(words).search(text, a, b) is not None
    assert found == any(w in text[a:b] for w in words)


@given(st.text(alphabet="ab mậ.,\n-_1", max_size=60), st.data())
def test_prev_word_is_the_last_word_before_on_the_line(text: str, data: st.DataObject) -> None:
    s = data.draw(st.integers(0, len(text)))
    lo = max(0, s - 40)
    words = re.findall(r"\w+", text[text.rfind("\n", lo, s) + 1 or lo:s])
    assert prev_word(text, s) == (words[-1] if words else "")


def test_any_of_without_words_finds_nothing() -> None:
    assert any_of([]).search("mật") is None


def test_a_fast_built_finding_is_a_finding() -> None:
    values = ("phone", 3, 13, "block", "0912345678", "Số điện thoại cá nhân")
    fast, plain = S._finding(*values), Finding(*values)
    assert fast == plain and hash(fast) == hash(plain) and repr(fast) == repr(plain)
    assert isinstance(fast, Finding)


def _clear_memos() -> None:
    for memo in (engine._MEMO, _OFFICIAL_MEMO, _CAMPAIGN_MEMO, _PERSON_MEMO, _TOPIC_MEMO):
        memo.clear()


def test_memoized_verdicts_match_fresh_ones_in_any_context() -> None:
    """Sentences met before, in other documents and after other text, are judged alike."""
    docs = json.loads((CORPUS / "confidentiality.json").read_text("utf-8"))["documents"]
    texts = [d["text"] for d in docs]
    rng = random.Random(15)
    mixed = ["\n".join(rng.sample(texts, 3)) for _ in range(40)]
    mixed += [" ".join(rng.sample(texts, 2)) for _ in range(40)]
    _clear_memos()
    fresh = []
    for text in mixed:
        fresh.append(scan(text))
        _clear_memos()
    for text in texts:  # warm every memo with the documents alone
        scan(text)
    assert [scan(text) for text in mixed] == fresh
    assert sum(map(len, fresh)) > 100


# --- the health vocabulary's checks and the passes over the whole text, as plain forms ---

_PRED_PIECES = ("bị", "mắc", "nhiễm", "chẩn đoán", "là", "bệnh", "căn", "do", "vì", "đang",
                "từng", "điều trị", "tại", "nhập viện", "x", "_", "1", " ", "  ", "\n", ",")


@given(st.lists(st.sampled_from(_PRED_PIECES), max_size=12), st.data())
def test_predicate_is_what_its_regex_finds(pieces: list[str], data: st.DataObject) -> None:
    low = "".join(pieces)
    s = data.draw(st.integers(0, len(low)))
    lo = data.draw(st.integers(0, s))
    assert whose.predicate(low, lo, s) == (whose.PREDICATE.search(low, lo, s) is not None)


def test_predicate_is_what_its_regex_finds_for_every_three_pieces() -> None:
    for low in map("".join, product(_PRED_PIECES, repeat=3)):
        for lo in range(len(low) + 1):
            found = whose.PREDICATE.search(low, lo) is not None
            assert whose.predicate(low, lo, len(low)) == found, (low, lo)


def test_predicate_reads_the_word_before_its_window_as_the_regex_does() -> None:
    assert whose.predicate("bị ung thư", 0, 3) and not whose.predicate("xbị ung", 1, 3)
    assert whose.predicate("chẩn đoán bị  ", 0, 14) and not whose.predicate("bịt ", 0, 4)


_WHO = ("một", "phụ nữ", "bé trai", "cụ ông", "bệnh nhân", "nam", "thôn", "số nhà", "nhà số",
        "12", "45 tuổi", "từ", "ở", "các", " ", ", ", "sản phụ", "thai phụ", "nữ", "cháu bé",
        "chị", "bán", "tổ trưởng", "chợ")


def test_located_finds_each_form_of_one_person() -> None:
    for who in ("thai phụ nữ", "sản phụ nam", "bệnh nhân nữ", "cháu bé", "cụ bà", "một cụ",
                "chị tổ trưởng", "anh bán cá"):
        assert whose.located(f"{who} ở thôn Mới", 0, len(who) + 12), who
        assert not whose.located(f"{who} ở đây", 0, len(who) + 7), who
    assert whose.located("nhà số 12", 0, 9) and not whose.located("nhà số", 0, 6)


@given(st.lists(st.sampled_from(_WHO), max_size=10), st.data())
def test_located_is_what_its_regexes_find(pieces: list[str], data: st.DataObject) -> None:
    low = "".join(pieces)
    a = data.draw(st.integers(0, len(low)))
    b = data.draw(st.integers(a, len(low)))
    plain = whose._HOUSE.search(low, a, b) is not None or (
        (whose._ONE.search(low, a, b) or whose._ROLE.search(low, a, b)) is not None
        and whose._WHERE.search(low, a, b) is not None)
    assert whose.located(low, a, b) == plain


_PLAIN_NUM_RE = re.compile(contacts.NUM_RE.pattern.replace(contacts.DIGIT_START, r"[+\d]", 1))


@given(st.text(alphabet="09+ -.)(a\u0669\uff15\U0001d7d8\U0001f4de", max_size=40))
def test_number_pass_finds_what_plus_or_digit_finds(text: str) -> None:
    assert contacts.DIGIT_START != r"[+\d]"
    found = [(m.span(), m.group("plate")) for m in contacts.NUM_RE.finditer(text)]
    assert found == [(m.span(), m.group("plate")) for m in _PLAIN_NUM_RE.finditer(text)]


def test_number_pass_keeps_digits_beyond_the_basic_plane_and_skips_an_emoji() -> None:
    wide = "\U0001d7d8" * 10  # MATHEMATICAL DOUBLE-STRUCK DIGIT ZERO, a decimal digit
    assert [m.span() for m in contacts.NUM_RE.finditer("gọi \U0001f4de" + wide)] == [(5, 15)]


@given(st.lists(st.text(alphabet="tcaứr ", min_size=1, max_size=4), min_size=1, max_size=8),
       st.text(alphabet="tcaứr x\n", max_size=40))
def test_a_trie_with_its_rare_initials_grouped_matches_the_same(words: list[str],
                                                                 text: str) -> None:
    words = [" ".join(w.split()) for w in words if w.strip()]
    if not words:
        return
    plain = re.compile(R.trie_regex(words))
    grouped = re.compile(R.trie_regex(words, initials=True))
    for pos in range(len(text) + 1):
        m, g = plain.match(text, pos), grouped.match(text, pos)
        assert (m and m.span()) == (g and g.span())


def _lower_mat_as_before(doc: Doc, s: int, e: int) -> bool:
    """secrets.marking's verdict on "mật" as it was written before its fast paths."""
    low, clean = doc.low, doc.clean
    # "MẬT – ong …", "MẬT: ong": a dash or a colon ends the stamp (session 10), so the next word
    # makes no compound with it ("mật ong")
    cut = re.match(r"[ \t]*[–—\-:|][ \t]", low[e:]) is not None
    # ... and a dash or a bracket before it sets it apart from a name ("… thôn) – MẬT", session 11)
    apart = re.search(r"[–—\-(|:,] *$", doc.clean[max(0, s - 4):s]) is not None
    if not cut and next_word(low, e) in R.MAT_NEXT_EXCL or (
            prev_word(low, s) in R.MAT_PREV_EXCL and not apart):
        return False
    before, after = line(low, s, e)
    prev = prev_word(clean, s)
    # set apart by a dash, a colon, a bracket: "21/BC-CAX – MẬT – Bản số 03" (not "BÍ MẬT")
    apart = re.search(r"[–—\-(|:,] *$", clean[:s]) is not None
    return before == "" and after == "" or clean[s:e].isupper() and (
        apart or not (prev and prev.isupper()))


_MAT_PIECES = ("mật", "MẬT", "Mật", "bí", "BÍ", "x", "1", "_", " ", "\n", ": ", "ong", "(", " – ")


@given(st.lists(st.sampled_from(_MAT_PIECES), max_size=8))
def test_mat_is_judged_as_before(pieces: list[str]) -> None:
    _check_mat("".join(pieces))


def test_mat_is_judged_as_before_after_every_two_pieces() -> None:
    for pieces in product(_MAT_PIECES, repeat=2):
        for text in ("".join(pieces) + " mật", "".join(pieces) + "mật x", "".join(pieces) + " MẬT"):
            _check_mat(text)


def _check_mat(text: str) -> None:
    doc = Doc(text)
    for m in re.finditer("mật", doc.low):
        out: list = []
        secrets.marking(doc, "mật", m.start(), m.end(), out)
        assert bool(out) == _lower_mat_as_before(doc, m.start(), m.end())


@given(st.text(alphabet="ab .!?;\n", max_size=80), st.data())
def test_a_documents_sentence_is_the_sentence_of_its_text(low: str, data: st.DataObject) -> None:
    s = data.draw(st.integers(0, len(low)))
    e = data.draw(st.integers(s, len(low)))
    reach = data.draw(st.sampled_from((3, 10, 220)))
    doc = Doc(low)
    for semicolon in (True, False):
        assert doc.sentence(s, e, semicolon, reach) == sentence(low, s, e, semicolon, reach)

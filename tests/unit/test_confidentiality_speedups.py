"""The scanner's speed-ups give what the plain forms they replace give (#15, bench/scan.py)."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from bulletins.confidentiality import Finding, scan
from bulletins.confidentiality import phrases as R
from bulletins.confidentiality import scanner as S
from bulletins.confidentiality.concepts import engine
from bulletins.confidentiality.contacts import _OFFICIAL_MEMO
from bulletins.confidentiality.personal import _CAMPAIGN_MEMO, _PERSON_MEMO
from bulletins.confidentiality.secrets import _TOPIC_MEMO
from bulletins.confidentiality.text import any_of, prev_word, sentence

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

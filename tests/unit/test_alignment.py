"""Word alignment of what was heard with what should have been said, and its word error rate."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from audio import alignment
from audio.alignment import compare, words

WORDS = st.lists(st.sampled_from(["xã", "thông", "báo", "lịch", "tiêm", "chủng", "trẻ", "em"]),
                 max_size=30)


def test_words_are_nfc_lowercase_and_free_of_punctuation():
    nfd = unicodedata.normalize("NFD", "Hòa Bình, “Tiêm chủng”: 7h30!")
    assert words(nfd) == ["hòa", "bình", "tiêm", "chủng", "7h30"]
    assert words("") == words(None) == []


def test_a_reading_of_the_same_words_has_no_difference():
    found = compare("Xin chào, thế giới!", "xin chào thế giới")
    assert found.wer == 0 and found.differences == []
    assert [s.op for s in found.segments] == ["same"]


def test_missing_added_and_changed_words_are_runs_with_their_words():
    found = compare("Anh chỉ muốn được nhìn nhận như là một huấn luyện viên.",
                    "chỉ muốn được nhìn nhận như là một huấn luyện viên giỏi")
    assert found.differences == [{"op": "missing", "expected": "anh", "heard": ""},
                                 {"op": "added", "expected": "", "heard": "giỏi"}]
    assert found.errors == 2 and found.wer == 2 / 12
    changed = compare("trong phòng dễ dàng che dấu nó", "trong phòng dễ dàng cho dù nó")
    assert changed.differences == [{"op": "changed", "expected": "che dấu", "heard": "cho dù"}]
    assert changed.wer == 2 / 7


def test_nothing_expected_but_something_heard_is_all_wrong():
    assert compare("", "xin chào").wer == 1.0
    assert compare("", "").wer == 0.0
    assert compare("a b", "").wer == 1.0


@given(WORDS, WORDS)
def test_the_segments_spell_out_both_texts_and_count_the_edits(ref, hyp):
    found = compare(" ".join(ref), " ".join(hyp))
    expected = " ".join(s.expected for s in found.segments if s.expected).split()
    heard = " ".join(s.heard for s in found.segments if s.heard).split()
    assert (expected, heard) == (ref, hyp)
    assert found.errors <= max(len(ref), len(hyp))
    assert (found.errors == 0) == (ref == hyp)
    ops = [s.op for s in found.segments]
    # equal runs and runs of differences alternate: each difference is one whole stretch
    assert all((a == "same") != (b == "same") for a, b in zip(ops, ops[1:], strict=False))


def test_long_texts_are_anchored_before_the_exact_alignment(monkeypatch):
    ref = [f"từ{i}" for i in range(400)]
    hyp = ref[:100] + ["khác"] + ref[101:300] + ref[310:]
    exact = compare(" ".join(ref), " ".join(hyp))
    monkeypatch.setattr(alignment, "EXACT_CELLS", 1000)  # force the anchored path
    anchored = compare(" ".join(ref), " ".join(hyp))
    assert anchored.errors == exact.errors == 11
    assert anchored.differences == exact.differences == [
        {"op": "changed", "expected": "từ100", "heard": "khác"},
        {"op": "missing", "expected": " ".join(ref[300:310]), "heard": ""}]

"""Word-level diffs of bulletin versions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bulletins.editorial.diff import changed_words, diff_words


def test_changed_word_is_deleted_then_inserted():
    pieces = diff_words("Họp lúc 8h ngày 02/12.", "Họp lúc 9h ngày 02/12.")
    assert [(p.op, p.text) for p in pieces] == [
        ("equal", "Họp lúc "), ("delete", "8h"), ("insert", "9h"), ("equal", " ngày 02/12.")]
    assert changed_words(pieces) == (1, 1)


def test_identical_texts_have_no_changes():
    assert [p.op for p in diff_words("Một hai ba", "Một hai ba")] == ["equal"]


@given(st.text(), st.text())
def test_both_texts_are_recovered_from_the_pieces(old, new):
    pieces = diff_words(old, new)
    assert "".join(p.text for p in pieces if p.op != "insert") == old
    assert "".join(p.text for p in pieces if p.op != "delete") == new

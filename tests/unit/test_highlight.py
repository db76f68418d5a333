"""Char-by-char folding with offsets, search tokens and the marks put on the original text."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from bulletins.editorial.highlight import (
    MAX_TOKEN_LENGTH,
    MAX_TOKENS,
    Segment,
    ascii_tokens,
    fold_with_offsets,
    highlight,
    matches,
    pattern,
    snippet,
    tokens,
    wants_prefix,
)


def marked(segments: list[Segment]) -> list[str]:
    return [s.text for s in segments if s.matched]


def test_fold_with_offsets_vietnamese_keeps_positions():
    assert fold_with_offsets("Đường Lê Lợi") == ("duong le loi", None)


def test_fold_with_offsets_maps_back_when_lengths_change():
    text = "A\u0301b ǅx"  # a combining accent folds to nothing; ǅ keeps one char (lower: ǆ)
    folded, ends = fold_with_offsets(text)
    assert folded == "ab ǆx"
    assert ends == [1, 1, 2, 3, 4, 5]


def test_tokens_fold_split_and_cap():
    assert tokens("  Thông-báo: ĐƯỜNG \"làng\" *NEAR( ") == ["thong", "bao", "duong", "lang",
                                                           "near"]
    assert tokens("") == [] and tokens(None) == [] and tokens("\"*()-:&|!") == []
    assert tokens(" ".join(f"w{i}" for i in range(40))) == [f"w{i}" for i in range(MAX_TOKENS)]
    assert tokens("a" * 500) == ["a" * MAX_TOKEN_LENGTH]
    assert ascii_tokens(["duong", "привет", "abcпривет9"]) == ["duong", "abc", "9"]


def test_highlight_marks_whole_words_and_the_last_as_prefix_when_asked():
    text = "Thông báo: thôngtin ĐƯỜNG, Đường; đườngxá và đuờng"
    segments = highlight(text, pattern(["thong", "duong"]))
    assert "".join(s.text for s in segments) == text
    assert marked(segments) == ["Thông", "ĐƯỜNG", "Đường", "đuờng"]
    assert marked(highlight(text, pattern(["thong", "duong"], prefix=True))) == [
        "Thông", "ĐƯỜNG", "Đường", "đườngxá", "đuờng"]
    assert marked(highlight(text, pattern(["duong", "thong"], prefix=True))) == [
        "Thông", "thôngtin", "ĐƯỜNG", "Đường", "đuờng"]


def test_prefix_is_asked_with_a_star_after_the_last_word():
    assert wants_prefix("phòng chố*") and wants_prefix("thôn**  ")
    assert not wants_prefix("thôn") and not wants_prefix("thôn *") and not wants_prefix("")
    assert not wants_prefix("* thôn") and not wants_prefix(None)


def test_a_short_last_word_is_matched_whole():
    text = "Thông tin thủ tục xã"
    assert marked(highlight(text, pattern(["th"]))) == []
    assert marked(highlight(text, pattern(["xa"]))) == ["xã"]
    assert marked(highlight(text, pattern(["thu"], prefix=True))) == ["thủ"]


def test_highlight_keeps_combining_marks_with_their_letter():
    text = "ca\u0300 phe\u0302 x"  # decomposed: "cà phê" written with combining marks
    assert marked(highlight(text, pattern(["ca", "phe"]))) == ["ca\u0300", "phe\u0302"]


def test_matches_offsets_index_the_original_text():
    text = "Xã Đông Hòa: ĐÔNG HÒA"
    spans = matches(text, pattern(["dong", "hoa"]))
    assert spans == [(3, 7), (8, 11), (13, 17), (18, 21)]
    assert [text[a:b] for a, b in spans] == ["Đông", "Hòa", "ĐÔNG", "HÒA"]


def test_no_words_no_marks():
    assert highlight("Thông báo", None) == [Segment("Thông báo", False)]
    assert highlight("", pattern(["a"])) == []


def test_snippet_centres_on_the_first_match_and_cuts_at_spaces():
    body = " ".join(["lời"] * 100) + " có đê điều mới " + " ".join(["nữa"] * 100)
    cut = snippet(body, pattern(["de", "dieu"]), length=60)
    assert cut[0] == Segment("…", False) and cut[-1] == Segment("…", False)
    assert marked(cut) == ["đê", "điều"]
    inner = "".join(s.text for s in cut[1:-1])
    assert inner in body and len(inner) <= 60
    assert not inner.startswith(" ") and body[body.index(inner) - 1] == " "


def test_snippet_without_a_match_is_the_start():
    body = "Mở đầu bản tin. " * 30
    cut = snippet(body, pattern(["khong"]), length=40)
    assert cut == [Segment("Mở đầu bản tin. Mở đầu bản tin. Mở đầu", False), Segment("…", False)]
    assert snippet("Ngắn.", None) == [Segment("Ngắn.", False)]


@given(st.text(), st.lists(st.text(min_size=1), max_size=4))
def test_highlight_rebuilds_the_text_and_marks_only_matching_words(text, words):
    text = unicodedata.normalize("NFC", text)
    query_words = tokens(" ".join(words))
    segments = highlight(text, pattern(query_words))
    assert "".join(s.text for s in segments) == text
    for piece in marked(segments):
        folded = tokens(piece)
        assert folded and (folded[0] in query_words or folded[0].startswith(query_words[-1]))

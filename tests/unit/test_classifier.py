"""The scanner's second look (#15): the shipped model is what the training corpora build, it
is scored in plain Python exactly as scikit-learn scores it, and it only ever adds a finding
where no rule holds the text."""

from __future__ import annotations

import gzip
import json
from functools import cache

import pytest

from bulletins.confidentiality import classifier, scan
from bulletins.confidentiality.text import Doc
from tests.corpus.score import CORPORA, as_submitted, load

pytest.importorskip("sklearn")  # a test requirement (requirements-test.txt)


@pytest.fixture(scope="module")
def fitted():
    """The model refitted from the training corpora now, and the rows it was fitted on."""
    from tools.train_classifier import documents, fit

    rows = documents()
    return fit(rows), rows


def test_the_shipped_file_is_what_the_training_corpora_build(fitted) -> None:
    models, rows = fitted
    shipped = json.loads(gzip.decompress(classifier.MODEL.read_bytes()))
    assert shipped["documents"] == len(rows)
    for name, (vectoriser, model) in models.items():
        grams = {gram: (idf, coef) for gram, idf, coef in shipped[name]["features"]}
        assert set(grams) == set(vectoriser.vocabulary_)
        for gram, i in vectoriser.vocabulary_.items():
            idf, coef = grams[gram]
            assert idf == pytest.approx(vectoriser.idf_[i], abs=1e-9)
            assert coef == pytest.approx(model.coef_[0][i], abs=1e-6)
        assert shipped[name]["intercept"] == pytest.approx(model.intercept_[0], abs=1e-6)


TEXTS = ["", "a", "Mật ong xã Vũ Dương  \n\t ngon", "Ở đây, ý kiến: 12,5 tấn; đ/c Tài."]


def test_plain_python_scores_as_scikit_learn(fitted) -> None:
    models, rows = fitted
    texts = [text for text, _, _ in rows[::7]] + TEXTS
    vectoriser, model = models["document"]
    expected = model.predict_proba(vectoriser.transform(texts))[:, 1]
    for text, p in zip(texts, expected, strict=True):
        assert classifier.document_probability(text.lower()) == pytest.approx(p, abs=1e-6)
    vectoriser, model = models["sentence"]
    for text in texts:
        low = text.lower()
        spans = classifier.sentences(low)
        if not spans:
            assert not classifier.sentence_probabilities(low)
            continue
        expected = model.predict_proba(vectoriser.transform([low[s:e] for s, e in spans]))
        got = classifier.sentence_probabilities(low)
        assert [(s, e) for _, s, e in got] == spans
        assert [p for p, _, _ in got] == pytest.approx(list(expected[:, 1]), abs=1e-6)


def test_the_sentence_model_learnt_the_writers_marked_sentences(fitted) -> None:
    models, rows = fitted
    pairs = [pair for _, _, sents in rows for pair in sents]
    marked = [text for text, m in pairs if m]
    assert 0 < len(marked) < len(pairs) / 2
    vectoriser, model = models["sentence"]
    probs = model.predict_proba(vectoriser.transform([text for text, _ in pairs]))[:, 1]
    hits = sum((p > 0.5) == m for p, (_, m) in zip(probs, pairs, strict=True))
    assert hits / len(pairs) >= 0.9


def _second_looks(text: str) -> list:
    return [f for f in scan(text) if f.reason.startswith("Bộ phân loại")]


def test_it_holds_what_no_rule_names_and_says_how_sure_it_is() -> None:
    held = []
    for doc in load(CORPORA["train4"]):
        text = as_submitted(doc)
        looks = _second_looks(text)
        if looks:
            held.append((doc, looks))
            assert len(looks) == 1 and looks[0].severity == "block"
            assert looks[0].kind == "state_secret_topic" and "%" in looks[0].reason
            assert all(f.severity != "block" for f in scan(text) if f not in looks)
    assert held, "the second look held none of train4's bulletins"
    right = sum(any(lb["severity"] == "block" for lb in d["expected"]) for d, _ in held)
    assert right / len(held) >= 0.8


def test_it_never_looks_twice_at_what_a_rule_holds() -> None:
    text = ("Lịch trực ban đêm của dân quân xã: tổ 1 trực tại cầu Đông từ 22 giờ đến 2 giờ; "
            "Tài liệu: TỐI MẬT.")
    assert any(f.kind == "classification_marking" for f in scan(text))
    assert not _second_looks(text)


@pytest.mark.parametrize("text", [
    "Lịch tiêm chủng mở rộng tháng 12: Trạm Y tế xã tiêm vắc xin cho trẻ dưới 1 tuổi vào "
    "sáng thứ Hai, mang theo sổ tiêm chủng.",
    "Hội chợ mật ong và nông sản diễn ra tại sân vận động xã từ ngày 20 đến 22/4.",
])
def test_ordinary_news_gets_no_second_look(text: str) -> None:
    assert classifier.probability(Doc(text).low) <= classifier.THRESHOLD
    assert not _second_looks(text)


LOWERED = "hạ xuống cảnh báo"


@cache
def _lowered_in_train4() -> list[tuple[dict, str, list]]:
    """The train4 bulletins with a lowered hold, their text and findings (scanned once)."""
    rows = []
    for doc in load(CORPORA["train4"]):
        text = as_submitted(doc)
        findings = scan(text)
        if any(LOWERED in f.reason for f in findings):
            rows.append((doc, text, findings))
    return rows


def test_a_hold_on_meaning_alone_is_lowered_where_the_text_is_plain() -> None:
    rows = _lowered_in_train4()
    assert rows, "no hold of train4 was lowered"
    for doc, text, findings in rows:
        assert classifier.probability(Doc(text).low) < classifier.CLEAR
        assert all(f.severity != "block" for f in findings)
        lowered = [f for f in findings if LOWERED in f.reason]
        assert all(f.kind in classifier.MEANING and f.severity == "warn" for f in lowered)
        assert all("%" in f.reason and "người duyệt vẫn đọc kỹ" in f.reason for f in lowered)
        # the writers' labels: what the classifiers lowered on their training half was a trap
        assert not any(label["severity"] == "block" for label in doc["expected"]), doc["id"]


@pytest.mark.parametrize("extra", [" Tài liệu: TỐI MẬT.", " Liên hệ anh Tiến: 0912 345 678.",
                                   " CCCD của ông Tiến: 001203004567."])
def test_a_stamp_or_a_number_is_never_lowered(extra: str) -> None:
    _, text, findings = _lowered_in_train4()[0]
    before = {(f.start, f.end) for f in findings if LOWERED in f.reason}
    after = scan(text + extra)
    assert any(f.severity == "block" and f.kind not in classifier.MEANING for f in after)
    held = {(f.start, f.end) for f in after if f.severity == "block"}
    assert before <= held and not any(LOWERED in f.reason for f in after)


def test_a_short_text_keeps_the_rules_hold() -> None:
    """Below MIN_WORDS the classifiers say nothing, however plain the sentence looks to them."""
    kept = 0
    for _, text, findings in _lowered_in_train4():
        f = next(x for x in findings if LOWERED in x.reason)
        start, end = text.rfind(".", 0, f.start) + 1, text.find(".", f.end)
        sentence = text[start:end if end > 0 else len(text)].strip()
        if len(sentence.split()) >= classifier.MIN_WORDS:
            continue
        found = scan(sentence)
        if classifier.probability(Doc(sentence).low) < classifier.CLEAR and any(
                x.severity == "block" for x in found):
            kept += 1  # plain to the classifiers, yet the rules' hold stands
            assert not any(LOWERED in x.reason for x in found)
    assert kept


def test_a_held_bulletin_points_to_its_other_likely_sentences() -> None:
    pointed = 0
    for doc in load(CORPORA["train4"]) + load(CORPORA["plain"]):
        text = as_submitted(doc)
        findings = scan(text)
        also = [f for f in findings if f.reason.startswith("Câu này cũng giống")]
        if not any(f.severity == "block" for f in findings):
            assert not also, doc["id"]
            continue
        others = [f for f in findings if f not in also]
        for f in also:
            pointed += 1
            assert f.severity == "warn" and f.kind == "state_secret_topic" and "%" in f.reason
            assert not any(o.start < f.end and f.start < o.end for o in others)
            low = Doc(f.text).low
            assert max(p for p, _, _ in classifier.sentence_probabilities(low)) > classifier.ALSO
    assert pointed


def test_a_text_longer_than_the_classifiers_read_keeps_every_hold() -> None:
    _, text, findings = _lowered_in_train4()[0]
    lowered = next(f for f in findings if LOWERED in f.reason)
    filler = "\nXã tổ chức tiêm vắc xin sởi cho trẻ em tại nhà văn hóa các thôn vào sáng thứ Hai."
    long_text = text + filler * (classifier.LIMIT // len(filler) + 1)
    assert len(long_text) > classifier.LIMIT
    found = scan(long_text)
    same = [f for f in found if (f.start, f.end) == (lowered.start, lowered.end)]
    assert same and same[0].severity == "block" and LOWERED not in same[0].reason
    assert not any(f.reason.startswith("Câu này cũng giống") for f in found)

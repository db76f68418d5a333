"""The scanner's second look (#15): the shipped model is what the training corpora build, it
is scored in plain Python exactly as scikit-learn scores it, and it only ever adds a finding
where no rule holds the text."""

from __future__ import annotations

import gzip
import json

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

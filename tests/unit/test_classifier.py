"""The scanner's second look (#15): the shipped model is what the training corpora build, it
is scored in plain Python exactly as scikit-learn scores it, and it only ever adds a finding
where no rule holds the text."""

from __future__ import annotations

import gzip
import json
from functools import cache

import pytest

from bulletins.confidentiality import classifier, looks, scan
from bulletins.confidentiality.text import Doc
from tests.corpus.score import CORPORA, as_submitted, load
from tools.train_classifier import TRAINING

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
    vectoriser, model = models["kind"]
    expected = model.predict_proba(vectoriser.transform([t.lower() for t in texts]))[:, 1]
    for text, p in zip(texts, expected, strict=True):
        want = "sensitive_personal" if p > 0.5 else "state_secret_topic"
        assert classifier.kind(text.lower()) == want


def test_the_sentence_model_learnt_the_writers_marked_sentences(fitted) -> None:
    models, rows = fitted
    pairs = [pair for _, _, sents in rows for pair in sents]
    marked = [text for text, m in pairs if m]
    assert 0 < len(marked) < len(pairs) / 2
    vectoriser, model = models["sentence"]
    probs = model.predict_proba(vectoriser.transform([text for text, _ in pairs]))[:, 1]
    hits = sum((p > 0.5) == bool(m) for p, (_, m) in zip(probs, pairs, strict=True))
    assert hits / len(pairs) >= 0.9


@pytest.mark.parametrize(("sentence", "kind"), [
    ("tuy nhiên, anh cho biết đang điều trị lao phổi tháng thứ ba nên phải chờ thêm",
     "sensitive_personal"),
    ("bà y ngân, 4 khẩu – theo đạo tin lành, sinh hoạt ở điểm nhóm tại gia", "sensitive_personal"),
    ("mật khẩu tuần tra đêm 30 tết của dân quân xã là hỏi “sông hậu”, đáp “lúa chín”",
     "state_secret_topic"),
    ("12 tấn gạo, 600 lít dầu diesel dự trữ thời chiến cất trong hang thẩm pục",
     "state_secret_topic"),
])
def test_the_kind_model_tells_a_persons_fact_from_a_state_secret(sentence, kind) -> None:
    assert classifier.kind(sentence) == kind


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
    assert classifier.probability(Doc(text).low) <= looks.THRESHOLD
    assert not _second_looks(text)


LOWERED = "hạ xuống cảnh báo"
#: a bulletin with one secret sentence and two ordinary ones
HELD = ("THÔNG BÁO về trực sẵn sàng chiến đấu dịp Tết Nguyên đán. Mật khẩu tuần tra đêm 30 và "
        "mùng 1 Tết của dân quân xã là hỏi “Sông Hậu”, đáp “Lúa Chín”; không ghi ra giấy. "
        "Chiều mùng 2 Tết, Đoàn Thanh niên tổ chức giải bóng chuyền hơi cho các chi đoàn tại "
        "sân vận động xã, mời bà con đến cổ vũ. Hội Phụ nữ xã tổ chức gói bánh chưng tặng các "
        "hộ nghèo vào sáng 28 tháng Chạp tại nhà văn hóa thôn Đông.")


def _rule_hit(doc: Doc, phrase: str, kind: str = "state_secret_topic",
              severity: str = "block") -> tuple:
    """A rule's finding on the sentence of HELD that starts with phrase."""
    s = doc.low.index(phrase.lower())
    return (kind, s, doc.low.index(".", s), severity, "Bí mật nhà nước – (quy tắc)")



@cache
def _lowered() -> list[tuple[dict, str, list]]:
    """The training bulletins with a lowered hold, their text and findings (scanned once).
    Most lowered holds are on sentences as plain as the text, and those are left out."""
    rows = []
    for doc in (doc for name in TRAINING for doc in load(CORPORA[name])):
        text = as_submitted(doc)
        findings = scan(text)
        if any(LOWERED in f.reason for f in findings):
            rows.append((doc, text, findings))
    return rows


def test_a_hold_on_meaning_alone_is_lowered_where_the_text_is_plain() -> None:
    rows = _lowered()
    assert rows, "no training hold was lowered"
    for doc, text, findings in rows:
        assert classifier.probability(Doc(text).low) < looks.CLEAR
        assert all(f.severity != "block" for f in findings)
        lowered = [f for f in findings if LOWERED in f.reason]
        assert all(f.kind in looks.MEANING and f.severity == "warn" for f in lowered)
        assert all("%" in f.reason and "người duyệt vẫn đọc kỹ" in f.reason for f in lowered)
        # the writers' labels: what the classifiers lowered on their training half was a trap
        assert not any(label["severity"] == "block" for label in doc["expected"]), doc["id"]


@pytest.mark.parametrize("extra", [" Tài liệu: TỐI MẬT.", " Liên hệ anh Tiến: 0912 345 678.",
                                   " CCCD của ông Tiến: 001203004567."])
def test_a_stamp_or_a_number_is_never_lowered(extra: str) -> None:
    _, text, findings = _lowered()[0]
    before = {(f.start, f.end) for f in findings if LOWERED in f.reason}
    after = scan(text + extra)
    assert any(f.severity == "block" and f.kind not in looks.MEANING for f in after)
    held = {(f.start, f.end) for f in after if f.severity == "block"}
    assert before <= held and not any(LOWERED in f.reason for f in after)


def test_a_short_text_keeps_the_rules_hold() -> None:
    """Below MIN_WORDS the classifiers say nothing, however plain the sentence looks to them:
    a rule's hold on it is neither lowered nor left out."""
    sentence = HELD[HELD.index("Chiều mùng 2"):HELD.index("Hội Phụ nữ")].strip()
    doc = Doc(sentence)
    assert len(sentence.split()) < looks.MIN_WORDS
    assert classifier.probability(doc.low) < looks.CLEAR
    hold = ("state_secret_topic", 0, len(doc.low) - 1, "block", "Bí mật nhà nước – (quy tắc)")
    assert looks.review(doc, [hold]) == [hold]


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
            assert f.severity == "warn" and "%" in f.reason
            assert not any(o.start < f.end and f.start < o.end for o in others)
            low = Doc(f.text).low
            assert f.kind == classifier.kind(low)  # the kind model names it
            assert max(p for p, _, _ in classifier.sentence_probabilities(low)) > looks.ALSO
    assert pointed


def test_a_text_longer_than_the_classifiers_read_keeps_every_hold() -> None:
    _, text, findings = _lowered()[0]
    lowered = next(f for f in findings if LOWERED in f.reason)
    filler = "\nXã tổ chức tiêm vắc xin sởi cho trẻ em tại nhà văn hóa các thôn vào sáng thứ Hai."
    long_text = text + filler * (classifier.LIMIT // len(filler) + 1)
    assert len(long_text) > classifier.LIMIT
    found = scan(long_text)
    same = [f for f in found if (f.start, f.end) == (lowered.start, lowered.end)]
    assert same and same[0].severity == "block" and LOWERED not in same[0].reason
    assert not any(f.reason.startswith("Câu này cũng giống") for f in found)


def test_the_marks_on_a_held_bulletins_ordinary_sentences_are_left_out() -> None:
    doc = Doc(HELD)
    secret, sport = _rule_hit(doc, "Mật khẩu"), _rule_hit(doc, "Chiều mùng 2")
    scored = classifier.sentence_probabilities(doc.low)
    assert looks._sentence_probability(scored, sport) < looks.CLEAR
    assert looks._sentence_probability(scored, secret) > looks.CLEAR
    warned = _rule_hit(doc, "Hội Phụ nữ", "sensitive_personal", "warn")
    assert looks.review(doc, [secret, sport, warned]) == [secret]
    stamp = ("classification_marking", 0, 9, "block", "Dấu độ mật")
    out = looks.review(doc, [stamp, sport])  # held by the stamp, the sport left out
    assert out[0] == stamp and sport not in out


def test_a_hold_on_an_ordinary_sentence_alone_stays() -> None:
    """Where the rules hold a bulletin only on a sentence the model finds ordinary, the hold
    stays (the bulletin as a whole is not plain: nothing lowers it), and the sentence the
    model finds likely is pointed out beside it."""
    doc = Doc(HELD)
    sport = _rule_hit(doc, "Chiều mùng 2")
    out = looks.review(doc, [sport])
    assert out[0] == sport
    assert [hit[3] for hit in out[1:]] == ["warn"] and "Mật khẩu" in HELD[out[1][1]:out[1][2]]


def test_a_personal_fact_is_judged_with_the_sentence_naming_its_person() -> None:
    doc = next(d for d in load(CORPORA["legacy"]) if d["id"] == "ma-tuy-doi-tuong")
    low = Doc(doc["text"]).low
    scored = classifier.sentence_probabilities(low)
    fact = next(p for p, s, e in scored if "tiền sự" in low[s:e])
    assert fact < looks.CLEAR  # alone, the sentence reads as ordinary
    found = [f for f in scan(doc["text"]) if f.kind == "sensitive_personal"]
    assert any(f.text == "tiền sự" and f.severity == "block" for f in found)


def test_what_is_left_out_of_the_unread_batches_was_never_a_writers_label() -> None:
    """train8 and train9 were fitted on but never read by whoever edits the rules: what the
    classifiers leave out there must be the rules' mistakes, not the writers' secrets."""
    left_out = 0
    for doc in load(CORPORA["train8"]) + load(CORPORA["train9"]):
        text = as_submitted(doc)
        found = {(f.kind, f.start, f.end) for f in scan(text)}
        long_text = text + "\n" + "." * classifier.LIMIT  # not read whole: nothing left out
        rules = {(f.kind, f.start, f.end) for f in scan(long_text)
                 if f.end <= len(text) and f.kind in looks.MEANING}
        for kind, s, e in rules - found:
            left_out += 1
            assert not any(lb["kind"] == kind and lb["span"][0] < e and s < lb["span"][1]
                           for lb in doc["expected"]), doc["id"]
    assert left_out


def test_a_military_secret_is_no_persons_fact() -> None:
    doc = Doc(HELD)
    secret = _rule_hit(doc, "Mật khẩu")
    out = looks.review(doc, [secret])
    assert out == [secret]
    assert classifier.personal_probability(doc.low[secret[1]:secret[2]]) < looks.PERSONAL


def test_a_count_of_believers_is_no_persons_fact() -> None:
    """The kind model reads religion in "12 hộ theo đạo Tin Lành", but the sentence names
    nobody: the state secret the rules read stays alone."""
    text = ("Tình hình hoạt động tôn giáo tại bản Ra Ly. Bản Ra Ly hiện có 12 hộ theo đạo Tin "
            "Lành, sinh hoạt tại một điểm nhóm đã được cấp đăng ký. Ngoài ra, nhóm của ông Hồ "
            "Văn Đốc vẫn nhóm họp không đăng ký tại nhà riêng vào tối thứ Tư hằng tuần; Công an "
            "xã đã cử anh Hồ Văn Rin, người trong dòng họ, tham gia để ghi lại số người dự.")
    doc = Doc(text)
    count = _rule_hit(doc, "Bản Ra Ly hiện có")
    assert classifier.personal_probability(doc.low[count[1]:count[2]]) > looks.PERSONAL
    assert not any(hit[0] == "sensitive_personal" for hit in looks.review(doc, [count]))

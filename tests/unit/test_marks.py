"""Where the scanner's marks go and what they say (#15): a state secret's mark covers the
sentence it was read in; a drug named beside a person is that person's data only where it
is used, not traded; a person's fact inside a state secret is found beside it, or in its
place where the rules misread it."""

from __future__ import annotations

import pytest

from bulletins.confidentiality import scan
from tests.corpus.score import CORPORA, as_submitted, load

WATCH = ("Công an xã đã bố trí 2 trinh sát mặc thường phục theo dõi quán karaoke Hoa Sen từ 20 "
         "giờ đến 23 giờ hằng đêm, trong đó 1 người ngồi tại quán nước đối diện cổng.")


def test_a_secrets_mark_covers_its_sentence() -> None:
    """The watcher's seat across the street is the second clause: the mark reaches it."""
    text = "Tình hình an ninh thôn Đông. " + WATCH + " Bà con chú ý giữ gìn trật tự."
    found = [f for f in scan(text) if f.kind == "state_secret_topic"]
    assert len(found) == 1
    assert found[0].text == WATCH.rstrip(".")
    assert "Luật BVBMNN" in found[0].reason


def test_a_drug_traded_by_a_named_suspect_is_no_persons_health() -> None:
    text = ("Tổ công tác tiếp tục theo dõi ông Lò Văn Sáng, bản Nà Hừ, nghi mua bán trái phép "
            "chất ma túy qua đường mòn mốc 258.")
    kinds = {f.kind for f in scan(text)}
    assert kinds == {"state_secret_topic"}


def test_a_drug_used_by_a_named_person_is_his_data() -> None:
    text = "Ông Lò Văn Sáng, bản Nà Hừ, sử dụng ma túy từ năm 2024, hiện đã đăng ký cai tại nhà."
    found = [f for f in scan(text) if f.kind == "sensitive_personal"]
    assert found and found[0].severity == "block" and "ma túy" in found[0].text


def test_people_watched_for_drugs_are_a_security_secret() -> None:
    """What the drug word alone held before is read for what it is: people under watch, a
    named person tied to a ring; the drug itself says nothing of anyone's health."""
    for text in ("Công an xã tiếp tục kèm sát 5 người trong diện trọng điểm về ma túy ở thôn "
                 "Đông, trong đó có anh Lò Văn Sáng.",
                 "Anh Lò Văn Sáng, bản Nà Hừ, liên quan đến đường dây ma túy từ Lào sang."):
        found = scan(text)
        assert [f.kind for f in found] == ["state_secret_topic"], text
        assert found[0].severity == "block"


@pytest.mark.parametrize(("corpus", "doc_id", "words"), [
    ("train5", "wq-oth-02-gao-giap-hat", "theo đạo Tin Lành"),
    ("train7", "wx-tuyen-dan-quan-nam-thu-nhat", "theo đạo Tin Lành"),
])
def test_a_persons_fact_inside_a_state_secret_is_found(corpus, doc_id, words) -> None:
    """A member of a religious group named in a list: the rules see an internal assessment
    (a state secret), the writer marked the person's religion (sensitive personal data). The
    kind model finds the person's fact beside the secret, or — the surer it is — in its
    place, the reason keeping what the rules read (which, depends on the fitted models)."""
    doc = next(d for d in load(CORPORA[corpus]) if d["id"] == doc_id)
    found = scan(as_submitted(doc))
    personal = [f for f in found if f.kind == "sensitive_personal" and words in f.text]
    assert personal and all("Nghị định 356/2025/NĐ-CP, Điều 4" in f.reason for f in personal)
    secret = {(f.start, f.end) for f in found if f.kind == "state_secret_topic"}
    for f in personal:
        assert (f.start, f.end) in secret or "Quy tắc đọc thấy: Bí mật nhà nước" in f.reason


@pytest.mark.parametrize(("doc_id", "words"), [("wj-005", "mắc lao phổi"),
                                              ("wj-039", "đang mang thai")])
def test_a_persons_fact_the_rules_misread_is_that_alone(doc_id, words) -> None:
    """A named man's tuberculosis read as a person under investigation, a pupil's pregnancy
    as a personnel decision: the kind model is sure (above ONLY_PERSONAL), the finding is
    the person's fact, and its reason keeps what the rules read, with both laws."""
    doc = next(d for d in load(CORPORA["train4"]) if d["id"] == doc_id)
    found = scan(as_submitted(doc))
    assert not any(f.kind == "state_secret_topic" for f in found)
    personal = [f for f in found if "Quy tắc đọc thấy: Bí mật nhà nước" in f.reason]
    assert len(personal) == 1 and personal[0].kind == "sensitive_personal"
    assert words in personal[0].text and personal[0].severity == "block"
    assert "Nghị định 356/2025/NĐ-CP, Điều 4" in personal[0].reason
    assert "Luật BVBMNN" in personal[0].reason

"""Where the scanner's marks go (#15, session 8): a state secret's mark covers the sentence
it was read in, and a drug named beside a person is that person's data only where it is
used, not traded."""

from __future__ import annotations

from bulletins.confidentiality import scan

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

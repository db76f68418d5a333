"""Sensitive personal data as commune staff write it (#15, session 14; the writers of train39):
diagnoses as doctors abbreviate them and laboratory results, criminal proceedings, what a
victim of violence at home suffered and where she hides, location read off a phone, deposits
with their sum, a person called by what they do or by a rarer surname - each beside the
public text with the same words that must pass."""

from __future__ import annotations

import pytest

from bulletins.confidentiality import SEVERITY_BLOCK, SEVERITY_WARN, scan

SENSITIVE = "sensitive_personal"


def held(text: str) -> list[str]:
    return [f.text for f in scan(text) if f.kind == SENSITIVE and f.severity == SEVERITY_BLOCK]


def held_at(text: str, fact: str) -> bool:
    """Whether a blocking sensitive finding overlaps the first occurrence of fact."""
    s = text.index(fact)
    return any(f.kind == SENSITIVE and f.severity == SEVERITY_BLOCK and f.start < s + len(fact)
               and s < f.end for f in scan(text))


@pytest.mark.parametrize(("text", "fact"), [
    ("Cô Khánh (tổ Toán) đã mổ K phổi tại Bệnh viện Phổi tỉnh, đang nghỉ dài ngày.",
     "K phổi"),
    ("Ông Lã Văn Phú, thôn Cầu Gỗ, nghi UT dạ dày, đã được hẹn nội soi tuần sau.", "UT dạ dày"),
    ("Anh bảo vệ ca đêm của công ty, quê xóm Chùa, xét nghiệm HBsAg dương tính.",
     "HBsAg dương tính"),
    ("Bà Triệu Thị Nga, thôn Nà Pò: lupus ban đỏ, đang điều trị ngoại trú.", "lupus ban đỏ"),
    ("Trương Văn Hậu, sinh năm 2001, thôn Bãi Dài: đang bị truy cứu trách nhiệm hình sự về tội "
     "trộm cắp tài sản.", "truy cứu trách nhiệm hình sự"),
    ("Em Hồ Thị My, 9 tuổi, lớp 3B. Em bị cha dượng đánh bằng roi, trên tay còn vết bầm.",
     "bị cha dượng"),
    ("Chị Nga hiện đang tạm lánh tại nhà em gái ở thôn Trung, xin đừng báo cho nhà chồng.",
     "đang tạm lánh"),
    ("Hội tiếp nhận chị Lê Thị Hạnh, thôn Gò. Hiện chị đang tạm lánh tại nhà em gái.",
     "đang tạm lánh"),  # "chị" refers back; its verb opens the fact
    ("Theo dữ liệu định vị từ điện thoại, anh Cao Văn Lộc thường ở quán net gần bến xe.",
     "dữ liệu định vị"),
    ("Qua thẩm định, hộ ông Phùng Văn Tư còn khoản tiết kiệm khoảng 420 triệu đồng.",
     "khoản tiết kiệm khoảng 420 triệu đồng"),
    ("Chị bán cá ở đầu chợ Cây Đa bị chồng đánh đến gãy tay, phải nằm viện.", "gãy tay"),
    ("Tiêu Văn Lợi (1990), thôn Đồng Sau – 9 tháng cải tạo không giam giữ về tội đánh bạc.",
     "cải tạo không giam giữ"),
    ("Trưa 4/3, anh Hoàng Văn Tú ở xóm Đình gây rối tại chợ. Được biết anh này từng sử dụng ma "
     "túy đá nhiều năm.", "sử dụng ma túy đá"),
    ("Chị Đào Thị Mến ở thôn Hạ đứng trên cầu, có ý định nhảy xuống sông, đã được đưa về nhà.",
     "có ý định nhảy"),
])
def test_a_persons_sensitive_fact_is_held(text: str, fact: str) -> None:
    assert held_at(text, fact), scan(text)


@pytest.mark.parametrize("text", [
    "Khám sàng lọc miễn phí ung thư vú cho phụ nữ từ 30 đến 60 tuổi có hộ khẩu trên địa bàn xã.",
    "Các chị bán hàng ở chợ Cây Đa được tập huấn phòng, chống bạo lực gia đình.",
    "Bà Lài gửi tiết kiệm và cho hai em ăn học; Đoàn xã đề nghị khen thưởng anh Hiền.",
    "Trạm Y tế xét nghiệm HBsAg miễn phí cho người dân từ 18 tuổi trong tháng 10.",
    "Luật quy định nơi tạm lánh là địa điểm bảo đảm an toàn cho người bị bạo lực gia đình.",
])
def test_the_same_words_in_public_text_are_not(text: str) -> None:
    assert held(text) == []


def test_a_police_call_for_victims_publishes_the_charge_as_a_warning() -> None:
    text = ("THÔNG BÁO TÌM BỊ HẠI\nCơ quan CSĐT Công an tỉnh đã khởi tố bị can và bắt tạm giam "
            "Hứa Văn Khải, sinh năm 1990, về tội lừa đảo chiếm đoạt tài sản. Ai là bị hại đề "
            "nghị liên hệ Công an xã.")
    found = [f for f in scan(text) if f.kind == SENSITIVE]
    assert found and {f.severity for f in found} == {SEVERITY_WARN}


def test_violence_at_home_gives_its_own_reason_and_basis() -> None:
    (finding,) = [f for f in scan("Chị Lý Thị Mai, thôn Gò, bị chồng đánh đập nhiều lần.")
                  if f.kind == SENSITIVE]
    assert "bạo lực gia đình" in finding.reason and "Điều 3" in finding.reason


def test_a_mediation_record_is_no_security_operation() -> None:
    """What mediators ask a union to keep an eye on, and a husband's promise to end a quarrel,
    are a family's matters (Luật Hòa giải ở cơ sở 2013), not a watch or a struggle; the word
    alone does not make a watch one."""
    record = ("BIÊN BẢN HÒA GIẢI\nKết quả: anh Hồ Văn Sang cam kết chấm dứt việc uống rượu; "
              "Tổ hòa giải giao Chi hội Phụ nữ thôn theo dõi gia đình anh Sang.")
    assert [f for f in scan(record) if f.kind == "state_secret_topic"] == []
    watched = ("Hòa giải xong, Công an xã đang theo dõi số thuê bao 0915 663 208 của anh Hồ Văn "
               "Sang, thôn Gò Găng.")
    assert [f.kind for f in scan(watched)].count("state_secret_topic") == 1

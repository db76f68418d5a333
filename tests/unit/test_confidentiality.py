"""Targeted cases for bulletins.confidentiality: each kind, traps, text handling, rules."""

from __future__ import annotations

import unicodedata

import pytest

from bulletins.confidentiality import (
    KINDS,
    SEVERITY_BLOCK,
    SEVERITY_WARN,
    Finding,
    Rule,
    Scanner,
    scan,
)


def found(text: str, scanner: Scanner | None = None) -> list[tuple[str, str, str]]:
    """(kind, text, severity) of every finding."""
    return [(f.kind, f.text, f.severity) for f in (scanner or Scanner()).scan(text)]


def kinds(text: str) -> set[str]:
    """The kinds found in text."""
    return {f.kind for f in scan(text)}


def test_interface() -> None:
    """Public names and the Finding shape the web app relies on."""
    assert SEVERITY_BLOCK == "block" and SEVERITY_WARN == "warn"
    assert KINDS[-1] == "keyword" and len(KINDS) == 10
    f = scan("Độ mật: Tối mật")[0]
    assert isinstance(f, Finding)
    assert (f.kind, f.start, f.end, f.severity) == ("classification_marking", 0, 15, "block")
    assert f.reason and f.text == "Độ mật: Tối mật"
    assert Rule("x").severity == "block" and Rule("x").ignore_tones is False


@pytest.mark.parametrize("text, marked", [
    ("MẬT\nKế hoạch bảo vệ Tết", "MẬT"),
    ("TỐI MẬT\nBáo cáo", "TỐI MẬT"),
    ("Tuyệt   mật\nBiên bản", "Tuyệt   mật"),
    ("tuyệt mật\nx", "tuyệt mật"),
    ("M Ậ T\nKế hoạch", "M Ậ T"),
    ("Độ mật: Mật\nSố: 12/BC", "Độ mật: Mật"),
    ("ĐỘ MẬT - TUYỆT MẬT", "ĐỘ MẬT - TUYỆT MẬT"),
    ("Đây là tài liệu MẬT, không sao chụp.", "MẬT"),
    ("[MẬT]\nnội dung", "MẬT"),
    ("TÀI LIỆU THU HỒI\nSố 5", "TÀI LIỆU THU HỒI"),
    ("Chỉ người có tên mới được bóc bì", "Chỉ người có tên mới được bóc bì"),
])
def test_markings(text: str, marked: str) -> None:
    """Classification stamps in any case and spacing block."""
    assert ("classification_marking", marked, "block") in found(text)


@pytest.mark.parametrize("text", [
    "Hội chợ mật ong rừng, mật mía.",
    "Không cung cấp mật khẩu cho người lạ.",
    "Mật độ dân số 1.200 người/km2; mật độ cấy 40 khóm/m2.",
    "Buổi gặp mặt thân mật người cao tuổi.",
    "Bí mật của món ăn nằm ở nước dùng.",
    "Bảo vệ bí mật nhà nước, chế độ bảo mật thông tin.",
    "Bà Nguyễn Thị Mật ở thôn Mật Sơn được tặng quà.",
    "HỢP TÁC XÃ MẬT ONG VŨ DƯƠNG",
    "Hồ sơ, tài liệu thu hồi đất được niêm yết công khai.",
    "Hướng dẫn xác định độ mật, đóng dấu độ mật.",
])
def test_marking_traps(text: str) -> None:
    """Words that merely contain mật do not fire."""
    assert "classification_marking" not in kinds(text)


@pytest.mark.parametrize("text, phrase", [
    ("Công an xã bố trí lực lượng gồm 12 đồng chí mật phục tại bến đò.", "bố trí lực lượng"),
    ("Vị trí kho vũ khí đặt tại nhà kho phía sau.", "Vị trí kho"),
    ("Lộ trình tuần tra: đê – chợ – cầu.", "Lộ trình tuần tra"),
    ("Triển khai kế hoạch trinh sát khu vực bãi bồi.", "kế hoạch trinh sát"),
    ("Công an xã đang điều tra nghi vấn đối tượng ở xóm 2.", "đang điều tra"),
    ("Đối tượng đang bị theo dõi chặt chẽ.", "đang bị theo dõi"),
    ("Đảng ủy thống nhất phương án nhân sự: đồng chí Lê Văn Tám làm Chủ tịch.",
     "phương án nhân sự"),
    ("Danh sách nhân sự dự kiến gồm các đồng chí có tên sau đây.", "nhân sự dự kiến"),
    ("Dự kiến bổ nhiệm ông A làm Trưởng Công an xã.", "Dự kiến bổ nhiệm"),
    ("Quyết định bổ nhiệm cán bộ này chưa công bố.", "chưa công bố"),
    ("Lập chốt chặn bí mật, quân số mỗi chốt 4 đồng chí.", "chốt chặn"),
])
def test_secret_topics(text: str, phrase: str) -> None:
    """Defence, security and personnel secrets block; the finding covers the phrase (and the
    sentence's detail, when a concept finds it too)."""
    assert any(kind == "state_secret_topic" and phrase in covered and severity == "block"
               for kind, covered, severity in found(text)), found(text)


@pytest.mark.parametrize("text", [
    "Ngày hội dân quân tự vệ với hội thao bắn súng, kéo co.",
    "Công an xã bố trí lực lượng phân luồng giao thông tại lễ hội.",
    "UBND xã lập chốt chặn tại ngầm tràn khi nước lũ dâng cao.",
    "Khám tuyển nghĩa vụ quân sự: chỉ tiêu quân số giao quân 18 công dân.",
    "Tuyên truyền phòng chống ma túy trong học đường.",
    "Công an tỉnh triệt phá thành công chuyên án ma túy.",
    "Kết quả thi tuyển công chức hiện chưa công bố.",
    "Đảng ủy đã thành lập Tiểu ban Nhân sự để xây dựng phương án nhân sự đại hội.",
    "Chủ tịch UBND xã đã ban hành quyết định công nhận ông Lâm Văn Đực giữ chức Trưởng ấp.",
    "Đối tượng gọi điện yêu cầu chủ tàu cài ứng dụng “cập nhật thiết bị giám sát hành trình”.",
    "Tổ tư vấn tại Trạm Y tế tư vấn vào sáng thứ Năm hằng tuần, giữ kín thông tin người đến"
    " tư vấn.",
    "Ngày 05/01/2026, Chỉ huy trưởng đã ký Quyết định bổ nhiệm đồng chí Đỗ Văn Luyện giữ chức"
    " Chỉ huy phó.",
    "Diễn tập phòng cháy: 80 người tham gia; đám cháy được khống chế sau 12 phút tại chợ Hải.",
    "Đại hội đã thông qua phương án nhân sự và bầu Ban Chi hội gồm 3 đồng chí; ông Lục Văn Tiến"
    " được bầu làm Chi hội trưởng.",
])
def test_public_events_are_clean(text: str) -> None:
    """Public events and campaigns do not fire."""
    assert "state_secret_topic" not in kinds(text)


def test_national_ids() -> None:
    """CCCD by province code and century digit; CMND only with context."""
    assert ("national_id", "037085012345", "block") in found("số 037085012345")
    assert "national_id" not in kinds("số 999085012345")  # no province 999
    assert "national_id" not in kinds("số 037585012345")  # century digit 5
    assert "national_id" not in kinds("Mã hồ sơ 164235871")
    assert ("national_id", "164235871", "block") in found("CMND số 164235871")
    assert ("national_id", "001234567", "block") in found("chứng minh thư số 001234567")
    assert ("national_id", "123456789012", "block") in found("CCCD: 123456789012")


@pytest.mark.parametrize("number", [
    "0912345678", "0912 345 678", "0912.345.678", "0912-345-678", "+84 912 345 678",
    "84912345678", "(+84) 912345678", "0386 123 456", "0229 3 868 115", "024 3822 6602",
])
def test_phone_forms(number: str) -> None:
    """Every common way of writing a Vietnamese number is one phone finding."""
    assert found(f"Ông Nam: {number}.") == [("phone", number, "block")]


@pytest.mark.parametrize("text", [
    "Kế hoạch số 72/KH-UBND ngày 17/9/2026; Nghị định 13/2023/NĐ-CP.",
    "Quyết định số 1234/QĐ-UBND, giá 500.000 đồng, 1.200.000đ.",
    "Diện tích 1.250 m2, 3,5 ha, nhiệm kỳ 2026-2030.",
    "Quốc lộ 10, QL1A, ĐT 477, Km 125+300.",
    "Gọi 111, 112, 113, 114, 115 khi khẩn cấp.",
    "Từ 7h30 đến 17h00, tỷ lệ 98,5%, dân số 18.452 người.",
    "Số tiền 120.000.000.000 đồng; mã số 0212345678901.",
    "Điện thoại 0112345678 không hợp lệ; 0312345678 cũng không.",
])
def test_not_findings(text: str) -> None:
    """Document numbers, dates, money, areas, roads, emergency numbers are clean."""
    assert scan(text) == []


def test_contact_severity() -> None:
    """Private contacts block; an official's work contact given on purpose warns."""
    assert found("Đường dây nóng của UBND xã: 0229 3 868 115.")[0][2] == "warn"
    assert found("Liên hệ cán bộ phụ trách, đồng chí Hà: 0348 156 297.")[0][2] == "warn"
    assert found("Số điện thoại của UBND xã 0912 888 666")[0][2] == "warn"
    assert found("Ai nhặt được xin liên hệ anh Tùng theo số 0986 123 457.")[0][2] == "block"
    assert found("Báo Công an xã hoặc gọi cho ông Bình: 0868.245.179.")[0][2] == "block"
    assert found("Hòm thư: ubnd.vuduong@ninhbinh.gov.vn")[0][1:] == (
        "ubnd.vuduong@ninhbinh.gov.vn", "warn")
    assert found("Chị Lan, email lan.nguyen85@gmail.com")[0][1:] == (
        "lan.nguyen85@gmail.com", "block")


def test_bank_plates_dob_sensitive() -> None:
    """The remaining personal-data kinds."""
    assert ("bank_account", "0123456789", "block") in found("STK 0123456789 tại Agribank")
    assert ("bank_account", "3700205123456", "block") in found(
        "chuyển vào số 3700205123456 tại Agribank")
    assert "bank_account" not in kinds("Ngân hàng giải ngân 1.200.000.000 đồng")
    plates = ["35A-123.45", "35A1-234.56", "35-B1 123.45", "29LD-123.45"]
    assert found("Xe " + ", ".join(plates)) == [("vehicle_plate", p, "block") for p in plates]
    assert ("date_of_birth", "12/3/1985", "block") in found("Chị Lan sinh ngày 12/3/1985")
    assert ("date_of_birth", "1990", "block") in found("Anh Trần Văn Cường (SN 1990)")
    assert "date_of_birth" not in kinds("Công dân nam sinh năm 2008 đăng ký NVQS.")
    assert "date_of_birth" not in kinds("Kỷ niệm ngày sinh Chủ tịch Hồ Chí Minh 19/5/1890")
    assert ("sensitive_personal", "nhiễm HIV", "block") in found("Anh Trần Văn B nhiễm HIV.")
    assert ("sensitive_personal", "tiền án", "block") in found("Ông Lê Văn C có 2 tiền án.")
    assert "sensitive_personal" not in kinds("Tuyên truyền phòng chống HIV/AIDS tại thôn Đông.")
    assert "sensitive_personal" not in kinds("Hành vi này có thể bị khởi tố hình sự.")


def test_zero_width_and_soft_hyphen() -> None:
    """Invisible characters are ignored for matching; offsets still index the NFC text."""
    for text in ("M\u200bẬT\nx", "M\u00adẬ\ufeffT\nx", "\u2060MẬT\u200d\nx"):
        f = scan(text)
        assert [x.kind for x in f] == ["classification_marking"]
        nfc = unicodedata.normalize("NFC", text)
        assert f[0].text == nfc[f[0].start:f[0].end] and "M" in f[0].text
    f = scan("SĐT anh Hải: 09\u200b12 345 678")
    assert f[0].kind == "phone" and f[0].text == "09\u200b12 345 678"


def test_zero_width_inside_decomposed_letter() -> None:
    """A mark split from its base by an invisible character is recomposed."""
    text = "MA\u200b\u0323\u0302T\nx"
    assert [f.kind for f in scan(text)] == ["classification_marking"]


def test_nfd_input_gives_same_findings() -> None:
    """Decomposed input gives exactly the findings of the composed input."""
    text = ("TỐI MẬT\nÔng Nguyễn Văn Đức sinh ngày 12/3/1985, nhiễm HIV, SĐT 0912 345 678, "
            "bố trí lực lượng 12 đồng chí tại chốt.")
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    assert scan(nfd) == scan(text)
    assert len(scan(text)) == 5


def test_allow_list() -> None:
    """Published contacts in the allow-list are dropped (phones by digits, mail by case)."""
    text = ("Đường dây nóng 0229 3 868 115, hộp thư UBND.VuDuong@NinhBinh.gov.vn; "
            "anh Tùng 0986 123 457.")
    s = Scanner(allow=["0229 3 868 115", "ubnd.vuduong@ninhbinh.gov.vn"])
    assert found(text, s) == [("phone", "0986 123 457", "block")]
    assert len(Scanner(allow=["+84 229 3868 115"]).scan(text)) == 2


def test_admin_rules() -> None:
    """Admin phrases give keyword findings; tones matter unless ignore_tones."""
    s = Scanner(rules=[Rule("mật", note="Từ nhạy cảm"), Rule("dự án đường vành đai", "warn")])
    got = found("Trời mát. Dự  án đường vành đai 3 MẬT ong", s)
    assert ("keyword", "Dự  án đường vành đai", "warn") in got
    assert ("keyword", "MẬT", "block") in got
    assert not any(t == "mát" for _, t, _ in got)
    assert s.scan("MẬT ong")[0].reason == "Từ nhạy cảm"
    loose = Scanner(rules=[Rule("mat", ignore_tones=True)])
    assert [t for _, t, _ in found("mật, mát, Mắt, matxa", loose)] == ["mật", "mát", "Mắt"]
    dd = Scanner(rules=[Rule("Đê Đáy", ignore_tones=True)])
    assert [t for _, t, _ in found("đê đay và de day", dd)] == ["đê đay", "de day"]


def test_sorted_and_offsets() -> None:
    """Findings are sorted by start and slice the NFC text."""
    text = "Chị Hoa 0912 345 678 và MẬT\nSTK 0123456789 Vietcombank"
    res = scan(text)
    assert [f.start for f in res] == sorted(f.start for f in res)
    assert all(text[f.start:f.end] == f.text for f in res)
    assert {f.kind for f in res} == {"phone", "classification_marking", "bank_account"}


HOTLINES = ("THÔNG BÁO\nSố điện thoại đường dây nóng của xã: Văn phòng HĐND và UBND xã: "
            "0222 3865 210; trực ban Công an xã: 0222 3865 113; Trạm Y tế xã: (+84) 222 3865 115.")


def test_a_directory_of_office_landlines_is_published_on_purpose() -> None:
    assert scan(HOTLINES) == []
    assert scan(HOTLINES + " Hòm thư góp ý: ubnd.namcuong@laocai.gov.vn.") == []
    lone = scan("Mọi thắc mắc xin liên hệ trực ban Công an xã: 0222 3865 113.")
    assert [(f.kind, f.severity) for f in lone] == [("phone", "warn")]


@pytest.mark.parametrize("extra", [" Trưởng Công an xã, anh Lò Văn Páo: 0912 345 678.",
                                   " Anh Páo, thôn Nậm Pẻn, đang điều trị HIV.",
                                   " Hỏi thêm qua thư: lovanpao1990@gmail.com."])
def test_a_directory_with_anything_else_shows_every_line(extra: str) -> None:
    found = scan(HOTLINES + extra)
    assert sum(f.kind == "phone" for f in found) == 3 + ("0912" in extra)
    assert len(found) > 3


@pytest.mark.parametrize("text", [
    "Anh Đỗ Văn Hòa, 34 tuổi, thôn Bến Ngự, vừa chấp hành xong án 3 năm tù về tội trộm cắp.",
    "Xã giúp ông Mạc Văn Định, thôn Bắc Phong, chấp hành xong bản án 7 năm tù, tìm việc làm.",
])
def test_a_named_persons_sentence_is_a_criminal_record(text: str) -> None:
    found = [f for f in scan(text) if f.kind == "sensitive_personal"]
    assert found and found[0].severity == "block" and "tù" in found[0].text


def test_a_sentence_in_the_law_or_a_public_trial_is_no_record() -> None:
    assert scan("Theo quy định, người vi phạm có thể bị phạt từ 2 đến 7 năm tù.") == []
    trial = scan("Tòa án nhân dân tỉnh xét xử lưu động tại hội trường UBND xã, tuyên phạt bị "
                 "cáo Nguyễn Văn A 5 năm tù về tội trộm cắp tài sản.")
    assert not any(f.severity == "block" for f in trial)


def test_a_clause_after_a_semicolon_goes_on_about_the_person_named() -> None:
    text = ("Tại địa phương, anh Chiến chấp hành tốt chính sách, pháp luật; tuy nhiên thường "
            "bình luận ủng hộ đa đảng trên Facebook cá nhân, đã được nhắc nhở 2 lần.")
    found = [f for f in scan(text) if f.kind == "sensitive_personal"]
    assert [f.text for f in found] == ["ủng hộ đa đảng"]
    general = "Xã tuyên truyền pháp luật; tuy nhiên thường có bài viết ủng hộ đa đảng trên mạng."
    assert not any(f.kind == "sensitive_personal" for f in scan(general))

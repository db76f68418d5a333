"""What the scanner learnt from the writers of train16-train19 (#15, session 10): the lines of a
personnel roster under a plan not yet announced, a relative as the subject of a sensitive fact,
debts with their sums, guard shifts and watched men's visitors, one's own contacts, dates of
birth in brackets, and stamps set off by a dash - each with the ordinary text it must pass."""

from __future__ import annotations

import pytest

from bulletins.confidentiality import scan

ROSTER = ("DANH SÁCH QUY HOẠCH CÁC CHỨC DANH LÃNH ĐẠO XÃ NHIỆM KỲ 2030–2035\n"
          "(Kèm theo Nghị quyết của Ban Thường vụ Đảng ủy xã)\n"
          "- Bí thư Đảng ủy: Hoàng Văn Thắng, Lục Thị Hằng.\n"
          "- Chủ tịch UBND xã: Lục Thị Hằng, Thào A Lềnh, Nông Thị Lan.\n"
          "- Phó CHT: Lê Văn Quý (thôn đội trưởng Phú Lộc).\n"
          "Giao Văn phòng lưu hồ sơ, chưa công khai danh sách.")


def _secrets(text: str) -> list:
    return [f for f in scan(text) if f.kind == "state_secret_topic"]


def test_each_line_of_a_succession_roster_is_a_personnel_secret() -> None:
    found = _secrets(ROSTER)
    texts = [f.text for f in found]
    assert "Bí thư Đảng ủy: Hoàng Văn Thắng, Lục Thị Hằng" in texts
    assert "Chủ tịch UBND xã: Lục Thị Hằng, Thào A Lềnh, Nông Thị Lan" in texts
    assert "Phó CHT: Lê Văn Quý (thôn đội trưởng Phú Lộc)" in texts
    assert all(f.severity == "block" for f in found)
    assert all("tổ chức, cán bộ" in f.reason and "QĐ 2500/QĐ-TTg" in f.reason for f in found)


def test_a_congress_plan_names_its_people_clause_by_clause() -> None:
    text = ("Báo cáo tóm tắt phương án nhân sự Ban Chấp hành khóa mới (dự kiến)\n"
            "Bí thư: đồng chí Trần Minh Khải; Phó Bí thư Thường trực: đồng chí Lâm Văn Sang; "
            "Chủ nhiệm UBKT: đồng chí Thạch Thị Sa Phia.")
    texts = {f.text for f in _secrets(text)}
    assert {"Bí thư: đồng chí Trần Minh Khải", "Phó Bí thư Thường trực: đồng chí Lâm Văn Sang",
            "Chủ nhiệm UBKT: đồng chí Thạch Thị Sa Phia"} <= texts


@pytest.mark.parametrize("text", [
    # the results, once announced, are public
    "Đại hội đã bầu Ban Chấp hành khóa mới theo phương án nhân sự được cấp trên chỉ đạo.\n"
    "- Bí thư Đảng ủy: Hoàng Văn Thắng.\n- Chủ tịch UBND xã: Lục Thị Hằng.",
    # a steering committee set up in public carries no plan word
    "Thành lập Ban Chỉ đạo phòng, chống dịch của xã:\n- Trưởng ban: ông Nguyễn Văn Hòa, Chủ "
    "tịch UBND xã.\n- Phó Trưởng ban: bà Lê Thị Mai, Trạm trưởng Trạm Y tế.",
])
def test_a_published_roster_is_no_secret(text: str) -> None:
    assert not [f for f in _secrets(text) if f.severity == "block"]


def test_a_relative_as_the_subject_of_a_diagnosis_is_the_named_persons_family() -> None:
    text = ("Đoàn đến thăm gia đình anh Mai Văn Cường, 41 tuổi, thôn Trung Hải. Hoàn cảnh gia "
            "đình anh rất khó khăn: vợ làm nghề vá lưới, con gái lớn đang điều trị bệnh bạch "
            "cầu cấp tại Viện Huyết học.")
    found = [f for f in scan(text) if f.kind == "sensitive_personal"]
    assert len(found) == 1 and "bạch cầu" in found[0].text


def test_everyone_is_not_a_relative() -> None:
    text = ("Đoàn đến thăm anh Mai Văn Cường, thôn Trung Hải. Bà con đang điều trị bệnh bạch "
            "cầu cấp được Quỹ hỗ trợ 2 triệu đồng.")
    assert not [f for f in scan(text) if f.kind == "sensitive_personal"]


def _personal(text: str) -> list:
    return [f for f in scan(text) if f.kind == "sensitive_personal"]


def test_a_named_persons_debt_with_its_sum_is_a_credit_record() -> None:
    text = ("Tổ tiết kiệm và vay vốn thông báo các hộ có nợ quá hạn: ông Trần Văn Mạnh, dư nợ 48 "
            "triệu đồng, quá hạn 14 tháng; bà Đỗ Thị Liên, 30 triệu đồng, quá hạn 8 tháng.\n"
            "Ông Phan Văn Ếch hiện còn nợ 48.500.000 đồng vốn vay hộ nghèo.")
    found = _personal(text)
    spans = [(f.start, f.end) for f in found]
    for label in ("30 triệu đồng, quá hạn 8 tháng", "nợ 48.500.000 đồng"):
        s = text.index(label)
        assert any(a < s + len(label) and s < b for a, b in spans), label
    assert all("tín dụng" in f.reason for f in found)


@pytest.mark.parametrize("text", [
    "Tính đến 30/6/2026, dư nợ quá hạn trên địa bàn xã là 1,8 tỷ đồng.",
    "Anh Nguyễn Văn An đến nộp hồ sơ quá hạn 3 ngày.",
    "Ông Lê Văn Bình nợ bà con một lời cảm ơn.",
    "Hộ ông Lê Văn Bình được vay 50 triệu đồng vốn giải quyết việc làm.",
])
def test_a_sum_without_a_persons_debt_is_no_record(text: str) -> None:
    assert not _personal(text)


def test_christmas_of_a_year_is_no_ones_birth() -> None:
    text = ("Chiều 23/12, đồng chí Chủ tịch Ủy ban MTTQ xã đã đến chúc mừng Lễ Giáng sinh năm 2026 "
            "tới linh mục Giuse Nguyễn Văn Thạch và bà con giáo dân.")
    assert not [f for f in scan(text) if f.kind == "date_of_birth"]
    named = "Linh mục Giuse Nguyễn Văn Thạch, sinh năm 1962, quản xứ Xuân Mai."
    assert [f.text for f in scan(named) if f.kind == "date_of_birth"] == ["1962"]


@pytest.mark.parametrize("text", [
    "Nhân dịp này, Trạm Y tế cấp thuốc cho anh Lý Seo Chẩn, 31 tuổi, từ khi đi làm thuê bên kia "
    "biên giới, để anh không phải đi xa.",
    "Trưởng nhóm lao động là chị Vàng Thị Dế, thôn Seo Mí Tỷ, chịu trách nhiệm liên lạc với gia "
    "đình các lao động.",
])
def test_work_across_the_border_is_no_assessment_of_an_ethnic_group(text: str) -> None:
    assert not _secrets(text)


def test_an_evaluation_list_that_names_who_failed_is_not_an_award() -> None:
    text = ("Hội đồng đã đánh giá, xếp loại 28 cán bộ, công chức. Kết quả: 4 người hoàn thành xuất "
            "sắc nhiệm vụ, 21 người hoàn thành tốt nhiệm vụ, 1 người không hoàn thành nhiệm vụ là "
            "ông Hầu A Chá, công chức địa chính – xây dựng.")
    found = _secrets(text)
    assert len(found) == 1 and "ông Hầu A Chá" in found[0].text
    award = ("Năm 2025, ông Hầu A Chá, công chức địa chính – xây dựng, được xếp loại hoàn thành "
             "xuất sắc nhiệm vụ và được tặng giấy khen.")
    assert not [f for f in _secrets(award) if f.severity == "block"]


def test_an_officials_own_mailbox_or_number_is_private() -> None:
    own = ("Các hợp tác xã liên hệ cán bộ khuyến nông Sùng Thị Dợ qua hộp thư riêng "
           "sungthido1996@gmail.com hoặc số điện thoại cá nhân: 0912 586 034.")
    assert {(f.kind, f.severity) for f in scan(own)} == {("email", "block"), ("phone", "block")}
    duty = "Liên hệ đồng chí Lưu Văn Phong, Phó Chủ tịch UBND xã, điện thoại 0912 586 034."
    assert [(f.kind, f.severity) for f in scan(duty)] == [("phone", "warn")]


@pytest.mark.parametrize("text", [
    "Tổ bảo vệ kho ban đêm 02 người, đổi ca lúc 23h.",
    "Từ 11h đến 13h tạm không có người trực, cả tổ về nhà ăn cơm, khóa cửa nhà chốt.",
    "Công an xã bố trí lực lượng ghi hình những người đến nhà ông Lê Văn Đực.",
])
def test_a_guards_shift_and_a_watched_mans_visitors_are_secrets(text: str) -> None:
    assert [f.severity for f in _secrets(text)] == ["block"]


@pytest.mark.parametrize("text", [
    "Trạm Y tế xã trực cấp cứu 24/24, ca đêm từ 17 giờ đến 7 giờ sáng hôm sau.",
    "Đám cưới anh Lò Văn Tâm sẽ được ghi hình làm kỷ niệm.",
])
def test_a_clinics_night_shift_and_a_wedding_video_are_not(text: str) -> None:
    assert not _secrets(text)


def test_the_bank_for_social_policies_is_no_campaign() -> None:
    text = ("Tổ vay vốn thông báo 2 hộ có nợ với Ngân hàng Chính sách xã hội: ông Trần Văn Mạnh, "
            "dư nợ 48 triệu đồng, quá hạn 14 tháng.")
    found = _personal(text)
    assert len(found) == 1 and found[0].text.endswith("quá hạn 14 tháng")


def test_the_second_son_is_a_relative_too() -> None:
    text = ("Thư kêu gọi giúp đỡ gia đình anh Mẫn Văn Toàn, thôn Đông. Con trai thứ hai mắc chứng "
            "tự kỷ, cần can thiệp sớm.")
    assert [f.text for f in _personal(text)] == ["tự kỷ"]


def test_a_named_persons_shares_against_the_state_are_his_views() -> None:
    text = ("Anh Trần Văn Lực, thôn Bắc Sơn, thường chia sẻ bài của các trang chống Nhà nước trên "
            "Facebook cá nhân.")
    found = _personal(text)
    assert len(found) == 1 and "chính trị" in found[0].reason
    campaign = "Cảnh giác với các thế lực thù địch chống phá Nhà nước trên không gian mạng."
    assert not _personal(campaign)


def test_households_collecting_their_loans_are_no_assessment() -> None:
    text = ("Hộ đại diện nhận tiền: bà Lâm Thị Sà Ly, ấp Bưng Tróp, vay 60 triệu đồng nuôi bò; ông "
            "Danh Tấn, ấp Cà Lăng, vay 40 triệu đồng trồng hành tím.")
    assert not _secrets(text)


@pytest.mark.parametrize(("text", "reason"), [
    ("Anh Lâm Chanh Thy, 29 tuổi, thường đăng bài ủng hộ quan điểm đòi tự trị của nhóm ở nước "
     "ngoài.", "chính trị"),
    ("Anh Cao Văn Thái, xóm 2, tự ý bỏ thuốc hơn ba tháng nay.", "sức khỏe"),
    ("Hộ ông Đậu Văn Tài: ngân hàng đang làm thủ tục xử lý tài sản thế chấp là thửa đất số 212.",
     "tín dụng"),
])
def test_more_words_of_a_persons_views_health_and_debts(text: str, reason: str) -> None:
    found = _personal(text)
    assert len(found) == 1 and reason in found[0].reason


def test_quitting_smoking_is_no_treatment_stopped() -> None:
    assert not _personal("Anh Nguyễn Văn Hòa, thôn Đông, đã bỏ thuốc lá được hai năm.")


def test_a_birthday_in_brackets_after_a_name_is_a_date_of_birth() -> None:
    text = ("Ban Chấp hành Đoàn xã chúc mừng sinh nhật các đoàn viên: Trần Thị Ngọc Hân "
            "(05/8/2004, chi đoàn ấp Cà Vừng), Lê Minh Nhựt (19/8/2003, chi đoàn ấp Kênh Mới).")
    assert [f.text for f in scan(text) if f.kind == "date_of_birth"] == ["05/8/2004", "19/8/2003"]


@pytest.mark.parametrize("text", [
    "Ông Nguyễn Văn An (12/3/2026) đã nhận quà của xã.",
    "Theo Quyết định (12/3/2010) của UBND tỉnh về bảng giá đất.",
])
def test_a_dated_event_in_brackets_is_no_birth(text: str) -> None:
    assert not [f for f in scan(text) if f.kind == "date_of_birth"]


def test_a_flood_warning_is_the_militia_at_work_in_the_open() -> None:
    text = ("THÔNG BÁO KHẨN VỀ LŨ ĐẦU NGUỒN\nLực lượng dân quân túc trực tại các đoạn bờ bao xung "
            "yếu ấp Kênh Mới, Rạch Tràm.")
    assert not _secrets(text)


def test_asking_the_neighbourhood_group_to_report_does_not_make_surveillance_public() -> None:
    text = ("Đối với ông Hồ Văn Khải ở tổ 3 thôn Nam Sơn, đối tượng quản lý ANCT, Công an xã đang "
            "theo dõi tài khoản Facebook \"Khải Sơn Hải\" của ông; đề nghị tổ tự quản thông báo "
            "ngay khi ông có khách lạ đến nhà.")
    assert [f.severity for f in _secrets(text)] == ["block"]


def test_an_extracts_copy_number_is_a_mark() -> None:
    text = "TUYỆT MẬT – Trích sao số 01\nKhi tỉnh chuyển trạng thái sẵn sàng chiến đấu cao, …"
    marks = [f.text for f in scan(text) if f.kind == "classification_marking"]
    assert marks == ["TUYỆT MẬT", "Trích sao số 01"]
    assert not scan("UBND xã trích sao số liệu thống kê dân số năm 2025 gửi các thôn.")


def test_a_same_sex_relationship_of_a_named_man_is_his_private_life() -> None:
    text = "Chị Bé Ba cho rằng anh Lê Văn Đen có quan hệ tình cảm đồng giới với một thanh niên."
    found = _personal(text)
    assert len(found) == 1 and "đời tư" in found[0].reason


def test_a_stamp_set_off_by_a_dash_before_a_title_is_a_mark() -> None:
    text = "MẬT – BÁO CÁO TÌNH HÌNH AN NINH KHU VỰC BIÊN GIỚI THÁNG 11/2026\nTrong tháng, …"
    assert [f.text for f in scan(text) if f.kind == "classification_marking"] == ["MẬT"]
    assert not scan("Anh em trong tổ dùng mật báo để liên lạc với nhau.")


def test_a_delay_after_a_loan_and_a_rented_room_abroad() -> None:
    text = ("Gia đình bà Phạm Thị Lụa, xóm Đông Biên, vay ngoài 380 triệu đồng lãi 5%/tháng để cho "
            "con trai đi Nhật, hiện đã quá hạn 7 tháng.")
    # the loan with its sum (session 11) and its delay make one finding
    assert [f.text for f in _personal(text)] == [
        "vay ngoài 380 triệu đồng lãi 5%/tháng để cho con trai đi Nhật, hiện đã quá hạn 7 tháng"]
    room = "Anh Vũ Văn Định, xóm Phú Lễ, đang ở nhà trọ số 12 ngõ chợ Wongok, thành phố Ansan."
    assert [f.text for f in _personal(room)] == ["nhà trọ số 12 ngõ chợ Wongok, thành phố Ansan"]


def test_a_conclusion_published_by_its_title_is_public() -> None:
    text = ("THÔNG BÁO\nCông khai Kết luận thanh tra việc quản lý, sử dụng đất công ích tại xã\n"
            "Kết luận xác định: giai đoạn 2020 – 2025, UBND các xã cũ cho thuê 4,2 ha đất công ích "
            "không qua đấu giá, thu chưa đủ 318 triệu đồng tiền thuê đất.")
    assert not [f for f in _secrets(text) if f.severity == "block"]


def test_a_plans_title_naming_its_decision_does_not_publish_it() -> None:
    text = ("KẾ HOẠCH (kèm theo Quyết định số 15/QĐ-UBND) kiểm tra đột xuất\n"
            "Đêm 9/4 Công an xã sẽ bất ngờ kiểm tra khu trọ Hưng Thịnh của ông Lê Văn Hưng, thôn "
            "Đông Xuân.")
    assert [f.severity for f in _secrets(text)] == ["block"]

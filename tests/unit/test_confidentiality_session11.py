"""What the scanner learnt from the writers of train20-train23 (#15, session 11): a defence plan
approved inside the chain of command, war-time first aid, weapons after a flood, forces placed
(not boats or land), a priest's sermon and the signatures a man gathers, a post left by a
retiree, exam papers told in words, codes in single quotes, a leading car, debts taken outside,
stamps after a copy number - each with the ordinary text it must pass."""

from __future__ import annotations

import pytest

from bulletins.confidentiality import scan


def _secrets(text: str) -> list:
    return [f for f in scan(text) if f.kind == "state_secret_topic"]


def _blocks(text: str, kind: str) -> list[str]:
    return [f.text for f in scan(text) if f.kind == kind and f.severity == "block"]


def test_a_defence_plan_approved_in_the_chain_of_command_stays_secret() -> None:
    text = ("TIN BÀI\nXã sẵn sàng cho diễn tập\nTheo phương án đã được phê duyệt, khu sơ tán nhân "
            "dân khi có chiến sự là chùa Phnôm Pi và Trường THCS ấp Vĩnh Hưng, mỗi điểm tiếp nhận "
            "khoảng 1.500 người.")
    found = _secrets(text)
    assert found and "quốc phòng" in found[0].reason
    # an approved compensation plan is posted for everyone to read
    posted = ("THÔNG BÁO\nNiêm yết phương án bồi thường\nTheo phương án đã phê duyệt, đơn giá bồi "
              "thường đất trồng lúa là 126.000 đồng/m² tại thôn Đông.")
    assert not _blocks(posted, "state_secret_topic")


def test_first_aid_moved_when_bombed_is_a_wartime_arrangement() -> None:
    text = ("PHỤ LỤC 2\nBảo đảm hậu cần khu vực phòng thủ\nQuân y: điểm cứu chữa ban đầu đặt tại "
            "Trạm Y tế, khi bị đánh phá chuyển về nhà thờ giáo họ Phú Hưng.")
    assert any("thời chiến" in f.reason for f in _secrets(text))


def test_weapons_in_a_bulletin_about_the_flood_season_are_still_counted() -> None:
    text = ("Ban CHQS xã kiểm tra bảo quản vũ khí sau mùa mưa lũ\nKho đang quản lý 28 khẩu AK, "
            "2 khẩu B40 và 6.200 viên đạn các loại, đặt tại gian phòng phía sau hội trường UBND.")
    assert any("vũ khí" in f.reason for f in _secrets(text))


@pytest.mark.parametrize("ordinary", [
    "UBND xã bố trí tàu đưa đón miễn phí, xuất phát từ cầu cảng Cái Lim lúc 6 giờ 30 ngày 9/6.",
    "Khu tái định cư dự kiến bố trí tại khu đồi phía sau Trường Tiểu học thôn Đông.",
    "Đến nay đã bố trí 64 lô đất tái định cư tại khu dân cư ấp Cây Dầu cho 198 hộ.",
])
def test_bo_tri_of_boats_and_land_is_no_deployment(ordinary: str) -> None:
    assert not _secrets("THÔNG BÁO\n" + ordinary)


def test_bo_tri_of_men_with_place_and_time_is_a_deployment() -> None:
    text = ("KẾ HOẠCH\nBảo vệ kỳ họp\nBố trí 4 dân quân chốt tại ngã ba Long Hòa từ 5 giờ sáng "
            "ngày 26/6.")
    assert any("lực lượng" in f.reason for f in _secrets(text))


def test_a_sermon_at_mass_and_gathered_signatures_are_assessed() -> None:
    text = ("BÁO CÁO\nTình hình tôn giáo tháng 9\nTại giáo xứ An Thái tình hình có diễn biến phức "
            "tạp: linh mục quản xứ Phêrô Nguyễn Văn Hiền khuyến khích giáo dân không nhận tiền bồi "
            "thường trong 3 thánh lễ Chúa nhật liên tiếp; ông Phạm Văn Dũng, trưởng ban hành giáo, "
            "đứng ra thu chữ ký của 87 hộ.")
    found = _secrets(text)
    assert found and any("Phạm Văn Dũng" in f.text and "Nguyễn Văn Hiền" in f.text for f in found)
    festival = ("THÔNG BÁO\nLịch lễ Giáng sinh\nThánh lễ đêm Giáng sinh tại giáo xứ An Thái do "
                "linh mục Phêrô Nguyễn Văn Hiền chủ tế lúc 20 giờ ngày 24/12.")
    assert not _blocks(festival, "state_secret_topic")


def test_a_post_left_by_a_retiree_is_known_its_successor_is_not() -> None:
    vacancy = ("THÔNG BÁO\nKỳ họp chuyên đề HĐND xã\nKỳ họp sẽ kiện toàn chức danh Chủ tịch UBND "
               "xã do đồng chí Hoàng Văn Quyết nghỉ hưu theo chế độ từ 1/11.")
    assert not _secrets(vacancy)
    successor = ("THÔNG TIN\nChuẩn bị kiện toàn chức danh\nDo ông Nguyễn Văn Thuận nghỉ hưu từ "
                 "ngày 1/7, Ban Thường vụ đã thống nhất giới thiệu bà Kim Thị Sa Rết, Chủ tịch "
                 "Hội LHPN xã, để hiệp thương cử giữ chức Chủ tịch.")
    assert any("tổ chức, cán bộ" in f.reason for f in _secrets(successor))


def test_a_fallback_candidate_is_a_nomination() -> None:
    text = ("TIN NỘI BỘ\nNhân sự Phó Chủ tịch\nPhương án dự phòng là đồng chí Lâm Hoàng Phúc, Chỉ "
            "huy trưởng BCH QS xã.")
    assert any("tổ chức, cán bộ" in f.reason for f in _secrets(text))


def test_an_exam_paper_told_in_words_before_the_exam() -> None:
    text = ("Trường THCS chuẩn bị kỳ khảo sát\nTổ Ngữ văn đã nhận đề qua hộp thư nhà trường từ "
            "ngày 9/3 và tóm tắt: câu nghị luận xã hội yêu cầu viết đoạn văn 200 chữ về lòng "
            "biết ơn.")
    assert any("thi cử" in f.reason for f in _secrets(text))
    review = ("THÔNG BÁO\nÔn tập lớp 9\nNhà trường phát đề cương ôn tập môn Ngữ văn cho học sinh "
              "lớp 9 từ ngày 9/3.")
    assert not _secrets(review)


def test_a_call_sign_in_single_quotes_is_a_code_but_not_an_apostrophe() -> None:
    text = ("KẾ HOẠCH A2\nLiên lạc\nKhi có lệnh, ký hiệu liên lạc của xã: 'Phù Sa 6', kênh dự bị "
            "do Ban CHQS giữ.")
    assert any("mật khẩu, mật ngữ, tần số" in f.reason for f in _secrets(text))
    people = ("TIN BÀI\nNgày hội văn hóa\nĐồng bào H'Mông và S'tiêng giao lưu văn nghệ tại nhà văn "
              "hóa thôn 3 ngày 2/9.")
    assert not _secrets(people)


def test_a_leading_car_guards_a_delegation() -> None:
    text = ("KẾ HOẠCH\nĐón đoàn công tác của Bí thư Thành ủy\nXe dẫn đường của Công an xã đón đoàn "
            "tại ranh xã Phú Tâm lúc 8 giờ ngày 26/6.")
    assert any("đoàn lãnh đạo" in f.reason for f in _secrets(text))


def test_a_radio_broadcast_frequency_is_public() -> None:
    text = ("THÔNG BÁO\nĐổi tần số phát sóng\nTừ ngày 01/9/2026, Đài Truyền thanh xã phát sóng "
            "trên tần số FM 96,4 MHz thay cho tần số cũ 102,7 MHz tại các ấp.")
    assert not _secrets(text)


def test_a_suspects_propaganda_is_no_campaign() -> None:
    text = ("DANH SÁCH PHÂN CÔNG\nNắm tình hình\nThôn Vạn Thạnh: ông Võ Đình Tư theo dõi anh Đặng "
            "Quốc Việt, đối tượng trọng điểm về tuyên truyền chống đối trên mạng xã hội.")
    assert any("an ninh" in f.reason for f in _secrets(text))


@pytest.mark.parametrize("text, kept", [
    ("Chị Ánh, ấp Bàu Tre, đang nợ 5 ứng dụng vay trực tuyến tổng cộng 87 triệu đồng.",
     "nợ 5 ứng dụng vay trực tuyến tổng cộng 87 triệu đồng"),
    ("Ông Lê Văn Sỹ, thôn Cát Sơn, đang vay ngoài 120 triệu đồng với lãi suất 5%/tháng.",
     "vay ngoài 120 triệu đồng"),
])
def test_debts_with_their_sums(text: str, kept: str) -> None:
    assert any(f.text.startswith(kept) for f in scan(text) if f.kind == "sensitive_personal")


def test_stamps_after_a_copy_number_and_in_brackets() -> None:
    after = "TỐI MẬT\nBÁO CÁO quý III\nBản số 01. Không phổ biến trên hệ thống truyền thanh."
    assert "Không phổ biến" in _blocks(after, "classification_marking")
    bracket = "(Tài liệu Không phổ biến – chỉ lưu hành trong Ban Chỉ đạo)\nKẾT QUẢ RÀ SOÁT"
    assert "Không phổ biến" in _blocks(bracket, "classification_marking")
    advice = "Tin bài\nMẹo vặt\nLoại rau này không phổ biến ở vùng đồng bằng."
    assert not _blocks(advice, "classification_marking")


def test_signing_for_a_rights_group_is_a_political_view() -> None:
    text = ("Gương người tốt\nÔng Đoàn Văn Lực, 67 tuổi, ấp Vĩnh Hưng, từng ký tên vào thư gửi tổ "
            "chức nhân quyền nước ngoài.")
    assert _blocks(text, "sensitive_personal")


@pytest.mark.parametrize("group", [
    "Hội LHPN xã quản lý dư nợ 14,6 tỷ đồng của 11 tổ vay vốn, nợ quá hạn chiếm 0,8%.",
    "Ngân hàng Chính sách xã hội cho vay vốn đối với người chấp hành xong án phạt tù tại xã.",
])
def test_a_lenders_share_and_a_schemes_beneficiaries_are_nobodys_data(group: str) -> None:
    assert not [f for f in scan("TIN BÀI\n" + group) if f.kind == "sensitive_personal"]


def test_a_term_served_by_a_named_man_is_his_record() -> None:
    text = ("Anh Lê Quang Hưng, 38 tuổi, thôn Hải Phong, là người chấp hành xong án 7 năm tù về "
            "tội mua bán trái phép chất ma túy.")
    assert _blocks(text, "sensitive_personal")



def test_a_document_said_secret_on_its_own_line_is_stamped() -> None:
    heading = "(Tài liệu mật – thu hồi sau hội nghị)\nTÓM TẮT TÌNH HÌNH ĐỊA BÀN\nĐịa bàn ổn định."
    # the handling order beside it is the same stamp (session 13): one finding
    assert _blocks(heading, "classification_marking") == ["Tài liệu mật – thu hồi sau hội nghị"]
    inline = "Phụ lục kèm theo (Tài liệu MẬT – dự kiến trình Ban Thường vụ): danh sách."
    assert _blocks(inline, "classification_marking") == ["MẬT"]
    advice = "TUYÊN TRUYỀN\nCán bộ không mang tài liệu mật về nhà, không chụp ảnh gửi qua Zalo."
    assert not _blocks(advice, "classification_marking")


def test_the_levels_listed_in_a_training_are_no_stamp() -> None:
    text = ("TIN TẬP HUẤN\nBảo vệ bí mật nhà nước\nBáo cáo viên giới thiệu ba độ mật: Tuyệt mật, "
            "Tối mật và Mật; trách nhiệm đóng dấu độ mật.")
    assert not _blocks(text, "classification_marking")


def test_a_leaders_route_to_a_relic_site_is_guarded() -> None:
    text = ("CHUẨN BỊ ĐÓN ĐOÀN CÔNG TÁC CỦA TỈNH\nTheo phương án bảo vệ, đoàn đi đường ĐT.241, qua "
            "cầu Nà Lầm lúc 8 giờ 40, vào di tích lúc 9 giờ 15 ngày 27/9.")
    assert any("đoàn lãnh đạo" in f.reason for f in _secrets(text))


def test_a_planned_encirclement_is_a_raid() -> None:
    text = ("KẾ HOẠCH\nPhối hợp\nKhoảng 23 giờ đêm 18/9, Công an xã cùng Đồn Biên phòng Ia Sao sẽ "
            "vây khu chòi rẫy của gia đình ông Kpuih Thuăn gần suối Ia Krêl.")
    assert _secrets(text)


def test_a_sentence_opening_cu_the_details_the_secret_before_it() -> None:
    text = ("CÔNG AN XÃ\nPhân công nắm tình hình\nTrong các phiên chợ tháng 12/2026, đề nghị các "
            "CTVBM được giao địa bàn chợ biên Lũng Vài tăng cường báo cáo. Cụ thể: ông Hoàng Văn "
            "Khoa theo dõi người lạ mua bán sim; bà Bàn Thị Phấy theo dõi nhóm đưa đón lao động. "
            "Các đồng chí báo cáo về Công an xã.")
    found = _secrets(text)
    assert any(f.text.endswith("bà Bàn Thị Phấy theo dõi nhóm đưa đón lao động") for f in found)
    assert not any("Các đồng chí báo cáo" in f.text for f in found)


def test_a_list_of_informants_place_by_place_is_found_line_by_line() -> None:
    text = ("MẬT\nDANH SÁCH\nCơ sở nắm tình hình tại các khu du lịch\n"
            "1. Khu Thác Bạc: ông Giáp Văn Hưng, bảo vệ bãi xe.\n"
            "2. Khu Tam Đảo 2: anh Mạc Văn Tú, xe ôm.")
    texts = [f.text for f in _secrets(text)]
    assert "Khu Thác Bạc: ông Giáp Văn Hưng, bảo vệ bãi xe" in texts
    assert "Khu Tam Đảo 2: anh Mạc Văn Tú, xe ôm" in texts
    hotlines = ("THÔNG BÁO\nDanh sách cán bộ tiếp dân\n1. Khu trung tâm: ông Giáp Văn Hưng, "
                "công chức Văn phòng.\n2. Khu Tam Đảo 2: anh Mạc Văn Tú, công an viên.")
    assert not _secrets(hotlines)


def test_where_weapons_are_stored_stays_secret_in_a_training_notice() -> None:
    text = ("THÔNG BÁO\nLịch huấn luyện dân quân năm 2026\nVũ khí phục vụ bắn đạn thật gồm 14 khẩu "
            "AK và 2.100 viên đạn K56, hiện cất tại gian kho phía sau nhà làm việc Ban CHQS xã.")
    assert any("vũ khí" in f.reason for f in _secrets(text))
    training = ("THÔNG BÁO\nLịch huấn luyện dân quân năm 2026\nBuổi bắn đạn thật tổ chức tại "
                "trường bắn Khe Lim sáng 12/5, mỗi chiến sĩ bắn 3 viên đạn AK.")
    assert not _blocks(training, "state_secret_topic")


def test_a_classified_plan_cited_in_brackets_carries_its_stamp() -> None:
    text = ("TIN BÀI\nHội nghị quân sự địa phương\nCăn cứ Kế hoạch số 18/KH-BCHQS ngày 03/3/2026 "
            "(Mật, bản số 02), hội nghị quán triệt nhiệm vụ năm 2026.")
    assert _blocks(text, "classification_marking") == ["Mật", "bản số 02"]

"""What the scanner learnt from the writers of train32-train33 (#15, session 12): dates of birth
in a list's dash-separated columns, given names of the Central Highlands and the Mông, the
person of a CV ("Bản thân: …"), where the enemy is to be stopped, a force split into prongs,
a man kept at home by an officer, an account number read whole - each with the ordinary text
it must pass."""

from __future__ import annotations

import pytest

from bulletins.confidentiality import scan
from bulletins.confidentiality.catalog import split_reason


def _found(text: str, kind: str) -> list[str]:
    return [f.text for f in scan(text) if f.kind == kind and f.severity == "block"]


def test_dates_of_birth_in_a_list_s_columns_are_found() -> None:
    text = ("DANH SÁCH\nCông dân được gọi khám sức khỏe nghĩa vụ quân sự năm 2027 (trích)\n"
            "1. A Tuấn – sinh ngày 14/02/2006 – thôn Đăk Chum\n"
            "2. Đinh Văn Lâm – sinh ngày 05/06/2007 – thôn Kon Hnông")
    assert _found(text, "date_of_birth") == ["14/02/2006", "05/06/2007"]
    # a dash before another date is a cohort's range, nobody's birthday
    cohort = "Công dân nam sinh từ 01/01/2006 – 31/12/2008 đến đăng ký nghĩa vụ quân sự tại xã."
    assert _found(cohort, "date_of_birth") == []


def test_a_given_name_of_the_highlands_is_a_person() -> None:
    text = ("Danh sách lao động: 1. A Quý, thôn Pu Tá; 2. A Hưng, thôn Long Pring – lưu ý doanh "
            "nghiệp: A Hưng đã có 2 tiền án về tội trộm cắp tài sản.")
    assert _found(text, "sensitive_personal")
    # a district and an office are nobody
    for other in ("Đoàn công tác huyện A Lưới đã có 2 tiền án về tội trộm cắp tài sản được "
                  "xóa án tích.", "Sở Y Tế tỉnh cho biết có 2 tiền án về tội trộm cắp tài sản."):
        assert _found(other, "sensitive_personal") == [], other


def test_the_person_of_a_cv_is_the_one_it_names() -> None:
    text = ("TRÍCH NGANG LÝ LỊCH\nHọ và tên: Kha Văn Luân; quê quán: thôn Ghềnh Đá. Nghề "
            "nghiệp: thuyền viên tàu cá.\nBản thân: có 1 tiền án về tội cố ý gây thương tích, bị "
            "xử phạt 18 tháng tù cho hưởng án treo năm 2021.")
    assert _found(text, "sensitive_personal")
    general = ("Bản thân: có 1 tiền án về tội cố ý gây thương tích thì được xem xét xóa án tích "
               "theo quy định.")
    assert _found(general, "sensitive_personal") == []


def test_where_the_enemy_is_to_be_stopped_is_a_defence_plan() -> None:
    text = ("Quyết tâm: dùng trung đội dân quân cơ động phối hợp Đồn Biên phòng chặn địch tại "
            "tuyến bãi cát thôn Nam Hải.")
    found = [f for f in scan(text) if f.kind == "state_secret_topic"]
    assert found and "quốc phòng" in found[0].reason
    history = ("Năm 1968, quân và dân xã Kỳ Hà đã anh dũng chặn địch tại tuyến bãi cát thôn Nam "
               "Hải, được Nhà nước tặng danh hiệu Anh hùng.")
    assert _found(history, "state_secret_topic") == []


def test_a_force_split_into_prongs_is_its_deployment() -> None:
    text = ("Lực lượng: 24 đồng chí (Công an xã 9, Đồn Biên phòng 11, dân quân 4), chia 3 mũi; "
            "mũi 1 phục tại đường mòn Pú Dảo – mốc 151.")
    assert _found(text, "state_secret_topic")
    vaccine = "Trạm Y tế tiêm mũi 3 vắc xin cho 24 trẻ tại thôn Pú Dảo, chia 3 ca trong ngày 12/10."
    assert _found(vaccine, "state_secret_topic") == []


def test_a_man_kept_at_home_by_an_officer_is_watched() -> None:
    text = ("Các ông Lý Văn Sết (ấp Trà Quýt) và Tăng Văn Lực (ấp Tà Lọt) giao Công an viên ấp "
            "kèm tại nhà từ 6 giờ đến 17 giờ.")
    found = [f for f in scan(text) if f.kind == "state_secret_topic"]
    assert found and "theo dõi, giám sát" in found[0].reason
    tutor = "Giáo viên kèm tại nhà cho học sinh lớp 5 học yếu vào buổi tối thứ Ba và thứ Năm."
    assert _found(tutor, "state_secret_topic") == []


def test_an_account_number_starting_in_reach_is_read_whole() -> None:
    text = ("Mọi tấm lòng hảo tâm xin gửi về tài khoản cá nhân của chị Hoàng Thị Nguyệt (vợ anh "
            "Quân): 1903 6842 7150 18, Ngân hàng Techcombank.")
    assert _found(text, "bank_account") == ["1903 6842 7150 18"]


def test_an_escape_route_kept_by_the_guards_is_a_leader_s_protection() -> None:
    text = ("Lực lượng Cảnh vệ, Công an tỉnh bố trí lối thoát dự phòng qua đường nội bộ N3 ra cao "
            "tốc.")
    found = [f for f in scan(text) if f.kind == "state_secret_topic"]
    assert found and "bảo vệ lãnh đạo" in found[0].reason
    fire = ("Các hộ kinh doanh phải bố trí lối thoát hiểm, bình chữa cháy và biển chỉ dẫn theo "
            "quy định.")
    assert _found(fire, "state_secret_topic") == []


def test_a_party_candidate_s_vetting_is_personnel_not_yet_public() -> None:
    text = ("Qua thẩm tra: Anh Phan Thanh Tùng có em ruột xuất cảnh trái phép sang Hàn Quốc năm "
            "2019, hiện còn lưu trú bất hợp pháp; đề nghị tạm dừng xem xét kết nạp.")
    found = [f for f in scan(text) if f.kind == "state_secret_topic"]
    assert found and "tổ chức, cán bộ" in found[0].reason
    admitted = ("Chi bộ thôn Đông tổ chức lễ kết nạp đảng viên mới cho đồng chí Nguyễn Văn An vào "
                "ngày 19/5/2026.")
    assert _found(admitted, "state_secret_topic") == []


def test_a_person_s_heroin_use_is_sensitive() -> None:
    text = ("Anh Lâm Hoàng Phúc, 31 tuổi, ở tổ 4 ấp Xẻo Chích, từng nhiều năm sử dụng heroin khi "
            "đi làm ăn ở Đồng Nai.")
    assert _found(text, "sensitive_personal") == ["sử dụng heroin"]
    campaign = "Tuyên truyền tác hại của việc sử dụng heroin và ma túy tổng hợp trong thanh niên."
    assert _found(campaign, "sensitive_personal") == []


def test_the_second_look_marks_a_sentence_whole_past_a_dot_in_a_number() -> None:
    text = ("TIN HOẠT ĐỘNG\nUBND xã làm việc với nhà đầu tư về dự án nhà máy lọc nước\nChiều "
            "11/11, UBND xã tiếp đại diện Công ty Haesol Water (Hàn Quốc) về đề xuất đầu tư nhà "
            "máy lọc nước biển công suất 500 m³/ngày đêm. Trước buổi làm việc, UBND xã đã thống "
            "nhất quan điểm: đồng ý miễn tiền thuê đất tối đa 11 năm, có thể chấp nhận giá bán "
            "nước 21.000 đồng/m³ nếu công ty cam kết khởi công trong năm 2027, nhưng không chấp "
            "nhận yêu cầu bao tiêu toàn bộ sản lượng.\nHai bên sẽ tiếp tục trao đổi vào tháng 12.")
    found = _found(text, "state_secret_topic")
    assert found and found[0].endswith("không chấp nhận yêu cầu bao tiêu toàn bộ sản lượng")


# train34-train35: each text the rule must now find, beside the ordinary one it must pass
FOUND_NOW = [
    ("vehicle_plate", "Xe ba gác máy biển số 66MĐ1-032.15 của ông Lê Văn Út, ấp Đìa Sen."),
    ("phone", "Ông Lương Chí Cường (quốc tịch Trung Quốc), điện thoại +86 138 7712 4590, tạm "
              "trú tại nhà ông Hà Văn Nhất, thôn Nà Lầu."),
    ("sensitive_personal", "Anh Hồ Văn Pơ, thôn A Xóc, bị dập nát bàn tay phải khi cưa vỏ quả "
                           "đạn pháo nhặt được."),
    ("state_secret_topic", "Sáng 10/2/2026, đồng chí Phó Bí thư Thường trực Tỉnh ủy cùng đoàn "
                           "công tác sẽ về thăm xã. Lịch trình: 7 giờ 45 đoàn rời trung tâm xã "
                           "Khe Sanh, 8 giờ 40 qua ngầm tràn Pa Lin, 9 giờ tặng quà tại nhà văn "
                           "hóa thôn A Xóc."),
    ("state_secret_topic", "THÔNG BÁO\nLịch huấn luyện dân quân năm 2026\nTiểu đội súng máy "
                           "phòng không 12,7 ly huấn luyện riêng tại trận địa sau Trường THCS "
                           "Đông Xuyên (02 khẩu, hướng bắn chính về phía cầu Trà Giang)."),
]
PASSED_NOW = [
    ("state_secret_topic", "Đêm 22/1/2026, Công an xã đã bắt quả tang nhóm đánh bạc tại lán rẫy "
                           "thôn Xa Rêu, thu giữ 5 triệu đồng."),
    ("state_secret_topic", "THÔNG BÁO\nLịch huấn luyện dân quân năm 2026\nDân quân huấn luyện "
                           "bắn súng tiểu liên AK tại trường bắn của tỉnh từ ngày 06/4 đến ngày "
                           "20/4/2026."),
    ("state_secret_topic", "Trước đó, kỳ họp đã miễn nhiệm chức danh Chủ tịch UBND xã đối với "
                           "ông Đinh Văn Cường do được phân công nhiệm vụ khác."),
    ("state_secret_topic", "THÔNG BÁO\nLấy ý kiến nhân dân về dự thảo Bảng giá đất áp dụng từ "
                           "ngày 01/01/2027\nThực hiện Luật Đất đai năm 2024, UBND tỉnh đăng công "
                           "khai dự thảo Bảng giá đất trên Cổng thông tin điện tử tỉnh để lấy ý "
                           "kiến rộng rãi. Theo dự thảo, giá đất ở ven đường ĐT.465 qua xã từ 4,5 "
                           "đến 7,2 triệu đồng/m², đất trồng lúa từ 95.000 đến 120.000 đồng/m².\n"
                           "UBND xã niêm yết dự thảo tại trụ sở và nhà văn hóa 9 thôn. Người dân "
                           "góp ý tại bộ phận Một cửa hoặc qua thôn trước ngày 15/11/2026."),
    # "Đoàn" is a surname, but not of the Youth Union
    ("sensitive_personal", "Đoàn Thanh niên tổ chức 12 buổi chiếu phim, sân khấu hóa về tác hại "
                           "của ma túy tổng hợp, thuốc lá điện tử pha chất gây nghiện."),
    # an auction's sealed bids are no secret ballot
    ("state_secret_topic", "Phiên đấu giá tổ chức lúc 8 giờ ngày 21/8/2026 tại Hội trường UBND "
                           "xã, theo hình thức bỏ phiếu kín trực tiếp."),
    ("state_secret_topic", "Bà con hãy là “tai mắt” của chính quyền, phát hiện vi phạm báo ngay "
                           "cho Công an xã, Đồn Biên phòng hoặc Đội Quản lý thị trường số 5."),
    # train36-train37: an appeal to report, advice to stay out of groups online, a chair's
    # closing words about the files (not people) to rearrange
    ("state_secret_topic", "Thiếu tá Hoàng Văn Nam, Trưởng Công an xã, nhắn nhủ: \"Bà con thấy "
                           "người lạ rủ rê con em mình dùng 'nước vui', 'kẹo', báo ngay cho công "
                           "an.\""),
    ("state_secret_topic", "Công an xã Ea Tul khuyến cáo bà con không tham gia các nhóm Zalo, "
                           "Facebook, không nghe các buổi giảng đạo trực tuyến của tổ chức này."),
    ("state_secret_topic", "Phát biểu kết luận, đồng chí Chủ tịch UBND xã yêu cầu các bộ phận rà "
                           "soát, sắp xếp lại việc lưu trữ hồ sơ, hoàn thành trước ngày "
                           "30/4/2026; mỗi bộ phận phân công một cán bộ làm đầu mối."),
    # an appointment announced publishes the official's year of birth
    ("date_of_birth", "TIN BÀI\nCông bố quyết định bổ nhiệm Trưởng Ban Quản lý chợ biên giới Tân "
                      "Thanh\nBà Đàm Thị Quyên sinh năm 1984, trước đây là Phó Trưởng ban phụ "
                      "trách thu phí của chợ."),
]


@pytest.mark.parametrize(("kind", "text"), FOUND_NOW)
def test_found_now(kind: str, text: str) -> None:
    assert _found(text, kind), text


@pytest.mark.parametrize(("kind", "text"), PASSED_NOW)
def test_passed_now(kind: str, text: str) -> None:
    assert _found(text, kind) == [], text


def test_a_secret_ballot_s_result_stays_unpublished() -> None:
    text = "Kết quả bỏ phiếu kín của Ban Thường vụ: ông Nguyễn Văn Hải 7/9 phiếu, chưa công bố."
    assert _found(text, "state_secret_topic")
    # a year of birth in a notice that announces nothing stays a finding
    plain = "Bà Đàm Thị Quyên, sinh năm 1984, ở thôn Nà Lầu, đề nghị cấp lại sổ đỏ."
    assert _found(plain, "date_of_birth") == ["1984"]


@pytest.mark.parametrize(("kind", "text"), [
    ("phone", "Liên hệ anh Nam: 0912 345 678."),
    ("phone", "Ông Lương Chí Cường, điện thoại +86 138 7712 4590, thôn Nà Lầu."),
    ("national_id", "Anh Trần Văn Nam, CCCD số 001203004567, đã đến nhận."),
    ("national_id", "Anh Trần Văn Nam, CMND số 012345678, đã đến nhận."),
    ("vehicle_plate", "Xe ô tô biển số 29A-123.45 đỗ trước cổng."),
    ("email", "Gửi cho chị Lan: lan.nguyen@gmail.com"),
])
def test_a_personal_number_s_reason_cites_its_legal_basis(kind: str, text: str) -> None:
    """The reviewer's page shows why a number is personal data, as it does for a secret."""
    reasons = [f.reason for f in scan(text) if f.kind == kind]
    assert reasons
    what, basis = split_reason(reasons[0])
    assert what and "Luật Bảo vệ dữ liệu cá nhân 2025" in basis and "356/2025/NĐ-CP" in basis

"""What the scanner learnt from the writers of train32-train33 (#15, session 12): dates of birth
in a list's dash-separated columns, given names of the Central Highlands and the Mông, the
person of a CV ("Bản thân: …"), where the enemy is to be stopped, a force split into prongs,
a man kept at home by an officer, an account number read whole - each with the ordinary text
it must pass."""

from __future__ import annotations

from bulletins.confidentiality import scan


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

"""State secrets as concept + specificity, public framings, and the reasons a reviewer reads.

The sentences are written for these tests, not taken from any corpus.
"""

from __future__ import annotations

import pytest

from bulletins.confidentiality import Scanner, scan
from bulletins.confidentiality.concepts.engine import CONCEPTS

LAW = "Luật BVBMNN 2018, Điều 7"


def secrets(text: str) -> list:
    """The blocking state-secret findings of text."""
    return [f for f in scan(text) if f.kind == "state_secret_topic" and f.severity == "block"]


@pytest.mark.parametrize("text, field, inside", [
    ("Tổ dân quân thôn Làng Mới được giao 06 khẩu súng trường và 180 viên đạn.",
     "quốc phòng", "06 khẩu"),
    ("Sở chỉ huy dự bị của xã đặt ở hang Ông Tiên, xóm Đồng Quýt.", "quốc phòng", "hang Ông Tiên"),
    ("Khi có chiến tranh, bà con xóm Đá Bàn sơ tán vào thung lũng Nà Lầu.", "quốc phòng",
     "sơ tán"),
    ("Khẩu lệnh tuần này: hỏi “Cây đa”, đáp “Bến nước”.", "quốc phòng", "“Bến nước”"),
    ("Đoàn của đồng chí Chủ tịch nước sẽ xuất phát lúc 7 giờ 40, đi theo đường đê về xã.",
     "bảo vệ lãnh đạo", "7 giờ 40"),
    ("Ông Mạc Văn Tình, bán hàng ở chợ Cầu Trắng, là cộng tác viên bí mật của Công an xã.",
     "an ninh, trật tự", "cộng tác viên bí mật"),
    ("Công an xã đang giám sát thuê bao 0968 112 334 của anh Tô Văn Lực.", "an ninh, trật tự",
     "0968 112 334"),
    ("Rạng sáng thứ Bảy, tổ công tác sẽ bất ngờ khám xét kho hàng của bà Vi Thị Ngân.",
     "an ninh, trật tự", "khám xét"),
    ("Thường trực Đảng ủy dự kiến giới thiệu đồng chí Lù Văn Phong giữ chức Phó Chủ tịch UBND xã.",
     "tổ chức, cán bộ", "Lù Văn Phong"),
    ("Danh sách quy hoạch chức danh Chủ tịch Hội Nông dân gồm ông Vi Văn Ba và bà Hà Thị Nhung.",
     "tổ chức, cán bộ", "Vi Văn Ba"),
    ("Bà Triệu Thị Mây là người cầm đầu nhóm hộ định kéo lên tỉnh vào ngày 8/10.",
     "khiếu nại, tố cáo đông người", "cầm đầu"),
    ("Dự thảo kết luận xác định công trình nghiệm thu khống 310 triệu đồng.",
     "thanh tra, kiểm toán", "310 triệu đồng"),
    ("Giá khởi điểm dự kiến của các lô đất ven chợ là 9 triệu đồng/m², chưa được phê duyệt.",
     "kinh tế, đất đai", "9 triệu đồng"),
    ("Đề kiểm tra môn Toán lớp 5 gồm: câu 1 tính diện tích hình thang; câu 2 bài toán tỉ số.",
     "giáo dục, thi cử", "câu 2"),
    ("Khi gặp chính quyền bên kia biên giới, phía ta không đồng ý đề nghị mở chợ tạm.",
     "đối ngoại", "phía ta"),
])
def test_concept_with_its_detail_is_a_secret(text: str, field: str, inside: str) -> None:
    """A concept and the detail that makes it usable, in one sentence: one blocking finding
    whose reason names the field and the law."""
    found = secrets(text)
    assert len(found) == 1
    f = found[0]
    assert inside in f.text and f.text in text
    assert f.reason.startswith(f"Bí mật nhà nước – {field}:")
    assert LAW in f.reason


@pytest.mark.parametrize("text", [
    "Ban Chỉ huy Quân sự xã quản lý vũ khí, trang bị theo đúng quy định.",
    "Đảng ủy sẽ giới thiệu nhân sự theo đúng quy trình năm bước.",
    "Công an xã đang theo dõi tình hình an ninh trật tự trên địa bàn.",
    "Thanh tra tỉnh đang thanh tra dự án đường giao thông nông thôn của xã.",
    "Xã tiếp tục rà soát phương án sơ tán của các thôn.",
    "Mỗi tháng dân quân tuần tra một lần trên các tuyến đường liên thôn.",
])
def test_a_concept_without_detail_is_not_a_secret(text: str) -> None:
    """The subject alone (no count, place, time, person, code) is ordinary news."""
    assert secrets(text) == []


@pytest.mark.parametrize("text", [
    "Hội thao dân quân: đội thôn Làng Mới bắn 30 viên đạn, đạt loại giỏi.",
    "Khi có lũ lớn, nhân dân thôn Bãi Sậy sơ tán về trường tiểu học Kim Đồng.",
    "Qua xác minh, Công an xã đã xác định và đã bắt giữ ông Lê Văn Tùng, thôn Cầu Trắng.",
    "Ủy ban bầu cử đã công bố kết quả: ông Lù Văn Phong trúng cử, được bầu giữ chức Chủ tịch.",
    "Cuộc diễn tập khu vực phòng thủ đã kết thúc, dân quân chốt giữ cầu Đá Mài đạt loại giỏi.",
    "Thông báo truy nã: Hà Văn Sáu, thôn Nà Pục, đang lẩn trốn, có liên quan vụ cướp tài sản.",
    "Lễ hội đền Cô, tổ chức lúc 8 giờ ngày 12/3 tại thôn Đồng Quýt, có đoàn đại biểu tỉnh dự.",
    "Đoàn công tác của tỉnh đã về thăm, làm việc tại thôn Nà Pục sáng 20/11.",
])
def test_public_framing_cancels(text: str) -> None:
    """Drills and contests, disasters, arrests made, announced results, wanted notices,
    festivals and visits reported afterwards are public on purpose."""
    assert secrets(text) == []


def test_a_storm_title_frames_the_whole_bulletin() -> None:
    """Forces deployed against a storm are public: the title says what the bulletin is."""
    body = "Xã bố trí 30 dân quân chốt tại ngầm tràn Khe Cát từ 18 giờ hôm nay."
    assert secrets("Ứng phó bão số 4\n" + body) == []
    assert secrets("Kế hoạch tuần này\n" + body) != []


def test_reason_lists_the_detail_found() -> None:
    """A reviewer learns what made the subject a leak."""
    f = secrets("Số đạn của tổ dân quân để tại nhà ông Giàng A Sùng, thôn Sán Chải, gồm "
                "1.200 viên.")[0]
    assert "vũ khí" in f.reason and "số lượng" in f.reason and "địa điểm" in f.reason


@pytest.mark.parametrize("text", [
    "Lễ hội đình Vân Xá: 06 chiến sĩ mặc thường phục đi lẫn trong đoàn rước kiệu từ đình ra bến.",
    "Sau huấn luyện, tổ liên lạc với Đồn Biên phòng trên tần số 42,375 MHz.",
    "Đánh giá: ông trùm Tống Văn Khiêm thường xuyên lôi kéo giáo dân chống đối việc thu hồi đất.",
    "Không san lấp gò đất phía nam nhà ông Mười Tới vì đây là vị trí trận địa súng máy phòng "
    "không số 2.",
    "Đại đức Thạch Sóc Ry có quan hệ với người của tổ chức “Khmer Kampuchea Krom” ở nước ngoài.",
    "Đã xây dựng được 1 cơ sở bí mật trong nhóm nghe tuyên truyền ở bản Pờ Hồ, thường đi cùng "
    "nhóm mỗi tối thứ Sáu.",
    "Người hô hào là Thạch Thị Sa Rết, Nguyễn Văn Quý và Vi Thị Hằng, đều ở tổ may 7.",
    "Đề Toán 9 gồm 3 bài tự luận, bài 3 yêu cầu chứng minh tứ giác AEHF nội tiếp.",
    "Xã có thể chấp nhận thấp nhất 1,3 USD/m²/năm nếu nhà đầu tư tuyển 800 lao động.",
    "Đất rừng sản xuất sẽ tính 38.000 đồng/m², đất nương 52.000 đồng/m²; phương án này chưa "
    "trình UBND tỉnh.",
])
def test_meaning_a_festival_or_a_training_does_not_make_public(text: str) -> None:
    """Disguise in a festival crowd, a frequency after a training, a named instigator, a
    position by a person's house, ties to an organisation abroad: all block."""
    assert any(f.kind == "state_secret_topic" and f.severity == "block" for f in scan(text))


def test_a_level_in_brackets_is_a_stamp_a_list_of_levels_is_not() -> None:
    """"Kế hoạch kiểm tra (Mật)" quotes a secret document; "ba độ: Tuyệt mật, Tối mật và Mật"
    explains the law."""
    marks = [f for f in scan("Trích Kế hoạch kiểm tra (Mật) của Công an xã: đêm nay kiểm tra.")
             if f.kind == "classification_marking"]
    assert [m.text for m in marks] == ["Mật"]
    law = ("Bí mật nhà nước được phân thành ba độ: Tuyệt mật, Tối mật và Mật; tài liệu phải "
           "đóng dấu độ mật (“TUYỆT MẬT”, “TỐI MẬT”, “MẬT”).")
    assert not [f for f in scan(law) if f.kind == "classification_marking"]


def test_a_persons_diagnosis_said_after_an_opening_phrase() -> None:
    """"Cuối tháng 9, ông được … chẩn đoán ung thư gan": he is the man named just before."""
    text = ("Ông Danh Sà Phonl, 58 tuổi, ngụ ấp Trà Sóc, là ngư dân. Cuối tháng 9, ông được "
            "Bệnh viện Chợ Rẫy chẩn đoán ung thư gan giai đoạn cuối.")
    assert any(f.kind == "sensitive_personal" and "ung thư gan" in f.text for f in scan(text))
    campaign = ("Toàn xã có 23 người sử dụng ma túy. Đồng chí Trưởng Công an xã đề nghị mỗi gia "
                "đình ngăn chặn ma túy.")
    assert not [f for f in scan(campaign) if f.kind == "sensitive_personal"]


def test_a_persons_record_is_personal_data_not_a_price_secret() -> None:
    """A loan refused for a prison sentence and a debt: the person's record, found as such."""
    text = ("Riêng ông Kim Văn Hòa chưa được duyệt do ông từng chấp hành án 3 năm tù, và đang nợ "
            "quá hạn 46 triệu đồng tiền hỗ trợ.")
    kinds = {f.kind for f in scan(text)}
    assert "sensitive_personal" in kinds and "state_secret_topic" not in kinds


def test_a_phrase_and_its_sentences_detail_are_one_finding() -> None:
    """A topic phrase ("kho vũ khí") says what; the concept in its sentence adds how many and
    where: one finding covers both, with the phrase's closer reason; no words twice."""
    text = ("Theo số liệu Ban báo cáo đoàn, kho vũ khí của xã đặt tại phòng phía sau hội "
            "trường UBND, hiện quản lý 36 khẩu AK và 7.200 viên đạn các loại.")
    found = [f for f in secrets(text) if f.kind == "state_secret_topic"]
    assert len(found) == 1
    assert "kho vũ khí" in found[0].text and "7.200 viên đạn" in found[0].text
    assert "kho vũ khí" in found[0].reason
    text = ("Công an xã bố trí lực lượng gồm 12 đồng chí mật phục tại bến đò Vàng; đồng thời "
            "giao ông Đinh Văn Tú, thôn Cầu Trắng, bí mật báo tin hằng tuần.")
    found = sorted((f.start, f.end) for f in secrets(text))
    assert all(a[1] <= b[0] for a, b in zip(found, found[1:], strict=False))
    assert any(text.index("Đinh Văn Tú") in range(a, b) for a, b in found)


@pytest.mark.parametrize("text, marked", [
    ("TỐI MẬT – Bản số 03\nKế hoạch", "Bản số 03"),
    ("Bản số 02/04\nBáo cáo nhanh", "Bản số 02/04"),
    ("Tài liệu hội nghị (Không phổ biến)\nNội dung", "Không phổ biến"),
    ("KHÔNG PHỔ BIẾN\nTin nội bộ", "KHÔNG PHỔ BIẾN"),
])
def test_copy_number_and_restricted_stamps(text: str, marked: str) -> None:
    """The copy number and the restricted stamp of a secret document are markings."""
    assert any(f.kind == "classification_marking" and f.text == marked for f in scan(text))


@pytest.mark.parametrize("text", [
    "Bản tin số 12 của Đài truyền thanh xã phát lúc 17 giờ.",
    "Đề nghị các chi bộ không phổ biến rộng rãi khi chưa có kết luận.",
    "Bản số hóa của tài liệu được lưu tại thư viện xã.",
])
def test_copy_number_and_restricted_traps(text: str) -> None:
    """A bulletin's issue number and ordinary words stay clean."""
    assert not any(f.kind == "classification_marking" for f in scan(text))


@pytest.mark.parametrize("text, phrase, point", [
    ("Anh Vàng A Tủa, thôn Sà Phìn, đang điều trị bệnh phong tại Bệnh viện Da liễu.",
     "bệnh phong", "điểm b"),
    ("Bà Phạm Thị Én, 67 tuổi, bị sa sút trí tuệ, hay đi lạc.", "sa sút trí tuệ", "điểm b"),
    ("Ông Lò Văn Pản, Trưởng bản Nà Hừ, đang chạy thận tại bệnh viện tỉnh.", "chạy thận",
     "điểm b"),
    ("Anh Hoàng Văn Dũng, thôn Kẻ Sặt, có quan hệ ngoài hôn nhân với một phụ nữ trong xóm.",
     "quan hệ ngoài hôn nhân", "điểm e"),
    ("Chị Vi Thị Dịu, thôn Nà Pục, đang chấp hành án treo về tội đánh bạc.", "án treo",
     "điểm g"),
    ("Ông Đàm Văn Hợp, hội viên chi hội Cầu Trắng, có quan điểm ủng hộ đa đảng.", "đa đảng",
     "điểm a"),
])
def test_sensitive_data_of_a_named_person(text: str, phrase: str, point: str) -> None:
    """Diagnoses (ICD-10 names), sexual life, sentences, views of an identifiable person."""
    f = [x for x in scan(text) if x.kind == "sensitive_personal"]
    assert len(f) == 1 and phrase in f[0].text and f[0].severity == "block"
    assert f"Nghị định 13/2023/NĐ-CP, Điều 2 khoản 4 {point}" in f[0].reason


@pytest.mark.parametrize("text", [
    "Năm nay xã ghi nhận 4 ca mắc lao màng não và 2 ca phải chạy thận.",
    "Trạm Y tế khám sàng lọc ung thư vú miễn phí cho phụ nữ từ 40 tuổi.",
    "Người sa sút trí tuệ cần được gia đình quan tâm, đưa đi khám định kỳ.",
])
def test_statistics_and_campaigns_name_nobody(text: str) -> None:
    """Counts, screenings and advice are not data about a person."""
    assert not any(f.kind == "sensitive_personal" for f in scan(text))


def test_notices_published_on_purpose() -> None:
    """A wanted notice's birth year and charge are what the law has it publish: no finding;
    a health detail in it is still worth a second look (warn)."""
    text = ("THÔNG BÁO TRUY NÃ\nĐối tượng Sầm Văn Tính, sinh năm 1991, thôn Nà Pục, "
            "đã bị khởi tố về tội cướp tài sản. Đối tượng nhiễm HIV.")
    found = {f.kind: f for f in scan(text)}
    assert "date_of_birth" not in found
    assert found["sensitive_personal"].text == "nhiễm HIV"
    assert found["sensitive_personal"].severity == "warn"
    assert "công khai" in found["sensitive_personal"].reason
    plain = {f.kind for f in scan("Anh Sầm Văn Tính, sinh năm 1991, thôn Nà Pục, đã bị khởi "
                                  "tố về tội cướp tài sản.")}
    assert {"date_of_birth", "sensitive_personal"} <= plain


def test_a_phone_number_as_a_social_login_is_not_a_bank_account() -> None:
    """"Tài khoản Zalo … số 09…" is an account of a social network, found as a phone."""
    kinds = {f.kind for f in scan("Tài khoản Zalo của anh Cao Văn Lâm đăng ký bằng số "
                                  "0912 345 678 từ năm ngoái.")}
    assert "bank_account" not in kinds and "phone" in kinds


@pytest.mark.parametrize(("text", "number"), [
    # a watched account and the subscriber's number: "thuê bao" makes it a phone
    ("Công an xã theo dõi tài khoản này và số thuê bao 0915 663 208 của Tuấn.", "0915 663 208"),
    # "chủ tài khoản" names the holder; the contact's number comes after it
    ("Mọi đóng góp gửi về tài khoản 0121004783265 (Vietcombank), chủ tài khoản Kơ Să Ha Dân, "
     "hoặc liên hệ anh Dân số 0356 870 241.", "0356 870 241"),
])
def test_a_number_after_an_account_is_a_phone_when_said_so(text: str, number: str) -> None:
    found = {(f.kind, f.text) for f in scan(text)}
    assert ("phone", number) in found
    assert not any(kind == "bank_account" and text == number for kind, text in found)


def test_an_account_named_before_its_bank_with_an_amount_after() -> None:
    """"TK 1008… (VietinBank), 2.000.000 đ": the amount after the bank is money paid in."""
    text = ("2. Thạch Thị Sa Rương, ấp Sóc Tro, CCCD 084175004812, TK 100872331456 (VietinBank), "
            "2.000.000 đ.")
    found = {(f.kind, f.text) for f in scan(text)}
    assert ("bank_account", "100872331456") in found
    assert ("national_id", "084175004812") in found


def test_an_id_number_after_the_account_holder_is_no_account() -> None:
    text = ("Chuyển khoản vào tài khoản số 3521205118042 tại Agribank, chủ tài khoản Hoàng Văn "
            "Lực, CCCD 038078004512.")
    found = {(f.kind, f.text) for f in scan(text)}
    assert ("bank_account", "3521205118042") in found
    assert ("national_id", "038078004512") in found
    assert ("bank_account", "038078004512") not in found


def test_every_concept_cites_its_legal_basis() -> None:
    """Each concept's reason names the law; admin rules keep their own notes."""
    for concept in CONCEPTS:
        assert LAW in concept.reason(["place"]), concept.key
    f = Scanner().scan("Sở chỉ huy cơ bản đặt tại đồi Cháy, thôn Nà Pục.")
    assert f and all("(" in x.reason for x in f)


def test_a_free_mailbox_named_after_a_private_person_blocks() -> None:
    """An office word nearby does not make a person's own gmail an office address."""
    got = {f.text: f.severity for f in scan(
        "Gửi hồ sơ về hộp thư công vụ vanphong@laocai.gov.vn, nếu lỗi thì gửi hộp thư của "
        "chị Hoa: hoa.lt1990@gmail.com.") if f.kind == "email"}
    assert got == {"vanphong@laocai.gov.vn": "warn", "hoa.lt1990@gmail.com": "block"}


def test_a_header_line_carries_its_cue_into_the_list() -> None:
    """"…như sau:" then items: the concept in the header, the detail in the items."""
    text = ("Phân công lực lượng đêm 30 Tết như sau:\n"
            "- Tổ 1 (3 đồng chí): chốt tại ngã ba chợ Nà Bó từ 22 giờ.\n"
            "- Tổ 2: tuần tra khu vực đình làng Nà Lẹng.")
    found = secrets(text)
    assert len(found) == 1 and "ngã ba chợ Nà Bó" in found[0].text


def test_detail_far_into_a_long_sentence_counts() -> None:
    """A report's sentence may run on: the detail 250 letters after the cue still counts."""
    filler = "trong bối cảnh tình hình trên địa bàn có nhiều diễn biến cần được theo dõi, " * 3
    text = f"Tổ trinh sát của Công an xã {filler}sẽ có mặt tại bến đò Nà Hang lúc 23 giờ."
    found = secrets(text)
    assert len(found) == 1 and "bến đò Nà Hang" in found[0].text


def test_a_planned_operation_with_time_and_place_is_a_secret() -> None:
    """No trigger word: the police's plan, its hour and its target place are the secret;
    the same hour and place for a service to the public are not."""
    assert secrets("Rạng sáng thứ Ba, tổ công tác sẽ vào lán trại ở khe Pắc Ta, xóm Nà Cọ.")
    assert not secrets("Công an xã sẽ làm căn cước tại nhà văn hóa thôn Nà Bó lúc 7 giờ "
                       "thứ Ba, đề nghị bà con mang giấy tờ.")


@pytest.mark.parametrize("text", [
    "Gia đình chị Lò Thị Hoa, bản Nà Sản, có con trai bị bại não bẩm sinh.",
    "Anh Vi Văn Tâm, 38 tuổi, xóm Khuổi Nầm, phát hiện mắc ung thư phổi giai đoạn 3.",
    "Bà con giúp bà Nông Thị Mến, thôn Pác Bó, bị suy thận phải chạy thận ba lần mỗi tuần.",
    "Một phụ nữ ở thôn Đồng Tâm, 24 tuổi, vừa phá thai lần thứ hai.",
    "Ông Trịnh Văn Hùng, xóm 4, đang điều trị methadone tại cơ sở điều trị của tỉnh.",
    "Anh Lục Văn Khánh từng đi tù 5 năm về tội cướp giật, nay đã trở về địa phương.",
    "Bà Hoàng Thị Nga, thôn Hạ, đang nợ xấu ngân hàng hơn 200 triệu đồng.",
    "Bệnh nhân nam 45 tuổi ở thôn Tân Phú được chẩn đoán lao phổi.",
    "Chị Đinh Thị Lan bị ung thư, được cộng đồng quyên góp giúp đỡ.",
])
def test_icd10_conditions_of_a_person(text: str) -> None:
    """Diagnoses by ICD-10 chapter, records, debts of a named or located person are found."""
    assert any(f.kind == "sensitive_personal" and f.severity == "block" for f in scan(text))


@pytest.mark.parametrize("text", [
    "Trạm Y tế khám sàng lọc miễn phí ung thư vú, ung thư cổ tử cung cho phụ nữ từ 40 tuổi.",
    "Trạm Y tế cấp phát thuốc cho 35 bệnh nhân tâm thần phân liệt và động kinh trên địa bàn.",
    "Bác sĩ Nguyễn Văn An, Trạm trưởng, cho biết xã có 5 người đang điều trị lao.",
    "Phụ nữ mang thai cần khám thai định kỳ ít nhất 4 lần.",
    "Xã tổ chức lễ tưởng niệm các anh hùng liệt sĩ vào ngày 27/7.",
    "Cả người lớn lẫn trẻ em đều cần tiêm vắc xin sởi.",
])
def test_icd10_words_in_services_and_counts(text: str) -> None:
    """The same vocabulary in counts, screenings and advice names nobody."""
    assert not any(f.kind == "sensitive_personal" for f in scan(text))


def test_a_suspects_drug_use_inside_a_security_secret_is_part_of_it() -> None:
    """Drug use said of suspects in a security secret is reported once, as the secret."""
    kinds = {f.kind for f in scan(
        "Công an xã xác định 02 đối tượng trọng điểm sử dụng ma túy tại xóm Bãi là Ngô Văn "
        "Sáu và Đào Văn Bốn.")}
    assert kinds == {"state_secret_topic"}


@pytest.mark.parametrize("text", [
    "Đội trinh sát ngầm sẽ cải trang thành người bán hàng rong tại chợ Phiêng Luông từ 6 giờ "
    "sáng thứ Năm.",
    "Sở chỉ huy dự bị của xã đặt tại hang Pác Cáy, cách trung tâm xã 3 km.",
    "Tần số chính 43.250 MHz, tần số dự bị 44.100 MHz dùng cho liên lạc của dân quân.",
    "Đối tượng sưu tra Hà Văn Bằng, bản Co Lóng, đang được xác minh việc móc nối với tổ chức "
    "bên ngoài.",
])
def test_catalogue_vocabulary(text: str) -> None:
    """The catalogues' words as staff write them (sưu tra, SCH dự bị, tần số dự bị …)."""
    assert any(f.kind == "state_secret_topic" for f in scan(text))


@pytest.mark.parametrize("text", [
    "Đoàn kiểm tra liên ngành đã kiểm tra 30 cơ sở kinh doanh, phát hiện 4 cơ sở vi phạm.",
    "Xã có 4 cộng tác viên dân số tại các thôn Đồng Sấu, Gò Mít, Tân Hòa và Phú Cường.",
    "Trong đợt mưa lũ, 3 tiểu đội dân quân cơ động đã giúp 40 hộ thôn Bản Chang sơ tán.",
])
def test_catalogue_words_in_public_life(text: str) -> None:
    """Generic words (cơ sở, cộng tác viên, vi phạm) are not cues."""
    assert not any(f.kind == "state_secret_topic" for f in scan(text))


def test_a_fraud_warning_publishes_the_scammers_numbers() -> None:
    """The police quote the scammers' numbers and accounts so that nobody answers them; a
    victim's account, or a named suspect's number, in the same kind of notice stays."""
    warning = ("CẢNH BÁO: Giả danh Công an gọi điện\nNhiều người dân nhận cuộc gọi từ các số "
               "0856 412 739 và 0789 661 025, đối tượng xưng là cán bộ Công an tỉnh. Các tài "
               "khoản nhận tiền mà đối tượng sử dụng gồm: 19036658221017 (Techcombank). Phát "
               "hiện dấu hiệu lừa đảo, báo ngay số 113.")
    assert not {f.kind for f in scan(warning)} & {"phone", "bank_account"}
    victim = ("Cảnh giác lừa đảo\nBà Trần Thị Diễm đã chuyển 210 triệu đồng từ tài khoản "
              "0451000397662 (Vietcombank) của mình sang tài khoản do đối tượng chỉ định.")
    assert ("bank_account", "0451000397662") in {(f.kind, f.text) for f in scan(victim)}
    suspect = ("Vụ lừa đảo qua mạng\nCông an xã đề nghị giám sát thuê bao 0983 452 117 của ông "
               "Lò Văn Phúc, đối tượng nghi cung cấp thông tin.")
    assert ("phone", "0983 452 117") in {(f.kind, f.text) for f in scan(suspect)}

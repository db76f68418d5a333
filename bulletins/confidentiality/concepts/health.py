"""Sensitive personal data (Nghị định 356/2025/NĐ-CP, Điều 4; before 2026 Nghị định
13/2023/NĐ-CP, Điều 2 khoản 4), beyond the phrases the scanner knew first (phrases.SENSITIVE).
Each phrase is reported only when the sentence names or locates a person (personal.sensitive);
"strong" phrases are reported even among campaign words.

Diagnoses follow the chapters of the Ministry of Health's Vietnamese ICD-10: Quyết định
4469/QĐ-BYT ngày 28/10/2020 ban hành "Bảng phân loại quốc tế mã hóa bệnh tật, nguyên nhân tử
vong ICD-10" và "Hướng dẫn mã hóa bệnh tật theo ICD-10" (summary read December 2026 at
https://hoatieu.vn/quyet-dinh-4469-qd-byt-2020-phan-loai-quoc-te-ma-hoa-benh-tat-nguyen-nhan-tu-vong-icd-10-204000
; Bộ Y tế, "Hướng dẫn sử dụng Bảng phân loại thống kê quốc tế về bệnh tật … ICD-10", 2015):
infections (I, A00-B99), neoplasms (II, C00-D48), blood (III), endocrine (IV), mental and
behavioural disorders (V, F00-F99), the nervous system (VI), eye and ear (VII, VIII),
circulation (IX), respiration (X), digestion (XI), kidneys (XIV), pregnancy (XV, O00-O99),
congenital malformations (XVII), injuries and poisoning (XIX). The names are those the
Vietnamese ICD-10 and hospitals use, with the plain words a commune writer uses for them.

A phrase is "strong" when it names a diagnosis, a treatment or a record that no campaign
sentence says of a person by accident; a "weak" one (a common disease, pregnancy, a
disability) counts only outside campaign wording, or right after a verb that ties it to the
person (personal.PREDICATE: "bị", "mắc", "chẩn đoán", "đang điều trị" …).
"""

from __future__ import annotations

import re

from bulletins.confidentiality import phrases as R


def _all(category: str, strong: bool, phrases: str) -> dict[str, tuple[str, bool]]:
    """The |-separated phrases, each with its category and strength."""
    return {p.strip(): (category, strong) for p in phrases.split("|")}


MORE_SENSITIVE: dict[str, tuple[str, bool]] = {
    # II neoplasms (C00-D48): cancer by site, leukaemia, lymphoma, and their treatment
    **_all("health", True, "|".join(f"ung thư {site}" for site in (
        "vú|gan|phổi|dạ dày|máu|cổ tử cung|tử cung|vòm họng|vòm|đại tràng|trực tràng"
        "|đại trực tràng|tuyến giáp|thực quản|tụy|tuỵ|xương|tuyến tiền liệt|buồng trứng|não"
        "|thận|bàng quang|da|lưỡi|thanh quản|hạch|tinh hoàn|túi mật|đường mật|ruột|mũi họng"
        "|hạ họng|amidan|khoang miệng|nội mạc tử cung|biểu mô|di căn|giai đoạn|giai đoạn cuối"
        "|tái phát").split("|"))),
    **_all("health", True, "u ác|u ác tính|khối u ác tính|bạch cầu cấp|bạch cầu mạn|bệnh bạch cầu"
                           "|ung thư bạch cầu|lơ-xê-mi|leukemia|u lympho|ung thư hạch|u não"
                           "|đa u tủy|u tủy|sarcoma|di căn|truyền hóa chất|điều trị hóa chất"
                           "|hóa trị|hoá trị|xạ trị|điều trị đích|ghép tủy"
                           "|điều trị ung bướu|bệnh ung thư|căn bệnh ung thư"
                           "|mắc ung thư|bị ung thư|điều trị ung thư"),
    **_all("health", False, "bệnh viện ung bướu|khoa ung bướu|bệnh viện tâm thần"
                            "|test dương tính|xét nghiệm dương tính|nhóm máu"
                            "|u xơ tử cung|u nang buồng trứng|u tuyến giáp|khối u|u bướu"),
    # I infections (A00-B99): HIV and its treatment, tuberculosis, hepatitis, sexually
    # transmitted infections, leprosy
    **_all("health", True, "điều trị arv|thuốc arv|uống arv|phơi nhiễm hiv|hiv dương tính"
                           "|có h|nhiễm h|nhiễm hiv/aids|giai đoạn aids|chuyển sang aids"
                           "|điều trị prep|lao màng não|lao hạch|lao xương|lao cột sống"
                           "|lao kháng thuốc|lao đa kháng|lao phổi afb|afb dương tính"
                           "|điều trị lao|thuốc lao|mắc lao|bị lao|viêm gan c|viêm gan virus b"
                           "|viêm gan virus c|viêm gan siêu vi|viêm gan b mạn|bệnh phong"
                           "|bệnh hủi|sùi mào gà|bệnh lậu|mắc lậu|bị lậu|bệnh giang mai"
                           "|bệnh hoa liễu|bệnh xã hội|bệnh lây truyền qua đường tình dục"
                           "|mụn rộp sinh dục|herpes sinh dục|nhiễm sán não"),
    **_all("health", False, "arv|xơ gan|suy gan|sốt rét|thủy đậu|thuỷ đậu|bệnh sởi|sởi"
                            "|quai bị|ho gà|bạch hầu|uốn ván|viêm màng não|viêm não"
                            "|liên cầu lợn|whitmore|cúm a|viêm gan|bệnh truyền nhiễm"),
    # III blood, IV endocrine
    **_all("health", True, "thalassemia|tan máu bẩm sinh|máu khó đông|hemophilia|suy tủy"
                           "|suy tuỷ|thiếu máu bất sản|tiêm insulin|biến chứng tiểu đường"),
    **_all("health", False, "bướu cổ|basedow|suy giáp|cường giáp|bệnh gút|gout|béo phì"),
    # V mental and behavioural disorders (F00-F99)
    **_all("health", True, "tâm thần phân liệt|rối loạn tâm thần|rối loạn lưỡng cực"
                           "|rối loạn lo âu|rối loạn trầm cảm|trầm cảm nặng|trầm cảm sau sinh"
                           "|hoang tưởng|ảo giác|sa sút trí tuệ|mất trí nhớ|alzheimer|tự kỷ"
                           "|rối loạn phổ tự kỷ|tăng động giảm chú ý|rối loạn tăng động|adhd"
                           "|chậm phát triển trí tuệ|chậm phát triển tâm thần|thiểu năng trí tuệ"
                           "|khuyết tật trí tuệ|khuyết tật tâm thần|hội chứng down|loạn thần"
                           "|nghiện rượu|rối loạn hành vi|rối loạn nhân cách|rối loạn cảm xúc"
                           "|rối loạn ăn uống|ám ảnh cưỡng chế|rối loạn stress sau sang chấn"
                           "|bệnh tâm thần|bị tâm thần|tâm thần kinh"
                           "|điều trị tâm thần|thuốc an thần|tự tử|tự sát|ý định tự tử"
                           "|tự ý bỏ thuốc|bỏ uống thuốc|ngừng uống thuốc|tự ý ngừng thuốc"
                           "|có ý định tự sát|tự làm hại bản thân|tự hại|lên cơn"),
    **_all("health", False, "chậm phát triển|chậm nói|mất ngủ kéo dài|rối loạn giấc ngủ"
                            "|nghiện game|suy nhược thần kinh"),
    # VI nervous system, IX circulation, X respiration, XIV kidneys, organ transplants
    **_all("health", True, "parkinson|bại não|liệt nửa người|liệt hai chân|liệt tứ chi"
                           "|liệt toàn thân"
                           "|teo cơ|loạn dưỡng cơ|nhược cơ|xơ cứng|tai biến mạch máu não"
                           "|nhồi máu não|xuất huyết não|xuất huyết não|đột quỵ não|nhồi máu cơ tim"
                           "|suy tim|tim bẩm sinh|bệnh tim bẩm sinh|hẹp van tim|hở van tim"
                           "|thông liên thất|thông liên nhĩ|đặt stent|mổ tim|thay van tim"
                           "|bệnh phổi tắc nghẽn|copd|suy hô hấp|suy thận|suy thận mạn"
                           "|chạy thận|chạy thận nhân tạo|lọc máu|ghép thận|ghép gan|ghép tim"
                           "|xơ gan cổ trướng|hôn mê|sống thực vật|bị động kinh|lên cơn động kinh"),
    **_all("health", False, "tai biến|tiểu đường|đái tháo đường|tăng huyết áp|cao huyết áp"
                            "|huyết áp cao|bại liệt|khiếm thị|khiếm thính|câm điếc|bị câm"
                            "|bị điếc|bị mù|mù hai mắt|mù lòa|bị lẫn|bị thần kinh|bị liệt"
                            "|bệnh hiểm nghèo|bệnh nặng|hen phế quản|bệnh hen|viêm phổi"
                            "|bệnh tim|bệnh thận|sỏi thận|viêm khớp|thoái hóa cột sống"
                            "|gai cột sống|thoát vị đĩa đệm|đục thủy tinh thể|glôcôm|tăng nhãn áp"),
    # XIX injuries and poisoning, XVII congenital malformations, disability
    **_all("health", True, "chấn thương sọ não|gãy xương|gãy chân|gãy tay|gãy cột sống"
                           "|gãy xương đùi|gãy xương sườn|gãy xương chậu|gãy cổ xương đùi"
                           "|chấn thương cột sống|chấn thương nặng|đa chấn thương|dập lách"
                           "|vỡ lách|vỡ gan|bỏng nặng|bỏng độ|bị bỏng|cắt cụt|bị cụt"
                           "|tháo khớp|mất một chân|mất một tay|mất thị lực|dị tật bẩm sinh"
                           "|hở hàm ếch|sứt môi|não úng thủy|não úng thuỷ|nhiễm chất độc da cam"
                           "|di chứng chất độc hóa học|ngộ độc thuốc|tự uống thuốc"
                           "|uống thuốc trừ sâu"
                           "|khuyết tật nặng|khuyết tật đặc biệt nặng|khuyết tật vận động"
                           "|khuyết tật nghe nói|khuyết tật nhìn|mất khả năng lao động"
                           "|suy giảm khả năng lao động|thương tật|cụt 1 chân|cụt một chân"
                           "|cụt chân|cụt 1 tay|cụt một tay|cụt tay"),
    **_all("health", False, "ngộ độc|bị chó cắn|dị tật|tàn tật|suy dinh dưỡng|dập nát"),
    # XV pregnancy, childbirth; reproductive health (O00-O99, N97)
    **_all("health", True, "nạo hút thai|phá thai|nạo phá thai|đình chỉ thai|bỏ thai"
                           "|thai ngoài tử cung"
                           "|sảy thai|thai chết lưu|vô sinh|hiếm muộn|thụ tinh ống nghiệm"
                           "|thụ tinh trong ống nghiệm|làm ivf|mang thai ngoài ý muốn"
                           "|có thai ngoài ý muốn|mang thai khi|có thai khi|mang thai ở tuổi"
                           "|làm mẹ tuổi vị thành niên|sinh con ở tuổi"),
    **_all("health", False, "mang thai|có thai|mang bầu|có bầu|sinh non|sinh mổ|đẻ non"),
    # drug dependence and its treatment
    **_all("drug", True, "cai tại gia đình|methadone|methadon|mét-ta-đôn|điều trị thay thế"
                         "|thuốc thay thế"
                         "|cai nghiện bắt buộc|cai nghiện tự nguyện|cai nghiện tại gia đình"
                         "|cai nghiện tại cộng đồng|điều trị nghiện|sử dụng ma túy"
                         "|sử dụng trái phép chất ma túy|nghiện heroin|nghiện ma tuý"
                         "|dương tính với chất ma túy"
                         "|cơ sở cai nghiện|trung tâm cai nghiện|sau cai nghiện|tái nghiện"
                         "|người sử dụng ma túy|nghiện ma túy tổng hợp|sử dụng heroin"
                         "|tái sử dụng heroin|hút heroin|chích heroin|sử dụng ma túy đá"
                         "|hút ma túy|hút thuốc phiện|nghiện thuốc phiện|sử dụng hồng phiến"),
    # g: offences and sentences recorded by the authorities
    **_all("crime", True, "án treo|chấp hành án|chấp hành án treo|cải tạo không giam giữ"
                          "|mãn hạn tù|ra tù|bị kết án|từng bị kết án|từng bị bắt"
                          "|bị xử phạt hành chính|án tích|tái phạm|từng đi tù|bị truy tố"
                          "|chấp hành xong án phạt tù|chấp hành xong hình phạt|đi tù|ngồi tù"
                          "|thụ án|đang thụ án|bị phạt tù|từng bị phạt tù"
                          "|quản chế|đang bị quản chế|giáo dục tại xã|giáo dục tại xã, phường"
                          "|biện pháp giáo dục tại xã|trường giáo dưỡng|cơ sở giáo dục bắt buộc"
                          "|đưa vào trường giáo dưỡng|bị tạm giữ hình sự|bị bắt tạm giam"
                          "|bị xử lý hình sự|từng có tiền án|trại giam|trại cải tạo"
                          "|đặc xá tha tù|được đặc xá|tha tù trước thời hạn|hoàn lương"
                          "|tái hòa nhập cộng đồng sau|người chấp hành xong án|chấp hành xong án"
                          "|chấp hành xong bản án|năm tù|tháng tù"),
    # a: political and religious views of a person
    **_all("views", True, "quan điểm chống đối|chống đối chế độ|ủng hộ đa đảng|đa đảng"
                          "|tẩy chay bầu cử|kêu gọi tẩy chay|theo đạo|đi lễ nhà thờ"
                          "|quan điểm sai trái|bất mãn với chế độ|là tín đồ|cải đạo|bỏ đạo"
                          "|phản đối chính quyền|chống chính quyền|đăng bài chống|chống nhà nước"
                          "|chống chế độ|chống phá nhà nước|trang chống|quan điểm chống"
                          "|đòi tự trị|vương quốc mông|nhà nước mông|ủng hộ quan điểm"
                          "|ký tên ủng hộ|ký tên vào thư|ký thư gửi|tổ chức nhân quyền"
                          "|chê bai chính quyền|nói xấu chính quyền|bôi nhọ chính quyền"
                          "|chỉ trích chính quyền"
                          "|đăng bài xuyên tạc|bài viết chống|tín đồ đạo|theo đạo tin lành"
                          "|theo đạo công giáo|theo công giáo|theo tin lành|theo đạo phật"
                          "|theo phật giáo|theo đạo cao đài|theo đạo hòa hảo|theo đạo lạ"
                          "|theo tà đạo|pháp luân công|hà mòn|dương văn mình"
                          "|quan điểm chính trị|bất đồng chính kiến|tư tưởng chống đối"
                          "|phát ngôn chống|chia sẻ bài viết xuyên tạc|đăng tải nội dung xuyên tạc"
                          "|tham gia tổ chức phản động|không theo tôn giáo nào"
                          "|dân chủ ở nước ngoài|nghe đài nước ngoài|việt tân"
                          "|sinh hoạt tin lành|hội thánh đức chúa trời"),
    # e: sexual life
    **_all("sexual", True, "quan hệ ngoài hôn nhân|ngoại tình|quan hệ ngoài luồng|có bồ"
                           "|quan hệ tình cảm ngoài hôn nhân|tình cảm ngoài hôn nhân"
                           "|quan hệ tình cảm với"
                           "|đồng tính|đồng giới|chuyển giới|xu hướng tính dục|xâm hại tình dục"
                           "|bị hiếp dâm|mại dâm|bán dâm|mua dâm|bị xâm hại|bị dâm ô"
                           "|bị cưỡng hiếp|quan hệ tình dục|quan hệ bất chính|lgbt|song tính"
                           "|đồng tính nam|đồng tính nữ|bản dạng giới|con ngoài giá thú"
                           "|có con riêng|sống chung như vợ chồng|chung sống như vợ chồng"
                           "|nhân tình|người tình"
                           "|bị quấy rối tình dục|bị sàm sỡ|giao cấu|bị giao cấu"),
    # h: a person's debts and finances with credit institutions
    **_all("finance", True, "nợ xấu|nợ quá hạn|vỡ nợ|nợ tín dụng đen|bị ngân hàng khởi kiện"
                            "|vay nặng lãi|vay tín dụng đen|nợ ngân hàng|nợ nần|mất khả năng trả nợ"
                            "|khoản vay quá hạn|bị siết nợ|bị đòi nợ|nợ lãi|chưa trả nợ|nợ gốc"),
    **_all("finance", False, "tài sản thế chấp|phát mại tài sản|siết nhà|thế chấp sổ đỏ"),
    # "nợ" and "quá hạn" with a sum only (DEBT_KEYS)
    **_all("finance", False, "nợ tiền|thu nhập hằng tháng|dư nợ|sổ tiết kiệm|nợ|quá hạn"
                             "|vay ngoài|vay nóng"),
    # đ: biometric and genetic data of a person
    **_all("biometric", True, "xét nghiệm adn|giám định adn|kết quả adn|dấu vân tay|vân tay"
                              "|mống mắt|nhận dạng khuôn mặt|bệnh di truyền"
                              "|gen di truyền|xét nghiệm gen|mẫu adn|giám định gen"),
    # i: where a person can be found day by day
    **_all("location", True, "tối thường ở|thường ngồi ở|hằng ngày đi làm|lịch sinh hoạt"
                             "|quy luật đi lại|quy luật sinh hoạt|thường có mặt tại"
                             "|thường xuyên lui tới|hay lui tới|thường lui tới"
                             "|thường về nhà|định vị điện thoại|vị trí điện thoại"
                             "|định vị số điện thoại|định vị thuê bao|định vị số máy"
                             "|phòng trọ số|khu trọ số|dãy trọ số|nhà trọ số|ứng dụng định vị"
                             "|cài định vị"),
}

# the verbs that tie a condition to the person before it ("bà Xuân bị ung thư")
PREDICATE = re.compile(r"(?:\bbị|\bmắc|mắc bệnh|\bnhiễm|chẩn đoán(?: là| mắc| bị)?|điều trị"
                       r"|điều trị tại|phát hiện|tiền sử|bệnh|căn bệnh|vì|do|nhập viện vì"
                       r"|từng|đang)\s+$")
# someone unnamed but identifiable: "một phụ nữ ở thôn Gò Mít", "bé trai 5 tuổi", "bệnh nhân nam
# 45 tuổi", "số nhà 12" — not "12 bệnh nhân", "các sản phụ", "Hội Phụ nữ thôn", "phụ nữ từ 40
# tuổi" (counts, groups and age ranges are aggregates)
_ONE = re.compile(r"\b(?:cháu bé|bé trai|bé gái|cụ ông|cụ bà|một (?:phụ nữ|người đàn ông"
                  r"|người phụ nữ|nam thanh niên|nữ thanh niên|thanh niên|học sinh|em học sinh"
                  r"|nữ sinh|nam sinh"
                  r"|thiếu niên|thiếu nữ|sản phụ|thai phụ|bệnh nhân|người bệnh|cụ|hộ gia đình)"
                  r"|(?:bệnh nhân|người bệnh|sản phụ|thai phụ) (?:nam|nữ)\b)")
_WHERE = re.compile(r"\b(?:thôn|xóm|bản|ấp|làng|tổ dân phố|khu phố|lớp)\s+\w"
                    r"|(?<!từ )(?<!trên )(?<!dưới )(?<!đến )(?<!đủ )\b\d{1,3}\s*tuổi")
_HOUSE = re.compile(r"\b(?:số nhà|nhà số)\s*\d")
# a relative of an office holder or of someone just spoken of: "vợ của anh trưởng ban công tác
# Mặt trận thôn Nà Mòn", "anh rể cán bộ văn hóa xã", "cậu con út của thầy"
_KIN = rf"\b(?:{R.KIN_WORDS})\b"
_RELATIVE = re.compile(_KIN + r"(?:[^.;\n]{0,25}?\b(?:trưởng thôn|trưởng bản|trưởng ấp|bí thư"
                       r"|chủ tịch|hiệu trưởng|trưởng ban|trưởng công an|chỉ huy trưởng|cán bộ"
                       r"|công chức|trạm trưởng|hiệu phó|kế toán|chủ nhiệm|trưởng trạm)\b"
                       r"|[^.;\n]{0,12}?\bcủa\s+(?:thầy|cô|ông|bà|anh|chị|chú|bác)\b)")
_OFFICE_HINTS = ("trưởng", "bí thư", "chủ tịch", "cán bộ", "công chức", "kế toán", "chủ nhiệm",
                 "hiệu phó", "của thầy", "của cô", "của ông", "của bà", "của anh", "của chị",
                 "của chú", "của bác")
# PREDICATE's words, which need no word boundary before them and which do (\b)
_PRED_WORDS = ("mắc bệnh", "chẩn đoán", "chẩn đoán là", "chẩn đoán mắc", "chẩn đoán bị",
               "điều trị", "điều trị tại", "phát hiện", "tiền sử", "bệnh", "căn bệnh", "vì",
               "do", "nhập viện vì", "từng", "đang")
_PRED_BOUNDED = ("bị", "mắc", "nhiễm")
# a word each of _ONE's forms holds: without one, the sentence names no unnamed person
_ONE_HINTS = ("bé", "cụ", "một", "bệnh", "phụ")


def predicate(low: str, lo: int, s: int) -> bool:
    """PREDICATE.search(low, lo, s) is not None, without a regex: the words before s, after
    the spaces that end at s and not before lo, end with one of PREDICATE's words."""
    j = s
    while j > lo and low[j - 1].isspace():
        j -= 1
    if j == s:
        return False
    if low.endswith(_PRED_WORDS, lo, j):
        return True
    for word in _PRED_BOUNDED:
        if low.endswith(word, lo, j):
            i = j - len(word)  # \b reads the letter before lo too
            return i == 0 or not (low[i - 1].isalnum() or low[i - 1] == "_")
    return False


def located(low: str, a: int, b: int) -> bool:
    """True when the sentence [a, b) of the lower-cased text points at one unnamed person: by a
    house number, as a relative of an office holder, or as one person of a place or age."""
    if low.find("nhà", a, b) >= 0 and _HOUSE.search(low, a, b):
        return True
    if any(low.find(hint, a, b) >= 0 for hint in _OFFICE_HINTS) and _RELATIVE.search(low, a, b):
        return True
    if not any(low.find(hint, a, b) >= 0 for hint in _ONE_HINTS):
        return False
    return _ONE.search(low, a, b) is not None and _WHERE.search(low, a, b) is not None


# "nợ quá hạn chiếm 0,8%": a share of a lender's book, nobody's debt
_SHARE = re.compile(r"\s*(?:chiếm|là|ở mức)?\s*(?:tỷ lệ\s*)?\d+(?:[.,]\d+)?\s*%")
# "người chấp hành xong án phạt tù" as a group (a loan scheme's, a programme's): a person's
# record only with its term or its offence
_SERVED = ("người chấp hành xong án", "chấp hành xong án phạt tù", "chấp hành xong án",
           "phạt tù")
_SERVED_DETAIL = re.compile(r"[^.;\n]{0,25}?(?:\d+\s*(?:năm|tháng)|về tội|tội\b)")


def nobodys(low: str, key: str, category: str, s: int, e: int) -> bool:
    """True when the phrase key at [s, e) speaks of a group or a book, not of a person: a
    lender's share of bad debts, "người chấp hành xong án" as a scheme's beneficiaries."""
    if category == "finance":
        return _SHARE.match(low, e) is not None
    return category == "crime" and key in _SERVED and not _SERVED_DETAIL.match(low, e) and (
        key.startswith("người") or low.endswith("người ", 0, s)
        or low.endswith("người chấp hành xong án ", 0, s))


# a debt is a person's record when its sum is said: "bà Kiều nợ 25 triệu đồng", "ông Mạnh, dư nợ
# 48 triệu đồng, quá hạn 14 tháng" (Nghị định 356/2025/NĐ-CP, Điều 4: thông tin tín dụng)
DEBT_KEYS = ("nợ", "quá hạn", "vay ngoài", "vay nóng")
_SUM = r"(?:\d[\d.,]*\s*(?:triệu|tỷ)(?:\s*đồng)?|\d{1,3}(?:[.,]\d{3}){2,}\s*(?:đồng|đ\b))"
_DEBT_SUM = re.compile(r"[^\n;.,]{0,40}?" + _SUM)  # "nợ 5 ứng dụng … tổng cộng 87 triệu"
_SUM_BEFORE = re.compile(_SUM + r"\s*,?\s*$")
_DELAY = re.compile(r"\s*(?:hơn\s*)?\d+\s*(?:tháng|năm|ngày)")  # "quá hạn 14 tháng"
_OWED = re.compile(r"\b(?:nợ|vay)\b")


def debt_span(low: str, key: str, a: int, s: int, e: int) -> tuple[int, int] | None:
    """The span of a debt whose key is at [s, e) in a sentence starting at a: the key with the
    sum after it, or the sum before a delay ("30 triệu, quá hạn"), or the delay after a loan
    said before ("vay ngoài …, đã quá hạn 7 tháng"); None when no sum or delay is said."""
    m = _DEBT_SUM.match(low, e) if key != "quá hạn" else None
    before = _SUM_BEFORE.search(low, max(0, s - 30), s) if m is None else None
    delay = _DELAY.match(low, e) if key == "quá hạn" else None
    if m is None and before is None and not (delay and _OWED.search(low, a, s)):
        return None
    return (before.start() if before else s), ((m or delay).end() if m or delay else e)

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
person (whose.PREDICATE: "bị", "mắc", "chẩn đoán", "đang điều trị" …).
"""

from __future__ import annotations


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
    # the same, as doctors and staff abbreviate them: "K vú", "UT phổi", "nghi UT cổ tử cung"
    **_all("health", True, "|".join(f"{abbr} {site}" for abbr in ("k", "ut") for site in (
        "vú|gan|phổi|dạ dày|máu|cổ tử cung|vòm họng|đại tràng|trực tràng|tuyến giáp|thực quản"
        "|tụy|xương|tuyến tiền liệt|buồng trứng|não|thận|bàng quang|lưỡi|thanh quản"
        "|tử cung|vòm|hạch").split("|"))),
    **_all("health", True, "nghi ung thư|tế bào học bất thường|tế bào ác tính"
                           "|lupus|lupus ban đỏ|cấy ốc tai|cấy điện cực ốc tai|i-131"
                           "|iốt phóng xạ|i-ốt phóng xạ|điều trị giảm đau bằng morphin|morphin"
                           "|chăm sóc giảm nhẹ|hbsag dương tính|hbsag (+)|men gan tăng"
                           "|tải lượng virus|tải lượng vi rút|cd4"),
    # laboratory results (chapter R of ICD-10: abnormal findings), reported of a named person
    **_all("health", False, "hbsag|hba1c|đường huyết|sinh thiết|kết quả sinh thiết"
                            "|thuốc kháng virus|thuốc kháng vi rút|giám định y khoa"
                            "|giám định suy giảm|tỷ lệ thương tật"),
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
                           "|có h|nhiễm h|bị \"h\"|bị “h”|nhiễm \"h\"|nhiễm hiv/aids"
                           "|giai đoạn aids|chuyển sang aids|lao màng phổi"
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
                           "|có ý định tự sát|tự làm hại bản thân|tự hại|lên cơn|tự vẫn"
                           "|ý định tự vẫn|có ý định nhảy|định nhảy cầu|định nhảy sông"),
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
                         "|hút ma túy|hút thuốc phiện|nghiện thuốc phiện|sử dụng hồng phiến"
                         "|quản lý sau cai|xét nghiệm chất ma túy|xét nghiệm ma túy"),
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
                          "|chấp hành xong bản án|năm tù|tháng tù"
                          # criminal proceedings against a person (Bộ luật Tố tụng hình sự
                          # 2015: khởi tố bị can, Điều 179; cấm đi khỏi nơi cư trú, Điều 123)
                          "|truy cứu trách nhiệm hình sự|bị truy cứu|cấm đi khỏi nơi cư trú"
                          "|đang bị khởi tố|bị khởi tố bị can"),
    # a driver's breath or blood alcohol, measured and written down by the traffic police
    # (Nghị định 168/2024/NĐ-CP, Điều 6: the levels fined): an administrative violation
    **_all("crime", False, "nồng độ cồn"),
    # what a victim of violence at home suffered (basis.SENSITIVE_REASON["violence"])
    **_all("violence", True, "dọa giết|bị chồng đánh|bị chồng đánh đập|đánh đập vợ|bị bạo hành"
                             "|bạo hành con|bị cha dượng|bị bố dượng|bị dượng đánh"),
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
                          "|sinh hoạt tin lành|hội thánh đức chúa trời|xin ra khỏi đảng"),
    **_all("views", False, "trang phản động|bài viết phản động|bài phản động"),
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
                            "|mất khả năng chi trả|cầm sổ đỏ|cầm cố sổ đỏ|cầm cố căn nhà"
                            "|khoản vay quá hạn|bị siết nợ|bị đòi nợ|nợ lãi|chưa trả nợ|nợ gốc"),
    **_all("finance", False, "tài sản thế chấp|phát mại tài sản|siết nhà|thế chấp sổ đỏ"
                             # a customer's deposits at a credit institution
                             "|khoản tiết kiệm|số dư tài khoản|số dư tiết kiệm"
                             "|tiền gửi tiết kiệm|gửi tiết kiệm"),
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
                             "|cài định vị|dữ liệu định vị|định vị zalo"
                             # where a victim hides from the one who hurt her
                             "|đang tạm lánh|tạm lánh tại|tạm lánh ở"),
}

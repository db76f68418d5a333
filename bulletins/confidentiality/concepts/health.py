"""Sensitive personal data (Nghị định 13/2023/NĐ-CP, Điều 2 khoản 4), beyond the phrases the
scanner knew first (phrases.SENSITIVE). Each phrase is reported only when the sentence names or
locates a person (personal.sensitive); "strong" phrases are reported even among campaign words.

Diagnoses follow the chapters of the Ministry of Health's Vietnamese ICD-10 (Bảng phân loại
quốc tế bệnh tật ICD-10; hướng dẫn mã hóa của Bộ Y tế — verify the decision number before
citing it): neoplasms (II), infections (I), mental and behavioural disorders (V), the nervous
system (VI), circulation (IX), endocrine (IV), kidneys (XIV), pregnancy (XV), injuries (XIX).
"""

from __future__ import annotations


def _all(category: str, strong: bool, phrases: str) -> dict[str, tuple[str, bool]]:
    """The |-separated phrases, each with its category and strength."""
    return {p.strip(): (category, strong) for p in phrases.split("|")}


MORE_SENSITIVE: dict[str, tuple[str, bool]] = {
    # II neoplasms, and their treatment
    **_all("health", True, "ung thư vú|ung thư gan|ung thư phổi|ung thư dạ dày|ung thư máu"
                           "|ung thư cổ tử cung|ung thư vòm họng|ung thư đại tràng"
                           "|ung thư trực tràng|ung thư tuyến giáp|ung thư thực quản"
                           "|ung thư tụy|ung thư xương|ung thư tuyến tiền liệt"
                           "|ung thư buồng trứng|ung thư não|u ác tính|bạch cầu cấp"
                           "|bệnh bạch cầu|u lympho|u não|đa u tủy|truyền hóa chất"
                           "|điều trị hóa chất|hóa trị|xạ trị"),
    # I infections
    **_all("health", True, "điều trị arv|thuốc arv|phơi nhiễm hiv|lao màng não|lao hạch"
                           "|lao xương|viêm gan c|bệnh phong|sùi mào gà|bệnh lậu"),
    **_all("health", False, "arv|xơ gan|suy gan"),
    # V mental and behavioural disorders
    **_all("health", True, "tâm thần phân liệt|rối loạn tâm thần|rối loạn lưỡng cực"
                           "|rối loạn lo âu|hoang tưởng|sa sút trí tuệ|alzheimer|tự kỷ"
                           "|rối loạn phổ tự kỷ|tăng động giảm chú ý|chậm phát triển trí tuệ"
                           "|thiểu năng trí tuệ|hội chứng down|loạn thần|nghiện rượu"),
    # VI nervous system, IX circulation, IV endocrine, XIV kidneys
    **_all("health", True, "parkinson|bại não|liệt nửa người|tai biến mạch máu não"
                           "|nhồi máu cơ tim|suy tim|suy thận|chạy thận|lọc máu"),
    **_all("health", False, "tai biến|tiểu đường|đái tháo đường|tăng huyết áp|bại liệt"
                            "|khiếm thị|khiếm thính|câm điếc|bị lẫn|bị thần kinh|bị liệt"
                            "|bệnh hiểm nghèo|bệnh nặng"),
    # XIX injuries
    **_all("health", True, "chấn thương sọ não|gãy xương|gãy chân|gãy tay|gãy cột sống"
                           "|chấn thương cột sống"),
    # XV pregnancy
    **_all("health", False, "mang thai|có thai|phá thai|nạo phá thai|sảy thai"),
    # drug dependence and its treatment
    **_all("drug", True, "methadone|điều trị thay thế|cai nghiện bắt buộc|điều trị nghiện"
                         "|sử dụng ma túy"),
    # g: offences and sentences recorded by the authorities
    **_all("crime", True, "án treo|chấp hành án|chấp hành án treo|cải tạo không giam giữ"
                          "|mãn hạn tù|ra tù|bị kết án|từng bị kết án|từng bị bắt"
                          "|bị xử phạt hành chính|án tích|tái phạm|từng đi tù|bị truy tố"),
    # a: political and religious views of a person
    **_all("views", True, "quan điểm chống đối|chống đối chế độ|ủng hộ đa đảng|đa đảng"
                          "|tẩy chay bầu cử|kêu gọi tẩy chay|theo đạo|đi lễ nhà thờ"
                          "|quan điểm sai trái|bất mãn với chế độ|là tín đồ|cải đạo|bỏ đạo"
                          "|phản đối chính quyền|chống chính quyền|đăng bài chống"
                          "|đăng bài xuyên tạc|bài viết chống"),
    # e: sexual life
    **_all("sexual", True, "quan hệ ngoài hôn nhân|ngoại tình|quan hệ ngoài luồng|có bồ"
                           "|đồng tính|chuyển giới|xu hướng tính dục|xâm hại tình dục"
                           "|bị hiếp dâm|mại dâm|bán dâm|mua dâm|bị xâm hại|bị dâm ô"),
    # h: a person's debts with credit institutions
    **_all("finance", True, "nợ xấu|nợ quá hạn|vỡ nợ|nợ tín dụng đen|bị ngân hàng khởi kiện"),
    # đ: biometric data of a person
    **_all("biometric", True, "xét nghiệm adn|giám định adn|kết quả adn|dấu vân tay"),
    # i: where a person can be found day by day
    **_all("location", True, "tối thường ở|thường ngồi ở|hằng ngày đi làm|lịch sinh hoạt"
                             "|quy luật đi lại|quy luật sinh hoạt"),
}

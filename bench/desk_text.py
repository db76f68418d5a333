"""Vietnamese bulletin text for bench/desk.py: recurring notices of a commune plus the plan's prose.

`Writer(rng).bulletin(day)` returns (kind, title, summary, body, topic, unit) with diacritics
throughout; sentences come from notice templates (tiêm chủng, cắt điện, thu hoạch, bão lũ,
tuyển quân, họp thôn …) filled with hamlets, dates, times and numbers, padded with sentences
of the commune's 2026 plan (/work/shared/seed) so topics and offices read like the real thing.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta
from pathlib import Path

PLAN = Path("/work/shared/seed/ke-hoach-thong-tin-doi-ngoai-2026.md")
HAMLETS = [
    "thôn Đông", "thôn Đoài", "thôn Nam", "thôn Bắc", "thôn Thượng", "thôn Hạ", "thôn Trung",
    "thôn Vũ Xá", "thôn Dương Cốc", "thôn Đồng Tâm", "thôn Yên Phú", "thôn An Lạc",
    "thôn Phú Hào", "thôn Quang Trung", "xóm Chùa", "xóm Đình", "xóm Mới", "xóm Bến",
    "xóm Giữa", "xóm Trại", "xóm 1", "xóm 2", "xóm 3", "xóm 4", "xóm 5",
]
PLACES = ["nhà văn hóa {thon}", "hội trường UBND xã", "Trạm Y tế xã", "sân vận động xã",
          "trường Tiểu học Vũ Dương", "trường Mầm non xã", "chợ Dương", "đình làng {thon}"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Đinh"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quang", "Ngọc", "Hữu", "Thanh"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hằng", "Hòa", "Hùng", "Hương",
         "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Quý", "Sơn", "Tâm",
         "Thảo", "Thắng", "Trang", "Tuấn", "Việt", "Yến"]
CROPS = ["lúa xuân", "lúa mùa", "ngô đông", "khoai lang", "lạc", "đậu tương", "dưa hấu"]
#: a word found in about one bulletin in a thousand, for the "rare word" search
RARE = "rươi"

# kind: (topic, unit, [titles], [opening sentences], [details])
NOTICES: dict[str, tuple[str, str, list[str], list[str], list[str]]] = {
    "tiem-chung": ("thong-bao-chung", "phong-van-hoa-xa-hoi", [
        "Thông báo lịch tiêm chủng mở rộng tháng {thang} tại {thon}",
        "Trạm Y tế xã tổ chức tiêm vắc xin cho trẻ dưới 5 tuổi ngày {ngay}",
        "Lịch tiêm chủng định kỳ cho trẻ em {thon} và {thon2}",
    ], [
        "Trạm Y tế xã Vũ Dương thông báo: từ {gio} ngày {ngay}, trạm tổ chức tiêm chủng mở "
        "rộng cho trẻ em dưới 5 tuổi của {thon} và {thon2}.",
        "Thực hiện chương trình tiêm chủng mở rộng năm {nam}, Trạm Y tế xã tổ chức tiêm vắc "
        "xin phòng sởi, bạch hầu, ho gà, uốn ván cho {n} trẻ trong độ tuổi.",
    ], [
        "Đề nghị các gia đình mang theo sổ tiêm chủng và thẻ bảo hiểm y tế của trẻ.",
        "Trẻ đang sốt hoặc mắc bệnh cấp tính sẽ được hẹn tiêm vào buổi sau.",
        "Sau khi tiêm, trẻ được theo dõi 30 phút tại điểm tiêm.",
        "Cán bộ y tế thôn có trách nhiệm thông báo đến từng hộ gia đình.",
    ]),
    "cat-dien": ("thong-bao-chung", "phong-kinh-te", [
        "Thông báo tạm ngừng cung cấp điện tại {thon} ngày {ngay}",
        "Lịch cắt điện để bảo dưỡng lưới điện {thon}, {thon2}",
        "Điện lực thông báo cắt điện từ {gio} đến {gio2} ngày {ngay}",
    ], [
        "Điện lực huyện thông báo tạm ngừng cung cấp điện từ {gio} đến {gio2} ngày {ngay} để "
        "bảo dưỡng đường dây và thay {n} cột điện hạ thế tại {thon}.",
        "Để nâng cấp trạm biến áp {thon}, ngày {ngay} sẽ cắt điện các hộ thuộc {thon} và "
        "{thon2} trong khoảng {k} giờ.",
    ], [
        "Đề nghị nhân dân chủ động bố trí sinh hoạt, sản xuất trong thời gian cắt điện.",
        "Không tự ý đóng điện hoặc đến gần khu vực đang thi công.",
        "Nếu thời tiết xấu, lịch cắt điện sẽ được thông báo lại trên loa truyền thanh.",
    ]),
    "thu-hoach": ("lao-dong-viec-lam", "phong-kinh-te", [
        "Khẩn trương thu hoạch {cay} trước mùa mưa bão",
        "Hướng dẫn thu hoạch và bảo quản {cay} vụ {nam}",
        "UBND xã đôn đốc thu hoạch {cay} tại cánh đồng {thon}",
    ], [
        "Hiện nay diện tích {cay} trên địa bàn xã đã chín khoảng {p} phần trăm, tập trung "
        "ở {thon} và {thon2}.",
        "Theo dự báo, từ ngày {ngay} có mưa lớn, UBND xã đề nghị bà con khẩn trương thu "
        "hoạch {n} héc ta {cay} còn lại.",
    ], [
        "Hợp tác xã bố trí {k} máy gặt đập liên hợp phục vụ nhân dân với giá hợp lý.",
        "Sau thu hoạch cần phơi khô, bảo quản nơi thoáng mát, không đốt rơm rạ gây ô nhiễm.",
        "Các hộ thiếu lao động liên hệ trưởng thôn để được hỗ trợ.",
        "Đợt này có cả người dân vớt {rare} ở ruộng trũng, đề nghị giữ gìn trật tự bờ vùng.",
    ]),
    "bao-lu": ("moi-truong-khi-hau", "ban-chqs", [
        "Chủ động phòng, chống cơn bão số {k} và mưa lũ",
        "Khẩn cấp ứng phó áp thấp nhiệt đới, mưa lớn từ ngày {ngay}",
        "Sơ tán dân ở khu vực trũng thấp {thon} trước khi bão đổ bộ",
    ], [
        "Theo Trung tâm Dự báo khí tượng thủy văn quốc gia, cơn bão số {k} đang di chuyển "
        "nhanh, dự kiến ảnh hưởng trực tiếp đến tỉnh Ninh Bình từ đêm ngày {ngay}.",
        "Ban Chỉ huy phòng thủ dân sự xã yêu cầu các thôn, xóm triển khai phương án bốn tại "
        "chỗ, kiểm tra {n} hộ ở khu vực xung yếu {thon}.",
    ], [
        "Người dân chằng chống nhà cửa, cắt tỉa cây xanh, không ra đồng khi có mưa to gió lớn.",
        "Lực lượng dân quân thường trực 24/24 giờ tại trụ sở Ban Chỉ huy Quân sự xã.",
        "Tuyệt đối không vớt củi, đánh bắt cá trên sông khi nước lũ lên.",
        "Các hộ cần chuẩn bị lương thực, nước uống, đèn pin cho ít nhất ba ngày.",
    ]),
    "tuyen-quan": ("quoc-phong-an-ninh", "ban-chqs", [
        "Thông báo khám sức khỏe nghĩa vụ quân sự năm {nam}",
        "Danh sách thanh niên {thon} gọi khám tuyển nghĩa vụ quân sự",
        "Lễ giao nhận quân năm {nam} tại hội trường UBND xã",
    ], [
        "Thực hiện Luật Nghĩa vụ quân sự, Ban Chỉ huy Quân sự xã thông báo lịch khám sức "
        "khỏe cho {n} công dân trong độ tuổi gọi nhập ngũ vào {gio} ngày {ngay}.",
        "Hội đồng nghĩa vụ quân sự xã đã xét duyệt, năm nay xã giao {k} thanh niên ưu tú "
        "lên đường nhập ngũ, trong đó {thon} có nhiều công dân tình nguyện.",
    ], [
        "Công dân mang theo căn cước và giấy gọi khám sức khỏe, có mặt đúng giờ.",
        "Gia đình có con em lên đường nhập ngũ được UBND xã tặng quà động viên.",
        "Trường hợp vắng mặt không có lý do chính đáng sẽ bị xử lý theo quy định.",
    ]),
    "hop-thon": ("chu-truong-chinh-sach", "mttq-thon-xom", [
        "Họp dân {thon} bàn kế hoạch xây dựng nông thôn mới kiểu mẫu",
        "Thông báo họp thôn lúc {gio} ngày {ngay} tại nhà văn hóa",
        "Hội nghị nhân dân {thon} lấy ý kiến về làm đường giao thông",
    ], [
        "Ban công tác Mặt trận {thon} trân trọng kính mời đại diện các hộ gia đình dự họp "
        "lúc {gio} ngày {ngay} tại {noi}.",
        "Nội dung cuộc họp: bàn phương án đóng góp làm {n} mét đường bê tông, nạo vét kênh "
        "mương và chỉnh trang đường làng ngõ xóm.",
    ], [
        "Đề nghị các hộ cử người đi họp đầy đủ, đúng giờ.",
        "Mọi ý kiến đóng góp được tổng hợp gửi UBND xã trước ngày {ngay2}.",
        "Cuộc họp công khai mức thu quỹ, danh sách hộ nghèo, cận nghèo năm {nam}.",
    ]),
    "thue-dat": ("chu-truong-chinh-sach", "van-phong-hdnd-ubnd", [
        "Thông báo thu thuế sử dụng đất phi nông nghiệp năm {nam}",
        "Niêm yết công khai kế hoạch sử dụng đất năm {nam} của xã",
        "Tiếp công dân định kỳ của Chủ tịch UBND xã ngày {ngay}",
    ], [
        "Căn cứ {so}, UBND xã thông báo thời hạn nộp thuế sử dụng đất phi nông nghiệp năm "
        "{nam} đến hết ngày {ngay}.",
        "UBND xã niêm yết công khai tại trụ sở và nhà văn hóa {thon} kể từ ngày {ngay}, "
        "thời gian niêm yết {k} ngày.",
    ], [
        "Người nộp thuế có thể nộp qua ứng dụng ngân hàng hoặc trực tiếp tại bộ phận một cửa.",
        "Công dân có ý kiến phản ánh bằng văn bản gửi Văn phòng HĐND và UBND xã.",
        "Thời gian tiếp nhận hồ sơ từ {gio} đến {gio2} các ngày làm việc trong tuần.",
    ]),
    "an-ninh": ("quoc-phong-an-ninh", "cong-an-xa", [
        "Cảnh giác với thủ đoạn lừa đảo qua điện thoại, mạng xã hội",
        "Công an xã ra quân bảo đảm trật tự an toàn giao thông dịp {le}",
        "Tuyên truyền phòng chống cháy nổ tại {thon} mùa hanh khô",
    ], [
        "Thời gian gần đây trên địa bàn xã xảy ra {k} vụ lừa đảo chiếm đoạt tài sản qua điện "
        "thoại, đối tượng giả danh cán bộ công an, ngân hàng.",
        "Công an xã phối hợp với {thon} tổ chức tuần tra, kiểm soát từ ngày {ngay}, nhắc nhở "
        "{n} trường hợp vi phạm về nồng độ cồn và mũ bảo hiểm.",
    ], [
        "Người dân tuyệt đối không chuyển tiền theo yêu cầu của người lạ.",
        "Khi phát hiện dấu hiệu nghi vấn, báo ngay cho Công an xã hoặc trưởng thôn.",
        "Các hộ kinh doanh kiểm tra bình chữa cháy, không để chất dễ cháy gần bếp.",
    ]),
    "le-hoi": ("ngay-le-su-kien", "phong-van-hoa-xa-hoi", [
        "Kỷ niệm {le} và các hoạt động văn hóa, thể thao",
        "Chương trình giao lưu văn nghệ chào mừng {le} tại {noi}",
        "Treo cờ Tổ quốc nhân dịp {le}",
    ], [
        "Chào mừng {le}, UBND xã tổ chức chuỗi hoạt động văn hóa, văn nghệ, thể thao từ "
        "ngày {ngay} tại {noi}.",
        "Các thôn, xóm và {n} hộ kinh doanh ven đường treo cờ Tổ quốc, băng rôn khẩu hiệu "
        "trang trọng.",
    ], [
        "Giải bóng đá thanh niên có {k} đội của các thôn tham gia.",
        "Đề nghị nhân dân giữ gìn vệ sinh môi trường, trật tự nơi công cộng.",
        "Đoàn thanh niên phối hợp dọn dẹp đường làng, ngõ xóm trước ngày lễ.",
    ]),
    "dau-tu": ("xuc-tien-dau-tu", "phong-kinh-te", [
        "Hội chợ nông sản và sản phẩm OCOP xã Vũ Dương năm {nam}",
        "Kết nối tiêu thụ {cay} cho nông dân {thon}",
        "Quảng bá làng nghề và du lịch sinh thái của xã",
    ], [
        "Nhằm xúc tiến thương mại, UBND xã phối hợp tổ chức hội chợ từ ngày {ngay} với "
        "{n} gian hàng nông sản, sản phẩm OCOP.",
        "Hợp tác xã {thon} đã ký hợp đồng tiêu thụ {k} tấn {cay} với doanh nghiệp trong tỉnh.",
    ], [
        "Các hộ sản xuất đăng ký tham gia tại Phòng Kinh tế trước ngày {ngay2}.",
        "Sản phẩm phải có truy xuất nguồn gốc, bao bì và nhãn mác rõ ràng.",
        "Du khách có thể tham quan cánh đồng {cay} và làng nghề truyền thống.",
    ]),
}
FESTIVALS = ["Tết Nguyên đán", "ngày Giải phóng miền Nam 30/4", "ngày Quốc tế Lao động 1/5",
             "ngày Quốc khánh 2/9", "ngày Thương binh, Liệt sĩ 27/7",
             "ngày hội Đại đoàn kết toàn dân tộc 18/11", "Tết Trung thu"]
# the plan's topics a "policy" bulletin may carry, with the office that writes them
PLAN_TOPICS = [("chu-truong-chinh-sach", "van-phong-hdnd-ubnd"),
               ("quang-ba-hinh-anh", "phong-van-hoa-xa-hoi"),
               ("hoi-nhap-quoc-te", "phong-van-hoa-xa-hoi"),
               ("quyen-con-nguoi", "mttq-thon-xom"),
               ("bien-gioi-bien-dao", "ban-chqs"),
               ("phan-bac-thong-tin-sai", "cong-an-xa"),
               ("moi-truong-khi-hau", "phong-kinh-te")]
PLAN_TITLES = ["Tuyên truyền {chu_de} trên địa bàn xã năm {nam}",
               "Kế hoạch {chu_de} của UBND xã Vũ Dương, {so}",
               "Đẩy mạnh công tác {chu_de} tại {thon} và các thôn, xóm",
               "Hưởng ứng {chu_de}: kết quả quý {quy} năm {nam}"]
PLAN_SUBJECTS = ["thông tin đối ngoại", "quảng bá hình ảnh con người Vũ Dương",
                 "bảo vệ chủ quyền biển, đảo", "quyền con người", "hội nhập quốc tế",
                 "phản bác thông tin sai trái, xuyên tạc", "chuyển đổi số",
                 "xây dựng nông thôn mới kiểu mẫu", "bảo vệ môi trường"]
# contact lines: some carry what the confidentiality scan looks for
CONTACTS = [
    "Mọi thắc mắc xin liên hệ đồng chí {ten}, điện thoại {sdt}.",
    "Thông tin chi tiết liên hệ bộ phận một cửa UBND xã qua thư điện tử {mail}.",
    "Hộ ông {ten}, căn cước số {cccd}, đề nghị đến UBND xã nhận lại giấy tờ.",
    "Tài liệu kèm theo có đóng dấu MẬT, chỉ phổ biến trong cán bộ chủ chốt.",
]


def plan_sentences() -> list[str]:
    """Sentences of the commune plan, 60–400 characters, markdown stripped."""
    if not PLAN.is_file():
        return ["Tăng cường tuyên truyền về chủ trương, đường lối của Đảng, chính sách, pháp "
                "luật của Nhà nước tới cán bộ và nhân dân trong xã."]
    text = re.sub(r"[#*]+", " ", PLAN.read_text("utf-8"))
    parts = re.split(r"(?<=[.;:])\s+|\n+", text)
    out = [re.sub(r"^[-\d. ]+", "", p).strip() for p in parts]
    return [p[0].upper() + p[1:] for p in out if 60 <= len(p) <= 400]


class Writer:
    """Deterministic generator of bulletin texts (same seed, same texts)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.plan = plan_sentences()

    def name(self) -> str:
        r = self.rng
        return f"{r.choice(FAMILY)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"

    def _slots(self, day: date) -> dict[str, str]:
        r = self.rng
        thon, thon2 = r.sample(HAMLETS, 2)
        later = day + timedelta(days=r.randint(1, 20))
        return {
            "thon": thon, "thon2": thon2, "ngay": f"{later:%d/%m/%Y}",
            "ngay2": f"{later + timedelta(days=r.randint(3, 15)):%d/%m/%Y}",
            "thang": f"{later.month}/{later.year}", "nam": str(day.year),
            "gio": f"{r.choice([7, 8, 9, 13, 14])}h{r.choice(['00', '30'])}",
            "gio2": f"{r.choice([11, 15, 16, 17])}h{r.choice(['00', '30'])}",
            "n": str(r.randint(12, 480)), "k": str(r.randint(2, 12)), "p": str(r.randint(40, 90)),
            "cay": r.choice(CROPS), "le": r.choice(FESTIVALS), "rare": RARE,
            "so": f"Kế hoạch số {r.randint(5, 240)}/KH-UBND ngày {day:%d/%m/%Y}",
            "ten": self.name(), "quy": r.choice(["I", "II", "III", "IV"]),
            "sdt": f"09{r.randint(10, 99)} {r.randint(100, 999)} {r.randint(100, 999)}",
            "mail": f"motcua.{r.choice(['vuduong', 'ubnd', 'vhxh'])}@ninhbinh.gov.vn",
            "cccd": f"0{r.randint(30, 38)}{r.randint(0, 1)}{r.randint(50, 99)}"
                    f"{r.randint(100000, 999999)}",
            "chu_de": r.choice(PLAN_SUBJECTS),
        }

    def bulletin(self, day: date) -> tuple[str, str, str, str, str, str]:
        """(kind, title, summary, body, topic, unit) for a bulletin written on that day."""
        r = self.rng
        slots = self._slots(day)
        slots["noi"] = r.choice(PLACES).format(**slots)
        if r.random() < 0.3:
            topic, unit = r.choice(PLAN_TOPICS)
            kind, titles, opening, details = "ke-hoach", PLAN_TITLES, [], []
        else:
            kind = r.choice(list(NOTICES))
            topic, unit, titles, opening, details = NOTICES[kind]
        title = r.choice(titles).format(**slots)
        if len(title) < 40:
            title += f" ({slots['thon']}, {slots['ngay']})"
        title = title[:120]
        target = int(r.triangular(300, 1500, 700))
        sentences = [s.format(**slots) for s in r.sample(opening, len(opening))]
        extra = r.sample(details, min(len(details), r.randint(1, 3)))
        sentences += [s.format(**slots) for s in extra if RARE not in s or r.random() < 0.012]
        roll = r.random()
        if roll < 0.14:
            sentences.append(CONTACTS[0].format(**slots))
        elif roll < 0.17:
            sentences.append(CONTACTS[1].format(**slots))
        elif roll < 0.18:
            sentences.append(CONTACTS[2].format(**slots))
        elif roll < 0.184:
            sentences.append(CONTACTS[3])
        body = " ".join(sentences)
        while len(body) < target:
            body += " " + r.choice(self.plan)
        body = body.strip()
        if len(body) > 1500:
            body = body[:1500].rsplit(" ", 1)[0].rstrip(",;:") + "."
        summary = body.split(". ")[0][:300] if r.random() < 0.4 else ""
        return kind, title, summary, body, topic, unit

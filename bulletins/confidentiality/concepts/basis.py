"""The legal sources a finding cites, and the shape of a concept class.

Sources (public texts):
- Luật Bảo vệ bí mật nhà nước số 29/2018/QH14, Điều 7 (phạm vi bí mật nhà nước), khoản 1
  chính trị, 2 quốc phòng, an ninh, cơ yếu, 4 đối ngoại, 5 kinh tế, 6 tài nguyên và môi
  trường, 8 giáo dục và đào tạo, 13 tổ chức, cán bộ, 14 thanh tra, giải quyết khiếu nại,
  tố cáo, 15 kiểm toán nhà nước. Luật Bảo vệ bí mật nhà nước số 117/2025/QH15 (passed
  10/12/2025) replaces it from 01/3/2026 (checked December 2026 against the Ministry of
  Justice's portal, https://pbgdpl.gov.vn/Pages/gioi-thieu-van-ban.aspx?ItemID=4798 , and
  https://thuviennhadat.vn/vbpl/luat-bao-ve-bi-mat-nha-nuoc-2025-so-117-2025-qh15-685866.html).
  Its scope article regroups the fields by the Law on Government Organisation
  (https://nld.com.vn/cam-su-dung-ai-hoac-cong-nghe-moi-de-xam-pham-bi-mat-nha-nuoc-196260104122519049.htm);
  that article's number and its clauses were not found in any source at hand, so LAW and the
  clause numbers below still cite the 2018 law: replace them together once they are verified.
- Danh mục bí mật nhà nước issued by the Prime Minister per sector: of the Party
  (Quyết định 1630/QĐ-TTg of 30/7/2025), organisation, personnel, labour and social affairs
  (Quyết định 2500/QĐ-TTg of 2025). The defence, public security, inspection, ethnic and
  religious affairs, foreign affairs and national reserves catalogues are cited by their field
  only: verify their decision numbers before adding them here.
- Personal data: Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 (in force 01/01/2026), Điều 2
  khoản 2 (basic) and khoản 3 (sensitive: "thuộc danh mục do Chính phủ ban hành"), and its
  Nghị định 356/2025/NĐ-CP (31/12/2025, in force 01/01/2026, replacing Nghị định
  13/2023/NĐ-CP): Điều 3 lists basic personal data (name, date of birth, phone, ID number, …),
  Điều 4 sensitive personal data (ethnic origin, political and religious views, health, private
  life, biometrics, crimes recorded by the authorities, financial data, location, …). Checked
  December 2026 against:
  https://thanhnien.vn/du-lieu-ca-nhan-nao-duoc-phap-luat-bao-ve-185260105102550429.htm
  https://news.thuvienphapluat.vn/tintuc/vn/ho-tro-phap-luat/chinh-sach-moi/89506/
  https://www.frasersvn.com/vi/legal-updates-and-publications/the-next-chapter-in-data-protection-new-decree-guiding-the-personal-data-protection-law
  The points (letters) of Điều 4 were not found in any source at hand, so a reason cites the
  article and, for the sort, the point of Nghị định 13/2023/NĐ-CP, Điều 2 khoản 4 it replaced.
"""

from __future__ import annotations

from dataclasses import dataclass

LAW = "Luật BVBMNN 2018, Điều 7"
SECTORS: dict[str, tuple[str, str]] = {
    # key: (the field named in the reason, its legal basis)
    "defence": ("quốc phòng",
                f"{LAW} khoản 2; danh mục BMNN lĩnh vực quốc phòng"),
    "security": ("an ninh, trật tự",
                 f"{LAW} khoản 2; danh mục BMNN lĩnh vực công an"),
    "leaders": ("bảo vệ lãnh đạo",
                f"{LAW} khoản 1, 2; danh mục BMNN lĩnh vực công an, của Đảng "
                "(QĐ 1630/QĐ-TTg)"),
    "personnel": ("tổ chức, cán bộ",
                  f"{LAW} khoản 13; danh mục BMNN lĩnh vực tổ chức, cán bộ (QĐ 2500/QĐ-TTg), "
                  "của Đảng (QĐ 1630/QĐ-TTg)"),
    "religion": ("dân tộc, tôn giáo",
                 f"{LAW} khoản 1, 2; danh mục BMNN lĩnh vực dân tộc, tôn giáo"),
    "complaints": ("khiếu nại, tố cáo đông người",
                   f"{LAW} khoản 2, 14; danh mục BMNN lĩnh vực thanh tra, công an"),
    "inspection": ("thanh tra, kiểm toán",
                   f"{LAW} khoản 14, 15; danh mục BMNN lĩnh vực thanh tra, kiểm toán nhà nước"),
    "economy": ("kinh tế, đất đai",
                f"{LAW} khoản 5, 6; danh mục BMNN lĩnh vực tài chính, tài nguyên và môi trường"),
    "foreign": ("đối ngoại",
                f"{LAW} khoản 4; danh mục BMNN lĩnh vực ngoại giao"),
    # the denouncer's name, address and handwriting: Luật Tố cáo 2018, Điều 47, 48 (bảo vệ
    # bí mật thông tin người tố cáo), and the inspection catalogue, Quyết định 774/QĐ-TTg of
    # 05/6/2020 (BMNN lĩnh vực thanh tra, giải quyết khiếu nại, tố cáo và phòng, chống tham
    # nhũng), per https://danchuphapluat.vn/bao-ve-bi-mat-thong-tin-nguoi-to-cao-mot-so-bat-cap-va-kien-nghi-hoan-thien
    # (read December 2026)
    "denouncer": ("thanh tra, giải quyết tố cáo",
                  f"{LAW} khoản 14; danh mục BMNN lĩnh vực thanh tra (QĐ 774/QĐ-TTg); "
                  "Luật Tố cáo 2018, Điều 47"),
    "education": ("giáo dục, thi cử",
                  f"{LAW} khoản 8; danh mục BMNN lĩnh vực giáo dục và đào tạo"),
    "unpublished": ("thông tin chưa công khai",
                    f"{LAW}; Điều 2 khoản 1 (thông tin chưa công khai)"),
}
SPEC_WORDS = {
    "count": "số lượng", "wcount": "số lượng", "amount": "số tiền", "time": "thời gian",
    "place": "địa điểm", "store": "nơi cất giữ", "person": "người cụ thể", "list": "danh sách",
    "named": "tên tổ chức", "code": "mã, khẩu lệnh", "freq": "tần số", "phone": "số thuê bao",
    "account": "tài khoản mạng xã hội", "challenge": "mật khẩu hỏi – đáp", "gap": "chỗ trống",
    "route": "lộ trình", "content": "nội dung", "pair": "cặp hỏi – đáp",
}
# the reasons of the topic phrases (secrets.topic), by their group
TOPIC_REASON = {
    "force": "Bí mật nhà nước – quốc phòng, an ninh: bố trí lực lượng, quân số "
             f"({LAW} khoản 2; danh mục BMNN lĩnh vực quốc phòng, công an)",
    "weapons": "Bí mật nhà nước – quốc phòng: vị trí kho vũ khí, đạn dược "
               f"({SECTORS['defence'][1]})",
    "patrol": "Bí mật nhà nước – quốc phòng, an ninh: kế hoạch tuần tra, trinh sát, tác chiến "
              f"({LAW} khoản 2; danh mục BMNN lĩnh vực quốc phòng, công an)",
    "investigation": "Bí mật nhà nước – an ninh, trật tự: vụ việc đang điều tra, chuyên án "
                     f"({SECTORS['security'][1]})",
    "personnel": "Bí mật nhà nước – tổ chức, cán bộ: nhân sự dự kiến, chưa công bố "
                 f"({SECTORS['personnel'][1]})",
}
# markings: the law's three levels (Điều 8) and the marks of a secret document's copy and
# circulation (the forms of Thông tư 24/2020/TT-BCA — verify the number before citing it)
MARK_REASON = {
    "level": "Dấu chỉ độ mật (Luật BVBMNN 2018, Điều 8: Tuyệt mật, Tối mật, Mật)",
    "recall": "Dấu «Tài liệu thu hồi» của tài liệu bí mật nhà nước (Luật BVBMNN 2018)",
    "envelope": "Chỉ dẫn phạm vi lưu hành tài liệu mật (Luật BVBMNN 2018)",
    "copy": "Số bản của tài liệu mật («Bản số»), dấu hiệu văn bản bí mật nhà nước "
            "(Luật BVBMNN 2018)",
    "restricted": "Dấu «Không phổ biến»: tài liệu lưu hành nội bộ, không được đăng công khai",
}
ND13 = "Nghị định 13/2023/NĐ-CP, Điều 2 khoản 4"
ND356 = "Nghị định 356/2025/NĐ-CP"
PERSONAL = "Luật Bảo vệ dữ liệu cá nhân 2025, Điều 2"
SENSITIVE = f"{PERSONAL} khoản 3; {ND356}, Điều 4"


def _sensitive(sort: str, point: str, law: str = "") -> str:
    law = f"{law}; " if law else ""
    return f"Dữ liệu cá nhân nhạy cảm – {sort} ({law}{SENSITIVE}; trước đây {ND13} {point})"


SENSITIVE_REASON = {
    "health": _sensitive("tình trạng sức khỏe, bệnh án", "điểm b"),
    "drug": _sensitive("nghiện, điều trị nghiện ma túy", "điểm b"),
    "crime": _sensitive("tiền án, tiền sự, tố tụng hình sự", "điểm g"),
    "views": _sensitive("quan điểm chính trị, tôn giáo", "điểm a"),
    "sexual": _sensitive("đời sống tình dục, đời tư", "điểm e"),
    "location": _sensitive("nơi ở, đi lại hằng ngày của cá nhân", "điểm i"),
    "finance": _sensitive("nợ, tín dụng của cá nhân", "điểm h"),
    "biometric": _sensitive("đặc điểm sinh học, di truyền", "điểm d, đ"),
    # the acts of Luật Phòng, chống bạo lực gia đình 2022 (13/2022/QH15), Điều 3, and abuse of
    # a child (Luật Trẻ em 2016, Điều 4): what a victim suffered, reported of the victim
    "violence": _sensitive("bạo lực gia đình, xâm hại mà cá nhân phải chịu", "điểm g",
                           "Luật Phòng, chống bạo lực gia đình 2022, Điều 3"),
}
BANK_REASON = (f"Số tài khoản ngân hàng của cá nhân (dữ liệu cá nhân, {PERSONAL}; {ND356}, "
               f"Điều 3, 4; trước đây {ND13} điểm h)")
_BASIC = (f"dữ liệu cá nhân cơ bản, {PERSONAL} khoản 2; {ND356}, Điều 3; "
          "trước đây Nghị định 13/2023/NĐ-CP, Điều 2 khoản 3")


def basic(what: str) -> str:
    """The reason of a finding of basic personal data (a number, an address) with its basis."""
    return f"{what} ({_BASIC})"


DOB_REASON = basic("Ngày sinh của cá nhân")
PHONE_REASON = basic("Số điện thoại cá nhân")
ID_REASON = basic("Số định danh cá nhân (CCCD)")
OLD_ID_REASON = basic("Số chứng minh nhân dân")
PLATE_REASON = basic("Biển số xe")
MAIL_REASON = basic("Thư điện tử cá nhân")
# the framings (framings.PUBLIC) that cancel a concept unless it names its own: a notice,
# an announcement, an event reported, something done
NEWS = ("notice", "announced", "event", "done")
# the framings of the military and security life lived in the open
FIELD = (*NEWS, "civil", "disaster", "storm")
# the same for defence: a plan approved inside the chain of command is no publication
DEFENCE_FIELD = tuple("decided" if group == "announced" else group for group in FIELD)


def without(groups: tuple[str, ...], *dropped: str) -> tuple[str, ...]:
    """The framing groups but the dropped ones (a concept those framings do not publish)."""
    return tuple(group for group in groups if group not in dropped)
PUBLIC_NOTICE = ("; thông báo công khai theo quy định (truy nã, xét xử, tìm người): "
                 "kiểm tra lại trước khi đăng")


@dataclass(frozen=True)
class Concept:
    """A class of state secret: the words that evoke it and the detail that makes it leak.

    needs: alternatives, each a "+"-joined set of specificity kinds (specifics.py) that must all
    be in the sentence; "alone" means the cue suffices. public: the framings (framings.PUBLIC)
    that cancel it. unless: phrases that, in the sentence, show another sense of the cue.
    """

    key: str
    sector: str
    what: str
    cues: tuple[str, ...]
    needs: tuple[str, ...]
    public: tuple[str, ...] = NEWS
    unless: tuple[str, ...] = ()

    def reason(self, used: list[str]) -> str:
        """The reviewer's explanation: field, subject, the detail found, the legal basis."""
        field, basis = SECTORS[self.sector]
        words = list(dict.fromkeys(SPEC_WORDS[k] for k in used if k in SPEC_WORDS))
        detail = f" kèm {', '.join(words)}" if words else ""
        return f"Bí mật nhà nước – {field}: {self.what}{detail} ({basis})"

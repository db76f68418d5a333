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
- Nghị định 13/2023/NĐ-CP, Điều 2 khoản 4: sensitive personal data (a political and
  religious views, b health and private life in medical records, e sexual life, g crimes and
  offences recorded by the authorities, i location). The Personal Data Protection Law of 2025
  carries the same categories (verify its article before citing it).
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
    "route": "lộ trình", "content": "nội dung",
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
SENSITIVE_REASON = {
    "health": f"Dữ liệu cá nhân nhạy cảm – tình trạng sức khỏe, bệnh án ({ND13} điểm b)",
    "drug": f"Dữ liệu cá nhân nhạy cảm – nghiện, điều trị nghiện ma túy ({ND13} điểm b)",
    "crime": f"Dữ liệu cá nhân nhạy cảm – tiền án, tiền sự, tố tụng hình sự ({ND13} điểm g)",
    "views": f"Dữ liệu cá nhân nhạy cảm – quan điểm chính trị, tôn giáo ({ND13} điểm a)",
    "sexual": f"Dữ liệu cá nhân nhạy cảm – đời sống tình dục, đời tư ({ND13} điểm e)",
    "location": f"Dữ liệu cá nhân nhạy cảm – nơi ở, đi lại hằng ngày của cá nhân ({ND13} điểm i)",
    "finance": f"Dữ liệu cá nhân nhạy cảm – nợ, tín dụng của cá nhân ({ND13} điểm h)",
    "biometric": f"Dữ liệu cá nhân nhạy cảm – đặc điểm sinh học, di truyền ({ND13} điểm d, đ)",
}
BANK_REASON = ("Số tài khoản ngân hàng của cá nhân (dữ liệu cá nhân, Nghị định 13/2023/NĐ-CP, "
               "Điều 2 khoản 4 điểm h)")
DOB_REASON = ("Ngày sinh của cá nhân (dữ liệu cá nhân cơ bản, Nghị định 13/2023/NĐ-CP, "
              "Điều 2 khoản 3)")
# the framings of the military and security life lived in the open (specifics.PUBLIC)
FIELD = ("notice", "announced", "event", "done", "civil", "disaster", "storm")
PUBLIC_NOTICE = ("; thông báo công khai theo quy định (truy nã, xét xử, tìm người): "
                 "kiểm tra lại trước khi đăng")


@dataclass(frozen=True)
class Concept:
    """A class of state secret: the words that evoke it and the detail that makes it leak.

    needs: alternatives, each a "+"-joined set of specificity kinds (specifics.py) that must all
    be in the sentence; "alone" means the cue suffices. public: the framings (specifics.PUBLIC)
    that cancel it. unless: phrases that, in the sentence, show another sense of the cue.
    """

    key: str
    sector: str
    what: str
    cues: tuple[str, ...]
    needs: tuple[str, ...]
    public: tuple[str, ...] = ("notice", "announced", "event", "done")
    unless: tuple[str, ...] = ()

    def reason(self, used: list[str]) -> str:
        """The reviewer's explanation: field, subject, the detail found, the legal basis."""
        field, basis = SECTORS[self.sector]
        words = list(dict.fromkeys(SPEC_WORDS[k] for k in used if k in SPEC_WORDS))
        detail = f" kèm {', '.join(words)}" if words else ""
        return f"Bí mật nhà nước – {field}: {self.what}{detail} ({basis})"

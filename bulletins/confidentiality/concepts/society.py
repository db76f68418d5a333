"""Personnel, religious and ethnic affairs, mass complaints.

Organisation and personnel (Luật BVBMNN 2018, Điều 7 khoản 13; danh mục BMNN lĩnh vực tổ chức,
cán bộ, QĐ 2500/QĐ-TTg; danh mục BMNN của Đảng, QĐ 1630/QĐ-TTg): proposals, opinions and
submissions on electing, appointing, transferring, rotating, dismissing or disciplining cadres,
succession plans (quy hoạch), evaluations and votes of confidence — while not yet public.

Ethnic and religious affairs (Điều 7 khoản 1, 2; catalogues of ethnic and religious affairs
and of public security): plans and measures towards religious groups and their leaders,
internal assessments of "complicated developments" naming people, the people said to lead or
instigate mass complaints before anything is public.
"""

from __future__ import annotations

from dataclasses import replace

from bulletins.confidentiality.concepts.basis import NEWS, Concept

NOMINATION = Concept(
    "nomination", "personnel", "nhân sự dự kiến giới thiệu, bổ nhiệm, điều động khi chưa công bố",
    cues=("giới thiệu", "dự kiến giới thiệu", "thống nhất giới thiệu", "không giới thiệu",
          "đề cử", "ứng cử", "tái cử", "không tái cử", "tái ứng cử", "bổ nhiệm",
          "dự kiến bổ nhiệm", "đề nghị bổ nhiệm", "đề xuất bổ nhiệm", "miễn nhiệm", "điều động",
          "dự kiến điều động", "điều chuyển", "luân chuyển", "bố trí công tác khác",
          "bố trí người khác", "công tác khác", "nghỉ hưu trước tuổi", "cho thôi", "thay ông",
          "thay bà", "phương án nhân sự", "nhân sự dự kiến", "dự kiến nhân sự", "đề xuất tuyển",
          "giữ chức", "tái bổ nhiệm", "kiện toàn chức danh", "cơ cấu vào", "thôi giữ chức",
          "thôi chức", "rút khỏi danh sách", "đưa vào ban", "bầu bổ sung", "sẽ thay",
          "người kế nhiệm", "kế nhiệm", "chọn làm", "tinh giản", "dôi dư", "cho nghỉ",
          "bố trí lại", "sắp xếp lại"),
    needs=("person+pending", "person+position"),
    public=("notice", "announced", "event", "done", "election"),
    unless=("giới thiệu sản phẩm", "giới thiệu mô hình", "giới thiệu việc làm",
            "thủ tục", "giấy giới thiệu", "sắp xếp lại việc"),  # files, not people
)
# a post to fill: when its holder retires, the vacancy is known to all (who fills it is not)
_VACANCY_CUES = ("kiện toàn chức danh", "miễn nhiệm", "thôi giữ chức", "thôi chức", "bầu bổ sung")
VACANCY = replace(NOMINATION, key="vacancy", cues=_VACANCY_CUES, unless=NOMINATION.unless + (
    "nghỉ hưu theo chế độ", "nghỉ hưu từ ngày", "nghỉ hưu theo nguyện vọng", "do nghỉ hưu",
    "tuổi nghỉ hưu", "chuyển công tác"))
NOMINATION = replace(NOMINATION, cues=tuple(c for c in NOMINATION.cues if c not in _VACANCY_CUES))
# said plainly ("ông X sẽ là Chủ tịch"): a person, a post and a plan all in the sentence
NAMED_FOR = Concept(
    "named_for", "personnel", "người dự kiến giữ chức vụ khi chưa công bố",
    cues=("sẽ là", "sẽ giữ", "sẽ làm", "sẽ đảm nhiệm", "sẽ phụ trách", "danh sách trình",
          "trình ban thường vụ", "trình đảng ủy", "làm chủ tịch", "làm phó chủ tịch",
          "làm bí thư", "làm phó bí thư", "làm trưởng"),
    needs=("person+pending+position",),
    unless=("người hướng dẫn", "người phụ trách liên hệ", "đã được bầu", "trúng cử"),
)
SUCCESSION = Concept(
    "succession", "personnel", "danh sách quy hoạch cán bộ",
    cues=("quy hoạch", "danh sách quy hoạch", "quy hoạch chức danh", "ra khỏi quy hoạch",
          "bổ sung quy hoạch", "nguồn cán bộ", "tạo nguồn"),
    needs=("person",),
    unless=("quy hoạch sử dụng đất", "quy hoạch xây dựng", "quy hoạch chung",
            "quy hoạch chi tiết", "quy hoạch nông thôn", "quy hoạch vùng"),
)
DISCIPLINE = Concept(
    "discipline", "personnel", "kỷ luật, đánh giá, tín nhiệm cán bộ đang xem xét",
    cues=("kỷ luật", "xem xét kỷ luật", "thi hành kỷ luật", "hình thức kỷ luật", "cảnh cáo",
          "khiển trách", "cách chức", "hạ bậc lương", "buộc thôi việc", "xếp loại",
          "không hoàn thành nhiệm vụ", "phiếu tín nhiệm", "tín nhiệm thấp",
          "lấy phiếu tín nhiệm", "từ chức", "cho từ chức", "uy tín thấp", "ủy ban kiểm tra",
          "kiểm điểm", "tài sản tăng thêm", "chưa giải trình", "giải trình nguồn gốc",
          "kết quả đánh giá", "đánh giá cán bộ", "số phiếu",
          "xác minh tài sản", "tài sản, thu nhập", "vi phạm trong quản lý", "sai phạm",
          # a candidate for the Party vetted ("đề nghị tạm dừng xem xét kết nạp")
          "xem xét kết nạp", "tạm dừng kết nạp", "lý lịch chính trị", "tiêu chuẩn chính trị"),
    needs=("person+pending", "person+secret", "person+amount", "person+position"),
    unless=("chủ trì", "hướng dẫn", "tổ chức hội nghị", "khen thưởng", "biểu dương"),
)
STRUGGLE = Concept(
    "struggle", "religion", "kế hoạch đấu tranh, vô hiệu hóa, phân hóa người, nhóm cụ thể",
    cues=("đấu tranh", "đấu tranh công khai", "vô hiệu hóa", "phân hóa", "cô lập", "tách ông",
          "tách bà", "tách khỏi", "chuyển hóa", "cảm hóa", "rút đơn", "gặp riêng",
          "tòa giám mục", "điều chuyển linh mục", "đối sách", "ngăn chặn từ sớm",
          "đổi lại", "làm việc với", "cam kết chấm dứt", "giải tán", "mời lên làm việc",
          "răn đe", "gọi lên", "kiên quyết xử lý", "giao lô", "ưu tiên giao"),
    needs=("person",),
    public=(*NEWS, "mediation"),  # "cam kết chấm dứt" in a mediation's record: a promise
    unless=("phản bác các quan điểm", "phòng, chống tội phạm", "phòng chống tội phạm",
            "vận động nhân dân", "vận động bà con", "vận động các gia đình",
            "vận động người thân", "vận động con em", "làm việc với công ty",
            "làm việc với doanh nghiệp", "tiếp và làm việc"),
)
INSTIGATORS = Concept(
    "instigators", "complaints", "người cầm đầu, kích động khiếu kiện, tụ tập đông người",
    cues=("cầm đầu", "kích động", "xúi giục", "lôi kéo", "đứng đầu", "người đứng ra",
          "đứng ra tổ chức", "đứng ra liên hệ", "dẫn dắt", "chủ mưu", "khởi xướng",
          "vận động các hộ", "đứng đơn", "kéo lên", "kéo ra", "kéo đến",
          "tụ tập đông người", "khiếu kiện đông người", "tập trung đông người", "chặn xe",
          "chặn cổng", "băng rôn", "biểu tình", "rủ rê", "tẩy chay", "thuê xe", "lên tỉnh",
          "khiếu kiện", "cùng đứng đơn"),
    needs=("person", "list", "count+time", "count+future"),
    public=("notice", "announced", "gathering", "done"),
    unless=("lên cơn", "không nghe theo", "không tụ tập", "kích động người bệnh",
            "không trêu chọc", "báo ngay cho"),  # an appeal to report who lures the young
)
ASSESSMENT = Concept(
    "assessment", "religion", "đánh giá nội bộ về người, nhóm tôn giáo, dân tộc phức tạp",
    cues=("diễn biến phức tạp", "phức tạp", "không đăng ký", "truyền đạo", "nhóm họp",
          "bài giảng", "giảng về", "bóng gió", "đài nước ngoài", "trang mạng bên ngoài",
          "tổ chức phản động", "phản động", "xuyên tạc",
          "di cư", "di cư tự do", "vượt biên", "tà đạo", "đạo lạ", "học giáo lý",
          "truyền lại", "người dẫn dắt", "tụ tập thanh niên", "ghi lại nội dung",
          "từ nước ngoài", "nhóm ở nước ngoài", "đang lập chuyên án"),
    needs=("person", "count+place", "count+time"),
    public=("notice", "announced", "gathering", "done"),
    unless=("quan điểm", "lễ giáng sinh", "chúc mừng", "đăng ký sinh hoạt", "trở về",
            "về quê", "xuất khẩu lao động", "làm việc ở nước ngoài", "lao động ở nước ngoài",
            "đăng ký khai sinh", "yếu tố nước ngoài"),
)
# "phương án nhân sự" as guidance for every congress, not a plan naming anyone
PERSONNEL_GENERAL = ("cần bảo đảm", "cần đảm bảo", "phải bảo đảm", "hướng dẫn", "tiêu chuẩn",
                     "quy trình", "tỷ lệ", "độ tuổi", "theo quy định", "theo chỉ thị",
                     "các chi bộ cần", "ưu tiên")
# More of the catalogues' vocabulary: personnel work before it is public (QĐ 2500/QĐ-TTg,
# QĐ 1630/QĐ-TTg), ethnic affairs (QĐ 971/QĐ-TTg ngày 09/7/2020, danh mục BMNN lĩnh vực công
# tác dân tộc: đánh giá về đối tượng lợi dụng vấn đề dân tộc, biện pháp đấu tranh — read at
# https://baogialai.com.vn/channel/12381/202007/ban-hanh-danh-muc-bi-mat-nha-nuoc-thuoc-linh-vuc-cong-tac-dan-toc-5690363/
# ), religious affairs and complaints.
NOMINATION = replace(NOMINATION, cues=NOMINATION.cues + (
    "đề xuất giới thiệu", "nhân sự chủ chốt", "nhân sự cấp ủy", "danh sách đề cử",
    "danh sách giới thiệu", "dự kiến cơ cấu", "cơ cấu nhân sự", "nhân sự khóa mới",
    "nhân sự đại hội", "dự kiến bầu", "đề nghị bầu", "ứng viên", "sẽ được bầu",
    "chức danh chủ chốt", "giới thiệu ứng cử", "giới thiệu bầu", "dự kiến phân công",
    "phân công lại", "bố trí giữ chức", "đề nghị điều động", "đề nghị luân chuyển",
    "phương án dự phòng", "nhân sự dự phòng", "phương án thay thế"))
DISCIPLINE = replace(DISCIPLINE, cues=DISCIPLINE.cues + (
    "đề nghị kỷ luật", "xử lý kỷ luật", "kiểm điểm trách nhiệm", "khai trừ", "khai trừ khỏi đảng",
    "xóa tên", "đình chỉ công tác", "tạm đình chỉ", "giáng chức", "bãi nhiệm", "hạ bậc",
    "kê khai tài sản", "chưa hoàn thành nhiệm vụ", "hoàn thành nhiệm vụ nhưng còn hạn chế",
    "đơn tố cáo", "bị tố cáo", "nội dung tố cáo", "người bị tố cáo", "kết quả xác minh"))
STRUGGLE = replace(STRUGGLE, cues=STRUGGLE.cues + (
    "đấu tranh xử lý", "xử lý dứt điểm", "vận động từ bỏ", "vô hiệu",
    "đấu tranh loại bỏ", "không cho sinh hoạt",
    "không cấp phép", "vận động bỏ", "vận động rời", "gây sức ép", "tạo sức ép"))
INSTIGATORS = replace(INSTIGATORS, cues=INSTIGATORS.cues + (
    "đơn tập thể", "khiếu kiện vượt cấp", "gửi đơn vượt cấp", "kéo về",
    "tập trung trước cổng", "ký đơn", "thu tiền của các hộ", "xúi", "căng khẩu hiệu",
    "hô hào", "đình công", "ngừng việc", "lãn công", "bỏ việc tập thể",
    # who gathers the signatures of a collective petition organises it
    "đứng ra tập hợp", "đứng ra thu", "thu chữ ký", "thu gom chữ ký", "lấy chữ ký",
    "gom chữ ký", "xin chữ ký", "vận động ký"))
ASSESSMENT = replace(ASSESSMENT, cues=ASSESSMENT.cues + (
    "pháp luân công", "hà mòn", "dương văn mình", "giê-hô-va", "tin lành đề ga", "đề ga",
    "sinh hoạt tôn giáo trái phép", "điểm nhóm trái phép", "truyền đạo trái phép",
    "lôi kéo người dân theo đạo", "tiềm ẩn phức tạp", "phức tạp về an ninh",
    "lợi dụng vấn đề dân tộc", "lợi dụng tôn giáo", "lợi dụng dân chủ", "nhà nước đề ga",
    "vương quốc mông", "tổ chức bất hợp pháp", "hoạt động trái phép",
    # organisations abroad that the Ministry of Public Security names as reactionary or
    # terrorist, and the ties to them
    "khmer kampuchea krom", "khmer krom", "chính phủ quốc gia việt nam lâm thời",
    "triều đại việt", "người thượng vì công lý", "fulro", "có quan hệ với người của",
    "quan hệ với tổ chức", "ở nước ngoài", "nhận tài trợ từ nước ngoài",
    "tài khoản ở nước ngoài", "khoản tiền từ", "nhóm sinh hoạt tin lành", "nhóm tin lành",
    "điểm nhóm"))
STRUGGLE = replace(STRUGGLE, cues=STRUGGLE.cues + (
    "tách dần", "khỏi ảnh hưởng", "tranh thủ", "làm suy yếu", "hạn chế ảnh hưởng",
    "cô lập dần", "ra khỏi nhóm", "không còn người", "công khai từ bỏ", "từ bỏ",
    # a leader seen alone, away from his people, before they act
    "làm việc riêng", "gặp gỡ riêng", "mời riêng",
    "để nhóm không còn"))
# who denounced: kept secret while the denunciation is dealt with, and after
DENOUNCER = Concept(
    "denouncer", "denouncer", "họ tên, địa chỉ của người tố cáo",
    cues=("đơn tố cáo của", "tố cáo của ông", "tố cáo của bà", "tố cáo của anh",
          "tố cáo của chị", "người tố cáo là", "người tố cáo",
          "người đứng đơn tố cáo", "người gửi đơn tố cáo", "người viết đơn tố cáo",
          "đơn tố cáo đề ngày", "đơn tố cáo ghi ngày", "đơn tố giác của", "người tố giác là",
          "danh tính người tố cáo"),
    needs=("person",),
    public=(),
    unless=("quyền của người tố cáo", "nghĩa vụ của người tố cáo", "bảo vệ người tố cáo"),
)
# the denouncer first: a denunciation names the official it accuses too (DISCIPLINE's cue)
CONCEPTS = (DENOUNCER, SUCCESSION, DISCIPLINE, NOMINATION, VACANCY, NAMED_FOR, STRUGGLE,
            INSTIGATORS, ASSESSMENT)

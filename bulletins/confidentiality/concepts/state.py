"""Inspection, audit, economy, foreign affairs and examinations, and explicit secrecy.

- Inspection and audit (Luật BVBMNN 2018, Điều 7 khoản 14, 15): draft or unpublished
  conclusions, what an inspection or audit found before its conclusion is issued, planned
  unannounced inspections and their targets.
- Economy, land (khoản 5, 6): land prices, reserve prices and compensation plans not yet
  approved; national reserve stores (danh mục BMNN lĩnh vực dự trữ quốc gia).
- Foreign affairs (khoản 4): negotiating positions and what our side will or will not raise.
- Education (khoản 8): examination papers and answers before the examination.
- Any content the text itself calls secret or unpublished, with detail (Điều 2 khoản 1: a
  state secret is information not yet made public).
"""

from __future__ import annotations

from dataclasses import replace

from bulletins.confidentiality.concepts.basis import Concept

CONCLUSIONS = Concept(
    "conclusions", "inspection", "kết quả thanh tra, kiểm toán chưa công bố",
    cues=("dự thảo kết luận", "kết luận thanh tra", "kết luận kiểm tra", "kết luận",
          "biên bản làm việc", "phát hiện sơ bộ", "sơ bộ", "kiểm toán nhà nước", "tổ kiểm toán",
          "đoàn kiểm toán", "đoàn thanh tra", "thanh tra tỉnh", "sai phạm", "chi sai",
          "nghiệm thu khống", "khống", "thất thoát", "trách nhiệm thuộc",
          "trách nhiệm chính thuộc", "chưa có kết luận", "chờ kết luận", "đang giải trình",
          "khiếu nại đúng một phần", "phải trả lại", "đoàn kiểm tra", "tự ý chi", "chi vượt",
          "chưa đưa vào biên bản", "thu hồi nộp", "biên bản kiểm tra", "chưa ký",
          "thi công thiếu", "thiếu khối lượng"),
    needs=("amount+pending", "person+pending", "named+pending", "count+pending",
           "amount+secret"),
    unless=("công khai kết quả", "xử phạt hành chính tổng", "báo cáo chính trị",
            "phát biểu kết luận", "kết luận hội nghị"),  # a chair's closing words
)
PRICES = Concept(
    "prices", "economy", "giá đất, giá khởi điểm, phương án bồi thường chưa phê duyệt",
    cues=("giá đất", "bảng giá đất", "giá khởi điểm", "giá sàn", "mức sàn", "giá trần",
          "đơn giá bồi thường", "mức bồi thường", "phương án bồi thường", "giá bồi thường",
          "hệ số điều chỉnh giá đất", "giá dự kiến", "giá trúng đấu giá", "mức hỗ trợ dự kiến",
          "giá đền bù", "mức đền bù", "tiền đền bù", "đơn giá đền bù", "phương án đền bù",
          "giá thu hồi", "phương án tái định cư", "suất tái định cư", "mức hỗ trợ",
          "hỗ trợ di dời", "tiền hỗ trợ", "đồng/m²", "đồng/m2", "đồng/khóm", "đồng/cây"),
    needs=("amount+pending",),
    unless=("theo quyết định",),  # the prices a decision fixed, quoted from it
)
RESERVES = Concept(
    "reserves", "economy", "kho, số lượng hàng dự trữ quốc gia",
    cues=("dự trữ quốc gia", "kho dự trữ quốc gia", "hàng dự trữ quốc gia", "kho dự trữ"),
    needs=("place", "wcount", "amount"),
)
FOREIGN = Concept(
    "foreign", "foreign", "quan điểm, phương án trao đổi với nước ngoài",
    cues=("quan điểm của ta", "phía ta", "lập trường của ta", "ta chủ trương",
          "kênh ngoại giao", "chủ trương không đề cập", "không đề cập", "nếu đoàn hỏi",
          "nếu phía bạn", "nhượng bộ", "chỉ chấp nhận", "không đồng ý đề nghị",
          "phương án đề nghị", "trả lời đang xác minh", "giới hạn đàm phán",
          "phương án đàm phán", "mức có thể chấp nhận", "nếu bạn không đồng ý", "thì chấp nhận",
          "ta sẽ đề nghị", "ta đề nghị", "tránh đề cập", "không nhắc đến", "không nêu vấn đề",
          "ta giữ quan điểm", "không trao đổi về", "đoàn ta", "ta sẽ không", "phía nước bạn",
          "đề xuất với bạn", "ta chỉ đồng ý", "ta chỉ chấp nhận", "ta không đồng ý",
          "ta không chấp nhận", "ta đề nghị bạn", "phương án lùi", "mức chấp nhận tối thiểu",
          "mức tối thiểu có thể chấp nhận", "để dành cho cuộc gặp", "không nêu vụ",
          "có thể chấp nhận thấp nhất", "chấp nhận thấp nhất", "không nêu trước"),
    needs=("alone",),
    unless=("đã hội đàm", "ký kết", "hữu nghị", "giao lưu"),
)
EXAMS = Concept(
    "exams", "education", "đề thi, đáp án trước khi thi",
    cues=("đề thi", "đề kiểm tra", "đáp án", "câu hỏi", "đề môn", "nội dung thi",
          "câu hỏi phỏng vấn", "đề bài", "đề toán", "đề ngữ văn", "đề tiếng anh", "đề văn",
          "nhận đề", "đề khảo sát", "đề được bảo mật", "đề chung", "đề phỏng vấn",
          "đề thi tuyển"),
    needs=("content", "code"),
    public=("announced",),  # the questions may speak of anything, campaigns and festivals too
    unless=("đề cương ôn tập", "đã thi", "sau kỳ thi", "đáp án chính thức", "hỏi đáp",
            "trả lời câu hỏi", "câu hỏi về", "câu hỏi của", "giải đáp"),
)
UNPUBLISHED = Concept(
    "unpublished", "unpublished", "nội dung văn bản ghi là mật, chưa công bố",
    cues=("giữ bí mật", "cần giữ bí mật", "đang giữ bí mật", "được giữ bí mật", "giữ kín",
          "thông tin mật", "tài liệu mật", "độ mật", "cần bảo mật", "thông tin nội bộ",
          "nguồn tin nội bộ", "đánh giá nội bộ", "chưa công bố", "chưa công khai",
          "không công khai", "chưa phổ biến", "không phổ biến", "không thông tin ra ngoài",
          "tránh lộ lọt", "lộ lọt", "không tiết lộ", "phiếu kín", "chưa phát hành",
          "chưa ban hành", "chưa đưa ra", "chưa thông báo", "không báo trước",
          "lưu hành nội bộ", "không đưa tin", "không phát thanh", "không đăng", "chỉ lưu hành",
          "không được tiết lộ", "tránh để lộ", "không để lộ", "không phổ biến rộng"),
    needs=("person", "place", "count", "amount", "list", "named", "wcount"),
    unless=("người báo tin", "người tố giác", "danh tính", "mã otp", "mật khẩu",
            "thông tin cá nhân", "chế độ", "soạn thảo", "quy định về",
            # a service keeping its clients' names private is a promise, not a secret
            "thông tin người đến", "thông tin người bệnh", "thông tin khách hàng",
            "người đến tư vấn", "giữ kín tên", "được giữ kín danh", "mọi thông tin được",
            "mọi thông tin đều được", "được giữ kín tuyệt đối", "được bảo mật tuyệt đối",
            "tư vấn", "người được xét nghiệm", "giữ kín theo quy định",
            "bảo mật theo quy định", "đấu giá"),  # an auction's sealed bids ("phiếu kín")
)
# Inspection before its conclusion, reserves, border and negotiation matters (danh mục BMNN
# lĩnh vực thanh tra, dự trữ quốc gia, ngoại giao, biên giới).
CONCLUSIONS = replace(CONCLUSIONS, cues=CONCLUSIONS.cues + (
    "dự thảo báo cáo", "kết quả xác minh", "kiến nghị thu hồi", "phát hiện sai phạm",
    "sai phạm", "số tiền sai phạm", "chi sai mục đích", "lập khống", "khai khống",
    "thanh tra đột xuất", "đoàn thanh tra sẽ", "chuyển cơ quan điều tra",
    "dấu hiệu tội phạm", "chuyển hồ sơ sang"))
RESERVES = replace(RESERVES, cues=RESERVES.cues + (
    "dự trữ nhà nước", "gạo dự trữ", "thóc dự trữ", "xăng dầu dự trữ", "vật tư dự trữ",
    "hàng dự trữ", "tồn kho dự trữ"))
BORDER = Concept(
    "border", "foreign", "vấn đề biên giới, đàm phán với nước ngoài chưa công bố",
    cues=("đàm phán", "phân giới", "cắm mốc", "tranh chấp", "xâm canh", "vượt mốc", "lấn chiếm",
          "phía bạn", "phía nước bạn", "phía lào", "phía trung quốc", "phía campuchia",
          "mốc giới"),
    needs=("secret+place", "secret+count", "secret+person"),
    unless=("hữu nghị", "giao lưu", "kết nghĩa", "chúc mừng", "tết"),
)
CONCEPTS = (EXAMS, FOREIGN, BORDER, PRICES, RESERVES, CONCLUSIONS, UNPUBLISHED)

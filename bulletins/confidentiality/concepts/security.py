"""Security secrets (Luật BVBMNN 2018, Điều 7 khoản 2; danh mục BMNN lĩnh vực công an).

The public-security catalogue protects the forces, means and measures of professional work
(lực lượng, phương tiện, biện pháp nghiệp vụ): reconnaissance and covert teams, secret
collaborators and informants (cơ sở bí mật, cộng tác viên bí mật), surveillance of named people,
plans of raids and cases (chuyên án) before they are carried out, the people under political-
security management (quản lý an ninh chính trị, đối tượng trọng điểm) and those being verified
or investigated.
"""

from __future__ import annotations

from dataclasses import replace

from bulletins.confidentiality.concepts.basis import FIELD, Concept, without

COVERT = Concept(
    "covert", "security", "lực lượng trinh sát, tổ công tác bí mật và nơi hoạt động",
    cues=("trinh sát", "lực lượng trinh sát", "tổ trinh sát", "mặc thường phục", "thường phục",
          "tổ công tác bí mật", "lực lượng bí mật", "hoạt động bí mật", "bí mật theo dõi",
          "bí mật giám sát", "bí mật thu giữ", "bí mật kiểm tra", "bí mật tiếp cận",
          "bí mật gặp", "bí mật bắt", "bí mật vây", "trà trộn", "ngụy trang", "cài người",
          "cài cắm", "cài vào", "đưa người vào", "chốt ẩn", "mật phục", "phục kích", "ẩn nấp",
          "lực lượng nghiệp vụ", "đơn vị nghiệp vụ", "biện pháp nghiệp vụ", "nghiệp vụ",
          "giữ bí mật kế hoạch", "ghi âm", "ghi lại", "tham gia để", "để quan sát",
          "quan sát nhóm", "canh chừng", "phục sẵn", "nằm vùng", "bám theo", "đeo bám",
          "giả làm", "hóa trang", "đóng giả", "mai phục", "đón lõng", "tai mắt", "xâm nhập",
          "tiếp cận nhóm", "kế hoạch điều tra", "phương án điều tra",
          "hướng điều tra", "kế hoạch xác minh", "theo kế hoạch xác minh", "túc trực"),
    needs=("place", "time", "person", "count", "named"),
    # men sent to a mass to note the sermon: a mass is where they work, not a publication
    public=tuple("gathering" if g == "event" else g for g in FIELD),
    unless=("cấp cứu", "xe cứu thương", "trực tết", "ghi lại tọa độ", "vừa kiện toàn",
            "đã kiện toàn", "hãy là"),
)
INFORMANTS = Concept(
    "informants", "security", "cơ sở bí mật, cộng tác viên bí mật, người cung cấp tin",
    cues=("ctvbm", "ctv bí mật", "cộng tác viên bí mật", "cơ sở bí mật", "cơ sở nắm tình hình",
          "đặc tình", "người cung cấp tin", "người cung cấp thông tin", "mạng lưới cung cấp tin",
          "mạng lưới người cung cấp tin", "nguồn tin", "nguồn tin nội bộ", "bí số",
          "cơ sở trong", "nắm tình hình qua", "làm cơ sở", "người trong nhóm",
          "cung cấp tin cho", "báo tin cho công an", "cài", "đưa người vào",
          "tiếp tục báo cho", "thường xuyên báo cho", "hằng tuần báo về", "hằng ngày báo về",
          "báo cáo hằng ngày", "báo cáo hằng tuần", "bí mật báo", "tai mắt", "người của ta"),
    needs=("person", "place", "time", "code", "list", "named"),
    # an informant in a propaganda group is still an informant: a campaign around it frames
    # nothing; a notice, an announcement or a past result may
    public=("notice", "announced", "done"),
    unless=("cài đặt", "mọi thông tin", "người dân cung cấp", "cài ứng dụng", "cài app",
            "cài phần mềm", "cài lại", "hãy là"),  # "Bà con hãy là “tai mắt” …": an appeal
)
SURVEILLANCE = Concept(
    "surveillance", "security", "theo dõi, giám sát một người cụ thể",
    cues=("theo dõi", "giám sát", "giám sát thuê bao", "thuê bao", "lịch sử cuộc gọi",
          "nghe lén", "định vị", "kiểm soát tài khoản", "nắm tình hình", "bám sát",
          "quản lý chặt", "đang theo dõi", "đang bị theo dõi", "nắm ý đồ", "trích xuất",
          "lịch sử tin nhắn", "nội dung tin nhắn", "nghe trộm", "định vị điện thoại",
          "sao kê tài khoản", "kiểm tra điện thoại", "theo dõi tài khoản", "giám sát hoạt động",
          "nắm lịch", "gắn với số", "các nhóm zalo", "bí mật xác minh",
          # what watching a person does: films his visitors, notes when he leaves, keeps his
          # posts and who comments on them, holds on to his numbers
          "ghi hình", "ghi nhận giờ", "chụp lại bài đăng", "ghi tên người", "nắm chắc",
          "nắm chặt", "nắm các mối quan hệ", "cử người gần gũi",
          # kept at home by an officer while something happens ("giao Công an viên kèm tại nhà")
          "kèm tại nhà", "kèm sát", "giữ chân tại nhà"),
    needs=("phone+agent", "account+agent", "person+agent", "person+secret"),
    public=(*FIELD, "mediation"),
    unless=("camera giám sát", "phối hợp giám sát việc", "phối hợp giám sát thực hiện",
            "giúp đỡ", "theo dõi thông báo",
            "theo dõi kết quả", "theo dõi sức khỏe", "ban giám sát", "giám sát đầu tư",
            "chăm sóc", "giám sát việc", "theo dõi, chăm sóc", "theo dõi danh sách",
            "theo dõi diễn biến", "theo dõi trên", "khuyến cáo bà con"),
)
RAIDS = Concept(
    "raids", "security", "kế hoạch kiểm tra, vây bắt bất ngờ chưa thực hiện",
    cues=("bất ngờ", "đột xuất", "ập vào", "đột kích", "vây bắt", "truy bắt", "bắt giữ",
          "khám xét", "kiểm tra đột xuất", "không báo trước", "thu lưới", "triệt xóa",
          "tổng kiểm tra", "truy quét", "kiểm tra nơi ở", "test nhanh", "kiểm tra hành chính",
          "đánh úp", "không thông báo trước", "bao vây", "vây ráp", "bắt quả tang", "ập vào",
          "sẽ bắt", "sẽ khám", "kế hoạch bắt", "phương án bắt", "ra quân bắt", "tóm gọn",
          "kiểm tra bất ngờ", "sẽ tiến hành kiểm tra", "sẽ kiểm tra đột xuất"),
    needs=("future+time", "future+place", "future+person", "future+named", "time+person",
           "time+named"),
    public=FIELD,
    unless=("không tự ý bắt giữ", "kiểm tra đột xuất các", "báo ngay"),
)
SUSPECTS = Concept(
    "suspects", "security", "người đang bị xác minh, điều tra, quản lý về an ninh",
    cues=("đã xác định được", "xác định được", "đã xác định", "qua xác minh", "nghi là",
          "được xác định là", "đã được xác định", "hoàn tất hồ sơ", "chuyển hồ sơ",
          "nghi vấn", "có liên quan", "hoàn thiện hồ sơ", "lập hồ sơ xử lý", "đang làm rõ",
          "hiềm nghi", "đối tượng hiềm nghi", "đang điều tra", "đang xác minh",
          "củng cố chứng cứ", "củng cố hồ sơ", "đang củng cố", "củng cố tài liệu", "triệu tập",
          "chuyên án",
          "lập chuyên án", "xác lập chuyên án", "đối tượng trọng điểm", "diện quản lý",
          "diện theo dõi", "đưa vào diện", "anct", "an ninh chính trị", "quản lý về an ninh",
          "danh sách đối tượng", "đối tượng nghi vấn",
          "đang bị theo dõi", "đang lẩn trốn", "nghi khai thiếu", "nghi trốn thuế",
          "nghi ngờ là", "nghi có liên quan", "đưa vào danh sách", "có dấu hiệu", "bị tình nghi",
          "tình nghi", "cần chú ý", "theo dõi đặc biệt", "đang bị điều tra",
          # a drug named beside a person without its use is a trade: these say so
          "diện trọng điểm", "liên quan đến đường dây", "trong đường dây"),
    needs=("person", "list", "count+place", "named"),
    # what a watched man preaches or posts ("tuyên truyền lập vương quốc") is no campaign
    public=without(FIELD, "event"),
    unless=("đường dây nóng", "bảo vệ an ninh chính trị nội bộ", "nạn nhân", "danh tính",
            "nguyên nhân", "chủ tài sản", "trao trả", "nhặt được", "của rơi",
            "không đưa vào danh sách", "giấy khai sinh", "nhập học", "nhập viện",
            "ai phát hiện", "dấu hiệu cảnh báo"),
)
OPERATION = Concept(
    "operation", "security", "kế hoạch hoạt động của lực lượng chưa thực hiện",
    cues=tuple(f"{agent} {plan}" for agent in (
        "công an xã", "công an", "tổ công tác", "lực lượng", "lực lượng công an",
        "lực lượng chức năng", "dân quân", "công an viên", "lực lượng nghiệp vụ",
        "cán bộ công an", "đồn biên phòng", "biên phòng", "kiểm lâm", "liên ngành")
        for plan in ("sẽ", "dự kiến", "chuẩn bị", "theo kế hoạch sẽ")),
    needs=("future+time+place", "future+time+person", "future+time+named"),
    public=FIELD,
    unless=("tuyên truyền", "hướng dẫn", "cấp căn cước", "làm thủ tục", "tiếp dân", "giúp dân",
            "hỗ trợ nhân dân", "tiêm", "khám", "đăng ký", "vận động", "thu hoạch", "dọn vệ sinh",
            "mời", "đề nghị nhân dân", "kính mời", "tham dự", "tổ chức lễ", "trao", "tặng",
            "giao quân", "nhập ngũ", "khám sức khỏe", "huấn luyện", "diễn tập", "thi đấu",
            "họp", "hội nghị", "tiếp công dân", "trực ban", "phát thanh", "thông báo cho",
            "người dân", "bà con", "nhân dân", "cứu hộ", "cứu nạn", "giúp đỡ", "kiểm tra việc",
            "các hộ", "kiểm soát giao thông"),
)
# More of the public-security catalogue's vocabulary (forces, means and measures of
# professional work; people under management) as staff write it, abbreviations included.
INFORMANTS = replace(INFORMANTS, cues=INFORMANTS.cues + (
    "cơ sở bí mật của ta", "nguồn tin bí mật",
    "cơ sở tin cậy", "người báo tin bí mật", "báo cáo viên bí mật", "cài cắm cơ sở",
    "xây dựng cơ sở", "tuyển chọn cơ sở", "móc nối cơ sở", "ctvbm", "đặc tình",
    "nguồn báo", "theo nguồn", "nguồn tin báo", "đưa được", "ta có", "anh em báo",
    "báo trước", "nhắn riêng cho", "nhắn tin riêng", "mỗi khi có", "cơ sở này",
    "vào được nhóm", "đã vào được", "âm thầm báo", "âm thầm cung cấp"))
COVERT = replace(COVERT, cues=COVERT.cues + (
    "giả dạng", "cải trang", "thâm nhập", "trà trộn vào", "tổ trinh sát ngầm", "trinh sát ngầm",
    "bí mật nắm", "mật phục", "phục kích", "chốt ngầm", "tổ đặc nhiệm",
    "lực lượng đặc nhiệm", "tổ công tác đặc biệt", "biện pháp trinh sát", "đội trinh sát",
    "tổ ngầm", "quay phim bí mật", "thu thập chứng cứ", "bố trí bí mật"))
SUSPECTS = replace(SUSPECTS, cues=SUSPECTS.cues + (
    "sưu tra", "đối tượng sưu tra", "diện sưu tra", "quản lý nghiệp vụ", "hồ sơ nghiệp vụ",
    "hồ sơ đối tượng", "đối tượng cần quản lý", "diện cần quản lý", "danh sách theo dõi",
    "có biểu hiện nghi vấn", "nghi hoạt động", "hoạt động chống phá", "móc nối với",
    "có quan hệ với tổ chức", "đang được xác minh", "đang bị xác minh", "đang trong diện",
    "đối tượng hình sự", "đối tượng nghiện", "đối tượng có tiền án", "điểm nóng",
    "tụ điểm", "ổ nhóm", "nghi vận chuyển", "nghi mua bán", "bị nghi",
    "an ninh nội bộ", "an ninh tư tưởng", "lộ lọt bí mật"))
RAIDS = replace(RAIDS, cues=RAIDS.cues + (
    "bắt khẩn cấp", "khám xét khẩn cấp", "lệnh bắt", "giờ g", "ngày n", "kế hoạch vây bắt",
    "phương án vây bắt", "phá án", "kế hoạch phá án", "đánh án", "ra quân truy quét",
    "tổng tấn công", "kiểm tra bất chợt", "sẽ ập vào", "khép chặt", "khép vòng vây",
    "khám nhà", "khám lán", "khám xét nhà", "vào nhà", "chốt lối", "chốt đường mòn",
    "vào kiểm tra", "sẽ vào kiểm tra", "sẽ vây", "vây khu", "đồng loạt kiểm tra"))
# Officers in disguise among people: plain clothes in a festival crowd are still covert, so
# only a notice, an announcement or a past result frames them (not an event or a training).
DISGUISE = Concept(
    "disguise", "security", "lực lượng cải trang, trà trộn và nơi hoạt động",
    cues=("mặc thường phục", "thường phục", "trà trộn", "trà trộn vào", "đi lẫn", "lẫn vào",
          "lẫn trong", "giả làm", "giả dạng", "cải trang", "hóa trang", "đóng giả", "nằm vùng",
          "cài người", "cài cắm", "trinh sát ngầm", "tổ trinh sát ngầm", "chốt ngầm",
          "tổ ngầm", "chốt ẩn", "mật phục", "bí mật theo dõi", "bí mật giám sát",
          "không mặc sắc phục", "không sắc phục", "không mặc quân phục", "đóng vai",
          "trong vai", "giả vờ làm", "trang phục thường dân", "quần áo thường dân"),
    needs=("place", "time", "person", "count", "named"),
    public=("notice", "announced", "done"),
)
CONCEPTS = (INFORMANTS, COVERT, DISGUISE, SURVEILLANCE, RAIDS, SUSPECTS)
# judged after every other concept: what a sentence says when nothing more specific fits
BACKSTOPS = (OPERATION,)

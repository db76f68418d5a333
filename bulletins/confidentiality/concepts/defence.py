"""Defence secrets (Luật BVBMNN 2018, Điều 7 khoản 2; danh mục BMNN lĩnh vực quốc phòng).

The catalogue protects: combat, defence and readiness plans (kế hoạch tác chiến, kế hoạch A2,
khu vực phòng thủ); the organisation, strength and deployment of the armed forces and militia;
defence works and positions (sở chỉ huy, trận địa, công sự, kho); weapons, ammunition and their
stores; wartime arrangements (sơ tán, dự trữ thời chiến, động viên); the codes, passwords and
frequencies of military communication; the protection of leaders' visits.
"""

from __future__ import annotations

from dataclasses import replace

from bulletins.confidentiality.concepts.basis import DEFENCE_FIELD, Concept, without

WEAPONS = Concept(
    "weapons", "defence", "vũ khí, đạn dược và nơi cất giữ",
    cues=("vũ khí", "súng", "khẩu súng", "súng trường", "súng tiểu liên", "súng máy",
          "súng ngắn", "súng cối", "đại liên", "trung liên", "ak", "akm", "ckc", "k54", "k59",
          "b40", "b41", "đạn", "viên đạn", "đạn dược", "cơ số đạn", "hòm đạn", "lựu đạn",
          "thủ pháo", "mìn", "bộc phá", "thuốc nổ", "kíp nổ", "khí tài", "quân khí",
          "kho vũ khí", "kho đạn", "kho súng", "tủ súng", "giá súng", "hòm súng",
          "trang bị", "tủ sắt", "hòm sắt"),
    needs=("wcount", "store", "place+count"),
    # a weapon's count or store is not published by the flood or storm the bulletin is about
    public=without(DEFENCE_FIELD, "disaster", "storm"),
    unless=("tàng trữ trái phép", "tự chế", "súng hơi", "súng cồn", "bắn pháo hoa", "pháo nổ",
            "pháo hoa", "súng bắn đạn cao su"),
)
POSITIONS = Concept(
    "positions", "defence", "vị trí sở chỉ huy, trận địa, công trình quốc phòng",
    cues=("sở chỉ huy", "sch", "hầm chỉ huy", "trận địa", "trận địa pháo", "pháo phòng không",
          "súng máy phòng không", "phòng không", "pháo cao xạ", "cao xạ", "ra đa", "rađa",
          "trạm quan sát", "đài quan sát", "công sự", "hầm hào", "hầm ngầm", "căn cứ chiến đấu",
          "căn cứ hậu phương", "căn cứ hậu cần", "vị trí chiến đấu", "điểm tựa",
          "cụm chiến đấu", "chốt chiến đấu", "kho hậu cần", "kho quân nhu", "kho xăng dầu",
          "kho dự trữ thời chiến", "công trình quốc phòng", "khu quân sự", "khẩu đội",
          "hầm chứa đạn", "nơi chỉ huy", "vị trí chỉ huy", "trạm thông tin", "hậu cứ",
          "cứ điểm", "hỏa điểm", "ụ súng", "lô cốt", "vị trí bắn"),
    needs=("place", "store", "count+time"),
    # a gun position stays secret in the training notice that names it
    public=without(DEFENCE_FIELD, "civil"),
)
PLANS = Concept(
    "plans", "defence", "phương án tác chiến, sẵn sàng chiến đấu",
    cues=("phương án tác chiến", "kế hoạch tác chiến", "kế hoạch a2", "phương án a2", "a2",
          "kế hoạch phòng thủ", "phương án phòng thủ", "quyết tâm chiến đấu",
          "chuyển trạng thái", "sẵn sàng chiến đấu", "trực sẵn sàng chiến đấu",
          "hướng chủ yếu", "hướng thứ yếu", "hướng phòng thủ", "hướng tiến công", "chiếm lĩnh",
          "khống chế", "chốt chặn", "chốt giữ", "án ngữ", "chặn hướng", "chặn đầu",
          "phục kích", "đánh địch", "hiệp đồng tác chiến", "phương án chiến đấu",
          "khi có báo động", "mai phục", "đón lõng", "ém quân", "triển khai lực lượng",
          "phương án bảo vệ", "kế hoạch bảo vệ", "kế hoạch huy động", "huy động lực lượng",
          "điều lực lượng", "tăng cường lực lượng"),
    needs=("place", "time+count", "time+future"),
    public=DEFENCE_FIELD,
    unless=("đám cháy", "được khống chế", "khống chế dịch", "khống chế đám cháy", "ổ dịch"),
)
FORCES = Concept(
    "forces", "defence", "bố trí, quân số lực lượng vũ trang, dân quân",
    cues=("tiểu đội", "trung đội", "đại đội", "phân đội", "trung đội cơ động",
          "lực lượng cơ động", "tổ cơ động", "dân quân thường trực", "dân quân cơ động",
          "hiệp đồng", "tập kết", "hành quân", "cơ động lực lượng", "chốt tại",
          "đặt chốt", "tổ chốt", "lực lượng bảo vệ", "vòng ngoài", "vòng trong",
          # a force split into prongs ("24 đồng chí …, chia 3 mũi; mũi 1 phục tại …")
          *(f"chia {how}{n} mũi" for how in ("", "thành ", "làm ") for n in "234")),
    needs=("place+count", "place+time", "count+time+future", "place+future"),
    public=DEFENCE_FIELD,
    # "bố trí" of work, money and rooms is everyday administration
    unless=("bố trí công việc", "bố trí việc làm", "bố trí chỗ", "bố trí vốn", "bố trí kinh phí",
            "bố trí ngân sách", "bố trí thời gian", "bố trí nguồn", "bố trí quỹ đất",
            "bố trí tái định cư", "bố trí đất", "bố trí giáo viên", "bố trí phòng",
            "song phương", "tuần tra chung", "nước bạn", "tập kết rác", "tập kết vật liệu",
            "vừa kiện toàn", "đã kiện toàn", "đã rà soát"),
)
# "bố trí" places land, boats and money as often as men: forces only when it names them
PLACED = replace(FORCES, key="placed", cues=("bố trí",),
                 needs=tuple(f"force+{alt}" for alt in FORCES.needs))
WARTIME = Concept(
    "wartime", "defence", "phương án sơ tán, dự trữ thời chiến",
    cues=("thời chiến", "khi có chiến tranh", "khi xảy ra chiến tranh", "chiến tranh xảy ra",
          "tình huống quốc phòng", "tình huống chiến tranh", "có chiến sự", "sơ tán",
          "nơi sơ tán", "khu sơ tán", "địa điểm sơ tán", "dự trữ thời chiến", "kho dự trữ",
          "lương thực dự trữ", "dự trữ lương thực", "dự trữ quốc gia", "hàng dự trữ",
          "động viên thời chiến", "động viên công nghiệp", "khu vực phòng thủ",
          "xảy ra xung đột", "khi có xung đột", "khi có biến", "tình huống khẩn cấp về quốc phòng",
          "di tản", "phân tán", "trưng dụng", "trưng mua", "huy động tàu", "huy động phương tiện",
          "lệnh động viên", "khi có lệnh", "khi bị đánh phá", "bị đánh phá", "địch đánh phá"),
    needs=("place", "wcount", "amount", "count+store"),
    public=DEFENCE_FIELD,
    unless=("tránh bão", "sơ tán dân", "mưa lũ", "triều cường", "sơ tán tránh", "thiên tai"),
)
CODES = Concept(
    "codes", "defence", "mật khẩu, mật ngữ, tần số liên lạc",
    cues=("mật khẩu", "khẩu lệnh", "mật ngữ", "mật danh", "mã lệnh", "ám hiệu", "ám lệnh",
          "tín hiệu quy ước", "quy ước", "tần số", "tần số trực canh", "kênh liên lạc",
          "hô hiệu", "bí danh", "mã hiệu", "khz", "mhz", "mã nhận biết", "tín hiệu liên lạc",
          "khẩu hiệu nhận biết", "mật mã", "bộ đàm", "kênh số"),
    needs=("challenge", "freq", "code"),
    # a frequency, a call sign or a password pair is never made public by a training or a
    # festival around it: only a notice, an announcement or a past result frames it
    public=("notice", "announced", "done"),
    unless=("wifi", "otp", "vneid", "ngân hàng", "đăng nhập", "mạng xã hội", "lừa đảo",
            "ứng dụng", "mã bảo vệ", "tài khoản", "hỏi đáp", "giải đáp", "câu hỏi",
            "kênh chính thức", "phát sóng", "truyền thanh", "phát thanh"),
)
# a challenge and its password quoted side by side need no other word to be what they are
PAIRS = Concept(
    "pairs", "defence", "mật khẩu hỏi – đáp của lực lượng canh gác",
    cues=("hỏi",), needs=("pair",), public=("notice",),
    unless=("lừa đảo", "kẻ gian", "đăng nhập", "otp", "trò chơi", "câu đố", "đố vui"),
)
LEADERS = Concept(
    "leaders", "leaders", "lộ trình, thời gian và lực lượng bảo vệ đoàn lãnh đạo",
    cues=("cảnh vệ", "bảo vệ đoàn", "đoàn công tác", "đoàn của", "đoàn đại biểu",
          "lãnh đạo đảng", "lãnh đạo nhà nước", "chủ tịch nước", "thủ tướng", "tổng bí thư",
          "chủ tịch quốc hội", "bí thư tỉnh ủy", "chủ tịch ubnd tỉnh", "đoàn xuất phát",
          "xe dẫn đường", "dẫn đường", "chốt bảo vệ", "hạ cánh", "trực thăng", "đón đoàn",
          "đoàn đi", "đoàn đến", "đoàn sẽ", "đoàn di chuyển", "lãnh đạo cấp cao",
          "đoàn lãnh đạo", "đoàn trung ương", "đoàn của tỉnh", "đoàn khách", "đại sứ",
          "lãnh đạo tỉnh", "lãnh đạo trung ương", "ủy viên bộ chính trị", "bộ trưởng",
          "chủ tịch tỉnh", "phó chủ tịch tỉnh", "phó bí thư tỉnh ủy", "xe cảnh sát", "dẫn đoàn",
          "hộ tống", "đoàn rời", "đoàn dừng", "đoàn khởi hành"),
    needs=("time+route", "place+guard", "time+guard", "count+guard", "route+guard"),
    # a leader who visits a flood, a landslide or a relic site is guarded all the same
    public=without(DEFENCE_FIELD, "disaster", "storm", "event"),
)
PATROLS = Concept(
    "patrols", "defence", "lịch, tuyến tuần tra canh gác và chỗ trống",
    cues=("tuần tra", "lịch tuần tra", "tuyến tuần tra", "lộ trình tuần tra", "canh gác",
          "trực canh", "chốt canh", "chốt ẩn", "trạm gác", "lịch trực", "ca trực",
          "không bố trí người", "bỏ trống", "chưa có chốt", "canh giữ", "trực đêm", "trực gác",
          "phiên trực", "cắt cử", "phân công trực", "lịch gác", "gác đêm", "ca gác",
          # a guard's shift change and an empty post are when a post is weakest
          "đổi ca", "thay ca", "ca đêm", "bảo vệ trực", "vọng gác", "không có người trực",
          "dân quân trực"),
    needs=("gap", "time+place", "time+count"),
    public=DEFENCE_FIELD,
    unless=("tự quản", "song phương", "kiểm soát giao thông", "đợt tuần tra", "duy trì tuần tra",
            "nhắc nhở", "thuận tiện cho tuần tra", "phục vụ tuần tra", "phục vụ công tác tuần tra",
            "trong quá trình tuần tra", "qua tuần tra",
            "trực cấp cứu", "trạm y tế trực"),
)
# More of the defence catalogue's vocabulary (QĐ-TTg danh mục BMNN lĩnh vực quốc phòng:
# combat readiness, defence works, weapons and stores, wartime arrangements, signals).
WEAPONS = replace(WEAPONS, cues=WEAPONS.cues + (
    "vkvln", "vũ khí vật liệu nổ", "vật liệu nổ", "vũ khí quân dụng", "súng k54", "súng k59",
    "súng ak", "súng ckc", "súng b40", "súng b41", "súng cối 60", "cối 60", "cối 82",
    "đạn cối", "đạn b40", "đạn ak", "đạn pháo", "cơ số", "số súng", "số đạn", "kho k",
    "kho quân giới", "tủ vũ khí", "phòng vũ khí", "niêm cất", "trang bị vũ khí"))
POSITIONS = replace(POSITIONS, cues=POSITIONS.cues + (
    "sở chỉ huy cơ bản", "sở chỉ huy dự bị", "sở chỉ huy phía sau", "sở chỉ huy thời chiến",
    "sở chỉ huy trên không", "sch cơ bản", "sch dự bị", "trạm ra đa", "trận địa pháo",
    "trận địa súng máy", "đại đội pháo", "súng máy 12,7", "súng máy 14,5", "12,7 ly", "14,5 ly",
    "pháo 37", "pháo 57", "hầm trú ẩn", "hầm sở chỉ huy", "địa đạo", "hang động chiến đấu",
    "khu vực phòng thủ then chốt", "tuyến phòng thủ", "mục tiêu trọng yếu", "mục tiêu quan trọng",
    "mục tiêu bảo vệ", "vị trí đặt pháo", "vị trí đặt súng", "ụ pháo", "đài canh"))
PLANS = replace(PLANS, cues=PLANS.cues + (
    "kế hoạch a1", "kế hoạch a3", "phương án a1", "báo động chiến đấu", "báo động cấp 1",
    "báo động cấp 2", "sẵn sàng cấp 1", "trạng thái sẵn sàng", "lệnh báo động",
    "phương án phòng thủ",
    "phương án đánh địch", "phương án chống đổ bộ", "chống đổ bộ", "chống nhảy dù",
    "chống bạo loạn", "phương án chống bạo loạn", "xử lý bạo loạn", "phương án xử lý tình huống",
    "phương án bảo vệ mục tiêu", "kế hoạch bảo đảm", "phương án cơ động",
    # where the enemy is to be stopped is the plan itself ("chặn địch tại tuyến bãi cát …")
    "chặn địch", "diệt địch", "tiêu diệt địch", "địch đổ bộ", "đánh chặn"))
WARTIME = replace(WARTIME, cues=WARTIME.cues + (
    "sơ tán thời chiến", "nơi sơ tán thời chiến", "địa điểm sơ tán thời chiến",
    "kế hoạch động viên", "động viên quân đội", "động viên quân nhân dự bị", "quân nhân dự bị",
    "lực lượng dự bị động viên", "dự bị động viên", "phương tiện kỹ thuật dự bị",
    "kho lương thực thời chiến", "kho xăng dầu thời chiến", "bảo đảm hậu cần thời chiến"))
CODES = replace(CODES, cues=CODES.cues + (
    "mã khóa", "khóa mã", "cơ yếu", "điện mật", "tần số chính", "tần số dự bị", "tần số phụ",
    "kênh chính", "kênh dự bị", "mật khẩu hỏi", "khẩu lệnh hỏi", "ký hiệu liên lạc",
    "bảng mật ngữ", "ám hiệu nhận biết", "tín hiệu báo động"))
# where the weapons are kept is never published by the training or the call-up around them
STORED = replace(WEAPONS, key="stored", needs=("store+wcount",), public=("notice", "announced"))
CONCEPTS = (CODES, PAIRS, WARTIME, POSITIONS, STORED, WEAPONS, LEADERS, PLANS, FORCES, PLACED,
            PATROLS)

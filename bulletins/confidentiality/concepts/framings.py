"""Framings that make a sentence public on purpose — a wanted notice, an announced result, a
campaign, the military life lived in the open, a storm — and where a bulletin's title ends.
They lower or cancel a finding of the concepts (engine.py) and of personal data (personal.py).
"""

from __future__ import annotations

import re

from bulletins.confidentiality.text import Doc


def _phrases(words: str) -> re.Pattern[str]:
    """A regex of |-separated phrases that end a word (their syllables start words anyway);
    no look-behind in front, so that the engine skips fast to their first letters."""
    return re.compile(r"(?:" + words + r")(?!\w)")


# Framings that make a sentence public on purpose. They lower or cancel a finding.
PUBLIC = {
    # wanted and missing persons, trials: published on purpose
    "notice": _phrases(r"truy nã|đầu thú|tìm người|nhắn tìm|mất tích|đi lạc|phiên tòa|xét xử"
                       r"|tuyên phạt|tuyên án|bị cáo|người báo tin|người tố giác|tố giác"),
    # results and decisions already announced
    "announced": _phrases(r"đã công bố|đã được công bố|công bố kết quả|công bố quyết định"
                          r"|trúng cử|đã bầu|bầu đồng chí|tán thành|nhậm chức"
                          r"|trao quyết định|đã được (?:bổ nhiệm|điều động|bầu)|niêm yết công khai"
                          r"|công khai danh sách|được niêm yết|(?:đã|đã được) phê duyệt"
                          r"|công khai kết luận|đã ban hành kết luận|quyết định số"
                          r"|(?<!sẽ )(?<!kiến )(?<!không )(?<!chưa )(?<!thể )"
                          r"được (?:bổ nhiệm|điều động|luân chuyển|bầu)|đắc cử"
                          r"|tặng (?:giấy|bằng) khen"
                          # an award, unless the list goes on to who failed (an evaluation)
                          r"|hoàn thành xuất sắc nhiệm vụ(?![^.;\n]*không hoàn thành nhiệm vụ)"
                          r"|đã niêm yết|đã được niêm yết|đã công khai"
                          r"|(?:đã )?ban hành quyết định|quyết định công nhận"
                          r"|đã ký quyết định|ký quyết định bổ nhiệm|bầu (?:ông|bà|anh|chị)"
                          # a dismissal voted, a draft put out for the people's comments
                          r"|(?:đã|đã được) miễn nhiệm|đăng công khai|công khai dự thảo"
                          r"|lấy ý kiến (?:nhân dân|rộng rãi|góp ý của nhân dân)"),
    # campaigns, festivals, training, drills for the public, history
    # (not a suspect's "tuyên truyền chống đối", the propaganda the police watch)
    "event": _phrases(r"tuyên truyền(?! (?:chống|phản động|xuyên tạc|sai sự thật|trái phép|đạo"
                      r"|nói xấu|kích động|nội dung|tư tưởng|luận điệu))"
                      r"|chiến dịch|tháng hành động|hội thao|hội diễn|lễ hội"
                      r"|ngày hội|tập huấn|hội thi|giao lưu|tham quan|khai giảng"
                      r"|kháng chiến|di tích|(?<!sinh )năm 19\d\d|(?<!tín ngưỡng )truyền thống"
                      r"|thánh lễ|đại lễ|bảo vệ bí mật nhà nước|bảo mật thông tin cá nhân"
                      r"|dữ liệu cá nhân|mít tinh"
                      r"|diễu hành|cổ động|tình nguyện|văn nghệ"),
    # the military and security life that is public: call-up, training, disasters, traffic
    "civil": _phrases(r"tuyển quân|giao quân|giao nhận quân|nhập ngũ|khám tuyển"
                      r"|nghĩa vụ quân sự|huấn luyện|bắn đạn thật|trường bắn|vỏ đạn|đầu đạn"
                      r"|giao nộp|thu hồi vũ khí|bom mìn|vật nổ sót|rà phá|cứu nạn|cứu hộ"
                      r"|bom bi|quả bom|sót lại|chiến tranh để lại|còn nguyên ngòi"
                      r"|phát quang|thu gom rác|vệ sinh môi trường|dọn vệ sinh|giúp dân"
                      r"|phòng cháy|chữa cháy|cháy rừng|giao thông|phân luồng"
                      r"|camera an ninh|đạt loại|thành công tốt đẹp|đã kết thúc"
                      r"|mặc sắc phục|trong sắc phục"),
    # elections held in the open (a village head, the people's councils)
    "election": _phrases(r"bầu (?:cử )?trưởng (?:thôn|ấp|bản|khu)|bầu cử đại biểu|hội nghị cử tri"),
    # storms, floods, landslides: the commune's forces at work in the open
    "disaster": _phrases(r"bão|bão số \d+|lũ|lũ lụt|tránh bão|thiên tai|ngập|ngập lụt|sạt lở"
                         r"|mưa lớn|triều cường|nước dâng|áp thấp nhiệt đới"),
    # a title announcing a storm or a flood: the whole bulletin is about the response to it
    "storm": _phrases(r"ứng phó|bão số \d+|cơn bão|mưa lũ|lũ lụt|ngập lụt|sạt lở đất"
                      r"|áp thấp nhiệt đới|triều cường|lũ quét|lũ đầu nguồn|mùa lũ|nước lũ"
                      r"|đỉnh lũ|xả lũ|nước dâng"),
    # results of operations already carried out
    "done": _phrases(r"đã triệt phá|triệt phá thành công|phá thành công|đã bắt giữ"
                     r"|(?<!kiến )(?<!sẽ )(?<!định )(?<!để )(?<!nhằm )(?<!lực lượng )bắt quả tang"
                     r"|bị bắt giữ|đã bị bắt|đã ra đầu thú"
                     r"|đã khởi tố|đã ra quyết định khởi tố|đã làm rõ|đã xử lý|bị xử phạt"
                     r"|đã thu giữ"
                     r"|đã (?:đến |về )?thăm"
                     r"|đã làm việc|vừa qua|so với cùng kỳ|đã đến|đã về|đã tới"),
}


def _without(group: str, words: str) -> re.Pattern[str]:
    """The framing group without some of its phrases (words: "|"-joined, as written there)."""
    return re.compile(PUBLIC[group].pattern.replace(words, ""))


# a defence plan approved by the chain of command is still the catalogue's secret: for
# defence, only results and decisions made known count ("announced" without "phê duyệt")
PUBLIC["decided"] = _without("announced", r"|(?:đã|đã được) phê duyệt")
# a mass is where a priest's sermon is heard: an assessment of what he said there is no event
PUBLIC["gathering"] = _without("event", r"|thánh lễ|đại lễ")
# a grassroots mediation (Luật Hòa giải ở cơ sở 2013): a family's or neighbours' dispute, its
# record and what the mediators ask a union to keep an eye on — no security operation
# (the mediators and their record, not the word: "hòa giải xong, Công an xã theo dõi …" stays)
PUBLIC["mediation"] = _phrases(r"tổ hòa giải|tổ hoà giải|hòa giải viên|biên bản hòa giải"
                               r"|buổi hòa giải|tiến hành hòa giải|hòa giải ở cơ sở"
                               r"|hòa giải thành|hòa giải không thành")

# in a sentence, the words of a wanted notice or a trial; in a title, a missing person's too,
# and the police's call for the victims of a suspect it has charged ("Thông báo tìm bị hại")
_NOTICE_SENTENCE = _phrases(r"truy nã|đầu thú|phiên tòa|xét xử|tuyên phạt|tuyên án|bị cáo")
_NOTICE_TITLE = _phrases(r"truy nã|đầu thú|phiên tòa|xét xử|tuyên phạt|tuyên án|tìm người"
                         r"|nhắn tìm|tìm thân nhân|mất tích|tìm bị hại")


# a warning against fraud: the scammers' numbers and accounts it quotes are published so that
# nobody answers or pays them (Công an's "cảnh báo thủ đoạn lừa đảo" notices)
_FRAUD = _phrases(r"lừa đảo|giả danh|mạo danh|chiếm đoạt|lừa")
_SCAMMERS = _phrases(r"đối tượng|kẻ gian|kẻ xấu|lừa đảo|giả danh|mạo danh|giả mạo|số lạ"
                     r"|tự xưng|xưng là|nhận tiền|chỉ định")


def scammers(doc: Doc, a: int, b: int) -> bool:
    """True when the document warns against fraud and the sentence [a, b) speaks of the
    scammers (the caller checks that it names no private person besides)."""
    fraud = doc.memo.get((-3, -3))
    if fraud is None:
        fraud = doc.memo[(-3, -3)] = _FRAUD.search(doc.low) is not None
    return fraud and _SCAMMERS.search(doc.low, a, b) is not None


# a first line that only says what kind of text follows ("THÔNG BÁO", "TIN BÀI"): the title
# goes on to the next line ("THÔNG BÁO\nVề việc …")
_KIND_LINE = re.compile(r"\W*(?:(?:thông báo|tin|bản tin|tin bài|tin phát thanh|tin an ninh"
                        r"|tin hoạt động|thông cáo|khẩn|thông báo khẩn|tin khẩn|kế hoạch"
                        r"|quyết định|lời kêu gọi|thư|công văn)\W*)+$")


# a title that publishes ("Công khai Kết luận thanh tra …") frames every sentence after it; not
# the whole "announced" framing, whose "quyết định số" also heads a plan's title
_TITLE_ANNOUNCED = re.compile(r"\b(?:công khai kết luận|công bố kết luận|công khai danh sách"
                              r"|công bố kết quả|công bố quyết định|kết quả bầu|trao quyết định"
                              r"|chúc mừng|lấy ý kiến (?:nhân dân|góp ý)"
                              # a compensation plan or land prices posted for the people
                              r"|(?<!chưa )(?:niêm yết|công khai)(?: công khai)? (?:phương án"
                              r" bồi thường|bảng giá đất|giá đất))\b")


def title_end(low: str) -> int:
    """Where a document's title ends: its first line (two when the first only names the kind of
    text), or its first sentence, within 200 letters."""
    end = low.find("\n", 0, 200)
    if end < 0:
        end = low.find(". ", 0, 200)
    elif _KIND_LINE.match(low, 0, end):
        second = low.find("\n", end + 1, 200)
        end = second if second > 0 else end
    return end if end > 0 else min(len(low), 200)


def announces(low: str) -> bool:
    """True when the document's title publishes a decision or a result."""
    return _TITLE_ANNOUNCED.search(low, 0, title_end(low)) is not None


def notice(doc: Doc, a: int, b: int) -> bool:
    """True when the sentence [a, b) is a wanted or trial notice, or the document's title is
    one or a missing-person notice: what it says of a person is published on purpose."""
    title = doc.memo.get((-1, -1))
    if title is None:
        end = title_end(doc.low)
        title = doc.memo[(-1, -1)] = _NOTICE_TITLE.search(doc.low, 0, end) is not None
    return title or _NOTICE_SENTENCE.search(doc.low, a, b) is not None


def court_notice(doc: Doc, a: int, b: int) -> bool:
    """True when the sentence [a, b) or the document's title is a wanted notice or a trial's
    (not a missing person's or a lost item's): the law has it publish a birth year and charge."""
    title = doc.memo.get((-2, -2))
    if title is None:
        end = title_end(doc.low)
        title = doc.memo[(-2, -2)] = _NOTICE_SENTENCE.search(doc.low, 0, end) is not None
    return title or _NOTICE_SENTENCE.search(doc.low, a, b) is not None

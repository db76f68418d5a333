"""The commune plan's lists (../shared/seed) and demo content for a first look."""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from bulletins import accounts, audit, communes, services
from bulletins.editorial.templates import seed_templates
from bulletins.errors import Conflict
from bulletins.models import Bulletin, Commune, Topic, Unit, User
from bulletins.radio.programs import seed_slots
from bulletins.reporting.calendar import seed_key_dates
from bulletins.text import nfc

COMMUNE = "xã Vũ Dương"
PROVINCE = "tỉnh Ninh Bình"

TOPICS = [
    ("chu-truong-chinh-sach", "Chủ trương, chính sách", "Policies and guidelines"),
    ("quang-ba-hinh-anh", "Quảng bá hình ảnh", "Promoting the commune"),
    ("ngay-le-su-kien", "Ngày lễ, sự kiện", "Holidays and events"),
    ("hoi-nhap-quoc-te", "Hội nhập quốc tế", "International integration"),
    ("xuc-tien-dau-tu", "Xúc tiến đầu tư, thương mại, du lịch", "Investment, trade, tourism"),
    ("quyen-con-nguoi", "Quyền con người", "Human rights"),
    ("bien-gioi-bien-dao", "Biên giới, biển đảo", "Borders and seas"),
    ("phan-bac-thong-tin-sai", "Phản bác thông tin sai trái", "Countering false information"),
    ("lao-dong-viec-lam", "Lao động, việc làm", "Labour and jobs"),
    ("moi-truong-khi-hau", "Môi trường, biến đổi khí hậu", "Environment and climate"),
    ("quoc-phong-an-ninh", "Quốc phòng, an ninh", "Defence and security"),
    ("thong-bao-chung", "Thông báo chung", "General notices"),
]

UNITS = [
    ("phong-van-hoa-xa-hoi", "Phòng Văn hóa - Xã hội", "Culture and Social Affairs Office"),
    ("phong-kinh-te", "Phòng Kinh tế", "Economic Office"),
    ("van-phong-hdnd-ubnd", "Văn phòng HĐND và UBND", "Office of the Council and Committee"),
    ("ban-chqs", "Ban Chỉ huy Quân sự xã", "Commune Military Command"),
    ("cong-an-xa", "Công an xã", "Commune Police"),
    ("mttq-thon-xom", "Ủy ban MTTQ và các thôn, xóm", "Fatherland Front and hamlets"),
]


def seed_lists(session: Session, tenants: dict[str, str | None] | None = None) -> None:
    """Insert the plan's topics and units that are missing; never overwrite an admin's edits.

    Also the province and its first commune when missing (``tenants``: province_name,
    commune_slug, commune_name of communes.ensure_tenants)."""
    for position, (slug, name, name_en) in enumerate(TOPICS):
        if session.get(Topic, slug) is None:
            session.add(Topic(slug=slug, name=name, name_en=name_en, position=position))
    for position, (slug, name, name_en) in enumerate(UNITS):
        if session.get(Unit, slug) is None:
            session.add(Unit(slug=slug, name=name, name_en=name_en, position=position))
    communes.ensure_tenants(session, **(tenants or {}))
    seed_slots(session)
    seed_key_dates(session)
    session.flush()


def create_commune(session: Session, actor: User | None, slug: str, name: str,
                   host: str | None = None) -> Commune:
    """A new commune with its default radio slots (CONTRACT §9 `create-commune`)."""
    commune = communes.create_commune(session, actor, slug, name, host)
    seed_slots(session, commune)
    return commune


DEMO_USERS = [
    ("bientap", ["editor"], "Nguyễn Thị Hoa", "phong-van-hoa-xa-hoi"),
    ("thamdinh", ["reviewer"], "Trần Văn Minh", "van-phong-hdnd-ubnd"),
    ("chutich", ["leader"], "Phạm Văn Dũng", "van-phong-hdnd-ubnd"),
    ("phatthanh", ["operator"], "Lê Thị Lan", "phong-van-hoa-xa-hoi"),
]

DEMO_BULLETINS = [
    {
        "title": "Thông báo lịch tiêm chủng mở rộng tháng 12/2026",
        "summary": "Trạm Y tế xã tổ chức tiêm chủng cho trẻ em dưới 5 tuổi.",
        "body": (
            "Trạm Y tế xã Vũ Dương thông báo: từ 7h30 ngày 05/12/2026, trạm tổ chức tiêm "
            "chủng mở rộng cho trẻ em dưới 5 tuổi. Đề nghị các gia đình mang theo sổ tiêm "
            "chủng và thẻ BHYT của trẻ. Mọi thắc mắc xin liên hệ đường dây nóng của UBND xã."
        ),
        "topic": "thong-bao-chung", "unit": "phong-van-hoa-xa-hoi",
    },
    {
        "title": "Tuyên truyền Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
        "summary": "Ý nghĩa, tầm quan trọng của Đại hội XIV.",
        "body": (
            "Thực hiện Kế hoạch số 72/KH-UBND ngày 17/9/2026, UBND xã đề nghị các thôn, xóm "
            "tăng cường tuyên truyền về ý nghĩa, tầm quan trọng của Đại hội đại biểu toàn quốc "
            "lần thứ XIV của Đảng và Đại hội đại biểu Đảng bộ tỉnh Ninh Bình lần thứ I, "
            "nhiệm kỳ 2026-2030."
        ),
        "topic": "chu-truong-chinh-sach", "unit": "phong-van-hoa-xa-hoi",
    },
]


def real_bulletins(session: Session) -> int:
    """How many bulletins seed-demo did not write: another author or another title."""
    titles = [nfc(b["title"]) for b in DEMO_BULLETINS]
    editor = DEMO_USERS[0][0]
    return session.scalar(
        select(func.count(Bulletin.id)).join(User, Bulletin.author_id == User.id)
        .where(or_(User.username != editor, Bulletin.title.not_in(titles)))) or 0


def seed_demo(session: Session, password: str, force: bool = False) -> list[str]:
    """Demo users (all with the given password, to be changed at first login) and two
    bulletins: one published, one draft. Refuses a database holding real bulletins
    unless forced, before writing anything."""
    real = real_bulletins(session)
    if real and not force:
        raise Conflict(f"cơ sở dữ liệu đã có {real} bản tin thật; seed-demo không ghi gì. "
                       "Thêm --force nếu thật sự muốn thêm dữ liệu mẫu vào đây.")
    seed_lists(session)
    seed_templates(session)
    created = []
    for username, roles, name, unit in DEMO_USERS:
        if accounts.find_user(session, username) is None:
            user, _ = accounts.create_user(session, None, username, roles, password, name, unit)
            user.must_change_password = True  # a password printed in the docs is no secret
            created.append(username)
    editor = session.scalar(select(User).where(User.username == "bientap"))
    reviewer = session.scalar(select(User).where(User.username == "thamdinh"))
    leader = session.scalar(select(User).where(User.username == "chutich"))
    first = services.create_bulletin(session, editor, DEMO_BULLETINS[0])
    services.perform(session, editor, first.id, "submit")
    services.perform(session, reviewer, first.id, "clear")
    services.perform(session, leader, first.id, "approve")
    services.create_bulletin(session, editor, DEMO_BULLETINS[1])
    audit.record(session, "cli", "seed.demo", created=created, forced=bool(real))
    return created

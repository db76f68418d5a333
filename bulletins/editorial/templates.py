"""Reusable bulletin templates for recurring notices (vaccination days, power cuts, call-ups)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bulletins import audit, tenancy
from bulletins.clock import utcnow
from bulletins.common import fetch, get_bulletin
from bulletins.errors import NotAllowed, ValidationError
from bulletins.models import BulletinTemplate, User
from bulletins.models.desk import TEMPLATE_NAME_MAX as NAME_MAX
from bulletins.validation import parse_fields, text_field

MANAGERS = frozenset({"editor", "admin"})
#: the bulletin fields a template carries (form and API names, as parse_fields reads them)
FIELDS = ("title", "summary", "body", "topic", "unit", "channels", "language", "priority")
DEFAULTS = {"summary": "", "topic_slug": None, "unit_slug": None, "channels": "radio,web",
            "language": "vi", "priority": "normal"}


def require_manager(actor: User) -> None:
    """Raise NotAllowed unless the actor is an editor or an admin."""
    if not actor.role_names & MANAGERS:
        raise NotAllowed("Thao tác này cần vai trò biên tập hoặc quản trị.")


def _fields(session: Session, data: Mapping[str, Any], template_id: int | None,
            actor: User | None = None) -> dict[str, Any]:
    """Name and bulletin fields checked as a bulletin's are; ValidationError names each."""
    if not isinstance(data, Mapping):
        raise ValidationError("Dữ liệu phải là một đối tượng.")
    errors: dict[str, str] = {}
    name = text_field(errors, data, "name", NAME_MAX, required=True) or ""
    if "name" not in errors:
        other = session.scalar(select(BulletinTemplate.id).where(
            BulletinTemplate.name == name, tenancy.owned(BulletinTemplate.commune_id, actor)))
        if other is not None and other != template_id:
            errors["name"] = "Đã có mẫu mang tên này."
    text = {k: data[k] for k in FIELDS if data.get(k) is not None}
    try:
        fields = parse_fields(session, text, partial=False)
    except ValidationError as error:
        errors.update(error.fields)
        fields = {}
    if errors:
        raise ValidationError("Mẫu bản tin không hợp lệ: " + " ".join(
            f"{name}: {message}" for name, message in errors.items()), fields=errors)
    return {**DEFAULTS, **fields, "name": name}


def _flush(session: Session) -> None:
    """Flush; a name taken meanwhile by another request is the same 422 as one taken before."""
    try:
        session.flush()
    except IntegrityError as error:
        raise ValidationError("Mẫu bản tin không hợp lệ.",
                              fields={"name": "Đã có mẫu mang tên này."}) from error


def get_template(session: Session, template_id: int, viewer: User | None = None, *,
                 acts: bool = False) -> BulletinTemplate:
    """The template, or NotFound; with a viewer, only one of their commune or the province
    (another commune's is NotFound, as a missing one); ``acts``: of their own scope (403)."""
    message = f"Không có mẫu bản tin số {template_id}."
    template = fetch(session, BulletinTemplate, template_id, message)
    if viewer is not None:
        tenancy.check_setting(viewer, template, message, acts=acts)
    return template


def list_templates(session: Session, viewer: User | None = None) -> Sequence[BulletinTemplate]:
    """The templates the viewer may read (their commune's and the province's), by name."""
    return session.scalars(select(BulletinTemplate).where(
        tenancy.shared(BulletinTemplate.commune_id, viewer))
        .order_by(BulletinTemplate.name)).all()


def create_template(session: Session, actor: User, data: Mapping[str, Any], *,
                    from_bulletin: int | None = None) -> BulletinTemplate:
    """Add a template (editor or admin)."""
    require_manager(actor)
    template = BulletinTemplate(**_fields(session, data, None, actor), created_by=actor.username,
                                updated_by=actor.username, commune_id=actor.commune_id)
    session.add(template)
    _flush(session)
    source = {"bulletin": from_bulletin} if from_bulletin is not None else {}
    audit.record(session, actor.username, "template.create", f"template:{template.id}",
                 name=template.name, **source)
    return template


def update_template(session: Session, actor: User, template_id: int,
                    data: Mapping[str, Any]) -> BulletinTemplate:
    """Change a template (editor or admin)."""
    require_manager(actor)
    template = get_template(session, template_id, actor, acts=True)
    before = template.name
    for name, value in _fields(session, data, template.id, actor).items():
        setattr(template, name, value)
    template.updated_by, template.updated_at = actor.username, utcnow()
    _flush(session)
    audit.record(session, actor.username, "template.update", f"template:{template.id}",
                 name=template.name, before=before)
    return template


def delete_template(session: Session, actor: User, template_id: int) -> None:
    """Remove a template (editor or admin); bulletins made from it are not touched."""
    require_manager(actor)
    template = get_template(session, template_id, actor, acts=True)
    name = template.name
    session.delete(template)
    session.flush()
    audit.record(session, actor.username, "template.delete", f"template:{template_id}",
                 name=name)


def save_as_template(session: Session, actor: User, bulletin_id: int, name: str | None
                     ) -> BulletinTemplate:
    """A new template from a bulletin's current working text and settings."""
    require_manager(actor)
    bulletin = get_bulletin(session, bulletin_id, actor)
    data = {"name": name or "", "title": bulletin.title, "summary": bulletin.summary,
            "body": bulletin.body, "topic": bulletin.topic_slug, "unit": bulletin.unit_slug,
            "channels": bulletin.channel_list, "language": bulletin.language,
            "priority": bulletin.priority}
    return create_template(session, actor, data, from_bulletin=bulletin.id)


SEED = (
    ("Lịch tiêm chủng mở rộng", "Thông báo lịch tiêm chủng mở rộng tháng …/2026",
     "Trạm Y tế xã tổ chức tiêm chủng cho trẻ em dưới 5 tuổi.",
     "Trạm Y tế xã Vũ Dương thông báo: từ 7h30 ngày …/…/2026, trạm tổ chức tiêm chủng mở "
     "rộng cho trẻ em dưới 5 tuổi tại …. Đề nghị các gia đình đưa trẻ đến đúng lịch, mang "
     "theo sổ tiêm chủng và thẻ bảo hiểm y tế của trẻ.", "thong-bao-chung",
     "phong-van-hoa-xa-hoi"),
    ("Thông báo tạm ngừng cấp điện", "Thông báo tạm ngừng cấp điện ngày …/…/2026",
     "Tạm ngừng cấp điện để bảo dưỡng lưới điện.",
     "Điện lực khu vực thông báo: để bảo dưỡng, sửa chữa lưới điện, sẽ tạm ngừng cấp điện từ "
     "… giờ đến … giờ ngày …/…/2026 tại các thôn, xóm: …. Đề nghị nhân dân chủ động sắp xếp "
     "sinh hoạt, sản xuất và đảm bảo an toàn khi có điện trở lại.", "thong-bao-chung",
     "van-phong-hdnd-ubnd"),
    ("Khám sức khỏe nghĩa vụ quân sự", "Thông báo khám sức khỏe nghĩa vụ quân sự năm …",
     "Công dân trong độ tuổi gọi nhập ngũ có mặt khám sức khỏe theo lịch.",
     "Thực hiện Luật Nghĩa vụ quân sự, Ban Chỉ huy Quân sự xã thông báo: công dân trong diện "
     "gọi khám sức khỏe nghĩa vụ quân sự có mặt tại … lúc … giờ ngày …/…/…, mang theo giấy "
     "gọi khám và căn cước. Đề nghị các gia đình tạo điều kiện để con em thực hiện nghĩa vụ.",
     "quoc-phong-an-ninh", "ban-chqs"),
    ("Phòng, chống thiên tai, mưa bão", "Thông báo chủ động phòng, chống cơn bão số …",
     "Nhân dân chủ động phòng, chống thiên tai, bảo đảm an toàn người và tài sản.",
     "Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn xã thông báo: cơn bão số … dự "
     "kiến ảnh hưởng đến địa bàn từ ngày …/…. Đề nghị nhân dân chằng chống nhà cửa, thu "
     "hoạch sớm lúa và hoa màu, không ra đồng, không đi qua vùng ngập nước khi có mưa to; "
     "theo dõi thông báo trên Đài truyền thanh xã.", "moi-truong-khi-hau",
     "van-phong-hdnd-ubnd"),
)


def seed_templates(session: Session) -> None:
    """The recurring notices of the plan's units as templates; existing names are kept."""
    names = set(session.scalars(select(BulletinTemplate.name)))
    for name, title, summary, body, topic, unit in SEED:
        if name not in names:
            session.add(BulletinTemplate(name=name, title=title, summary=summary, body=body,
                                         topic_slug=topic, unit_slug=unit))
    session.flush()

"""What the desk says after a workflow action: one table of messages, one per outcome."""

from __future__ import annotations

from datetime import datetime

from flask import flash
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.actions import attempt
from app.desk.forms import ActionForm
from app.extensions import db
from app.i18n import dt
from bulletins import services
from bulletins.clock import utcnow
from bulletins.models import Bulletin
from bulletins.workflow import State

#: (action, the state it led to) → the message; None as the state: whatever it led to
DONE = {
    ("submit", None): _l("Đã gửi thẩm định."),
    ("clear", None): _l("Đã thông qua thẩm định, chờ lãnh đạo duyệt."),
    ("return", None): _l("Đã trả lại cho biên tập viên."),
    ("approve", State.PUBLISHED): _l("Đã phê duyệt và xuất bản."),
    ("approve", "correction"): _l("Đã phê duyệt bản đính chính; bản mới thay bản cũ."),
    ("reject", State.REJECTED): _l("Đã từ chối."),
    ("reject", "correction"): _l("Đã bỏ bản đính chính; bản đã duyệt vẫn giữ nguyên."),
    ("publish", None): _l("Đã xuất bản."),
    ("withdraw", None): _l("Đã gỡ xuống."),
    ("correct", None): _l("Đã mở bản đính chính; bản đã duyệt vẫn đăng cho đến khi duyệt xong."),
}

#: (on the portal, on the radio) → where an approved bulletin goes
PLACES = {
    (True, True): _l("trên cổng thông tin điện tử và đài truyền thanh"),
    (True, False): _l("trên cổng thông tin điện tử"),
    (False, True): _l("trên đài truyền thanh"),
    (False, False): _l("(chưa chọn kênh)"),
}


def done_message(action: str, bulletin: Bulletin | None, *, correction: bool = False) -> str:
    """What happened, said for this action and the state it led to (when known)."""
    scheduled = bulletin is not None and bulletin.status == State.APPROVED
    if action == "approve" and scheduled and bulletin.publish_at:
        return _("Đã phê duyệt; lên lịch xuất bản lúc %(at)s.",
                 at=dt(bulletin.publish_at))
    state = "correction" if correction else getattr(bulletin, "status", None)
    message = DONE.get((action, state)) or DONE.get((action, None))
    return str(message) if message else _("Đã thực hiện.")


def approval_plan(bulletin: Bulletin, now: datetime | None = None) -> list[str]:
    """What one click on "Phê duyệt" will do, said before the leader clicks it."""
    now = now or utcnow()
    channels = bulletin.channel_list
    places = str(PLACES[("web" in channels, "radio" in channels)])
    # as workflow.target_state: only an approval after review waits for a future publish_at
    scheduled = (bulletin.status == State.AWAITING_APPROVAL and bulletin.publish_at is not None
                 and bulletin.publish_at > now)
    if bulletin.pending_status:
        lines = [_("Bản đính chính thay ngay văn bản đang đăng %(places)s.", places=places)]
    elif scheduled:
        lines = [_("Bản tin được lên lịch xuất bản lúc %(at)s %(places)s.",
                   at=dt(bulletin.publish_at), places=places)]
    else:
        lines = [_("Bản tin được xuất bản ngay %(places)s.", places=places)]
    if "radio" in channels:
        lines.append(_("Âm thanh của văn bản đã duyệt được tạo tự động để đài phát."))
    if bulletin.priority == "emergency" and not scheduled:
        lines.append(_("Bản tin khẩn cấp: đài được báo để phát ngay."))
    return lines


def take_action(bulletin_id: int, action: str, form: ActionForm) -> bool:
    """Take a workflow action from a valid form and say what happened; False when not taken.

    Approval asks first: the form's box says the leader read what the approval will do.
    """
    if action == "approve" and not form.confirm.data:
        flash(_("Hãy đánh dấu ô xác nhận trước khi phê duyệt."), "error")
        return False
    before = db.session.get(Bulletin, bulletin_id)
    correction = action == "correct" or bool(before and before.pending_status)
    ok, result = attempt(services.perform, bulletin_id, action, comment=form.comment.data,
                         expected_version=form.version.data)
    if ok:
        flash(done_message(action, result, correction=correction), "success")
    return ok

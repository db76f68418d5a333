"""Language and time display: Vietnamese first, English second; Asia/Ho_Chi_Minh times."""

from __future__ import annotations

from datetime import datetime

from flask import Flask, current_app, request, session
from flask_babel import format_datetime, get_locale
from flask_login import current_user

from app.forms import date_input


def select_locale() -> str:
    """The language chosen in this browser, else the user's, else Vietnamese."""
    languages = current_app.config["LANGUAGES"]
    chosen = session.get("lang")
    if chosen in languages:
        return chosen
    if getattr(current_user, "is_authenticated", False) and current_user.language in languages:
        return current_user.language
    if request.args.get("lang") in languages and request.blueprint == "portal":
        return request.args["lang"]
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def dt(value: datetime | None, with_time: bool = True) -> str:
    """dd/mm/yyyy HH:MM in Vietnam time, from a naive UTC datetime."""
    if value is None:
        return ""
    return format_datetime(value, "dd/MM/yyyy HH:mm" if with_time else "dd/MM/yyyy")


def init_app(app: Flask) -> None:
    app.jinja_env.filters["dt"] = dt
    app.jinja_env.filters["d"] = lambda value: dt(value, with_time=False)
    app.jinja_env.globals["labels"] = labels
    app.jinja_env.globals["get_locale"] = get_locale
    app.jinja_env.globals["date_input"] = date_input


def labels() -> dict:
    """Human names of states, actions, roles and finding kinds, in the current language."""
    from flask_babel import lazy_gettext as _l

    return {
        "status": {
            "draft": _l("Nháp"), "in_review": _l("Chờ thẩm định"),
            "awaiting_approval": _l("Chờ phê duyệt"), "approved": _l("Đã duyệt, chờ đăng"),
            "published": _l("Đã đăng"), "rejected": _l("Bị từ chối"),
            "withdrawn": _l("Đã gỡ"),
        },
        "action": {
            "submit": _l("Gửi thẩm định"), "clear": _l("Thông qua thẩm định"),
            "return": _l("Trả lại"), "approve": _l("Phê duyệt"), "reject": _l("Từ chối"),
            "publish": _l("Đăng ngay"), "withdraw": _l("Gỡ bản tin"), "create": _l("Tạo"),
            "edit": _l("Sửa"), "scan": _l("Quét bảo mật"), "correct": _l("Đính chính"),
            "resolve": _l("Phát hiện không vi phạm"), "confirm": _l("Phát hiện phải sửa"),
        },
        "role": {
            "editor": _l("Biên tập"), "reviewer": _l("Thẩm định"), "leader": _l("Lãnh đạo"),
            "operator": _l("Vận hành đài"), "admin": _l("Quản trị"),
        },
        "kind": {
            "classification_marking": _l("Dấu độ mật"),
            "state_secret_topic": _l("Nội dung bí mật nhà nước"),
            "national_id": _l("Số định danh"), "phone": _l("Số điện thoại"),
            "email": _l("Thư điện tử"), "bank_account": _l("Tài khoản ngân hàng"),
            "vehicle_plate": _l("Biển số xe"), "date_of_birth": _l("Ngày sinh"),
            "sensitive_personal": _l("Dữ liệu cá nhân nhạy cảm"), "keyword": _l("Từ khóa"),
        },
        "priority": {"normal": _l("Thông thường"), "priority": _l("Ưu tiên"),
                     "emergency": _l("Khẩn cấp")},
        "audio": {"queued": _l("Đang chờ"), "synthesizing": _l("Đang đọc"),
                  "mixing": _l("Đang trộn âm"), "ready": _l("Sẵn sàng"),
                  "failed": _l("Lỗi")},
        "check": {"checking": _l("Đang nghe lại"), "matched": _l("Khớp văn bản"),
                  "held": _l("Bị giữ lại"), "accepted": _l("Lãnh đạo đã chấp nhận"),
                  "unchecked": _l("Chưa kiểm tra được"), "measured": _l("Đã đo độ rõ")},
        "difference": {"missing": _l("thiếu"), "added": _l("thừa"), "changed": _l("đọc khác")},
    }

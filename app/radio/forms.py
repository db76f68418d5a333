"""Forms of the radio desk."""

from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    HiddenField,
    IntegerField,
    RadioField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, Regexp

from app.desk.forms import MultiCheckboxField, options
from app.forms import Form, LocalDateTimeField

WEEKDAY_CHOICES = [("0", _l("Thứ Hai")), ("1", _l("Thứ Ba")), ("2", _l("Thứ Tư")),
                   ("3", _l("Thứ Năm")), ("4", _l("Thứ Sáu")), ("5", _l("Thứ Bảy")),
                   ("6", _l("Chủ nhật"))]


class BroadcastForm(Form):
    outcome = RadioField(_l("Kết quả"), choices=options([("aired", _l("Đã phát")),
                                                        ("not_aired", _l("Không phát"))]),
                         default="aired", validators=[InputRequired()])
    # Typed dd/mm/yyyy HH:MM (Vietnam time); whether it is needed and not in the future is
    # the service's rule (broadcasts._parse), as for the API's value.
    aired_at = LocalDateTimeField(_l("Giờ bắt đầu thực tế (giờ Việt Nam)"),
                                  validators=[Optional()])
    reason = StringField(_l("Lý do không phát"), validators=[Optional(), Length(max=2000)])
    note = TextAreaField(_l("Ghi chú"), validators=[Optional(), Length(max=2000)])
    corrects = HiddenField()

    def data_for_service(self) -> dict:
        data = {"note": self.note.data or ""}
        if self.outcome.data == "not_aired":
            data["not_aired"] = self.reason.data or ""
        else:
            data["aired_at"] = self.aired_at.data  # a naive Vietnam time, or None
        if self.corrects.data:
            data["corrects"] = self.corrects.data
        return data


class SlotForm(Form):
    name = StringField(_l("Tên khung giờ"), validators=[DataRequired(), Length(max=100)])
    time_of_day = StringField(_l("Giờ phát (HH:MM)"), validators=[
        DataRequired(), Regexp(r"^([01]\d|2[0-3]):[0-5]\d$", message=_l("Dạng HH:MM"))])
    weekdays = MultiCheckboxField(_l("Các ngày phát"), choices=options(WEEKDAY_CHOICES),
                                  default=[c for c, _ in WEEKDAY_CHOICES],
                                  validators=[DataRequired()])
    target_minutes = IntegerField(_l("Độ dài dự kiến (phút)"), default=30,
                                  validators=[InputRequired(), NumberRange(1, 240)])
    active = BooleanField(_l("Đang dùng"), default=True)

    def data_for_service(self) -> dict:
        return {"name": self.name.data, "time_of_day": self.time_of_day.data,
                "weekdays": list(self.weekdays.data or []),
                "target_minutes": self.target_minutes.data, "active": self.active.data}

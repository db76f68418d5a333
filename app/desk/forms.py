"""The desk's forms: bulletins, templates, workflow actions, findings, comments."""

from collections.abc import Iterable

from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import (
    BooleanField,
    HiddenField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    widgets,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from app.extensions import db
from app.forms import DayField, Form, LocalDateTimeField
from bulletins.editorial import queries
from bulletins.models import Topic, Unit
from bulletins.text import BODY_MAX, SUMMARY_MAX, TITLE_MAX


def options(pairs) -> list[SelectChoice]:
    """WTForms 3.3 wants SelectChoice objects rather than (value, label) tuples."""
    return [SelectChoice(value, label) for value, label in pairs]


def slug_choices(rows: Iterable[Topic | Unit]) -> list[SelectChoice]:
    """Topics or units as a select's choices, after an empty "—"."""
    return options([("", "—")] + [(row.slug, row.name) for row in rows])


PRIORITY_CHOICES = [
    ("normal", _l("Thông thường")),
    ("priority", _l("Ưu tiên")),
    ("emergency", _l("Khẩn cấp")),
]
LANGUAGE_CHOICES = [("vi", _l("Tiếng Việt")), ("en", _l("Tiếng Anh"))]
CHANNEL_CHOICES = [("radio", _l("Đài truyền thanh")), ("web", _l("Trang thông tin điện tử"))]


class MultiCheckboxField(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class TextFields(Form):
    """What a bulletin and a bulletin template share: the text and where it goes."""

    title = StringField(_l("Tiêu đề"), validators=[DataRequired(), Length(max=TITLE_MAX)])
    summary = TextAreaField(_l("Tóm tắt"), validators=[Optional(), Length(max=SUMMARY_MAX)])
    body = TextAreaField(_l("Nội dung"), validators=[DataRequired(), Length(max=BODY_MAX)])
    topic = SelectField(_l("Chủ đề"), validators=[Optional()])
    unit = SelectField(_l("Đơn vị"), validators=[Optional()])
    channels = MultiCheckboxField(_l("Kênh"), choices=options(CHANNEL_CHOICES),
                                  default=["radio", "web"], validators=[DataRequired()])
    language = SelectField(_l("Ngôn ngữ"), choices=options(LANGUAGE_CHOICES), default="vi")
    priority = SelectField(_l("Mức độ"), choices=options(PRIORITY_CHOICES), default="normal")

    def text_data(self) -> dict:
        return {
            "title": self.title.data, "summary": self.summary.data or "",
            "body": self.body.data, "topic": self.topic.data or None,
            "unit": self.unit.data or None, "channels": self.channels.data,
            "language": self.language.data, "priority": self.priority.data,
        }


def fill_choices(form: TextFields) -> None:
    """Active topics and units, in the plan's order, as the form's choices."""
    form.topic.choices = slug_choices(queries.listed(db.session, Topic))
    form.unit.choices = slug_choices(queries.listed(db.session, Unit))


class BulletinForm(TextFields):
    publish_at = LocalDateTimeField(_l("Đăng lúc (giờ Việt Nam)"), validators=[Optional()])
    expire_at = LocalDateTimeField(_l("Hết hạn lúc"), validators=[Optional()])
    air_from = DayField(_l("Phát trên đài từ ngày"), validators=[Optional()])
    air_until = DayField(_l("Phát trên đài đến ngày"), validators=[Optional()])
    airings_wanted = IntegerField(_l("Số lần phát"), default=1,
                                  validators=[Optional(), NumberRange(1, 100)])
    version = HiddenField()

    def data_for_service(self) -> dict:
        return {
            **self.text_data(),
            "publish_at": self.publish_at.data, "expire_at": self.expire_at.data,
            "air_from": self.air_from.data, "air_until": self.air_until.data,
            "airings_wanted": self.airings_wanted.data,
        }


class ActionForm(Form):
    comment = TextAreaField(_l("Ghi chú / lý do"), validators=[Optional(), Length(max=5000)])
    version = IntegerField(validators=[InputRequired()], widget=widgets.HiddenInput())
    #: approve only: the leader ticks that they read what the approval will do
    confirm = BooleanField(_l("Tôi đã đọc và xác nhận phê duyệt"))


class ClearForm(ActionForm):
    no_secrets = BooleanField(_l("Không có thông tin thuộc bí mật nhà nước"),
                              validators=[DataRequired()])
    no_personal_data = BooleanField(
        _l("Không có dữ liệu cá nhân khi chưa có sự đồng ý"), validators=[DataRequired()])
    verified = BooleanField(_l("Thông tin đã được kiểm chứng"), validators=[DataRequired()])
    fit_for_radio = BooleanField(_l("Phù hợp để phát trên đài truyền thanh"),
                                 validators=[DataRequired()])

    CHECKLIST = ("no_secrets", "no_personal_data", "verified", "fit_for_radio")


class ResolveForm(Form):
    note = StringField(_l("Lý do không phải vấn đề"), validators=[DataRequired(), Length(max=2000)])


class RecordingForm(Form):
    file = FileField(_l("Bản ghi âm (MP3, WAV hoặc M4A)"), validators=[FileRequired()])


class AcceptReadingForm(Form):
    """A leader airs a held reading anyway; the service asks for the comment."""

    comment = TextAreaField(_l("Lý do"), validators=[Optional()])


class CommentForm(Form):
    body = TextAreaField(_l("Bình luận"), validators=[DataRequired(), Length(max=5000)])

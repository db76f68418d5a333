from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import BooleanField, SelectField, StringField
from wtforms.validators import DataRequired, Length, Regexp

from app.desk.forms import MultiCheckboxField, options
from app.forms import Form

ROLE_CHOICES = [
    ("editor", _l("Biên tập")),
    ("reviewer", _l("Thẩm định bảo mật")),
    ("leader", _l("Lãnh đạo phê duyệt")),
    ("operator", _l("Vận hành đài")),
    ("admin", _l("Quản trị")),
]


class UserForm(Form):
    username = StringField(_l("Tên đăng nhập"), validators=[
        DataRequired(), Length(max=64), Regexp(r"^[\w.\-]+$", message=_l("Chỉ chữ, số và . _ -"))])
    display_name = StringField(_l("Họ tên"), validators=[Length(max=200)])
    unit = SelectField(_l("Đơn vị"))
    #: a province admin's choice of the account's commune ("": the province); a commune's
    #: admin makes its own commune's accounts only and is not offered the field
    commune = SelectField(_l("Thuộc"), validate_choice=False)
    roles = MultiCheckboxField(_l("Vai trò"), choices=options(ROLE_CHOICES),
                               validators=[DataRequired()])


class RolesForm(Form):
    roles = MultiCheckboxField(_l("Vai trò"), choices=options(ROLE_CHOICES),
                               validators=[DataRequired()])


class TokenForm(Form):
    name = StringField(_l("Tên gợi nhớ của mã"), validators=[Length(max=100)])


class EmptyForm(Form):
    """A form with only its CSRF token, for buttons that POST."""


class RuleForm(Form):
    phrase = StringField(_l("Cụm từ"), validators=[DataRequired(), Length(max=200)])
    severity = SelectField(_l("Mức độ"), choices=options([("block", _l("Chặn")),
                                                           ("warn", _l("Cảnh báo"))]))
    note = StringField(_l("Ghi chú cho người thẩm định"), validators=[Length(max=500)])
    ignore_tones = BooleanField(_l("Không phân biệt dấu thanh"))


class AllowForm(Form):
    value = StringField(_l("Số điện thoại / thư điện tử công khai"),
                        validators=[DataRequired(), Length(max=200)])
    note = StringField(_l("Ghi chú"), validators=[Length(max=500)])


class LexiconForm(Form):
    kind = SelectField(_l("Loại"), choices=options([("abbreviation", _l("Chữ viết tắt")),
                                                     ("pronunciation", _l("Cách đọc tên riêng"))]))
    written = StringField(_l("Viết là"), validators=[DataRequired(), Length(max=100)])
    spoken = StringField(_l("Đọc là"), validators=[DataRequired(), Length(max=300)])


class JingleForm(Form):
    which = SelectField(_l("Nhạc hiệu"), choices=options([("intro", _l("Mở đầu")),
                                                           ("outro", _l("Kết thúc"))]))
    file = FileField(_l("Tệp âm thanh (MP3, WAV, M4A; tối đa 30 giây)"))
    reset = BooleanField(_l("Dùng lại tiếng chuông mặc định"))


class VoiceForm(Form):
    """The Piper voice auto falls back to, per language; choices are the installed voices."""

    vi = SelectField(_l("Tiếng Việt"))
    en = SelectField(_l("Tiếng Anh"))

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length, Regexp

from app.desk.forms import MultiCheckboxField, options

ROLE_CHOICES = [
    ("editor", _l("Biên tập")),
    ("reviewer", _l("Thẩm định bảo mật")),
    ("leader", _l("Lãnh đạo phê duyệt")),
    ("operator", _l("Vận hành đài")),
    ("admin", _l("Quản trị")),
]


class UserForm(FlaskForm):
    username = StringField(_l("Tên đăng nhập"), validators=[
        DataRequired(), Length(max=64), Regexp(r"^[\w.\-]+$", message=_l("Chỉ chữ, số và . _ -"))])
    display_name = StringField(_l("Họ tên"), validators=[Length(max=200)])
    unit = SelectField(_l("Đơn vị"))
    roles = MultiCheckboxField(_l("Vai trò"), choices=options(ROLE_CHOICES),
                               validators=[DataRequired()])


class RolesForm(FlaskForm):
    roles = MultiCheckboxField(_l("Vai trò"), choices=options(ROLE_CHOICES),
                               validators=[DataRequired()])


class TokenForm(FlaskForm):
    name = StringField(_l("Tên gợi nhớ của khóa"), validators=[Length(max=100)])


class EmptyForm(FlaskForm):
    """A form with only its CSRF token, for buttons that POST."""

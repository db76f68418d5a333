from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length

from app.forms import Form


class LoginForm(Form):
    username = StringField(_l("Tên đăng nhập"), validators=[DataRequired(), Length(max=64)])
    password = PasswordField(_l("Mật khẩu"), validators=[DataRequired(), Length(max=200)])
    remember = BooleanField(_l("Ghi nhớ đăng nhập"))


class PasswordForm(Form):
    old_password = PasswordField(_l("Mật khẩu hiện tại"), validators=[DataRequired()])
    new_password = PasswordField(_l("Mật khẩu mới"),
                                 validators=[DataRequired(), Length(min=10, max=200)])
    confirm = PasswordField(_l("Nhập lại mật khẩu mới"),
                            validators=[EqualTo("new_password", _l("Hai lần nhập không khớp."))])

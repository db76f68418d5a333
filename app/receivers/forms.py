"""Forms of the receivers' pages."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import DataRequired, Length, Optional

from app.forms import Form


class ReceiverForm(Form):
    """Register a cluster (or change its details)."""

    name = StringField(_l("Tên cụm loa"), validators=[DataRequired(), Length(max=100)])
    village = StringField(_l("Thôn"), validators=[Optional(), Length(max=100)])
    location = StringField(_l("Vị trí"), validators=[Optional(), Length(max=200)])
    serial = StringField(_l("Số sê-ri"), validators=[Optional(), Length(max=100)])

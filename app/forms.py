"""The base of every form of Loa: WTForms' own messages in the page's language.

WTForms ships no Vietnamese catalog, so Flask-WTF's WTF_I18N_ENABLED alone leaves "This field
is required." on Vietnamese pages. Ours is app/translations/vi/LC_MESSAGES/wtforms.po, read
once; other languages use the catalogs WTForms ships (English: its own messages).

Also the date fields of every form (DayField, LocalDateTimeField): text boxes for dd/mm/yyyy
and dd/mm/yyyy HH:MM, and date_input(), the same box for pages without a WTForms form.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from flask import has_request_context
from flask_babel import LazyString, get_locale
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from markupsafe import Markup
from wtforms import Field
from wtforms.i18n import messages_path
from wtforms.validators import StopValidation
from wtforms.widgets import html_params

from bulletins import params
from bulletins.clock import local_time
from bulletins.errors import ValidationError
from bulletins.text import nfc

CATALOGS = Path(__file__).resolve().parent / "translations"


@cache
def catalog(locale: str) -> NullTranslations:
    """The wtforms-domain translations for a language: ours when we have one, else WTForms'."""
    po = CATALOGS / locale / "LC_MESSAGES" / "wtforms.po"
    if po.exists():
        with po.open("rb") as handle:
            messages = read_po(handle, locale=locale, domain="wtforms")
        buffer = io.BytesIO()
        write_mo(buffer, messages)
        buffer.seek(0)
        return Translations(buffer, domain="wtforms")
    return Translations.load(messages_path(), [locale], domain="wtforms")


class _PageLanguage:
    """gettext/ngettext for WTForms in the language of the current request."""

    @staticmethod
    def _current() -> NullTranslations:
        if not has_request_context():
            return NullTranslations()
        return catalog(str(get_locale()))

    def gettext(self, string: str) -> str:
        return self._current().ugettext(string)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._current().ungettext(singular, plural, n)


TRANSLATIONS = _PageLanguage()


class Form(FlaskForm):
    """A FlaskForm whose validator messages follow the page's language."""

    class Meta:
        def get_translations(self, form):
            return TRANSLATIONS


# Dates as people here write them. The browser's own date widgets (type=date,
# datetime-local) show the browser's locale — an English Chrome says mm/dd/yyyy and AM/PM
# beside our dd/mm/yyyy — so every date is a text box: dd/mm/yyyy, or dd/mm/yyyy HH:MM in
# Vietnam time, read by bulletins.params like the API's; ISO (2026-12-05, 2026-12-05T06:30)
# is still taken from old links and clients. inputmode stays "text": a numeric keypad
# (iOS) has no "/" or ":" to type.
DAY_PATTERN = r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2}"
MOMENT_PATTERN = (r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{4} +[0-9]{1,2}:[0-9]{2}"
                  r"|[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?")
_MOMENT = re.compile(r"([0-9]{1,2}/[0-9]{1,2}/[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2})"
                     r"(?: +|T)([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?", re.ASCII)
_SHOWN = 100  #: a refused text is shown again up to this length
BOUNDS = {"first": params.FIRST_YEAR, "last": params.LAST_YEAR}


@dataclass(frozen=True)
class DateKind:
    """How one kind of date is typed: its example, the browser's pattern, our words."""

    placeholder: str
    pattern: str
    shown: str  #: strftime format of a value shown back
    hint: LazyString
    message: LazyString


DAY = DateKind("dd/mm/yyyy", DAY_PATTERN, "%d/%m/%Y",
               _l("Ngày theo dạng dd/mm/yyyy, ví dụ 05/12/2026"),
               _l("Ngày không hợp lệ: cần một ngày có thật theo dạng dd/mm/yyyy, năm "
                  "%(first)s–%(last)s (ví dụ 05/12/2026).", **BOUNDS))
MOMENT = DateKind("dd/mm/yyyy HH:MM", MOMENT_PATTERN, "%d/%m/%Y %H:%M",
                  _l("Giờ Việt Nam, theo dạng dd/mm/yyyy HH:MM, ví dụ 05/12/2026 06:30"),
                  _l("Ngày giờ không hợp lệ: cần ngày giờ có thật theo dạng dd/mm/yyyy HH:MM "
                     "(giờ Việt Nam), năm %(first)s–%(last)s (ví dụ 05/12/2026 06:30).",
                     **BOUNDS))


def shown(value: object, kind: DateKind = DAY) -> str:
    """A date (or Vietnam-time datetime) as dd/mm/yyyy [HH:MM]; text as typed, clipped."""
    if isinstance(value, date):
        return value.strftime(kind.shown)
    return "" if value is None else str(value)[:_SHOWN]


def date_input(name: str, value: object, kind: DateKind = DAY, *, id: str | None = None,
               invalid: bool = False, **attrs: object) -> Markup:
    """The text box for a date with its hint (aria-describedby), for forms and plain pages.

    When `invalid`, the box also points at "<id>-error", the message under it.
    """
    id = id or name
    described = f"{id}-hint" + (f" {id}-error" if invalid else "")
    box = Markup("<input %s>") % Markup(html_params(  # noqa: S704 — html_params escapes
        type="text", id=id, name=name, value=shown(value, kind), inputmode="text",
        autocomplete="off", placeholder=kind.placeholder, pattern=kind.pattern,
        title=str(kind.hint), aria_describedby=described, aria_invalid=invalid and "true",
        **attrs))
    return box + Markup('<span class="hint date-hint" id="%s-hint">%s</span>') % (
        id, kind.hint)


def read_moment(text: str) -> datetime | None:
    """dd/mm/yyyy HH:MM (or ISO YYYY-MM-DDTHH:MM[:SS]) as a naive Vietnam time; else None."""
    match = _MOMENT.fullmatch(text.strip()) if len(text) <= 40 else None
    if not match:
        return None
    day = params.parse_day(match.group(1))
    hour, minute, second = (int(g or 0) for g in match.group(2, 3, 4))
    if day is None or hour > 23 or minute > 59 or second > 59:
        return None
    return datetime.combine(day, time(hour, minute))


class DateInput:
    """WTForms widget: date_input() with the field's id, name, value and error state."""

    def __init__(self, kind: DateKind) -> None:
        self.kind = kind

    def __call__(self, field: Field, **kwargs: object) -> Markup:
        return date_input(field.name, field._value(), self.kind,
                          id=str(kwargs.pop("id", field.id)), invalid=bool(field.errors),
                          **kwargs)


class DayField(Field):
    """A day typed as dd/mm/yyyy (ISO too); data is a date, None when left empty."""

    kind = DAY

    def __init__(self, label=None, validators=None, **kwargs) -> None:
        super().__init__(label, validators, widget=DateInput(self.kind), **kwargs)
        self.typed: str | None = None

    def _value(self) -> str:
        return shown(self.data if self.data is not None else self.typed, self.kind)

    def process_formdata(self, valuelist: list) -> None:
        self.typed = nfc(valuelist[0]) if valuelist else None
        if self.typed is None or not self.typed.strip():
            self.data = None
            return
        self.data = self._read(self.typed)
        if self.data is None:
            raise ValueError(str(self.kind.message))  # in the language of this request

    def pre_validate(self, form) -> None:
        if self.process_errors:  # said once: not "required" on top of "not a date"
            raise StopValidation()

    def _read(self, text: str) -> object:
        return params.parse_day(text)  # dd/mm/yyyy or ISO, years 2000–2199, as the API


class LocalDateTimeField(DayField):
    """A moment typed as dd/mm/yyyy HH:MM in Vietnam time (ISO too).

    data is a naive Vietnam time (the services read naive times so); a datetime given by
    the view or an object (naive UTC, as stored) is shown in Vietnam time.
    """

    kind = MOMENT

    def process_data(self, value: object) -> None:
        self.data = local_time(value).replace(tzinfo=None) if isinstance(value, datetime) \
            else None

    def _read(self, text: str) -> object:
        return read_moment(text)


def read_days(args: Mapping, names: tuple[str, ...] = ("from", "to")
              ) -> tuple[dict[str, object], dict[str, str]]:
    """A plain page's date parameters read by params: each a date, None when absent, or the
    text typed when unreadable, with the message to put under it."""
    values: dict[str, object] = {}
    errors: dict[str, str] = {}
    for name in names:
        raw = args.get(name)
        try:
            values[name] = params.day(raw, name)
        except ValidationError:
            values[name] = nfc(str(raw))[:_SHOWN]
            errors[name] = str(DAY.message)
    return values, errors

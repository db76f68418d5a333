"""The base of every form of Loa: WTForms' own messages in the page's language.

WTForms ships no Vietnamese catalog, so Flask-WTF's WTF_I18N_ENABLED alone leaves "This field
is required." on Vietnamese pages. Ours is app/translations/vi/LC_MESSAGES/wtforms.po, read
once; other languages use the catalogs WTForms ships (English: its own messages).
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations
from flask import has_request_context
from flask_babel import get_locale
from flask_wtf import FlaskForm
from wtforms.i18n import messages_path

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

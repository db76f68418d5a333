"""Every form's validator messages are in the page's language (issue #17, item 4)."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
import wtforms
from babel.messages.pofile import read_po
from flask import session
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms.i18n import messages_path

import app as app_package
from app.forms import CATALOGS, Form

POT = Path(messages_path()) / "wtforms.pot"


def _english_patterns() -> list[re.Pattern]:
    """WTForms' and Flask-WTF's English messages, their placeholders as wildcards."""
    with POT.open("rb") as handle:
        ids = [i for m in read_po(handle) if m.id for i in
               (m.id if isinstance(m.id, tuple) else (m.id,))]
    ids += ["File does not have an approved extension: {extensions}",
            "File does not have an approved extension."]
    out = []
    for text in ids:
        pattern = re.escape(text)
        pattern = re.sub(r"%\\\(\w+\\\)[ds]|%s|\\\{\w+\\\}", ".*", pattern)
        out.append(re.compile(f"^{pattern}$"))
    return out


ENGLISH = _english_patterns()


def english(message: str) -> bool:
    return any(p.match(str(message)) for p in ENGLISH)


def app_forms() -> list[type[FlaskForm]]:
    """Every FlaskForm subclass defined in the app's modules (imported first)."""
    for info in pkgutil.walk_packages(app_package.__path__, "app."):
        importlib.import_module(info.name)
    found, todo = [], [FlaskForm]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("app.") and sub is not Form:
                found.append(sub)
    return sorted(set(found), key=lambda c: (c.__module__, c.__name__))


FORMS = app_forms()

# values that break the validators: nothing at all, far too long or not a number/date/choice,
# too short or out of range
ROUNDS = [
    {},
    {"StringField": "x" * 300_000, "TextAreaField": "x" * 300_000, "IntegerField": "abc",
     "DateField": "32/13/2026", "DateTimeLocalField": "hôm qua", "SelectField": "không-có",
     "RadioField": "không-có", "MultiCheckboxField": ["không-có"],
     "SelectMultipleField": ["không-có"], "PasswordField": "x" * 300, "TimeField": "25:99",
     "DecimalField": "abc", "FloatField": "abc"},
    {"StringField": "?", "TextAreaField": "?", "IntegerField": "-99999", "PasswordField": "x",
     "DateField": "2026-02-30"},
]


def errors_of(form_class: type[FlaskForm], values: dict, language: str) -> list[str]:
    data = MultiDict()
    form = form_class(formdata=MultiDict({"_": "1"}))
    for field in form:
        value = values.get(type(field).__name__)
        if isinstance(value, list):
            for item in value:
                data.add(field.name, item)
        elif value is not None:
            data.add(field.name, value)
    session["lang"] = language
    form = form_class(formdata=data)
    for field in form:
        if getattr(field, "choices", ()) is None:
            field.choices = []
    form.validate()
    return [str(m) for messages in form.errors.values() for m in messages]


def test_the_app_has_forms_and_all_take_the_page_language():
    assert len(FORMS) >= 20, [f.__name__ for f in FORMS]
    strays = [f"{f.__module__}.{f.__name__}" for f in FORMS if not issubclass(f, Form)]
    assert strays == [], "derive these from app.forms.Form"


@pytest.mark.parametrize("form_class", FORMS, ids=lambda c: c.__name__)
def test_bad_input_gives_vietnamese_messages_in_vi_and_english_in_en(app, form_class):
    seen = {"vi": [], "en": []}
    for values in ROUNDS:
        for language in seen:
            with app.test_request_context("/", method="POST"):
                seen[language] += errors_of(form_class, values, language)
    assert [m for m in seen["vi"] if english(m)] == []
    assert len(seen["vi"]) == len(seen["en"])
    for vi, en in zip(seen["vi"], seen["en"], strict=True):
        if english(en):
            assert vi != en


def test_the_walk_meets_wtforms_own_messages_in_english(app):
    """The check above can fail: in English the same bad input gives WTForms' messages."""
    found = set()
    for form_class in FORMS:
        for values in ROUNDS:
            with app.test_request_context("/", method="POST"):
                found |= {m for m in errors_of(form_class, values, "en") if english(m)}
    assert "This field is required." in found
    assert any(m.startswith("Field cannot be longer than") for m in found)
    assert "Not a valid integer value." in found


def test_the_vietnamese_catalog_covers_every_wtforms_message():
    with POT.open("rb") as handle:
        wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    with (CATALOGS / "vi/LC_MESSAGES/wtforms.po").open("rb") as handle:
        ours = {m.id if isinstance(m.id, str) else m.id[0]: m.string for m in read_po(handle)
                if m.id}
    assert wanted - set(ours) == set()
    assert [k for k, v in ours.items() if not (v if isinstance(v, str) else v[0])] == []
    assert wtforms.__version__  # the catalog follows the installed WTForms' template

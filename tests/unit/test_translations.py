"""The English catalog keeps up with the Vietnamese interface."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po

CATALOG = Path(__file__).resolve().parents[2] / "app/translations/en/LC_MESSAGES/messages.po"


def test_every_message_has_an_english_translation():
    with CATALOG.open("rb") as handle:
        catalog = read_po(handle)
    missing = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
    assert missing == [], f"translate these (make messages, then edit the .po): {missing}"
    for message in catalog:
        if message.id and "%(" in str(message.id):
            assert sorted(_names(message.id)) == sorted(_names(message.string)), message.id


def _names(text) -> list[str]:
    import re

    return re.findall(r"%\((\w+)\)s", str(text))

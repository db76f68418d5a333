"""The one diacritic fold (bulletins.text.fold) and the copies that must agree with it."""

from __future__ import annotations

import importlib.util
import sqlite3
import unicodedata
from pathlib import Path

from bulletins.confidentiality.phrases import fold_tones
from bulletins.editorial.search import _pg_translation
from bulletins.text import fold, slugify

MIGRATION = (Path(__file__).resolve().parents[2] / "migrations" / "versions"
             / "20261126_5e4c1a7d2b90_full_text_search.py")
TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # ngang huyền sắc hỏi ngã nặng
VOWELS = ("a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031b", "u",
          "u\u031b", "y")
# every Vietnamese vowel with every tone, in both cases, NFC, and đ/Đ
LETTERS = [unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES]
ALPHABET = "".join(LETTERS) + "".join(c.upper() for c in LETTERS) + "đĐ"
SAMPLE = ("Ủy ban nhân dân xã Vũ Dương thông báo: ĐƯỜNG LÊ LỢI tạm ngừng cấp nước; "
          "người dân Đắk Lắk, Quảng Ngãi, Thừa Thiên Huế chú ý. " + ALPHABET)


def _migration():
    spec = importlib.util.spec_from_file_location("fts_migration", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_fold_removes_tones_and_case_and_maps_d_with_stroke():
    assert fold("Ủy ban nhân dân xã Vũ Dương, ĐẮK LẮK") == "uy ban nhan dan xa vu duong, dak lak"
    assert fold(ALPHABET) == "".join("aaaeeiooouuy"[i // 6] for i in range(72)) * 2 + "dd"


def test_slug_is_the_folded_words():
    assert slugify("Đường Lê Lợi: thông báo!") == "duong-le-loi-thong-bao"


def test_scanner_table_keeps_length_and_case_and_agrees_with_fold():
    folded = fold_tones(SAMPLE)
    assert len(folded) == len(SAMPLE)
    assert folded.lower() == fold(SAMPLE)
    assert fold_tones("Đắk") == "Dak"


def test_postgres_translation_agrees_with_fold():
    source, target = _pg_translation()
    assert SAMPLE.translate(str.maketrans(source, target)).lower() == fold(SAMPLE)


def test_frozen_migration_copy_agrees_with_fold():
    migration = _migration()
    assert migration._translation() == _pg_translation()
    source, target = migration._translation()
    assert SAMPLE.translate(str.maketrans(source, target)).lower() == fold(SAMPLE)


def test_frozen_migration_sqlite_index_matches_folded_words():
    """The migration's triggers plus unicode61 index each word as fold() writes it."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE bulletins (id INTEGER PRIMARY KEY, title TEXT, body TEXT)")
    db.execute("INSERT INTO bulletins VALUES (1, ?, ?)", ("Thông báo", SAMPLE))
    for statement in _migration().SQLITE_UP:
        db.execute(statement)
    words = fold(SAMPLE).replace(",", " ").replace(":", " ").replace(";", " ").replace(".", " ")
    for word in words.split():
        # a quoted ASCII query is matched as it is: it finds the row only if the index
        # holds exactly the folded word
        rows = db.execute("SELECT rowid FROM bulletin_fts WHERE bulletin_fts MATCH ?",
                          (f'"{word}"',)).fetchall()
        assert rows == [(1,)], word

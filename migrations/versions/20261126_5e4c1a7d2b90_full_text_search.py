"""full-text search index over bulletin titles and bodies

SQLite: contentless FTS5 table bulletin_fts + triggers on bulletins, filled from existing rows.
PostgreSQL: loa_fold() function, generated tsvector column bulletins.search_vector, GIN index.
Self-contained on purpose (a migration must not change when bulletins/search.py does); the
statements are the same as those bulletins/search.py runs after create_all.

Revision ID: 5e4c1a7d2b90
Revises: 30bbd4bdc909
Create Date: 2026-11-26 09:30:00.000000

"""
import unicodedata

from alembic import op


# revision identifiers, used by Alembic.
revision = '5e4c1a7d2b90'
down_revision = '30bbd4bdc909'
branch_labels = None
depends_on = None


def _fold(expr):
    return f"replace(replace({expr}, 'Đ', 'd'), 'đ', 'd')"


def _row(prefix):
    return f"{prefix}.id, {_fold(prefix + '.title')}, {_fold(prefix + '.body')}"


SQLITE_UP = (
    "CREATE VIRTUAL TABLE bulletin_fts USING fts5(title, body, content='', "
    "tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER bulletin_fts_ai AFTER INSERT ON bulletins BEGIN "
    f"INSERT INTO bulletin_fts(rowid, title, body) VALUES ({_row('new')}); END",
    "CREATE TRIGGER bulletin_fts_ad AFTER DELETE ON bulletins BEGIN "
    "INSERT INTO bulletin_fts(bulletin_fts, rowid, title, body) "
    f"VALUES ('delete', {_row('old')}); END",
    "CREATE TRIGGER bulletin_fts_au AFTER UPDATE OF title, body ON bulletins "
    "BEGIN INSERT INTO bulletin_fts(bulletin_fts, rowid, title, body) "
    f"VALUES ('delete', {_row('old')}); "
    f"INSERT INTO bulletin_fts(rowid, title, body) VALUES ({_row('new')}); END",
    f"INSERT INTO bulletin_fts(rowid, title, body) SELECT {_row('bulletins')} FROM bulletins",
)
SQLITE_DOWN = (
    "DROP TRIGGER IF EXISTS bulletin_fts_au",
    "DROP TRIGGER IF EXISTS bulletin_fts_ad",
    "DROP TRIGGER IF EXISTS bulletin_fts_ai",
    "DROP TABLE IF EXISTS bulletin_fts",
)


# A frozen copy of the diacritic fold: the living version is bulletins.text.fold (used by
# bulletins/editorial/search.py); tests/unit/test_text.py checks that the two still agree.
def _translation():
    """Accented Latin letters (both cases) and the ASCII letter they fold to."""
    source, target = [], []
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        char = chr(code)
        decomposed = unicodedata.normalize("NFD", char.replace("đ", "d").replace("Đ", "D"))
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
        if len(folded) == 1 and folded.isascii() and folded.isalnum() and folded != char:
            source.append(char)
            target.append(folded)
    return "".join(source), "".join(target)


def _postgres_up():
    source, target = _translation()
    return (
        "CREATE OR REPLACE FUNCTION loa_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE "
        "PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$ SELECT regexp_replace(lower(translate("
        f"value, '{source}', '{target}')), '[^a-z0-9]+', ' ', 'g') $$",
        "ALTER TABLE bulletins ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ("
        "setweight(to_tsvector('simple'::regconfig, loa_fold(title)), 'A') || "
        "setweight(to_tsvector('simple'::regconfig, loa_fold(body)), 'B')) STORED",
        "CREATE INDEX ix_bulletins_search_vector ON bulletins USING gin (search_vector)",
    )


POSTGRES_DOWN = (
    "DROP INDEX IF EXISTS ix_bulletins_search_vector",
    "ALTER TABLE bulletins DROP COLUMN IF EXISTS search_vector",
    "DROP FUNCTION IF EXISTS loa_fold(text)",
)


def upgrade():
    dialect = op.get_bind().dialect.name
    statements = SQLITE_UP if dialect == "sqlite" else _postgres_up() if dialect == "postgresql" \
        else ()
    for statement in statements:
        op.execute(statement)


def downgrade():
    dialect = op.get_bind().dialect.name
    statements = SQLITE_DOWN if dialect == "sqlite" else POSTGRES_DOWN \
        if dialect == "postgresql" else ()
    for statement in statements:
        op.execute(statement)

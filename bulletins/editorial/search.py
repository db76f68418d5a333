"""Staff full-text search over bulletin titles and bodies, on SQLite (FTS5) and PostgreSQL.

SQLite: a contentless FTS5 table `bulletin_fts(title, body)`, rowid = bulletin id, kept in
sync by triggers on `bulletins`; unicode61 with remove_diacritics 2 folds case and tone
marks, and the triggers fold đ/Đ (which unicode61 keeps) into d. Contentless because the
text already lives in `bulletins`; triggers because every write path (ORM, restore, raw SQL)
then keeps the index right.
PostgreSQL: a STORED generated column `bulletins.search_vector` (title weight A, body B)
over `loa_fold()` — an IMMUTABLE SQL function (translate of accented Latin letters, lower,
non-[a-z0-9] to spaces) — with a GIN index. Generated, so no trigger or Python code can
forget it, and no unaccent extension is needed.
Both are created by DDL events on the bulletins table (so `create_all` makes them) and by
the migration 20261126_5e4c1a7d2b90; the ORM models do not map them.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import DDL, Select, column, event, func, literal_column, select, table, text
from sqlalchemy.orm import Session

from bulletins import params, tenancy
from bulletins.clock import local_midnight
from bulletins.editorial.highlight import (
    Segment,
    ascii_tokens,
    highlight,
    is_prefix,
    pattern,
    snippet,
    tokens,
    wants_prefix,
)
from bulletins.errors import ValidationError
from bulletins.models import Bulletin, User
from bulletins.text import fold
from bulletins.workflow import State

FTS_TABLE = "bulletin_fts"
PG_COLUMN = "search_vector"
PG_INDEX = "ix_bulletins_search_vector"
TITLE_WEIGHT = 10.0  # bm25 weight of the title column against 1.0 for the body
PG_WEIGHTS = "{0.05,0.1,0.2,1.0}"  # ts_rank weights of D, C, B (body), A (title)
MAX_PAGE = params.PAGE_MAX
MAX_PER_PAGE = params.LIMIT_MAX
#: at most this many matches are counted and ranked: the newest of them (bench/province.py)
RANK_CAP = 1000
WALK_COST = 2.5  #: testing `@@` on a row while walking the key, in GIN matches taken


# unicode61 folds case and tone marks but not đ/Đ: the triggers fold those
SQLITE_DDL = (
    """CREATE VIRTUAL TABLE IF NOT EXISTS bulletin_fts USING fts5(
        title, body, content='', tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS bulletin_fts_ai AFTER INSERT ON bulletins BEGIN
        INSERT INTO bulletin_fts(rowid, title, body) VALUES (new.id,
            replace(replace(new.title, 'Đ', 'd'), 'đ', 'd'),
            replace(replace(new.body, 'Đ', 'd'), 'đ', 'd'));
    END""",
    """CREATE TRIGGER IF NOT EXISTS bulletin_fts_ad AFTER DELETE ON bulletins BEGIN
        INSERT INTO bulletin_fts(bulletin_fts, rowid, title, body) VALUES ('delete', old.id,
            replace(replace(old.title, 'Đ', 'd'), 'đ', 'd'),
            replace(replace(old.body, 'Đ', 'd'), 'đ', 'd'));
    END""",
    """CREATE TRIGGER IF NOT EXISTS bulletin_fts_au AFTER UPDATE OF title, body ON bulletins BEGIN
        INSERT INTO bulletin_fts(bulletin_fts, rowid, title, body) VALUES ('delete', old.id,
            replace(replace(old.title, 'Đ', 'd'), 'đ', 'd'),
            replace(replace(old.body, 'Đ', 'd'), 'đ', 'd'));
        INSERT INTO bulletin_fts(rowid, title, body) VALUES (new.id,
            replace(replace(new.title, 'Đ', 'd'), 'đ', 'd'),
            replace(replace(new.body, 'Đ', 'd'), 'đ', 'd'));
    END""",
)
SQLITE_CLEAR = "INSERT INTO bulletin_fts(bulletin_fts) VALUES ('delete-all')"
SQLITE_POPULATE = """INSERT INTO bulletin_fts(rowid, title, body) SELECT id,
    replace(replace(title, 'Đ', 'd'), 'đ', 'd'), replace(replace(body, 'Đ', 'd'), 'đ', 'd')
    FROM bulletins"""


def _pg_translation() -> tuple[str, str]:
    """Accented Latin letters (both cases) and the ASCII letter they fold to."""
    source, target = [], []
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        char = chr(code)
        folded = fold(char)
        if len(folded) == 1 and folded.isascii() and folded.isalnum() and folded != char:
            source.append(char)
            target.append(folded)
    return "".join(source), "".join(target)


_FROM, _TO = _pg_translation()
POSTGRES_DDL = (
    "CREATE OR REPLACE FUNCTION loa_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE "
    "PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$ SELECT regexp_replace(lower(translate("
    f"value, '{_FROM}', '{_TO}')), '[^a-z0-9]+', ' ', 'g') $$",
    f"ALTER TABLE bulletins ADD COLUMN IF NOT EXISTS {PG_COLUMN} tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('simple'::regconfig, loa_fold(title)), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, loa_fold(body)), 'B')) STORED",
    f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON bulletins USING gin ({PG_COLUMN})",
)

for _statement in SQLITE_DDL:
    event.listen(Bulletin.__table__, "after_create", DDL(_statement).execute_if(dialect="sqlite"))
for _statement in POSTGRES_DDL:
    event.listen(Bulletin.__table__, "after_create",
                 DDL(_statement.replace("%", "%%")).execute_if(dialect="postgresql"))
event.listen(Bulletin.__table__, "after_drop",
             DDL("DROP TABLE IF EXISTS bulletin_fts").execute_if(dialect="sqlite"))


def is_index_object(name: str | None, type_: str) -> bool:
    """True for the index's own tables/columns, which autogenerate must not compare."""
    if type_ == "table":
        return bool(name) and (name == FTS_TABLE or name.startswith(FTS_TABLE + "_"))
    return name in (PG_COLUMN, PG_INDEX)


def rebuild(session: Session) -> None:
    """Index every existing bulletin again (SQLite; PostgreSQL's generated column needs none)."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text(SQLITE_CLEAR))
        session.execute(text(SQLITE_POPULATE))


@dataclass(frozen=True)
class Hit:
    """One found bulletin with its title and a body snippet, matched words marked."""

    bulletin: Bulletin
    title: list[Segment]
    snippet: list[Segment]


@dataclass(frozen=True)
class Results:
    """One page of results and the total count over all pages (with ``capped``, more matched:
    the pages rank the newest ``total`` of them)."""

    total: int
    page: int
    per_page: int
    hits: list[Hit] = field(default_factory=list)
    capped: bool = False

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))


def filtered(stmt: Select, *, status: str | None = None, topic: str | None = None,
             unit: str | None = None, date_from: date | None = None,
             date_to: date | None = None, author: User | None = None,
             viewer: User | None = None) -> Select:
    """The statement narrowed by the staff filters; ValidationError for a bad one.

    ``viewer``: only the bulletins that user may know of (bulletins.tenancy)."""
    if status:
        if status not in State.__members__.values():
            raise ValidationError(f"Không có trạng thái '{status}'.", fields={"status": "invalid"})
        stmt = stmt.where(Bulletin.status == status)
    if date_from and date_to and date_from > date_to:
        raise ValidationError("Ngày bắt đầu phải trước ngày kết thúc.",
                              fields={"date_from": "after_date_to"})
    if topic:
        stmt = stmt.where(Bulletin.topic_slug == topic.replace("\x00", ""))
    if unit:
        stmt = stmt.where(Bulletin.unit_slug == unit.replace("\x00", ""))
    if date_from:
        stmt = stmt.where(Bulletin.created_at >= local_midnight(date_from))
    if date_to:
        stmt = stmt.where(Bulletin.created_at < local_midnight(date_to + timedelta(days=1)))
    if author is not None:
        stmt = stmt.where(Bulletin.author_id == author.id)
    return stmt.where(*tenancy.visible(viewer))


def _matching(session: Session, words: list[str], joined: bool,
              prefix: bool) -> tuple[Select, tuple] | None:
    """(SELECT id of matching bulletins, ORDER BY best first), or None when nothing can match.

    On SQLite the bulletins table is joined only when a filter needs it: looking up every
    matching row costs more than ranking them.
    """
    if session.get_bind().dialect.name == "postgresql":
        parts = ascii_tokens(words)
        if not parts:
            return None
        if is_prefix(parts[-1], prefix):
            parts[-1] += ":*"
        query = func.to_tsquery(literal_column("'simple'::regconfig"), " & ".join(parts))
        vector = literal_column(f"bulletins.{PG_COLUMN}")
        score = func.ts_rank(literal_column(f"'{PG_WEIGHTS}'::float4[]"), vector, query)
        stmt = select(Bulletin.id).where(vector.op("@@")(query))
        return stmt, (score.desc(), Bulletin.id.desc())
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    if is_prefix(words[-1], prefix):
        quoted[-1] += "*"
    fts = table(FTS_TABLE, column("rowid"))
    score = func.bm25(literal_column(FTS_TABLE), TITLE_WEIGHT, 1.0)
    match = literal_column(FTS_TABLE).op("MATCH")(" ".join(quoted))
    if not joined:
        return select(fts.c.rowid).where(match), (score, fts.c.rowid.desc())
    # Materialized first: else SQLite may walk a bulletins index and re-run MATCH per row.
    found = (select(fts.c.rowid.label("id"), score.label("score")).where(match)
             .cte("found").prefix_with("MATERIALIZED"))
    stmt = select(Bulletin.id).join_from(found, Bulletin, Bulletin.id == found.c.id)
    return stmt, (found.c.score, Bulletin.id.desc())


def _rows(session: Session, stmt: Select) -> float:
    """PostgreSQL's estimate of the rows the statement returns (EXPLAIN, nothing is run)."""
    compiled = stmt.compile(session.get_bind(), compile_kwargs={"render_postcompile": True})
    plan = session.connection().exec_driver_sql("EXPLAIN (FORMAT JSON) " + str(compiled),
                                                compiled.params).scalar()
    return (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]["Plan Rows"]


def _ranked(session: Session, stmt: Select, order: tuple, page: int, per_page: int,
            cap: int) -> tuple[int, list[int], bool]:
    """(count up to cap, the page's ids best first, more than cap matched), in one statement:
    the newest cap+1 matches found once (a MATERIALIZED CTE), counted, the newest cap ranked.

    PostgreSQL's planner prices `@@` as free, so walks the primary key backwards testing each
    row (its tsvector read from TOAST, ~7 µs): fine for a common word, slow for a rare one (8 %
    match: 12,000 rows tested). `id + 0` hides the key: the GIN index gives the matches (~3 µs
    each, no tsvector read) to sort. Chosen here from the planner's estimates."""
    walk, ranked = stmt.selected_columns[0], stmt
    if session.get_bind().dialect.name == "postgresql":
        if _rows(session, stmt) ** 2 < WALK_COST * cap * _rows(session, select(Bulletin.id)):
            walk = walk + 0  # the walk tests ~cap × rows / matches rows, the GIN way the matches
        ranked = select(Bulletin.id)  # every id of `newest` matches: no `@@` again
    newest = stmt.order_by(walk.desc()).limit(cap + 1).cte("newest").prefix_with("MATERIALIZED")
    counted = select(func.count()).select_from(newest)
    ranked = (ranked.where(ranked.selected_columns[0].in_(
        select(newest.c[0]).order_by(newest.c[0].desc()).limit(cap)))
              .add_columns(counted.scalar_subquery().label("total"))
              .order_by(*order).limit(per_page).offset((page - 1) * per_page))
    rows = session.execute(ranked).all()
    found = rows[0].total if rows else session.scalar(counted) or 0  # a page past the end
    return min(found, cap), [row[0] for row in rows], found > cap


def _bounds(page: int, per_page: int) -> tuple[int, int]:
    return min(max(int(page), 1), MAX_PAGE), min(max(int(per_page), 1), MAX_PER_PAGE)


def ranked_ids(session: Session, q: str | None, *, status: str | None = None,
               topic: str | None = None, unit: str | None = None,
               date_from: date | None = None, date_to: date | None = None,
               author: User | None = None, page: int = 1,
               per_page: int = 20, viewer: User | None = None, cap: int = RANK_CAP
               ) -> tuple[int, list[int], list[str], bool]:
    """Total count, the ids on one page (best first, or newest first without words), the words,
    and whether more than ``cap`` matched (then only the newest ``cap`` are ranked)."""
    page, per_page = _bounds(page, per_page)
    words = tokens(q)
    filters = {"status": status, "topic": topic, "unit": unit, "date_from": date_from,
               "date_to": date_to, "author": author}
    joined = any(filters.values()) or not tenancy.is_province(viewer)
    filters["viewer"] = viewer
    found = words and _matching(session, words, joined=joined, prefix=wants_prefix(q))
    if found:
        total, ids, capped = _ranked(session, filtered(found[0], **filters), found[1], page,
                                     per_page, cap)
        return total, ids, words, capped
    stmt = filtered(select(Bulletin.id), **filters)  # bad filters rejected even if none match
    if q and q.strip():  # no word the index knows, or only signs: nothing can match
        return 0, [], words, False
    total = session.scalar(select(func.count()).select_from(stmt.subquery())) or 0
    stmt = stmt.order_by(Bulletin.id.desc()).limit(per_page).offset((page - 1) * per_page)
    return total, list(session.scalars(stmt)), words, False


def load(session: Session, ids: list[int]) -> list[Bulletin]:
    """The bulletins of these ids, in this order (author, topic and unit loaded with them)."""
    if not ids:
        return []
    found = {b.id: b for b in session.scalars(select(Bulletin).where(Bulletin.id.in_(ids)))
             .unique()}
    return [found[i] for i in ids if i in found]


def search(session: Session, q: str | None, *, status: str | None = None,
           topic: str | None = None, unit: str | None = None, date_from: date | None = None,
           date_to: date | None = None, page: int = 1, per_page: int = 20,
           author: User | None = None, viewer: User | None = None,
           cap: int = RANK_CAP) -> Results:
    """Ranked full-text search (title weighs more) with filters; without words, newest first."""
    total, ids, words, capped = ranked_ids(
        session, q, status=status, topic=topic, unit=unit, date_from=date_from,
        date_to=date_to, author=author, page=page, per_page=per_page, viewer=viewer, cap=cap)
    regex = pattern(words, wants_prefix(q))
    hits = [Hit(b, highlight(b.title, regex), snippet(b.body, regex)) for b in load(session, ids)]
    page, per_page = _bounds(page, per_page)
    return Results(total=total, page=page, per_page=per_page, hits=hits, capped=capped)

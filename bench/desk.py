"""The editorial desk at 100,000 bulletins: list, search and report pages through the test client.

Builds (or reuses from /tmp) a SQLite database of ~30 staff and N bulletins of Vietnamese
text spread over 2025-01..2026-11 with their revisions, workflow events, findings and radio
log (bench/desk_data.py), then times, logged in as the editor with the most bulletins:
/desk/editor and /desk/all (N requests each), /desk/all?q=… over a mix of searches, and
/desk/report for 2026. A floor is measured in the same run: /healthz through the same client
and a bare indexed query through the same engine. Last line:
`list_p95_ms=… search_p95_ms=… report_ms=…` (then more key=value pairs).

    .venv/bin/python bench/desk.py [--bulletins 100000] [--requests 50] [--fresh]
                                   [--database-url URL]
"""

from __future__ import annotations

import argparse
import hashlib
import math
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

SEARCHES = [
    ("common word", {"q": "thôn"}),
    ("rare word", {"q": "rươi"}),
    ("two words", {"q": "tiêm chủng"}),
    ("two words, no diacritics", {"q": "tiem chung"}),
    ("diacritics", {"q": "cắt điện"}),
    ("đường", {"q": "đường"}),
    ("duong", {"q": "duong"}),
    ("phrase-ish", {"q": "bão số"}),
    ("nothing", {"q": "xyzzy"}),
    ("filters", {"q": "điện", "status": "published", "topic": "thong-bao-chung",
                 "unit": "phong-kinh-te", "from": "2026-01-01", "to": "2026-06-30"}),
]
REPORT = {"from": "2026-01-01", "to": "2026-12-31"}


def cache_key(count: int) -> str:
    """Hash of the generator and the schema it writes, so a change regenerates the file."""
    digest = hashlib.sha256(str(count).encode())
    paths = sorted((ROOT / "bench").glob("desk*.py"))
    paths += sorted((ROOT / "bulletins" / "models").glob("*.py"))
    paths.append(ROOT / "bulletins" / "search.py")
    for path in paths:
        if path.is_file():
            digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def make_app(url: str, data_dir: Path):
    os.environ.update(DATABASE_URL=url, DATA_DIR=str(data_dir), TTS_ENGINE="espeak",
                      SECRET_KEY="bench-desk-" + os.urandom(8).hex())
    os.environ.pop("REDIS_URL", None)
    from app import create_app

    app = create_app()
    app.config.update(WTF_CSRF_ENABLED=False, RATELIMIT_ENABLED=False)
    return app


def build(app, count: int) -> None:
    from desk_data import generate

    from app.extensions import db

    start = time.perf_counter()
    with app.app_context():
        db.create_all()  # DDL events (e.g. a full-text index and its triggers) fire here
        counts = generate(db.session, db.engine, count, log=lambda m: print(m, flush=True))
        if db.engine.dialect.name == "sqlite":
            with db.engine.begin() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        db.session.remove()
        db.engine.dispose()
    print("generated " + " ".join(f"{k}={v}" for k, v in counts.items())
          + f" in {time.perf_counter() - start:.1f} s", flush=True)


def prepare(args: argparse.Namespace, tmp: Path) -> tuple[str, float]:
    """The database URL to time against and the generation seconds (0 when cached)."""
    if args.database_url:
        app = make_app(args.database_url, tmp)
        start = time.perf_counter()
        build(app, args.bulletins)
        return args.database_url, time.perf_counter() - start
    cached = Path(tempfile.gettempdir()) / f"loa-bench-desk-{cache_key(args.bulletins)}.sqlite3"
    work = tmp / "loa.db"
    gen_s = 0.0
    if args.fresh or not cached.is_file():
        start = time.perf_counter()
        build(make_app(f"sqlite:///{work}", tmp), args.bulletins)
        gen_s = time.perf_counter() - start
        shutil.copyfile(work, str(cached) + ".part")
        os.replace(str(cached) + ".part", cached)
    else:
        print(f"reusing {cached}", flush=True)
        shutil.copyfile(cached, work)
    return f"sqlite:///{work}", gen_s


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(q * len(ordered)) - 1)]


def timed(client, path: str, params: dict | None = None) -> float:
    start = time.perf_counter()
    response = client.get(path, query_string=params)
    ms = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        raise SystemExit(f"{path} {params}: HTTP {response.status_code}")
    return ms


def line(name: str, values: list[float]) -> None:
    print(f"  {name:<28} n={len(values):<3} p50={statistics.median(values):8.1f} ms "
          f"p95={pct(values, 0.95):8.1f} ms max={max(values):8.1f} ms", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bulletins", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=50, help="requests per list page")
    parser.add_argument("--fresh", action="store_true", help="regenerate the cached database")
    parser.add_argument("--database-url", help="generate into this (empty) database instead")
    parser.add_argument("--user", default="bt01", help="the editor to log in as")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="loa-desk-"))
    try:
        url, gen_s = prepare(args, tmp)
        run(args, url, tmp, gen_s)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def run(args: argparse.Namespace, url: str, tmp: Path, gen_s: float) -> None:
    from desk_data import PASSWORD
    from sqlalchemy import text

    from app.extensions import db

    app = make_app(url, tmp)
    client = app.test_client()
    response = client.post("/login", data={"username": args.user, "password": PASSWORD})
    if response.status_code != 302:
        raise SystemExit(f"login as {args.user} failed: HTTP {response.status_code}")
    with app.app_context():
        rows = db.session.scalar(text("SELECT count(*) FROM bulletins"))
        own = db.session.scalar(text(
            "SELECT count(*) FROM bulletins b JOIN users u ON u.id = b.author_id "
            "WHERE u.username = :n"), {"n": args.user})
        floor_sql = []
        for i in range(args.requests):
            start = time.perf_counter()
            db.session.execute(text("SELECT id, title FROM bulletins WHERE published_at IS NOT "
                                    "NULL ORDER BY published_at DESC LIMIT 50 OFFSET :o"),
                               {"o": i}).all()
            floor_sql.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        db.session.scalar(text("SELECT count(*) FROM bulletins"))
        count_ms = (time.perf_counter() - start) * 1000
        db.session.remove()
    print(f"{rows} bulletins, {own} by {args.user}; {url}")
    n = args.requests
    for _ in range(3):  # warm the caches and the templates
        timed(client, "/healthz"), timed(client, "/desk/editor"), timed(client, "/desk/all")
    floor_http = [timed(client, "/healthz") for _ in range(n)]
    editor = [timed(client, "/desk/editor") for _ in range(n)]
    staff = [timed(client, "/desk/all") for _ in range(n)]
    searches: list[float] = []
    by_query = {}
    for name, params in SEARCHES:
        by_query[name] = [timed(client, "/desk/all", params) for _ in range(5)]
        searches += by_query[name]
    print("floor")
    line("SELECT … LIMIT 50 (engine)", floor_sql)
    print(f"  SELECT count(*) (engine)     {count_ms:.1f} ms")
    line("/healthz", floor_http)
    print("pages")
    line("/desk/editor", editor)
    line("/desk/all", staff)
    for name, values in by_query.items():
        line(f"search: {name}", values)
    report_ms = first_ms = math.nan
    if any(r.rule.startswith("/desk/report") for r in app.url_map.iter_rules()):
        runs = [timed(client, "/desk/report", REPORT) for _ in range(5)]
        first_ms, report_ms = runs[0], statistics.median(runs)
        line("/desk/report 2026", runs)
    else:
        print("  /desk/report: no such endpoint yet (report_ms=nan)")
    list_p95 = max(pct(editor, 0.95), pct(staff, 0.95))
    floor = pct(floor_http, 0.95)
    print(f"ratios to /healthz p95 ({floor:.1f} ms): editor {pct(editor, 0.95) / floor:.1f}x, "
          f"all {pct(staff, 0.95) / floor:.1f}x, search {pct(searches, 0.95) / floor:.1f}x")
    print(f"list_p95_ms={list_p95:.1f} search_p95_ms={pct(searches, 0.95):.1f} "
          f"report_ms={report_ms:.1f} report_first_ms={first_ms:.1f} "
          f"editor_p95_ms={pct(editor, 0.95):.1f} all_p95_ms={pct(staff, 0.95):.1f} "
          f"healthz_p95_ms={floor:.1f} ratio_list={list_p95 / floor:.1f} rows={rows} "
          f"gen_s={gen_s:.1f}")


if __name__ == "__main__":
    main()

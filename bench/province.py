"""A province of 100 communes × 1,000 bulletins on PostgreSQL, served by gunicorn (issue #18).

Drops and creates its own database (default loa_province_bench on the local server, trust
auth), brings it to the schema with `init-db` (the real migrations, their indexes), adds the
communes (`seed.create_commune`: each with its radio slots), two staff per commune (editor and
operator; reviewer and leader) and province staff, then bulk-inserts each commune's bulletins
with their revisions, workflow events and findings through bench/desk_data.py's generator
(realistic Vietnamese titles and bodies, the plan's topics, mixed states), plus the province's
own. Then serves the app with gunicorn and times over HTTP, for a commune's user and for a
province user: the desk list (/desk/all), a search (/desk/all?q=…), the queue badges
(/password: a plain page whose only queries are the login and the badge counts); and each
commune's public feed (/xa/<slug>/feeds/rss.xml). Prints p50/p95 per endpoint, the EXPLAIN
(ANALYZE) plans of the tenancy-filtered queries, and as its last line key=value pairs.

    .venv/bin/python bench/province.py [--communes 100] [--per-commune 1000] [--requests 60]
                                       [--database NAME] [--keep | --reuse]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import requests  # noqa: E402
import sqlalchemy as sa  # noqa: E402

SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/"
PASSWORD = "Ban-bien-tap-2026"  # noqa: S105 (a throwaway bench database)
SEARCHES = ["tiêm chủng", "thôn", "cắt điện", "tiem chung", "bão số"]
HAMLET_WORDS = ["Yên", "Khánh", "Gia", "Kim", "Hoa", "Nho", "Quan", "Trường", "Đông", "Tây",
                "Thượng", "Hạ", "Phú", "Lộc", "Thành", "Sơn", "Bình", "An", "Tân", "Mỹ"]


def recreate(database: str) -> str:
    admin = sa.create_engine(SERVER + "postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{database}"'))
    admin.dispose()
    return SERVER + database


def filled(url: str) -> int:
    """How many bulletins the database holds (0 when it or the table does not exist)."""
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.scalar(sa.text("SELECT count(*) FROM bulletins")) or 0
    except sa.exc.SQLAlchemyError:
        return 0
    finally:
        engine.dispose()


def env_for(url: str) -> dict[str, str]:
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "bench-province-secret",
           "JOBS_EMBEDDED": "0", "DATA_DIR": "/tmp/loa-province-bench",
           "LOA_ADMIN_PASSWORD": PASSWORD}
    env.pop("REDIS_URL", None)
    return env


def commune_names(count: int) -> list[tuple[str, str]]:
    """(slug, name): vu-duong first, then made-up but plausible commune names."""
    from bulletins.text import fold
    rng = random.Random(18)
    out, seen = [("vu-duong", "xã Vũ Dương")], {"vu-duong"}
    while len(out) < count:
        name = " ".join(rng.sample(HAMLET_WORDS, 2))
        slug = fold(name).replace(" ", "-")
        if slug not in seen:
            seen.add(slug)
            out.append((slug, f"xã {name}"))
    return out


def fill(url: str, communes: int, per_commune: int, log=print) -> dict[str, int]:
    """Communes, staff and bulletins, written in bulk; returns row counts."""
    from desk_data import Builder, flush

    from app import create_app
    from app.config import config_for_tests
    from app.extensions import db
    from bulletins import accounts, seed
    from bulletins.models import Commune

    accounts.HASH_METHOD = "pbkdf2:sha256:1000"
    config = config_for_tests(Path("/tmp/loa-province-bench"), url)
    app = create_app(config)
    counts: dict[str, int] = defaultdict(int)
    with app.app_context():
        session = db.session
        names = commune_names(communes)
        ids = {c.slug: c.id for c in session.query(Commune)}
        for slug, name in names[1:]:
            ids[slug] = seed.create_commune(session, None, slug, name).id
        session.commit()
        staff: dict[int | None, dict[str, list[tuple[int, str]]]] = {}
        for slug, _ in names:
            pool: dict[str, list[tuple[int, str]]] = defaultdict(list)
            for who, roles in ((f"bt-{slug}", ["editor", "operator"]),
                               (f"ld-{slug}", ["reviewer", "leader"])):
                user, _ = accounts.create_user(session, None, who[:64], roles, PASSWORD,
                                               commune_id=ids[slug])
                for role in roles:
                    pool[role].append((user.id, None))
            staff[ids[slug]] = pool
        pool = defaultdict(list)
        for who, roles in (("tinh-bt", ["editor"]), ("tinh-td", ["reviewer"]),
                           ("tinh-ld", ["leader"]),
                           ("tinh-nhieu", ["editor", "reviewer", "leader"])):
            user, _ = accounts.create_user(session, None, who, roles, PASSWORD, province=True)
            for role in roles:
                pool[role].append((user.id, None))
        staff[None] = pool
        session.commit()
        engine = db.engine

        builder = Builder(random.Random(2026), staff[ids["vu-duong"]])
        children = ["bulletins", "revisions", "workflow_events", "findings"]

        def other(role: str, *not_ids: int) -> int:
            found = [u for u, _ in builder.by_role[role] if u not in not_ids]
            return builder.rng.choice(found or [u for u, _ in builder.by_role[role]])

        builder._other = other  # a small commune's leader may be its reviewer too
        bid = 0
        started = time.perf_counter()
        with engine.begin() as conn:
            for commune_id, count in [*((ids[s], per_commune) for s, _ in names),
                                      (None, per_commune // 2)]:
                builder.by_role = staff[commune_id]
                builder.editor_weights = [1.0] * len(staff[commune_id]["editor"])
                for _ in range(count):
                    bid += 1
                    builder.bulletin(bid)
                for row in builder.rows["bulletins"]:
                    row["commune_id"] = commune_id
                for name in children:
                    counts[name] += len(builder.rows[name])
                flush(conn, builder.rows, children)
                if bid % 20000 < count:
                    log(f"  {bid} bulletins, {time.perf_counter() - started:.0f} s")
            for table in ("bulletins", "revisions", "workflow_events", "findings"):
                top = conn.scalar(sa.text(f"SELECT coalesce(max(id), 1) FROM {table}"))  # noqa: S608
                conn.execute(sa.select(sa.func.setval(sa.func.pg_get_serial_sequence(table, "id"),
                                                      top)))
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(sa.text("VACUUM ANALYZE"))
        counts["communes"] = len(names)
        counts["users"] = sum(len({u for p in s.values() for u, _ in p}) for s in staff.values())
        engine.dispose()
    return dict(counts)


def radio_log(url: str, log=print) -> int:
    """Each commune's programs and broadcast log, if there are none yet: its two slots on most
    days air what it published the day before (its own radio bulletins and the province's),
    up to 6 a program, oldest first; 7 % of airings are logged as not aired and their items
    wait for the next program. So, as on a real desk, little still owes an airing."""
    from collections import deque
    from datetime import timedelta

    from desk_data import NOT_AIRED, flush

    from bulletins.radio.schedule import program_title

    engine = sa.create_engine(url)
    rng = random.Random(19)
    with engine.begin() as conn:
        if conn.scalar(sa.text("SELECT count(*) FROM radio_programs")):
            engine.dispose()
            return 0
        published = conn.execute(sa.text(
            "SELECT id, commune_id, published_at FROM bulletins WHERE status = 'published' "
            "AND channels LIKE '%radio%' ORDER BY published_at")).all()
        slots = conn.execute(sa.text(
            "SELECT id, commune_id, time_of_day FROM radio_slots ORDER BY time_of_day")).all()
        operators = dict(conn.execute(sa.text(
            "SELECT u.commune_id, min(u.id) FROM users u JOIN user_roles r ON r.user_id = u.id "
            "WHERE r.role = 'operator' GROUP BY u.commune_id")).all())
        by_day: dict[int | None, dict] = defaultdict(lambda: defaultdict(list))
        for bid, commune_id, at in published:
            by_day[commune_id][at.date()].append(bid)
        first = min(at for _, _, at in published).date()
        last = max(at for _, _, at in published).date() + timedelta(days=2)
        rows: dict[str, list] = defaultdict(list)
        names = ["radio_programs", "radio_program_items", "radio_broadcasts",
                 "radio_broadcast_items"]
        pid = 0
        for commune_id in sorted(c for c in by_day if c is not None):
            mine = [(sid, at) for sid, c, at in slots if c == commune_id]
            queue: deque[int] = deque()
            day = first
            while day <= last:
                before = day - timedelta(days=1)
                queue.extend(sorted(by_day[commune_id].get(before, [])
                                    + by_day[None].get(before, [])))
                for slot_id, at in mine:
                    if not queue or rng.random() < 0.12:
                        continue
                    pid += 1
                    hour = int(at[:2])
                    starts = datetime.combine(day, datetime.min.time()) + timedelta(hours=hour - 7)
                    items = [queue.popleft() for _ in range(min(6, len(queue)))]
                    rows["radio_programs"].append(dict(
                        id=pid, slot_id=slot_id, commune_id=commune_id, air_date=day,
                        starts_at=starts, title=program_title(hour, day), status="ready",
                        notice="", notice_at=None, created_by="system", build_key=None,
                        path=None, size_bytes=None, duration_s=None, lufs=None, true_peak=None,
                        chapters=[], error="", built_at=starts - timedelta(minutes=50),
                        created_at=starts - timedelta(hours=2),
                        updated_at=starts - timedelta(minutes=50)))
                    aired = rng.random() < 0.93
                    rows["radio_broadcasts"].append(dict(
                        id=pid, program_id=pid, source="operator", receiver_id=None,
                        aired=aired, aired_at=starts + timedelta(seconds=rng.randint(0, 240))
                        if aired else None, reason="" if aired else rng.choice(NOT_AIRED),
                        note="", recorded_by_id=operators.get(commune_id),
                        recorded_at=starts + timedelta(minutes=rng.randint(35, 120)),
                        corrects_id=None))
                    for pos, bid in enumerate(items):
                        rows["radio_program_items"].append(dict(
                            program_id=pid, bulletin_id=bid, position=pos, built_hash=None))
                        rows["radio_broadcast_items"].append(dict(
                            broadcast_id=pid, bulletin_id=bid, position=pos))
                    if not aired:
                        queue.extendleft(reversed(items))
                day += timedelta(days=1)
            if len(rows["radio_program_items"]) > 20000:
                flush(conn, rows, names)
        flush(conn, rows, names)
        for table in ("radio_programs", "radio_broadcasts", "radio_program_items"):
            top = conn.scalar(sa.text(f"SELECT coalesce(max(id), 1) FROM {table}"))  # noqa: S608
            conn.execute(sa.select(sa.func.setval(sa.func.pg_get_serial_sequence(table, "id"),
                                                  top)))
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(sa.text("VACUUM ANALYZE"))
    engine.dispose()
    log(f"radio log: {pid} programs")
    return pid


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def login(base: str, username: str) -> requests.Session:
    http = requests.Session()
    page = http.get(f"{base}/login", timeout=30).text
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page) or \
        re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page)
    answer = http.post(f"{base}/login", data={"username": username, "password": PASSWORD,
                                              "csrf_token": token.group(1) if token else ""},
                       allow_redirects=False, timeout=30)
    assert answer.status_code == 302, (username, answer.status_code, answer.text[:300])
    return http


def timed(http: requests.Session, url: str, n: int) -> list[float]:
    http.get(url, timeout=60)  # warm
    out = []
    for _ in range(n):
        t = time.perf_counter()
        answer = http.get(url, timeout=60)
        out.append((time.perf_counter() - t) * 1000)
        assert answer.status_code == 200, (url, answer.status_code)
    return out


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


def explain(url: str, commune_user: str, province_user: str) -> None:
    """EXPLAIN (ANALYZE) of the desk's tenancy-filtered queries, captured as the app runs them."""
    from app import create_app
    from app.config import config_for_tests
    from app.extensions import db
    from bulletins import accounts, reading

    app = create_app(config_for_tests(Path("/tmp/loa-province-bench"), url))
    with app.app_context():
        engine = db.engine
        for who in (commune_user, province_user):
            user = accounts.find_user(db.session, who)
            jobs = [("list", lambda u=user: reading.search_bulletins(db.session, u, None)),
                    ("search", lambda u=user: reading.search_bulletins(db.session, u,
                                                                       "tiêm chủng")),
                    ("counts", lambda u=user: reading.waiting_counts(db.session, u))]
            jobs += [(f"search {q!r}", lambda u=user, q=q: reading.search_bulletins(
                db.session, u, q)) for q in SEARCHES[1:]]
            for label, job in jobs:
                brief = label.startswith("search '")  # the other terms: key lines only
                seen: list[tuple[str, object]] = []

                def grab(conn, cursor, statement, parameters, context, executemany,
                         seen=seen):
                    if "bulletins" in statement and statement.lstrip().upper().startswith(
                            ("SELECT", "WITH")):
                        seen.append((statement, parameters))

                sa.event.listen(engine, "before_cursor_execute", grab)
                try:
                    job()
                finally:
                    sa.event.remove(engine, "before_cursor_execute", grab)
                db.session.rollback()
                with engine.connect() as conn:
                    for statement, parameters in seen[:1 if brief else 3]:
                        plan = conn.exec_driver_sql("EXPLAIN (ANALYZE, BUFFERS OFF) " + statement,
                                                    parameters).scalars().all()
                        print(f"\n--- {label} as {who}: {' '.join(statement.split())[:160]}…")
                        print("\n".join(line for line in plan if not brief or any(
                            k in line for k in ("Scan on", "Scan Backward", "Removed by",
                                                "Execution Time")) and "CTE Scan" not in line))
                        seq = [line for line in plan if "Seq Scan on bulletins" in line]
                        if seq:
                            print(f"!!! sequential scan on bulletins: {seq[0].strip()}")
        db.session.remove()
        db.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--communes", type=int, default=100)
    parser.add_argument("--per-commune", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--database", default="loa_province_bench")
    parser.add_argument("--keep", action="store_true", help="use the database as it is")
    parser.add_argument("--reuse", action="store_true",
                        help="skip the fill when the database already holds the bulletins "
                             "(it is still migrated to the current schema)")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    url = SERVER + args.database
    counts: dict[str, int] = {}
    wanted = (args.communes + 0.5) * args.per_commune
    reuse = args.reuse and filled(url) >= wanted
    if reuse:
        print(f"reusing {args.database}: {filled(url)} bulletins")
    if not args.keep:
        if not reuse:
            recreate(args.database)
        started = time.perf_counter()
        step = subprocess.run([sys.executable, "-m", "flask", "--app", "wsgi", "init-db"],
                              cwd=ROOT, env=env_for(url), capture_output=True, text=True)
        assert step.returncode == 0, step.stderr[-2000:]
        if not reuse:
            counts = fill(url, args.communes, args.per_commune)
            print(f"filled in {time.perf_counter() - started:.0f} s: {counts}")
        radio_log(url)
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        bulletins = conn.scalar(sa.text("SELECT count(*) FROM bulletins"))
        slugs = conn.execute(sa.text("SELECT slug FROM communes ORDER BY position, id")
                             ).scalars().all()
    engine.dispose()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", str(args.workers), "-b", f"127.0.0.1:{port}",
         "--log-level", "warning", "wsgi:app"], cwd=ROOT, env=env_for(url),
        start_new_session=True)
    try:
        for _ in range(100):
            try:
                if requests.get(f"{base}/healthz", timeout=30).status_code < 500:
                    break
            except requests.RequestException:
                time.sleep(0.3)
        middle = slugs[len(slugs) // 2]
        commune_user, province_user = f"bt-{middle}", "tinh-nhieu"
        results: dict[str, list[float]] = {}
        terms: dict[str, list[float]] = {}
        n = args.requests
        for label, who in (("commune", commune_user), ("province", province_user)):
            http = login(base, who)
            results[f"desk_{label}"] = timed(http, f"{base}/desk/all", n)
            results[f"search_{label}"] = []
            for q in SEARCHES:
                terms[f"search_{label} {q!r}"] = timed(http, f"{base}/desk/all?q={q}",
                                                       max(1, n // len(SEARCHES)))
                results[f"search_{label}"] += terms[f"search_{label} {q!r}"]
            results[f"counts_{label}"] = timed(http, f"{base}/password", n)
        ld = login(base, f"ld-{middle}")  # reviewer and leader: two queues to count
        results["counts_commune_leader"] = timed(ld, f"{base}/password", n)
        anonymous = requests.Session()
        feed_cold, feed = [], []
        for slug in slugs:
            t = time.perf_counter()
            assert anonymous.get(f"{base}/xa/{slug}/feeds/rss.xml", timeout=60).ok
            feed_cold.append((time.perf_counter() - t) * 1000)
        for slug in (slugs * 3)[: max(n, len(slugs))]:
            t = time.perf_counter()
            assert anonymous.get(f"{base}/xa/{slug}/feeds/rss.xml", timeout=60).ok
            feed.append((time.perf_counter() - t) * 1000)
        results["feed_first"] = feed_cold
        results["feed"] = feed
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    explain(url, commune_user, province_user)
    print(f"\n{'endpoint':28} {'n':>5} {'p50 ms':>9} {'p95 ms':>9}")
    for label, values in [*results.items(), *terms.items()]:
        print(f"{label:28} {len(values):5d} {statistics.median(values):9.1f} "
              f"{pct(values, 95):9.1f}")
    pairs = {"desk_p95_ms_commune": pct(results["desk_commune"], 95),
             "desk_p95_ms_province": pct(results["desk_province"], 95),
             "search_p95_ms_commune": pct(results["search_commune"], 95),
             "search_p95_ms_province": pct(results["search_province"], 95),
             "counts_p95_ms_commune": pct(results["counts_commune_leader"], 95),
             "counts_p95_ms_province": pct(results["counts_province"], 95),
             "feed_p95_ms": pct(results["feed"], 95),
             "feed_first_p95_ms": pct(results["feed_first"], 95)}
    print(" ".join(f"{k}={v:.1f}" for k, v in pairs.items())
          + f" bulletins={bulletins} communes={len(slugs)} workers={args.workers}")


if __name__ == "__main__":
    main()

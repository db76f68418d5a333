"""Every GET route of the URL map, anonymous and as each role, with boundary values in the
path and the query: no request may answer a 5xx (issue #13).

One app and database serve the whole run, holding real rows (bulletins in each state, audio,
a program with its airing log, a template, key dates) so path ids hit real rows as well as
impossible ones. A seeded generator plans the requests, so CI replays the same sequence;
LOA_FUZZ_ROUTES=N sets how many (default 30,000), LOA_FUZZ_SEED another sequence, and
LOA_FUZZ_WORKERS how many forked copies of the test process share them (default 2: about
80 s on two idle cores). Any exception behind a 5xx is named in the failure.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from flask import Flask, got_request_exception
from flask.testing import FlaskClient
from sqlalchemy import select

from app import create_app
from app.config import config_for_tests
from app.extensions import db
from app.help.render import PAGES
from bulletins import accounts, clock, seed
from bulletins.confidentiality import rules
from bulletins.editorial import comments
from bulletins.editorial import templates as bulletin_templates
from bulletins.models import AudioFile, Bulletin, Slot, User
from bulletins.radio import broadcasts, programs
from bulletins.reporting.calendar import KeyDate
from bulletins.text import slugify
from tests.web.conftest import PASSWORD, ROLES, login, make_bulletin, user

REQUESTS = int(os.environ.get("LOA_FUZZ_ROUTES") or 30_000)
SEED = int(os.environ.get("LOA_FUZZ_SEED") or 13)
WORKERS = int(os.environ.get("LOA_FUZZ_WORKERS") or min(2, os.cpu_count() or 1))
AS = ("anonymous", "editor", "reviewer", "leader", "operator", "admin", "multi")
LONG = "x" * 5000
HUGE = "99999999999999999999"
#: values that are wrong everywhere: NUL, broken percent-encoding, overlong, odd Unicode
NASTY = ["%00", "a%00b", "%E0%A4%A", "%", "%zz", "%C0%AF", "%FF%FE", LONG, "%C2%B2",
         "%D9%A3", "..", "%2F", "%20", "'", "%22%3E%3Cscript%3E", "-", "null", "[]"]
BAD_NUMBERS = ["0", "-1", str(2**31), str(2**31 - 1), str(2**63), "-" + str(2**63), HUGE,
               "9" * 5000, "1e3", "1.5", "+1", " 1", "0x10", "abc"]
BAD_DAYS = ["0001-01-01", "9999-12-31", "2026-02-30", "2026-13-01", "2026-00-00", "1999-12-31",
            "2200-01-01", "31/12/9999", "01/01/0001", "2026-1-1", "hom-nay", "20260101"]
BAD_MONTHS = ["0001-01", "9999-12", "2026-13", "2026-00", "2199-12", "2000-01", "2026-1"]
QUERY = ("page", "limit", "from", "to", "date", "month", "q", "topic", "unit", "status", "lang",
         "a", "b", "download", "template", "next", "format", "id")
_RUN: dict = {}  #: the clients and the planned requests, which forked workers inherit
_CRASHES: list[str] = []  #: the exceptions behind 5xx answers, newest last


def _crashed(_sender: Flask, exception: BaseException, **_extra: object) -> None:
    _CRASHES.append(repr(exception))


_ARG = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>")


def _build_world(app: Flask) -> dict[str, list[str]]:
    """Real rows of every kind a GET route reads; returns the values each name can take."""
    with app.app_context():
        for name, roles in ROLES.items():
            accounts.create_user(db.session, None, name, roles, PASSWORD, name.title())
        db.session.commit()
    later = (clock.utcnow() + timedelta(days=30)).isoformat() + "+00:00"
    ids = [make_bulletin(app, to=state) for state in (
        "draft", "in_review", "awaiting_approval", "rejected", "withdrawn")]
    ids.append(make_bulletin(app, to="approved", publish_at=later))
    ids.append(make_bulletin(app, to="in_review", title="Liên hệ cán bộ",
                             body="Gọi số 0912345678 hoặc email a@b.vn để biết thêm."))
    ids.append(make_bulletin(app, to="published", channels=["web"], language="en",
                             title="Notice in English", topic="hoi-nhap-quoc-te"))
    on_air = make_bulletin(app, to="published", title="Lịch cắt điện thôn Đông",
                           body="Điện lực thông báo lịch cắt điện sáng thứ bảy.")
    ids.append(on_air)
    with app.app_context():
        session = db.session
        app.extensions["loa.jobs"].run_pending()  # the published bulletin's real audio
        comments.add_comment(session, user("reviewer"), ids[1], "Xem lại đoạn hai.")
        template = bulletin_templates.save_as_template(session, user("editor"), ids[0],
                                                       "Mẫu thử")
        rules.add_rule(session, user("admin"), "tài liệu mật thử")
        slot = session.scalars(select(Slot).order_by(Slot.time_of_day)).first()
        today = clock.local_today()
        program = programs.save_program(session, user("operator"), slot.id, today, [on_air])
        session.commit()
        app.extensions["loa.jobs"].run_pending()  # the program's audio
        aired = (clock.utcnow() - timedelta(minutes=5)).isoformat() + "+00:00"
        broadcasts.record_broadcast(session, user("operator"), program.id,
                                    {"aired_at": aired, "note": "Phát đủ"})
        session.commit()
        titles = session.scalars(select(Bulletin.title).order_by(Bulletin.id)).all()
        digests = session.scalars(select(AudioFile.content_hash).order_by(AudioFile.id)).all()
        return {
            "bulletin_id": [str(i) for i in ids],
            "program_id": [str(program.id)],
            "slot_id": [str(i) for i in session.scalars(select(Slot.id).order_by(Slot.id))],
            "template_id": [str(template.id)],
            "key_date_id": [str(i) for i in session.scalars(
                select(KeyDate.id).order_by(KeyDate.id).limit(5))],
            "user_id": [str(i) for i in session.scalars(select(User.id).order_by(User.id))],
            "digest": [d[:16] for d in digests if d],
            "slug": [*PAGES, *(slugify(t) for t in titles)],
            "day": [today.isoformat(), (today + timedelta(days=1)).isoformat()],
            "page": ["1", "2"], "limit": ["1", "50"], "a": ["1", "2"], "b": ["1", "2"],
            "from": [today.isoformat(), "01/01/2026"], "to": [today.isoformat()],
            "date": [today.isoformat()], "month": [f"{today:%Y-%m}", "2026-12"],
            "q": ["th%C3%B4ng+b%C3%A1o", "tiem*", "%22", "AND"], "lang": ["vi", "en"],
            "topic": ["thong-bao-chung", "hoi-nhap-quoc-te"], "unit": ["phong-kinh-te"],
            "status": ["draft", "published", "in_review"], "download": ["1"],
            "template": [str(template.id)], "next": ["/desk/", "//evil.example"],
        }


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory) -> Iterator[Flask]:
    """One app and database for the whole run; failures come back as 500s, not exceptions."""
    config = config_for_tests(tmp_path_factory.mktemp("route-fuzz"),
                              os.environ.get("LOA_TEST_DATABASE_URL"))
    config.update(WTF_CSRF_ENABLED=False, PROPAGATE_EXCEPTIONS=False)
    application = create_app(config)
    with application.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("the route fuzz runs on SQLite (forked workers share its file)")
        db.create_all()
        seed.seed_lists(db.session)
        db.session.commit()
    yield application
    with application.app_context():
        db.session.remove()
        db.engine.dispose()


def _value(rng: random.Random, name: str, kind: str | None, real: dict[str, list[str]]) -> str:
    """A real value for this name half the time, else a boundary or broken one."""
    if real.get(name) and rng.random() < 0.5:
        return rng.choice(real[name])
    if kind == "int" or name in ("page", "limit", "a", "b", "template", "id") or (
            name.endswith("_id")):
        pool = BAD_NUMBERS
    elif kind == "day" or name in ("from", "to", "date"):
        pool = BAD_DAYS
    elif name == "month":
        pool = BAD_MONTHS
    else:
        pool = NASTY
    return rng.choice(pool + NASTY[:4])


def _readers(app: Flask) -> dict[str, list[str]]:
    """For each rule, the query names its view's module mentions: those it may read."""
    out = {}
    for rule in app.url_map.iter_rules():
        source = Path(sys.modules[app.view_functions[rule.endpoint].__module__].__file__)
        words = set(re.findall(r"[\"'](\w+)[\"']", source.read_text(encoding="utf-8")))
        out[rule.rule] = [name for name in QUERY if name in words]
    return out


def _url(rng: random.Random, rule: str, real: dict[str, list[str]],
         readers: dict[str, list[str]]) -> str:
    """The rule with its arguments filled, and a query of names it reads and others."""
    path = _ARG.sub(lambda m: _value(rng, m.group(2), m.group(1), real), rule)
    own = readers.get(rule, [])
    names = rng.sample(own, min(len(own), rng.choice((0, 1, 1, 2, 3))))
    names += [n for n in rng.sample(QUERY, rng.choice((0, 1, 1, 2))) if n not in names]
    query = "&".join(f"{n}={_value(rng, n, None, real)}" for n in names)
    return path + ("?" + query if query else "")


def _clients(app: Flask) -> dict[str, tuple[FlaskClient, dict[str, str]]]:
    """A logged-in client and the API bearer header of each role; anonymous has neither."""
    out = {"anonymous": (app.test_client(), {})}
    for name in AS[1:]:
        client = app.test_client()
        login(client, name)
        with app.app_context():
            token = accounts.create_token(db.session, None, user(name))
            db.session.commit()
        out[name] = (client, {"Authorization": f"Bearer {token}"})
    return out


def _share(index: int) -> tuple[list[tuple[str, str, int, str]], Counter]:
    """Send every WORKERS-th planned request from `index` on: the 5xx seen and the statuses."""
    clients, plan = _RUN["clients"], _RUN["plan"]
    failures, statuses = [], Counter()
    for role, url in plan[index::_RUN["workers"]]:
        client, headers = clients[role]
        response = client.get(url, headers=headers if url.startswith("/api/") else {})
        statuses[response.status_code] += 1
        if response.status_code >= 500:
            failures.append((url[:160], role, response.status_code,
                             _CRASHES[-1][:300] if _CRASHES else ""))
        response.close()
    return failures, statuses


def _forked(app: Flask) -> None:
    with app.app_context():
        db.engine.dispose(close=False)  # the parent's SQLite connections stay the parent's


def test_no_get_route_answers_a_5xx(fuzz_app, capsys):
    real = _build_world(fuzz_app)
    rules_ = sorted({r.rule for r in fuzz_app.url_map.iter_rules()
                     if "GET" in r.methods and r.endpoint != "static"})
    assert len(rules_) >= 60 and "/radio/slot/<int:slot_id>/<day:day>" in rules_
    rng = random.Random(SEED)
    readers = _readers(fuzz_app)
    plan = [(AS[n % len(AS)], _url(rng, rng.choice(rules_), real, readers))
            for n in range(REQUESTS)]
    _RUN.update(clients=_clients(fuzz_app), plan=plan, workers=WORKERS)
    got_request_exception.connect(_crashed, fuzz_app)
    started = time.perf_counter()
    if WORKERS == 1:
        shares = [_share(0)]
    else:  # forked copies of this process: the same app, clients and database file
        context = multiprocessing.get_context("fork")
        with context.Pool(WORKERS, initializer=_forked, initargs=(fuzz_app,)) as pool:
            shares = pool.map(_share, range(WORKERS))
    seconds = time.perf_counter() - started
    failures = [f for share, _ in shares for f in share]
    statuses = sum((counts for _, counts in shares), Counter())
    # the sessions stayed logged in: each role still reaches its own page
    for role, page in (("editor", "/desk/editor"), ("admin", "/admin/users"),
                       ("operator", "/radio/")):
        assert _RUN["clients"][role][0].get(page).status_code == 200, role
    with capsys.disabled():
        print(f"\nroute-fuzz: requests={sum(statuses.values())} routes={len(rules_)} "
              f"roles={len(AS)} 5xx={len(failures)} seconds={seconds:.1f} seed={SEED} "
              f"workers={WORKERS} statuses={dict(sorted(statuses.items()))}")
    assert not failures, f"{len(failures)} × 5xx, first ones: {failures[:8]}"
    assert sum(statuses.values()) == REQUESTS
    if REQUESTS >= 2000:  # real rows were reached, roles refused, bad values answered
        assert {200, 302, 403, 404, 422} <= set(statuses)

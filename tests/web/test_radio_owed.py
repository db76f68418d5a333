"""The operator's count (bulletins owing an airing) is one SQL statement; it must count exactly
what the radio desk's own rule says: the candidates at that time whose `owed` is above 0."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from app.extensions import db
from bulletins import seed
from bulletins.clock import local_date
from bulletins.models import AirPlan, Broadcast, BroadcastItem, Bulletin, Program, ProgramItem
from bulletins.radio import schedule
from tests.web.conftest import login, user

#: a morning, a minute before local midnight, local midnight (UTC+7)
NOWS = [datetime(2026, 12, 10, 1, 30), datetime(2026, 12, 10, 16, 59),
        datetime(2026, 12, 10, 17, 0)]


def _maybe(rng: random.Random, *values):
    return rng.choice(values)


def _fill(rng: random.Random, communes: list[int | None], author: int) -> None:
    """Bulletins in every state, channel, window and plan; programs aired, planned, logged,
    not aired, corrected, empty; a receiver's emergency play outside any program."""
    base = NOWS[0]
    hours = [timedelta(hours=h) for h in (-400, -30, -16, -8.5, -7, -1, 0, 1, 8, 15.5, 16, 30)]
    bulletins = []
    for i in range(90):
        status = _maybe(rng, "published", "published", "approved", "draft", "withdrawn")
        b = Bulletin(title=f"Tin {i}", body="Nội dung", author_id=author, status=status,
                     channels=_maybe(rng, "radio,web", "radio", "web", "web,radio"),
                     commune_id=rng.choice(communes),
                     content_hash=_maybe(rng, "h", "h", "h", None, ""),
                     publish_at=_maybe(rng, None, base + rng.choice(hours)),
                     approved_at=_maybe(rng, None, base + rng.choice(hours[:6]),
                                        base + rng.choice(hours[:6])),
                     expire_at=_maybe(rng, None, None, base + rng.choice(hours)))
        if rng.random() < 0.5:
            day = local_date(base)
            b.air_plan = AirPlan(
                first_date=_maybe(rng, None, day - timedelta(days=1), day, day + timedelta(1)),
                last_date=_maybe(rng, None, day - timedelta(days=1), day, day + timedelta(1)),
                airings_wanted=rng.randint(1, 3))
        bulletins.append(b)
    db.session.add_all(bulletins)
    db.session.flush()
    programs = []
    for commune_id in communes:
        for n in range(8):
            starts = base + rng.choice(hours)
            program = Program(commune_id=commune_id, air_date=local_date(starts),
                              starts_at=starts, title=f"CT {n}",
                              status=_maybe(rng, "ready", "ready", "queued", "empty"))
            program.items = [ProgramItem(bulletin_id=b.id, position=p)
                             for p, b in enumerate(rng.sample(bulletins, rng.randint(1, 12)))]
            programs.append(program)
    db.session.add_all(programs)
    db.session.flush()
    for program in programs:
        if rng.random() < 0.6:  # logged (aired or not); some entries corrected, some twice
            first = Broadcast(program_id=program.id, aired=rng.random() < 0.8,
                              items=[BroadcastItem(bulletin_id=i.bulletin_id, position=i.position)
                                     for i in program.items])
            db.session.add(first)
            db.session.flush()
            if rng.random() < 0.3:
                db.session.add(Broadcast(program_id=program.id, aired=rng.random() < 0.5,
                                         corrects_id=first.id, items=[
                                             BroadcastItem(bulletin_id=i.bulletin_id)
                                             for i in program.items]))
            elif rng.random() < 0.3:  # a receiver's report of the same airing
                db.session.add(Broadcast(program_id=program.id, aired=True, source="receiver",
                                         items=[BroadcastItem(bulletin_id=i.bulletin_id)
                                                for i in program.items]))
    for b in rng.sample(bulletins, 6):  # emergency plays outside any program
        db.session.add(Broadcast(program_id=None, aired=True, source="receiver",
                                 items=[BroadcastItem(bulletin_id=b.id)]))
    db.session.commit()


def _by_rule(now: datetime, commune_id: int | None) -> int:
    return sum(1 for c in schedule.candidates(db.session, now, now, commune_id=commune_id)
               if c.owed > 0)


def test_owed_count_is_the_candidates_rule_on_varied_data(app, users):
    seen = set()
    for trial in range(4):
        with app.app_context():
            if trial == 0:
                second = seed.create_commune(db.session, None, "xa-hai", "xã Hai").id
                first = user("operator").commune_id
                db.session.commit()
            _fill(random.Random(trial), [first, second, None], user("editor").id)
            for now in NOWS:
                for commune_id in (first, second, None):
                    expected = _by_rule(now, commune_id)
                    got = schedule.owed_count(db.session, now, commune_id)
                    assert got == expected, (trial, now, commune_id)
                    seen.add(expected)
    assert len(seen) > 5  # the data varies enough for the counts to differ


def test_owed_count_follows_airings(app, users):
    """One published bulletin: owed; planned in a program that has begun: not; that program
    logged as not aired: owed again; aired: not; that entry corrected to not aired: owed."""
    now = NOWS[0]
    with app.app_context():
        commune_id = user("operator").commune_id
        b = Bulletin(title="Tin", body="Nội dung", author_id=user("editor").id,
                     status="published", content_hash="h", commune_id=commune_id,
                     approved_at=now - timedelta(hours=3), publish_at=now - timedelta(hours=2))
        db.session.add(b)
        db.session.commit()
        assert schedule.owed_count(db.session, now, commune_id) == 1
        program = Program(commune_id=commune_id, air_date=local_date(now), title="CT",
                          starts_at=now - timedelta(minutes=5), status="ready",
                          items=[ProgramItem(bulletin_id=b.id, position=0)])
        db.session.add(program)
        db.session.commit()
        assert schedule.owed_count(db.session, now, commune_id) == 0
        missed = Broadcast(program_id=program.id, aired=False,
                           items=[BroadcastItem(bulletin_id=b.id)])
        db.session.add(missed)
        db.session.commit()
        assert schedule.owed_count(db.session, now, commune_id) == 1
        aired = Broadcast(program_id=program.id, aired=True, corrects_id=missed.id,
                          items=[BroadcastItem(bulletin_id=b.id)])
        db.session.add(aired)
        db.session.commit()
        assert schedule.owed_count(db.session, now, commune_id) == 0
        db.session.add(Broadcast(program_id=program.id, aired=False, corrects_id=aired.id,
                                 items=[BroadcastItem(bulletin_id=b.id)]))
        db.session.commit()
        assert schedule.owed_count(db.session, now, commune_id) == 1


def test_operators_banner_shows_only_their_communes_emergencies(app, users, client):
    """The red banner on every operator page: the commune's and the province's emergencies
    not aired yet; another commune's is neither shown nor read (it cost every page a
    province-wide read)."""
    with app.app_context():
        mine = user("operator").commune_id
        other = seed.create_commune(db.session, None, "xa-hai", "xã Hai").id
        for commune_id, title in ((mine, "Khẩn của xã mình"), (other, "Khẩn của xã khác"),
                                  (None, "Khẩn của tỉnh")):
            db.session.add(Bulletin(title=title, body="Sơ tán ngay.", priority="emergency",
                                    author_id=user("editor").id, status="published",
                                    content_hash="h", commune_id=commune_id,
                                    published_at=NOWS[0]))
        db.session.commit()
    login(client, "operator")
    page = client.get("/password").get_data(as_text=True)
    assert "Khẩn của xã mình" in page and "Khẩn của tỉnh" in page
    assert "Khẩn của xã khác" not in page

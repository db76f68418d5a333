"""The radio desk: suggestions, saving, the broadcast log, emergencies, withdrawals, slots."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from bulletins import clock, seed, services
from bulletins.errors import Conflict, NotAllowed, ValidationError
from bulletins.models import Program, Slot
from bulletins.radio import broadcasts, programs, schedule
from tests.web.conftest import login, make_bulletin, user


def morning(app) -> tuple[int, str]:
    """The seeded 06:00 slot and today's local date."""
    with app.app_context():
        slot = db.session.scalar(select(Slot).where(Slot.key == "sang"))
        return slot.id, clock.local_today().isoformat()


def test_default_slots_are_seeded_once_and_admin_edits_stay(app, users):
    with app.app_context():
        slots = db.session.scalars(select(Slot).order_by(Slot.time_of_day)).all()
        assert [(s.time_of_day, s.weekdays, s.target_minutes) for s in slots] == [
            ("06:00", "0123456", 30), ("17:00", "0123456", 30)]
        programs.save_slot(db.session, user("admin"), slots[0].id, {
            "name": "Sáng sớm", "time_of_day": "05:30", "weekdays": ["0", "2", "4"],
            "target_minutes": 20, "active": True})
        with pytest.raises(NotAllowed):
            programs.save_slot(db.session, user("operator"), slots[0].id, {})
        with pytest.raises(ValidationError) as bad:
            programs.save_slot(db.session, user("admin"), None, {
                "name": "", "time_of_day": "25:00", "weekdays": [], "target_minutes": 0})
        assert set(bad.value.fields) == {"name", "time_of_day", "weekdays", "target_minutes"}
        seed.seed_lists(db.session)
        db.session.commit()
        again = db.session.get(Slot, slots[0].id)
        assert (again.time_of_day, again.weekdays, again.name) == ("05:30", "024", "Sáng sớm")
        assert db.session.query(Slot).count() == 2


def test_slot_admin_page(app, client, users):
    login(client, "admin")
    page = client.post("/radio/slots", data={"name": "Buổi trưa", "time_of_day": "11:30",
                                             "weekdays": ["5", "6"], "target_minutes": 15,
                                             "active": "y"}, follow_redirects=True)
    assert "Đã lưu khung giờ phát" in page.get_data(as_text=True)
    bad = client.post("/radio/slots", data={"name": "x", "time_of_day": "9h",
                                            "weekdays": ["1"], "target_minutes": 15})
    assert bad.status_code == 200 and "HH:MM" in bad.get_data(as_text=True)
    other = app.test_client()
    login(other, "operator")
    assert other.get("/radio/slots").status_code == 403


def test_air_plan_fields_through_the_api(app, api):
    editor = api("editor")
    made = editor.post("/api/v1/bulletins", json={
        "title": "Lịch cắt điện", "body": "Điện lực thông báo.", "air_from": "2026-12-01",
        "air_until": "03/12/2026", "airings_wanted": 3})
    assert made.status_code == 201, made.json
    assert (made.json["air_from"], made.json["air_until"], made.json["airings_wanted"]) == (
        "2026-12-01", "2026-12-03", 3)
    bad = editor.post("/api/v1/bulletins", json={
        "title": "x", "body": "y", "air_from": "2026-12-05", "air_until": "2026-12-01",
        "airings_wanted": 0})
    assert bad.status_code == 422
    assert set(bad.json["error"]["fields"]) == {"air_until", "airings_wanted"}
    patched = editor.patch(f"/api/v1/bulletins/{made.json['id']}", json={
        "version": made.json["version"], "airings_wanted": 2, "air_until": None})
    assert patched.status_code == 200
    assert (patched.json["airings_wanted"], patched.json["air_until"]) == (2, None)


def test_suggestion_orders_by_priority_then_age_and_respects_owed_airings(app, users):
    old = make_bulletin(app, to="published", title="Tin thường cũ", channels=["radio"])
    new = make_bulletin(app, to="published", title="Tin thường mới")
    hot = make_bulletin(app, to="published", title="Tin ưu tiên", priority="priority")
    web = make_bulletin(app, to="published", title="Chỉ trên web", channels=["web"])
    done = make_bulletin(app, to="published", title="Đã đủ lượt", airings_wanted=1)
    later = make_bulletin(app, to="published", title="Tuần sau", air_from="2099-01-01")
    slot_id, today = morning(app)
    with app.app_context():
        slot = db.session.get(Slot, slot_id)
        day = clock.local_date(clock.utcnow())
        evening = db.session.scalar(select(Slot).where(Slot.key == "chieu"))
        program = programs.save_program(db.session, user("operator"), evening.id, day, [done])
        broadcasts.record_broadcast(db.session, user("operator"), program.id,
                                    {"aired_at": clock.utcnow().isoformat() + "+00:00"})
        db.session.commit()
        titles = [c.bulletin.title for c in schedule.suggest(db.session, slot, day)]
    assert titles == ["Tin ưu tiên", "Tin thường cũ", "Tin thường mới"]
    with app.app_context():  # web-only and not-yet-due bulletins are never suggested
        assert broadcasts.aired_counts(db.session, [done, old, new, hot, web, later]) == {
            done: 1}


def test_operator_saves_order_and_refusals(app, client, users):
    first = make_bulletin(app, to="published", title="Thứ nhất")
    second = make_bulletin(app, to="published", title="Thứ hai")
    draft = make_bulletin(app, to="draft", title="Nháp")
    slot_id, today = morning(app)
    login(client, "operator")
    page = client.get(f"/radio/slot/{slot_id}/{today}")
    assert page.status_code == 200 and "Thứ nhất" in page.get_data(as_text=True)
    saved = client.post(f"/radio/slot/{slot_id}/{today}", data={
        "keep": [str(first), str(second)], f"pos-{first}": "2", f"pos-{second}": "1"})
    assert saved.status_code == 302
    with app.app_context():
        program = db.session.scalar(select(Program))
        assert program.bulletin_ids == [second, first] and program.status == "queued"
        with pytest.raises(ValidationError):
            programs.save_program(db.session, user("operator"), slot_id, program.air_date,
                                  [first, draft])
        with pytest.raises(ValidationError):
            programs.save_program(db.session, user("operator"), slot_id, program.air_date, [])
        with pytest.raises(NotAllowed):
            programs.save_program(db.session, user("editor"), slot_id, program.air_date,
                                  [first])
    assert client.get(f"/radio/programs/{program.id}").status_code == 200
    assert client.get("/radio/programs/999").status_code == 404
    assert client.get(f"/radio/slot/{slot_id}/not-a-date").status_code == 404
    other = app.test_client()
    login(other, "editor")
    assert other.get("/radio/").status_code == 403


def test_broadcast_log_api_append_only_with_corrections_and_csv(app, api, client,
                                                              pinned_clock):
    # FIXED_NOW is 17/11/2026 09:30 in Vietnam: the airings below are of that morning
    bid = make_bulletin(app, to="published")
    slot_id, today = morning(app)
    with app.app_context():
        program = programs.save_program(db.session, user("operator"), slot_id,
                                        clock.local_today(), [bid])
        db.session.commit()
        pid = program.id
    operator = api("operator")
    url = f"/api/v1/programs/{pid}/broadcasts"
    assert operator.post("/api/v1/programs/999/broadcasts",
                         json={"not_aired": "x"}).status_code == 404
    for bad in ({}, {"aired_at": "hôm qua"}, {"not_aired": ""}, {"aired_at": 5},
                {"aired_at": "2026-01-01T06:00:00+07:00", "not_aired": "mất điện"},
                {"aired_at": "2999-01-01T06:00:00+07:00"}, {"colour": "red"}):
        answer = operator.post(url, json=bad)
        assert answer.status_code == 422, (bad, answer.json)
    assert operator.post(url, json=[1]).status_code == 400
    assert api("editor").post(url, json={"not_aired": "x"}).status_code == 403
    first = operator.post(url, json={"aired_at": "2026-11-17T06:02:00+07:00",
                                     "note": "Phát đủ"})
    assert first.status_code == 201 and first.json["aired"] is True
    assert first.json["aired_at"] == "2026-11-16T23:02:00+00:00"
    assert operator.post(url, json={"not_aired": "trùng"}).status_code == 409
    fix = operator.post(url, json={"not_aired": "Mất điện toàn xã", "corrects": first.json["id"]})
    assert fix.status_code == 201 and fix.json["corrects"] == first.json["id"]
    again = operator.post(url, json={"not_aired": "x", "corrects": first.json["id"]})
    assert again.status_code == 409
    log = operator.get(url).json
    assert [e["id"] for e in log] == [first.json["id"], fix.json["id"]]
    with app.app_context():
        assert broadcasts.aired_counts(db.session, [bid]) == {}
    operator.post(url, json={"aired_at": "2026-11-17T06:05:00+07:00", "corrects": fix.json["id"],
                             "note": "=HYPERLINK(1)"})
    with app.app_context():
        assert broadcasts.aired_counts(db.session, [bid]) == {bid: 1}
    login(client, "operator")
    csv = client.get(f"/radio/log.csv?from={today}&to={today}")
    text = csv.get_data(as_text=True)
    assert csv.status_code == 200 and csv.mimetype == "text/csv"
    assert text.count("\n") == 4 and "Mất điện toàn xã" in text and "'=HYPERLINK" in text
    assert client.get("/radio/log.csv?from=2026-02-01&to=2026-01-01").status_code == 422
    assert client.get("/radio/log").status_code == 200


def test_programs_api_lists_saved_and_suggested(app, api):
    bid = make_bulletin(app, to="published", title="Tiêm chủng")
    slot_id, today = morning(app)
    with app.app_context():
        programs.save_program(db.session, user("operator"), slot_id, clock.local_today(),
                              [bid])
        db.session.commit()
    operator = api("operator")
    day = operator.get(f"/api/v1/programs?date={today}").json
    saved, suggested = day["items"]
    assert saved["id"] and saved["status"] == "queued" and saved["slot"]["time"] == "06:00"
    assert saved["items"][0]["bulletin_id"] == bid and saved["audio"] is None
    assert suggested["id"] is None and suggested["status"] == "suggested"
    assert operator.get("/api/v1/programs?date=31-02-2026").status_code == 422
    pending = operator.get(f"/api/v1/programs/{saved['id']}/audio")
    assert pending.status_code == 202 and pending.json["status"] == "queued"
    assert operator.get("/api/v1/programs/999/audio").status_code == 404
    m3u = operator.get(f"/api/v1/programs/{saved['id']}/playlist.m3u")
    assert m3u.get_data(as_text=True).startswith("#EXTM3U") and f"/bulletins/{bid}/" in (
        m3u.get_data(as_text=True))
    spec = operator.get("/api/v1/openapi.json").json
    assert {"/programs", "/programs/{program_id}/audio",
            "/programs/{program_id}/broadcasts"} <= set(spec["paths"])


def test_emergency_banner_until_aired(app, client, users):
    with app.app_context():
        made = services.create_bulletin(db.session, user("editor"), {
            "title": "Cảnh báo lũ khẩn cấp", "body": "Nước sông lên nhanh.",
            "priority": "emergency"})
        db.session.commit()
        services.perform(db.session, user("leader"), made.id, "approve")
        db.session.commit()
        bid = made.id
    login(client, "operator")
    assert "Cảnh báo lũ khẩn cấp" in client.get("/desk/all").get_data(as_text=True)
    page = client.post(f"/radio/emergency/{bid}", follow_redirects=True)
    assert "Phát khẩn cấp" in page.get_data(as_text=True)
    with app.app_context():
        program = db.session.scalar(select(Program).where(Program.slot_id.is_(None)))
        with pytest.raises(Conflict):
            programs.emergency_program(db.session, user("operator"),
                                       make_bulletin(app, to="published"))
    client.post(f"/radio/programs/{program.id}/broadcasts",
                data={"outcome": "aired", "aired_at": "2026-01-01T06:00", "note": ""})
    assert "KHẨN CẤP" not in client.get("/radio/").get_data(as_text=True)
    other = app.test_client()
    login(other, "reviewer")
    assert "Cảnh báo lũ" in other.get("/desk/review").get_data(as_text=True)


def test_radio_and_program_routes_refuse_anonymous(app, client, users):
    bid = make_bulletin(app, to="published")
    values = {"bulletin_id": bid, "program_id": 1, "slot_id": 1, "day": "2026-01-01"}
    for rule in app.url_map.iter_rules():
        if rule.endpoint.startswith("radio.") or rule.endpoint.startswith("api.program"):
            url = rule.build(values, append_unknown=False)[1]
            for method in rule.methods - {"HEAD", "OPTIONS"}:
                assert client.open(url, method=method).status_code in (302, 401), (method, url)

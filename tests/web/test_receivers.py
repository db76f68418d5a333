"""CONTRACT §10 against a served app: two communes' receivers, their schedules and audio, an
emergency that reaches only its commune until each receiver reports it played, the broadcast
log, keys revoked and rotated, and the CAP 1.2 document (schema-valid) and its feed."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path

import pytest
import requests
from lxml import etree
from sqlalchemy import select

from app.extensions import db
from bulletins import accounts, clock, seed, tenancy
from bulletins.models import Program, Receiver, Slot
from bulletins.radio import broadcasts, programs
from tests.serve import served
from tests.web.conftest import PASSWORD, make_bulletin, user

# The official OASIS schema (http://docs.oasis-open.org/emergency/cap/v1.2/CAP-v1.2.xsd), as
# kept unchanged in github.com/IBM/cap resources/CAP-v1.2.xsd (commit 5f5f07c9).
CAP_XSD = Path(__file__).resolve().parents[1] / "CAP-v1.2.xsd"
CAP = "{urn:oasis:names:tc:emergency:cap:1.2}"
ATOM = "{http://www.w3.org/2005/Atom}"
SCHEDULE = "/api/receiver/v1/schedule"
EVENTS = "/api/receiver/v1/events"


def new_receiver(app, commune: str, name: str, village: str = "") -> str:
    runner = app.test_cli_runner(mix_stderr=False)
    args = ["create-receiver", commune, name] + (["--village", village] if village else [])
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("loa_rx_")
    return lines[0]


def auth(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture
def world(app, users):
    """Commune vu-duong (the first) with a built program of today; commune yen-mo with none;
    receivers: two in vu-duong, one in yen-mo."""
    with app.app_context():
        seed.create_commune(db.session, None, "yen-mo", "xã Yên Mô")
        db.session.commit()
    normal = make_bulletin(app, to="published", title="Lịch thu gom rác",
                           body="Các thôn thu gom rác vào chiều thứ Bảy hằng tuần.")
    with app.app_context():
        slot = db.session.scalar(select(Slot).where(Slot.key == "chieu"))
        program = programs.save_program(db.session, user("operator"), slot.id,
                                        clock.local_today(), [normal])
        db.session.commit()
        pid = program.id
        app.extensions["loa.jobs"].run_pending()
        db.session.expire_all()
        assert db.session.get(Program, pid).status == "ready"
    keys = {"dong": new_receiver(app, "vu-duong", "Cụm loa Đông", "Thôn Đông"),
            "tay": new_receiver(app, "vu-duong", "Cụm loa Tây", "Thôn Tây"),
            "yenmo": new_receiver(app, "yen-mo", "Cụm loa chợ")}
    return {"program": pid, "bulletin": normal, "keys": keys}


@pytest.mark.slow
def test_receivers_contract(app, world):
    keys, pid = world["keys"], world["program"]
    with served(app) as base:
        # the schedule: own commune's built programs, sha256 and size of the real file
        answer = requests.get(base + SCHEDULE, headers=auth(keys["dong"]), timeout=10)
        assert answer.status_code == 200, answer.text
        data = answer.json()
        assert set(data) >= {"receiver", "commune", "poll_seconds", "emergency", "programs"}
        assert data["commune"] == "vu-duong" and data["emergency"] is None
        assert data["poll_seconds"] == 30
        [program] = data["programs"]
        assert program["id"] == pid and set(program) >= {"starts_at", "audio_url", "sha256",
                                                         "bytes", "duration"}
        mp3 = requests.get(program["audio_url"], headers=auth(keys["dong"]), timeout=10)
        assert mp3.status_code == 200 and mp3.headers["Content-Type"] == "audio/mpeg"
        assert hashlib.sha256(mp3.content).hexdigest() == program["sha256"]
        assert len(mp3.content) == program["bytes"] and program["duration"] > 1
        part = requests.get(program["audio_url"], timeout=10,
                            headers={**auth(keys["dong"]), "Range": "bytes=10-19"})
        assert part.status_code == 206 and part.content == mp3.content[10:20]
        # ETag / 304
        again = requests.get(base + SCHEDULE, timeout=10, headers={
            **auth(keys["dong"]), "If-None-Match": answer.headers["ETag"]})
        assert again.status_code == 304
        # another commune's receiver sees none of it, and may not fetch it
        other = requests.get(base + SCHEDULE, headers=auth(keys["yenmo"]), timeout=10).json()
        assert other["commune"] == "yen-mo" and other["programs"] == []
        assert requests.get(program["audio_url"], headers=auth(keys["yenmo"]),
                            timeout=10).status_code == 404
        for bad in ({}, auth("loa_rx_unknown"), {"Authorization": "Basic x"}):
            assert requests.get(base + SCHEDULE, headers=bad, timeout=10).status_code == 401

        # an emergency of vu-duong reaches vu-duong's receivers only
        emergency = make_bulletin(app, to="published", priority="emergency",
                                  title="Khẩn cấp: nước sông dâng cao",
                                  body="Đề nghị bà con thôn Đông, thôn Tây di dời ngay.")
        pending = requests.get(base + SCHEDULE, headers=auth(keys["tay"]), timeout=10).json()
        assert pending["emergency"]["bulletin_id"] == emergency
        assert pending["poll_seconds"] <= 10
        with app.app_context():
            app.extensions["loa.jobs"].run_pending()  # its audio
        item = requests.get(base + SCHEDULE, headers=auth(keys["dong"]),
                            timeout=10).json()["emergency"]
        assert item["bulletin_id"] == emergency and len(item["sha256"]) == 64
        sound = requests.get(item["audio_url"], headers=auth(keys["dong"]), timeout=10)
        assert hashlib.sha256(sound.content).hexdigest() == item["sha256"]
        quiet = requests.get(base + SCHEDULE, headers=auth(keys["yenmo"]), timeout=10).json()
        assert quiet["emergency"] is None and quiet["poll_seconds"] == 30

        # played clears it for that receiver only, and writes its broadcast-log entry
        played = requests.post(base + EVENTS, headers=auth(keys["dong"]), timeout=10,
                               json={"type": "played", "bulletin_id": emergency,
                                     "at": clock.utcnow().isoformat() + "Z"})
        assert played.status_code == 202, played.text
        mine = requests.get(base + SCHEDULE, headers=auth(keys["dong"]), timeout=10).json()
        assert mine["emergency"] is None and mine["poll_seconds"] == 30
        still = requests.get(base + SCHEDULE, headers=auth(keys["tay"]), timeout=10).json()
        assert still["emergency"]["bulletin_id"] == emergency
        with app.app_context():  # a cluster played it: the radio desk's banner knows it aired
            commune = tenancy.first_commune(db.session).id
            assert broadcasts.pending_emergencies(db.session, commune_id=commune) == []

        # staff: reached 1 of 2, the silent one named
        staff = requests.Session()
        staff.post(base + "/login", data={"username": "operator", "password": PASSWORD})
        page = staff.get(base + "/receivers/", timeout=10).text
        assert "1/2" in page and "Cụm loa Tây" in page and "Thôn Đông" in page

        # a program played, one failed: the log and the program's reach
        for key, kind, detail in (("dong", "played", None), ("tay", "failed", "Mất điện")):
            sent = requests.post(base + EVENTS, headers=auth(keys[key]), timeout=10, json={
                "type": kind, "program_id": pid, "detail": detail})
            assert sent.status_code == 202
        token = _token(app, "operator")
        log = requests.get(f"{base}/api/v1/programs/{pid}/broadcasts", timeout=10,
                           headers={"Authorization": f"Bearer {token}"}).json()
        assert [(e["source"], e["aired"]) for e in log] == [("receiver", True),
                                                             ("receiver", False)]
        reach = staff.get(f"{base}/receivers/programs/{pid}", timeout=10).text
        assert "Mất điện" in reach and "Cụm loa Đông" in reach
        assert requests.post(base + EVENTS, headers=auth(keys["yenmo"]), timeout=10, json={
            "type": "played", "program_id": pid}).status_code == 404
        assert requests.post(base + EVENTS, headers=auth(keys["yenmo"]), timeout=10, json={
            "type": "sung"}).status_code == 422

        # heartbeat readings; revoke → 401
        assert requests.post(base + EVENTS, headers=auth(keys["yenmo"]), timeout=10, json={
            "type": "heartbeat", "detail": {"firmware": "2.1", "volume": 80, "signal": -70}}
        ).status_code == 202
        with app.app_context():
            receiver = db.session.scalar(select(Receiver).where(Receiver.name == "Cụm loa chợ"))
            assert (receiver.firmware, receiver.volume, receiver.signal) == ("2.1", 80, -70)
            from bulletins.receivers import registry
            registry.revoke(db.session, None, receiver)
            db.session.commit()
        assert requests.get(base + SCHEDULE, headers=auth(keys["yenmo"]),
                            timeout=10).status_code == 401

        # CAP 1.2, valid against the official schema, and the alerts feed
        alert = requests.get(f"{base}/alerts/{emergency}.xml", timeout=10)
        assert alert.status_code == 200 and alert.headers["Content-Type"].startswith(
            "application/cap+xml")
        schema = etree.XMLSchema(etree.parse(str(CAP_XSD)))
        document = etree.fromstring(alert.content)
        assert schema.validate(document), schema.error_log
        assert document.findtext(f"{CAP}info/{CAP}headline") == "Khẩn cấp: nước sông dâng cao"
        assert document.findtext(f"{CAP}info/{CAP}area/{CAP}areaDesc") == "xã Vũ Dương"
        assert document.find(f"{CAP}info/{CAP}resource/{CAP}uri") is not None
        assert requests.get(f"{base}/alerts/{world['bulletin']}.xml",
                            timeout=10).status_code == 404
        feed = etree.fromstring(requests.get(base + "/feeds/alerts.xml", timeout=10).content)
        links = [link.get("href") for link in feed.iter(f"{ATOM}link")
                 if link.get("type") == "application/cap+xml"]
        assert links == [f"{base}/alerts/{emergency}.xml"]
        other_feed = requests.get(base + "/xa/yen-mo/feeds/alerts.xml", timeout=10).content
        assert b"/alerts/" not in other_feed


def _token(app, name: str) -> str:
    with app.app_context():
        raw = accounts.create_token(db.session, None, user(name))
        db.session.commit()
        return raw


def test_key_is_hashed_rotatable_and_checked(app, users):
    key = new_receiver(app, "vu-duong", "Cụm loa UBND")
    client = app.test_client()
    with app.app_context():
        receiver = db.session.scalar(select(Receiver))
        assert key not in (receiver.key_hash, receiver.key_prefix)
        assert receiver.key_hash == hashlib.sha256(key.encode()).hexdigest()
        from bulletins.receivers import registry
        fresh = registry.rotate_key(db.session, None, receiver)
        db.session.commit()
    assert client.get(SCHEDULE, headers=auth(key)).status_code == 401
    assert client.get(SCHEDULE, headers=auth(fresh)).status_code == 200
    bad = app.test_cli_runner(mix_stderr=False).invoke(args=["create-receiver", "khong-co", "X"])
    assert bad.exit_code == 1 and bad.stdout == "" and "khong-co" in bad.stderr
    future = (clock.utcnow() + timedelta(hours=2)).isoformat() + "Z"
    late = client.post(EVENTS, headers=auth(fresh), json={"type": "heartbeat", "at": future})
    assert late.status_code == 422 and "at" in late.get_json()["error"]["fields"]


@pytest.mark.slow
def test_simulator_plays_the_emergency_and_reports_it(app, users):
    key = new_receiver(app, "vu-duong", "Cụm loa thử")
    emergency = make_bulletin(app, to="published", priority="emergency",
                              title="Khẩn cấp: cháy rừng", body="Bà con không vào rừng.")
    with app.app_context():
        app.extensions["loa.jobs"].run_pending()
    from tools.receiver_sim import Simulator

    lines: list[str] = []
    with served(app) as base:
        Simulator(base, key, play=False, echo=lines.append).run(once=True)
        after = requests.get(base + SCHEDULE, headers=auth(key), timeout=10).json()
    assert after["emergency"] is None, lines
    assert any(str(emergency) in line for line in lines)
    with app.app_context():
        receiver = db.session.scalar(select(Receiver))
        assert receiver.last_played_at is not None and receiver.firmware == "sim-1.0"


def test_province_emergency_reaches_every_commune_and_unreached_offline_is_red(app, users):
    with app.app_context():
        seed.create_commune(db.session, None, "yen-mo", "xã Yên Mô")
        for name, role in (("tinh-bt", "editor"), ("tinh-ld", "leader")):
            accounts.create_user(db.session, None, name, [role], PASSWORD, province=True)
        db.session.commit()
        from bulletins import services
        bulletin = services.create_bulletin(db.session, user("tinh-bt"), {
            "title": "Khẩn cấp: bão số 9", "body": "Toàn tỉnh chằng chống nhà cửa ngay.",
            "priority": "emergency", "topic": "thong-bao-chung"})
        db.session.commit()
        services.perform(db.session, user("tinh-ld"), bulletin.id, "approve")
        db.session.commit()
        emergency = bulletin.id
    keys = [new_receiver(app, "vu-duong", "Cụm loa Bắc", "Thôn Bắc"),
            new_receiver(app, "yen-mo", "Cụm loa Nam", "Thôn Nam")]
    client = app.test_client()
    for key in keys:
        item = client.get(SCHEDULE, headers=auth(key)).get_json()["emergency"]
        assert item["bulletin_id"] == emergency
    silent = new_receiver(app, "vu-duong", "Cụm loa im lặng", "Thôn Bắc")
    assert silent  # registered, never heard: offline, and the emergency has not reached it
    staff = app.test_client()
    staff.post("/login", data={"username": "operator", "password": PASSWORD})
    page = staff.get("/receivers/").get_data(as_text=True)
    assert "Khẩn cấp: bão số 9" in page and "0/2" in page
    def row(name: str) -> str:  # the table row (the last mention) of a cluster
        end = page.rindex(name)
        return page[page.rindex("<tr", 0, end):end]

    assert 'class="rx-unreached"' in row("Cụm loa im lặng")
    assert 'class="rx-unreached"' not in row("Cụm loa Bắc")  # heard: online, not red
    # the CAP alert of a province-wide emergency names the province as its area
    alert = etree.fromstring(client.get(f"/alerts/{emergency}.xml").data)
    assert alert.findtext(f"{CAP}info/{CAP}area/{CAP}areaDesc") == "tỉnh Ninh Bình"
    assert etree.XMLSchema(etree.parse(str(CAP_XSD))).validate(alert)

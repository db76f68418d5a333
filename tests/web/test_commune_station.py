"""Each commune's station speaks and shows its own name, with its own jingles and voice
choice falling back to the province's (issue #18: every setting belongs to one commune or
to the province)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from app.extensions import db
from audio.jingle import write_chime
from audio.measure import probe
from bulletins import accounts, clock, seed, services, tenancy
from bulletins.models import AudioFile, Program, Slot
from bulletins.radio import program_audio, programs
from bulletins.speech import recordings
from bulletins.speech import voices as voice_choices
from bulletins.speech.synthesis import AudioSettings, installed_voices, jingles
from tests.web.conftest import PASSWORD, login, user

ROLES = {"editor": ["editor"], "reviewer": ["reviewer"], "leader": ["leader"],
         "operator": ["operator"], "admin": ["admin"]}


@pytest.fixture
def two(app):
    """Staff of xã Yên Mô (b-*) and of the province (p-*); the first commune is xã Vũ Dương."""
    with app.app_context():
        yen_mo = seed.create_commune(db.session, None, "yen-mo", "xã Yên Mô")
        for role, roles in ROLES.items():
            accounts.create_user(db.session, None, f"b-{role}", roles, PASSWORD,
                                 commune_id=yen_mo.id)
            accounts.create_user(db.session, None, f"p-{role}", roles, PASSWORD, province=True)
        accounts.create_user(db.session, None, "a-editor", ["editor"], PASSWORD)
        db.session.commit()
        return yen_mo.id


def _published(app, prefix: str, title: str) -> int:
    with app.app_context():
        made = services.create_bulletin(db.session, user(f"{prefix}-editor"), {
            "title": title, "body": "Trạm Y tế tiêm chủng lúc 7 giờ 30 sáng thứ Năm.",
            "topic": "thong-bao-chung"})
        db.session.commit()
        for action, who in (("submit", "editor"), ("clear", "reviewer"), ("approve", "leader")):
            services.perform(db.session, user(f"{prefix}-{who}"), made.id, action, comment="ok")
            db.session.commit()
        return made.id


@pytest.mark.slow
def test_commune_b_program_and_audio_name_commune_b(app, client, two):
    own = _published(app, "b", "Lịch tiêm chủng xã Yên Mô")
    wide = _published(app, "p", "Thông báo của tỉnh")
    with app.app_context():
        slot = db.session.scalar(select(Slot).where(Slot.key == "chieu@yen-mo"))
        program = programs.save_program(db.session, user("b-operator"), slot.id,
                                        clock.local_today(), [own, wide])
        db.session.commit()
        pid = program.id
        pieces = program_audio.script(db.session, program)
        assert pieces[0].body.startswith("Đài Truyền thanh xã Yên Mô, ")
        assert "Đài Truyền thanh xã Yên Mô" in pieces[-1].body
        assert "Vũ Dương" not in pieces[0].body + pieces[-1].body
        assert app.extensions["loa.jobs"].run_pending() >= 1
        db.session.expire_all()
        program = db.session.get(Program, pid)
        assert program.status == "ready", program.error
        data = Path(app.config["DATA_DIR"])
        assert probe(data / program.path)["tags"]["artist"] == "Đài truyền thanh xã Yên Mô"
        audio = {a.bulletin_id: a for a in db.session.scalars(
            select(AudioFile).where(AudioFile.status == "ready"))}
        assert probe(data / audio[own].path)["tags"]["artist"] == "Đài truyền thanh xã Yên Mô"
        assert probe(data / audio[wide].path)["tags"]["artist"] == "Đài truyền thanh tỉnh Ninh Bình"
    login(client, "b-operator")
    script = client.get(f"/radio/programs/{pid}/script").get_data(as_text=True)
    assert "Đài Truyền thanh xã Yên Mô, chương trình phát thanh chiều" in script
    assert "Vũ Dương" not in script


def test_pages_name_their_commune_or_the_province(app, client, two):
    page = client.get("/xa/yen-mo/").get_data(as_text=True)
    assert "· xã Yên Mô</title>" in page and 'href="/xa/yen-mo/feeds/"' in page
    assert "Ủy ban nhân dân xã Yên Mô" in page and "Vũ Dương" not in page
    feeds = client.get("/xa/yen-mo/feeds/").get_data(as_text=True)
    assert "/xa/yen-mo/feeds/rss.xml" in feeds and "Ủy ban nhân dân xã Yên Mô" in feeds
    assert "· xã Vũ Dương</title>" in client.get("/").get_data(as_text=True)
    assert client.get("/xa/khong-co/").status_code == 404
    with app.app_context():  # the first commune's name is its row's, not the configuration's
        first = tenancy.first_commune(db.session)
        first.name = "xã Vũ Dương mới"
        db.session.commit()
    assert "· xã Vũ Dương mới</title>" in client.get("/").get_data(as_text=True)
    for name, shown in (("b-editor", "xã Yên Mô"), ("p-editor", "tỉnh Ninh Bình"),
                        ("a-editor", "xã Vũ Dương mới")):
        login(client, name)
        desk = client.get("/desk/all").get_data(as_text=True)
        assert f"· {shown}</title>" in desk and f"<small>{shown}</small>" in desk, name
        client.post("/logout")


def test_jingles_and_voice_per_commune_fall_back_to_the_province(app, client, two, tmp_path):
    data = Path(app.config["DATA_DIR"])
    chime = jingles(data)[0]
    assert jingles(data, "yen-mo") == (chime, chime)
    tone = write_chime(tmp_path / "tone.wav")
    with app.app_context():
        recordings.set_jingle(db.session, user("p-admin"), "intro", tone, data)
        assert jingles(data, "yen-mo")[0] == data / "jingles" / "intro.wav"  # the province's
        recordings.set_jingle(db.session, user("b-admin"), "outro", tone, data)
        db.session.commit()
    own = data / "communes" / "yen-mo" / "jingles" / "outro.wav"
    assert jingles(data, "yen-mo") == (data / "jingles" / "intro.wav", own)
    assert jingles(data) == (data / "jingles" / "intro.wav", chime)  # others keep the default
    assert jingles(data, "vu-duong")[1] == chime

    for name in ("tinh-giong", "xa-giong"):  # two installed voices (files only: no Piper run)
        folder = data / "voices" / name
        folder.mkdir(parents=True)
        (folder / f"{name}.onnx").write_bytes(b"onnx")
        (folder / f"{name}.onnx.json").write_text(json.dumps(
            {"language": {"code": "vi_VN"}, "audio": {"sample_rate": 22050}}))
    with app.app_context():
        voice_choices.choose(db.session, user("p-admin"), {"vi": "tinh-giong"}, data)
        voice_choices.choose(db.session, user("b-admin"), {"vi": "xa-giong"}, data)
        db.session.commit()
    settings = AudioSettings(data_dir=data, engine="auto")
    assert installed_voices(settings)["vi"].endswith("tinh-giong.onnx")
    assert installed_voices(AudioSettings(data_dir=data, engine="auto", station="yen-mo"))[
        "vi"].endswith("xa-giong.onnx")
    assert installed_voices(AudioSettings(data_dir=data, engine="auto", station="vu-duong"))[
        "vi"].endswith("tinh-giong.onnx")

    login(client, "b-admin")  # the commune's admin sees its own settings and the default
    page = client.get("/admin/audio").get_data(as_text=True)
    assert "Nhạc hiệu và giọng đọc riêng của xã Yên Mô" in page
    assert "Như của tỉnh: tinh-giong" in page

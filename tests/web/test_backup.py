"""backup / restore (CONTRACT §3) round-trip the database and the audio files."""

from __future__ import annotations

import tarfile
from pathlib import Path

from sqlalchemy import func, select

from app.extensions import db
from bulletins import audit
from bulletins.models import AudioFile, Base, Bulletin, User
from tests.web.conftest import make_bulletin


def count(table: str) -> int:
    return db.session.scalar(select(func.count()).select_from(Base.metadata.tables[table]))


def run(app, *args):
    return app.test_cli_runner(mix_stderr=False).invoke(args=list(args))


def test_backup_then_restore_round_trips_rows_and_audio(app, users, tmp_path):
    kept = make_bulletin(app, to="published", title="Giữ lại", body="Bản tin được sao lưu.")
    with app.app_context():
        app.extensions["loa.jobs"].run_pending()
        audio = db.session.scalar(select(AudioFile).where(AudioFile.bulletin_id == kept))
        audio_path = Path(app.config["DATA_DIR"]) / audio.path
        original_mp3 = audio_path.read_bytes()
        before = {t: count(t) for t in
                  ("users", "bulletins", "revisions", "audit_log", "audio_files")}
    archive = tmp_path / "loa.tar.gz"
    result = run(app, "backup", str(archive))
    assert result.exit_code == 0, result.stderr
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "manifest.json" in names and f"files/{audio.path}" in names

    make_bulletin(app, title="Sau sao lưu", body="Không có trong bản sao lưu.")
    audio_path.unlink()
    result = run(app, "restore", str(archive))
    assert result.exit_code == 0, result.stderr
    with app.app_context():
        after = {t: count(t) for t in before}
        assert after == before
        titles = db.session.scalars(select(Bulletin.title)).all()
        assert "Giữ lại" in titles and "Sau sao lưu" not in titles
        assert audit.verify(db.session).ok
        assert db.session.scalar(select(func.count(User.id))) == len(users)
    assert audio_path.read_bytes() == original_mp3
    assert list((Path(app.config["DATA_DIR"]) / "backups").glob("*.tar.gz"))
    # the restored database keeps working: new rows get fresh ids
    new_id = make_bulletin(app, title="Mới", body="Sau phục hồi.")
    assert new_id > kept


def test_restore_refuses_a_file_that_is_not_a_backup(app, users, tmp_path):
    bogus = tmp_path / "x.tar.gz"
    with tarfile.open(bogus, "w:gz") as tar:
        tar.add(__file__, arcname="hello.py")
    bid = make_bulletin(app)
    result = run(app, "restore", str(bogus))
    assert result.exit_code == 1 and "không phục hồi được" in result.stderr
    assert "Traceback" not in result.stderr
    with app.app_context():
        assert db.session.get(Bulletin, bid) is not None

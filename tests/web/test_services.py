"""The use cases through the real database: revisions, scan, approval hash, audit chain."""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select, text

from app.extensions import db
from bulletins import audit, services
from bulletins.clock import utcnow
from bulletins.editorial import queries
from bulletins.errors import Conflict, InvalidTransition, NotAllowed, ValidationError
from bulletins.models import AuditLog, Bulletin, Revision
from tests.web.conftest import make_bulletin, user


def test_edit_keeps_earlier_text_as_revision(app, users):
    bid = make_bulletin(app, title="Bản đầu", body="Nội dung đầu")
    with app.app_context():
        b = db.session.get(Bulletin, bid)
        services.edit_bulletin(db.session, user("editor"), bid, {"body": "Nội dung hai"},
                               b.version)
        db.session.commit()
        revisions = db.session.scalars(select(Revision).where(Revision.bulletin_id == bid)
                                       .order_by(Revision.number)).all()
        assert [r.body for r in revisions] == ["Nội dung đầu", "Nội dung hai"]
        assert db.session.get(Bulletin, bid).revision_number == 2


def test_stale_version_is_refused(app, users):
    bid = make_bulletin(app)
    with app.app_context():
        old = db.session.get(Bulletin, bid).version
        services.edit_bulletin(db.session, user("editor"), bid, {"title": "Mới"}, old)
        db.session.commit()
        with pytest.raises(Conflict):
            services.edit_bulletin(db.session, user("editor"), bid, {"title": "Cũ"}, old)


def test_text_is_stored_nfc(app, users):
    decomposed = unicodedata.normalize("NFD", "Thông báo về lễ hội Đền Vũ Dương")
    bid = make_bulletin(app, title=decomposed, body=decomposed)
    with app.app_context():
        b = db.session.get(Bulletin, bid)
        assert b.title == unicodedata.normalize("NFC", decomposed) != decomposed
        assert unicodedata.is_normalized("NFC", b.body)


def test_only_drafts_are_edited(app, users):
    bid = make_bulletin(app, to="in_review")
    with app.app_context():
        b = db.session.get(Bulletin, bid)
        with pytest.raises(InvalidTransition):
            services.edit_bulletin(db.session, user("editor"), bid, {"title": "x"}, b.version)


def test_approval_binds_the_exact_text(app, users):
    title, body = "Lịch cắt điện ngày 02/12", "Điện lực thông báo cắt điện từ 7h30 đến 11h."
    bid = make_bulletin(app, to="published", title=title, body=body)
    expected = hashlib.sha256(
        (unicodedata.normalize("NFC", title) + "\n\n" + unicodedata.normalize("NFC", body))
        .encode("utf-8")).hexdigest()
    with app.app_context():
        b = db.session.get(Bulletin, bid)
        assert b.content_hash == expected
        assert queries.approved_text(db.session, b).body == body


def test_blocking_finding_holds_clear_until_resolved(app, users):
    bid = make_bulletin(app, to="in_review", body="TỐI MẬT\nKế hoạch họp. Gọi 0912 345 678.")
    with app.app_context():
        b = db.session.get(Bulletin, bid)
        findings = services.active_findings(db.session, b)
        kinds = {f.kind: f.severity for f in findings}
        assert kinds["classification_marking"] == "block"
        assert "phone" in kinds
        with pytest.raises(Conflict):
            services.perform(db.session, user("reviewer"), bid, "clear")
        db.session.rollback()
        for f in services.unresolved_blocking(db.session, b):
            with pytest.raises(ValidationError):
                services.resolve_finding(db.session, user("reviewer"), bid, f.id, "  ")
            with pytest.raises(NotAllowed):
                services.resolve_finding(db.session, user("editor"), bid, f.id, "không")
            services.resolve_finding(db.session, user("reviewer"), bid, f.id,
                                     "Dấu cũ, tài liệu đã giải mật")
        services.perform(db.session, user("reviewer"), bid, "clear")
        db.session.commit()
        assert db.session.get(Bulletin, bid).status == "awaiting_approval"


def test_offsets_index_the_nfc_scan_text(app, users):
    bid = make_bulletin(app, to="in_review", title="Thông báo",
                        body=unicodedata.normalize("NFD", "Độ mật: Mật. Liên hệ 0912345678"))
    with app.app_context():
        b = db.session.get(Bulletin, bid)
        nfc = lambda s: unicodedata.normalize("NFC", s)  # noqa: E731
        whole = nfc(b.title) + "\n\n" + nfc(b.body)
        for f in services.active_findings(db.session, b):
            assert whole[f.start:f.end] == f.text


def test_scheduled_bulletin_waits_then_publishes(app, users):
    later = datetime.now() + timedelta(days=2)
    bid = make_bulletin(app, to="awaiting_approval", publish_at=later.isoformat())
    with app.app_context():
        services.perform(db.session, user("leader"), bid, "approve")
        db.session.commit()
        assert db.session.get(Bulletin, bid).status == "approved"
        assert services.publish_due(db.session) == []
        assert services.publish_due(db.session, utcnow() + timedelta(days=3)) == [bid]
        db.session.commit()
        b = db.session.get(Bulletin, bid)
        assert b.status == "published"
        assert queries.history(db.session, bid)[-1].actor_id is None


def test_emergency_goes_out_from_draft_and_waits_for_review(app, users):
    bid = make_bulletin(app, priority="emergency", title="Khẩn: lũ về",
                        body="Nước sông dâng cao, đề nghị người dân di dời ngay.")
    with app.app_context():
        services.perform(db.session, user("leader"), bid, "approve")
        db.session.commit()
        b = db.session.get(Bulletin, bid)
        assert (b.status, b.review_after_broadcast) == ("published", True)
        assert b in queries.queue_for(db.session, user("reviewer"), "reviewer")


def test_audit_chain_verifies_and_catches_tampering(app, users):
    make_bulletin(app, to="published")
    with app.app_context():
        result = audit.verify(db.session)
        assert result.ok and result.checked > 5
        victim = db.session.scalars(select(AuditLog).order_by(AuditLog.seq).offset(3)).first()
        db.session.execute(text("UPDATE audit_log SET actor = 'mallory' WHERE id = :id"),
                           {"id": victim.id})
        db.session.commit()
        broken = audit.verify(db.session)
        assert not broken.ok and broken.bad_seq == victim.seq


def test_audit_catches_deleted_entries(app, users):
    make_bulletin(app, to="in_review")
    with app.app_context():
        last = db.session.scalar(select(AuditLog).order_by(AuditLog.seq.desc()))
        db.session.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": last.id})
        db.session.commit()
        assert not audit.verify(db.session).ok


def test_failed_audio_is_retried_and_lost_jobs_are_requeued(app, users):
    from bulletins.models import AudioFile
    from bulletins.speech import synthesis as media

    bid = make_bulletin(app, to="published")
    with app.app_context():
        audio = db.session.query(AudioFile).filter_by(bulletin_id=bid).one()
        audio.status = "failed"
        db.session.commit()
        with pytest.raises(NotAllowed):
            media.retry_audio(db.session, user("editor"), bid)
        again = media.retry_audio(db.session, user("operator"), bid)
        db.session.commit()
        assert again.id != audio.id and again.status == "queued"
        again.updated_at = utcnow() - timedelta(minutes=10)  # its enqueue was lost
        db.session.commit()
        assert media.requeue_stale(db.session) == [again.id]
        db.session.commit()
        assert app.extensions["loa.jobs"].run_pending() >= 1
        assert db.session.get(AudioFile, again.id).status == "ready"


def test_correction_keeps_the_approved_text_public_until_approved(app, users):
    bid = make_bulletin(app, to="published", title="Lịch họp", body="Họp lúc 8h ngày 02/12.")
    with app.app_context():
        def text_public():
            b = db.session.get(Bulletin, bid)
            return queries.approved_text(db.session, b).body, b.status
        first_hash = db.session.get(Bulletin, bid).content_hash
        with pytest.raises(NotAllowed):
            services.perform(db.session, user("operator"), bid, "correct")
        services.perform(db.session, user("editor2"), bid, "correct")
        db.session.commit()
        b = db.session.get(Bulletin, bid)
        with pytest.raises(ValidationError):  # only the text may change in a correction
            services.edit_bulletin(db.session, user("editor2"), bid, {"channels": ["web"]},
                                   b.version)
        db.session.rollback()
        b = db.session.get(Bulletin, bid)
        services.edit_bulletin(db.session, user("editor2"), bid,
                               {"body": "Họp lúc 9h ngày 02/12."}, b.version)
        db.session.commit()
        assert text_public() == ("Họp lúc 8h ngày 02/12.", "published")
        for action, who in [("submit", "editor"), ("clear", "reviewer")]:
            services.perform(db.session, user(who), bid, action)
            db.session.commit()
        assert text_public() == ("Họp lúc 8h ngày 02/12.", "published")
        assert bid in [x.id for x in queries.queue_for(db.session, user("leader"), "leader")]
        services.perform(db.session, user("leader"), bid, "approve")
        db.session.commit()
        b = db.session.get(Bulletin, bid)
        assert text_public() == ("Họp lúc 9h ngày 02/12.", "published")
        assert b.corrected_at is not None and b.pending_status is None
        assert b.content_hash != first_hash


def test_rejected_correction_is_dropped_not_the_bulletin(app, users):
    bid = make_bulletin(app, to="published", body="Bản gốc.")
    with app.app_context():
        services.perform(db.session, user("editor"), bid, "correct")
        b = db.session.get(Bulletin, bid)
        services.edit_bulletin(db.session, user("editor"), bid, {"body": "Bản sửa sai."},
                               b.version)
        for action, who in [("submit", "editor"), ("clear", "reviewer")]:
            services.perform(db.session, user(who), bid, action)
        services.perform(db.session, user("leader"), bid, "reject", comment="Không cần")
        db.session.commit()
        b = db.session.get(Bulletin, bid)
        assert (b.status, b.pending_status, b.body) == ("published", None, "Bản gốc.")


def test_the_public_summary_is_scanned_too(app, users):
    bid = make_bulletin(app, to="in_review", title="Họp dân", body="Họp lúc 8h.",
                        summary="Liên hệ anh Nam 0912 345 678")
    with app.app_context():
        b = db.session.get(Bulletin, bid)
        (finding,) = services.active_findings(db.session, b)
        text = f"{b.title}\n\n{b.body}\n\n{b.summary}"
        assert finding.kind == "phone" and text[finding.start:finding.end] == "0912 345 678"

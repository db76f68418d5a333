"""Optimistic locking against a served app: simultaneous requests, one winner, the rest 409."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import requests

from app.extensions import db
from bulletins.models import AuditLog, Bulletin, WorkflowEvent
from tests.serve import served
from tests.web.conftest import make_bulletin


def storm(n: int, call) -> list[int]:
    """Run call() n times at once (released together by a barrier); their status codes."""
    barrier = threading.Barrier(n)

    def one(_):
        barrier.wait()
        return call()

    with ThreadPoolExecutor(n) as pool:
        return sorted(pool.map(one, range(n)))


def test_twenty_simultaneous_approvals_one_wins(app, api):
    bid = make_bulletin(app, to="awaiting_approval")
    token = api("leader").token
    with served(app, threads=20) as base:
        codes = storm(20, lambda: requests.post(
            f"{base}/api/v1/bulletins/{bid}/actions/approve",
            headers={"Authorization": f"Bearer {token}"}, json={}, timeout=60).status_code)
    assert codes.count(200) == 1 and codes.count(409) == 19, codes
    with app.app_context():
        approvals = db.session.query(WorkflowEvent).filter_by(bulletin_id=bid,
                                                                action="approve").count()
        entries = db.session.query(AuditLog).filter_by(action="bulletin.approve").count()
        assert approvals == entries == 1
        assert db.session.get(Bulletin, bid).status == "published"


def test_concurrent_edits_never_lose_an_update(app, api):
    bid = make_bulletin(app)
    token = api("editor").token
    with app.app_context():
        version = db.session.get(Bulletin, bid).version
    bodies = iter(range(100))
    lock = threading.Lock()

    def edit():
        with lock:
            n = next(bodies)
        return requests.patch(f"{base}/api/v1/bulletins/{bid}",
                              headers={"Authorization": f"Bearer {token}"},
                              json={"body": f"Bản sửa số {n}", "version": version},
                              timeout=60).status_code

    with served(app, threads=10) as base:
        codes = storm(10, edit)
    assert codes.count(200) == 1 and codes.count(409) == 9, codes
    with app.app_context():
        b = db.session.get(Bulletin, bid)
        assert b.revision_number == 2 and b.body.startswith("Bản sửa số")

"""The scanner's second look on the reviewer's desk (#15): a bulletin no rule holds but the
classifier does is held like any other, with the classifier's reason and confidence shown on
the page, and the reviewer resolves it as any finding."""

from __future__ import annotations

import re

from app.extensions import db
from bulletins import services
from bulletins.models import Bulletin
from tests.corpus.score import CORPORA, load
from tests.web.conftest import login, make_bulletin


def _held_by_the_second_look() -> tuple[str, str]:
    """(title, body) of a training bulletin that only the second look holds."""
    from bulletins.confidentiality import scan

    for doc in load(CORPORA["train4"]):
        title, _, body = doc["text"].partition("\n")
        found = scan(body)
        if found and all(f.reason.startswith("Bộ phân loại") for f in found
                         if f.severity == "block") and any(f.severity == "block" for f in found):
            return title[:200], body
    raise AssertionError("no training bulletin is held by the second look alone")


def test_a_second_look_holds_the_bulletin_and_says_why(app, client, users):
    title, body = _held_by_the_second_look()
    bid = make_bulletin(app, to="in_review", title=title, body=body)
    with app.app_context():
        found = services.active_findings(db.session, db.session.get(Bulletin, bid))
        second = [f for f in found if f.severity == "block"]
        assert len(second) == 1 and second[0].kind == "state_secret_topic"
        version = db.session.get(Bulletin, bid).version
    login(client, "reviewer")
    page = client.get(f"/desk/b/{bid}").get_data(as_text=True)
    assert "Bộ phân loại" in page and re.search(r"độ tin cậy \d{2}%", page)
    ticks = {"no_secrets": "y", "no_personal_data": "y", "verified": "y", "fit_for_radio": "y"}
    refused = client.post(f"/desk/b/{bid}/action/clear",
                          data={"version": str(version), "comment": "đã đọc", **ticks})
    assert refused.status_code == 409  # held until the reviewer resolves it

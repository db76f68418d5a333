"""Search finds the newest matches once (one statement counts them and ranks the page): a page
past the end still knows the count, and filters narrow the newest before the cap."""

from __future__ import annotations

from app.extensions import db
from bulletins.editorial import search
from tests.web.conftest import make_bulletin, user


def test_a_page_past_the_end_has_no_hits_but_the_count(app, users):
    for n in range(4):
        make_bulletin(app, title=f"Lịch gieo mạ vụ lúa {n}", body="Lúa.")
    with app.app_context():
        for viewer in (None, user("editor")):
            past = search.search(db.session, "lúa", viewer=viewer, per_page=2, page=7)
            assert (past.total, past.capped, past.hits, past.pages) == (4, False, [], 2)
            capped = search.search(db.session, "lúa", viewer=viewer, per_page=2, page=7, cap=3)
            assert (capped.total, capped.capped, capped.hits, capped.pages) == (3, True, [], 2)
            assert search.search(db.session, "mạ", viewer=viewer, page=3).total == 4


def test_filters_narrow_the_newest_before_the_cap(app, users):
    drafts = [make_bulletin(app, title=f"Lịch gieo mạ vụ lúa {n}",
                            body="Lúa lúa." if n == 1 else "Mạ.") for n in range(3)]
    sent = make_bulletin(app, to="in_review", title="Lúa lúa lúa", body="Lúa lúa lúa.")
    with app.app_context():
        for viewer in (None, user("editor")):
            newest = search.search(db.session, "lúa", status="draft", viewer=viewer, cap=2)
            assert (newest.total, newest.capped) == (2, True)
            assert [h.bulletin.id for h in newest.hits] == [drafts[1], drafts[2]]
            everything = search.search(db.session, "lúa", viewer=viewer, cap=2)
            assert [h.bulletin.id for h in everything.hits] == [sent, drafts[2]]
            none = search.search(db.session, "lúa", status="published", viewer=viewer, cap=2)
            assert (none.total, none.capped, none.hits) == (0, False, [])

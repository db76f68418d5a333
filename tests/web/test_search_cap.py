"""Past a cap, search counts no further and ranks only the newest matches (bench/province.py:
a common word across a province ranked every match); below it nothing changes."""

from __future__ import annotations

from app.extensions import db
from bulletins.editorial import search
from tests.web.conftest import make_bulletin, user


def test_more_matches_than_the_cap_rank_the_newest_and_pages_cover_them_once(app, users):
    ids = [make_bulletin(app, title=f"Lịch gieo mạ vụ lúa {n}",
                         body="Lúa lúa lúa." if n % 2 else "Thời vụ.") for n in range(7)]
    with app.app_context():
        for viewer in (None, user("editor")):  # the province's plain FTS path, a commune's join
            whole = search.search(db.session, "lúa", viewer=viewer, per_page=20)
            assert (whole.total, whole.capped) == (7, False)
            assert [h.bulletin.id for h in whole.hits][:3] == [ids[5], ids[3], ids[1]]
            capped = search.search(db.session, "lúa", viewer=viewer, per_page=20, cap=5)
            assert (capped.total, capped.capped, capped.pages) == (5, True, 1)
            assert [h.bulletin.id for h in capped.hits] == [ids[5], ids[3], ids[6], ids[4],
                                                            ids[2]]
            pages = [search.search(db.session, "lúa", viewer=viewer, per_page=2, cap=5,
                                   page=p) for p in (1, 2, 3)]
            assert [h.bulletin.id for r in pages for h in r.hits] == \
                [h.bulletin.id for h in capped.hits]
            assert {r.pages for r in pages} == {3}
            exact = search.search(db.session, "lúa", viewer=viewer, cap=7)
            assert (exact.total, exact.capped) == (7, False)

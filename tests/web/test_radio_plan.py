"""The day plan reads what may air once for all its slots: same suggestions as one by one."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from app.extensions import db
from bulletins import clock
from bulletins.clock import LOCAL_TZ
from bulletins.radio import schedule
from tests.web.conftest import make_bulletin


def test_day_plan_suggestions_follow_each_slots_time(app, users):
    tomorrow = clock.local_today() + timedelta(days=1)
    after = tomorrow + timedelta(days=1)
    noon = datetime.combine(tomorrow, time(12, 0), tzinfo=LOCAL_TZ)
    expiring = make_bulletin(app, to="published", title="Hết hạn trưa mai",
                             expire_at=noon.isoformat())
    later = make_bulletin(app, to="published", title="Phát từ ngày kia",
                          air_from=after.isoformat())
    plain = make_bulletin(app, to="published", title="Tin thường")
    with app.app_context():
        plan = schedule.day_plan(db.session, [after, tomorrow])
        got = {(o.day, o.slot.time_of_day): [c.bulletin.id for c in o.suggestion]
               for o in plan}
        assert got == {
            (tomorrow, "06:00"): [expiring, plain],
            (tomorrow, "17:00"): [plain],  # expired at noon
            (after, "06:00"): [later, plain],
            (after, "17:00"): [later, plain],
        }
        for o in plan:  # and exactly what each slot's own suggestion gives
            alone = schedule.suggest(db.session, o.slot, o.day)
            assert [c.bulletin.id for c in alone] == got[(o.day, o.slot.time_of_day)]

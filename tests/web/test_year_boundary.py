"""New Year's night in Hà Nội: "today" turns at local midnight on every page that reads it.

The clock is pinned five minutes after local midnight on 1 January 2027 (17:05 UTC on
31 December), and one second before it: the calendar's month, the report's default range,
the radio desk's days and the scheduler must all take the Vietnam date, never the UTC one.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from lxml import html

from app.extensions import db
from bulletins import services
from bulletins.models import Bulletin
from tests.web.conftest import login, make_bulletin

NEW_YEAR = datetime(2026, 12, 31, 17, 5, tzinfo=UTC)  # 00:05 on 01/01/2027 in Vietnam
OLD_YEAR = datetime(2026, 12, 31, 16, 59, 59, tzinfo=UTC)  # 23:59:59 on 31/12/2026


@pytest.mark.parametrize(("moment", "year", "month", "day"), [
    (NEW_YEAR, 2027, 1, 1), (OLD_YEAR, 2026, 12, 31)])
def test_staff_pages_take_the_vietnam_date(pinned_clock, client, users, moment, year, month,
                                           day):
    pinned_clock.move_to(moment, tick=False)
    login(client, "multi")
    calendar = client.get("/desk/calendar").get_data(as_text=True)
    assert f'month={year}-{month:02d}"' in calendar
    assert f'<span class="daynum">{day} <span class="cal-today">hôm nay' in calendar
    assert calendar.count('class="cal-today"') == 1
    report = client.get("/desk/report").get_data(as_text=True)
    boxes = {b.get("name"): b.get("value") for b in html.fromstring(report).xpath("//input")}
    assert (boxes["from"], boxes["to"]) == (f"01/01/{year}", f"{day:02d}/{month:02d}/{year}")


def test_radio_desk_plans_the_new_day(pinned_clock, client, users):
    pinned_clock.move_to(NEW_YEAR, tick=False)
    login(client, "operator")
    page = client.get("/radio/").get_data(as_text=True)
    assert "/2027-01-01" in page and "/2027-01-02" in page
    assert "/2026-12-31" not in page


def test_scheduled_for_new_years_morning_waits_then_publishes(pinned_clock, app, users):
    pinned_clock.move_to(NEW_YEAR, tick=False)
    bid = make_bulletin(app, to="approved", publish_at="2027-01-01T06:00:00+07:00")
    with app.app_context():
        assert services.publish_due(db.session) == []
        pinned_clock.move_to(datetime(2026, 12, 31, 23, 0, 1, tzinfo=UTC), tick=False)
        assert services.publish_due(db.session) == [bid]
        db.session.commit()
        assert db.session.get(Bulletin, bid).status == "published"

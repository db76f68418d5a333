"""Bounded input on every route (issue #13): each value that once answered 500 now gets a
400/404/422 or a message on the page, in Vietnamese."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from app.extensions import db
from bulletins import clock
from bulletins.models import Program, Slot
from bulletins.radio import programs
from tests.web.conftest import login, make_bulletin, user

EDGES = ("0001-01-01", "9999-12-31")


def _slot(app) -> int:
    with app.app_context():
        return db.session.scalar(select(Slot.id).order_by(Slot.time_of_day))


def test_a_huge_page_number_on_the_public_portal_is_a_422_page(app, client):
    for page in ("99999999999999999999", "-5", "0", "abc", "10001"):
        response = client.get(f"/?page={page}")
        assert response.status_code == 422, page
        assert "Số trang không hợp lệ" in response.get_data(as_text=True)
    assert client.get("/?page=3").status_code == 200  # an empty page past the end is fine


@pytest.mark.parametrize("name", ["from", "to"])
@pytest.mark.parametrize("edge", EDGES)
def test_api_list_dates_at_the_calendar_edges_are_422(app, api, name, edge):
    make_bulletin(app)
    answer = api("editor").get(f"/api/v1/bulletins?{name}={edge}")
    assert answer.status_code == 422
    assert answer.json["error"]["fields"] == {name: "invalid"}
    assert "2000–2199" in answer.json["error"]["message"]


@pytest.mark.parametrize("edge", [*EDGES, "2026-02-30", "2026-13-01"])
def test_api_programs_of_a_day_outside_the_calendar_is_422(app, api, edge):
    answer = api("operator").get(f"/api/v1/programs?date={edge}")
    assert answer.status_code == 422 and answer.json["error"]["fields"] == {"date": "invalid"}
    assert api("operator").get("/api/v1/programs?date=2030-06-01").status_code == 200


def test_radio_slot_on_an_impossible_day_is_a_404(app, client, users):
    slot_id = _slot(app)
    login(client, "operator")
    for day in (*EDGES, "2026-02-30", "2026-13-01", "2026-1-1", "01-01-2026", "x"):
        assert client.get(f"/radio/slot/{slot_id}/{day}").status_code == 404, day
    day = (clock.local_today() + timedelta(days=7)).isoformat()
    assert client.get(f"/radio/slot/{slot_id}/{day}").status_code == 200


@pytest.mark.parametrize("query", ["from=0001-01-01", "to=9999-12-31",
                                   "from=0001-01-01&to=9999-12-31"])
def test_desk_search_with_edge_dates_says_so_on_the_form(app, users, client, query):
    make_bulletin(app)
    login(client, "editor")
    response = client.get(f"/desk/all?q=thong&{query}")
    assert response.status_code == 200
    assert "Ngày không hợp lệ" in response.get_data(as_text=True)


@pytest.mark.parametrize("raw", ["%C2%B2", "%D9%A3", "99999999999999999999", "-1"])
def test_starting_from_an_unreadable_template_id_says_so(app, users, client, raw):
    login(client, "editor")
    response = client.get(f"/desk/new?template={raw}")
    assert response.status_code == 200
    assert "Không có mẫu bản tin này" in response.get_data(as_text=True)


@pytest.mark.parametrize("raw", ["²", "9" * 5000])
def test_airings_wanted_that_is_no_number_is_422(app, api, raw):
    answer = api("editor").post("/api/v1/bulletins", json={
        "title": "Tiêu đề", "body": "Nội dung.", "airings_wanted": raw})
    assert answer.status_code == 422
    assert "airings_wanted" in answer.json["error"]["fields"]


@pytest.mark.parametrize("corrects", ["²", "9" * 5000, 2**63, -1, "abc", 1.5])
def test_a_broadcast_correcting_an_impossible_entry_is_422(app, api, corrects):
    bid = make_bulletin(app, to="published")
    with app.app_context():
        program = programs.save_program(db.session, user("operator"), _slot(app),
                                        clock.local_today(), [bid])
        db.session.commit()
        url = f"/api/v1/programs/{program.id}/broadcasts"
    answer = api("operator").post(url, json={"not_aired": "Mất điện", "corrects": corrects})
    assert answer.status_code == 422
    assert answer.json["error"]["fields"] == {"corrects": "Phải là mã một mục nhật ký."}


def test_saving_a_program_skips_ticked_values_that_are_no_id(app, client, users):
    bid = make_bulletin(app, to="published")
    slot_id = _slot(app)
    login(client, "operator")
    day = (clock.local_today() + timedelta(days=7)).isoformat()
    response = client.post(f"/radio/slot/{slot_id}/{day}",
                           data={"keep": ["²", "9" * 5000, str(2**31), str(bid)]})
    assert response.status_code == 302
    with app.app_context():
        program = db.session.scalar(select(Program).where(Program.slot_id == slot_id))
        assert program.bulletin_ids == [bid]


def test_editor_desk_page_out_of_bounds_says_so_and_shows_the_first(app, client, users):
    make_bulletin(app)
    login(client, "editor")
    for page in ("99999999999999999999", "-1", "abc"):
        response = client.get(f"/desk/editor?page={page}")
        assert response.status_code == 200
        assert "Số trang không hợp lệ" in response.get_data(as_text=True), page


def test_revision_numbers_out_of_bounds_are_422(app, client, users):
    bid = make_bulletin(app)
    login(client, "editor")
    for query in ("a=99999999999999999999", "b=-1", "a=abc", "b=%C2%B2"):
        assert client.get(f"/desk/b/{bid}/revisions?{query}").status_code == 422, query
    assert client.get(f"/desk/b/{bid}/revisions?a=1&b=1").status_code == 200

"""The implementation report: figures built through the real services, the page, CSV, Excel."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta

import pytest
from lxml import etree
from openpyxl import load_workbook
from sqlalchemy import select

from app.extensions import db
from bulletins import clock, services
from bulletins.clock import LOCAL_TZ, utcnow
from bulletins.confidentiality import findings
from bulletins.errors import ValidationError
from bulletins.models import Program, Slot, WorkflowEvent
from bulletins.radio import broadcasts, programs
from bulletins.reporting import export as report_export
from bulletins.reporting import reports
from tests.web.conftest import login, make_bulletin, user

SVG = "{http://www.w3.org/2000/svg}"
TOPICS = 12  # the plan's seeded topics


def local(*args: int) -> datetime:
    """Naive UTC of a Vietnam wall-clock time."""
    return datetime(*args, tzinfo=LOCAL_TZ).astimezone(UTC).replace(tzinfo=None)


def publish(app, when: datetime, **fields) -> int:
    """A bulletin through submit, clear and approve, its approval (and publication) at when."""
    data = {"title": "Thông báo của xã", "body": "Nội dung thông báo.", **fields}
    with app.app_context():
        bulletin = services.create_bulletin(db.session, user("editor"), data)
        for action, who in (("submit", "editor"), ("clear", "reviewer"), ("approve", "leader")):
            services.perform(db.session, user(who), bulletin.id, action, now=when)
        db.session.commit()
        return bulletin.id


def act(app, bid: int, *steps: tuple[str, str]) -> None:
    with app.app_context():
        for action, who in steps:
            services.perform(db.session, user(who), bid, action, comment="Cần sửa lại.")
        db.session.commit()


def edit(app, bid: int, body: str) -> None:
    with app.app_context():
        bulletin = services.get_bulletin(db.session, bid)
        services.edit_bulletin(db.session, user("editor"), bid, {"body": body},
                               bulletin.version)
        db.session.commit()


def report(app, start: date, end: date) -> reports.ImplementationReport:
    with app.app_context():
        return reports.implementation_report(db.session, start, end)


def counts(rows) -> dict[str, int]:
    return {row.key: row.value for row in rows}


YEAR = (date(2025, 1, 1), date(2025, 12, 31))


def build_2025(app) -> dict[str, int]:
    """Bulletins published at known local times around and inside 2025."""
    made = {
        "b1": publish(app, local(2025, 1, 10, 9, 0), topic="quoc-phong-an-ninh",
                      unit="cong-an-xa", channels=["radio", "web"]),
        "b2": publish(app, local(2025, 3, 5, 10, 0), topic="quoc-phong-an-ninh",
                      unit="phong-kinh-te", channels=["web"], language="en"),
        "b3": publish(app, local(2025, 12, 31, 23, 30), topic="thong-bao-chung",
                      unit="cong-an-xa", channels=["radio"]),
        "b4": publish(app, local(2025, 1, 1, 0, 10), topic="thong-bao-chung"),
        "b5": publish(app, local(2026, 1, 1, 0, 5), topic="thong-bao-chung"),
        "b6": publish(app, local(2024, 12, 31, 23, 50), topic="thong-bao-chung"),
        "b7": publish(app, local(2025, 6, 15, 8, 0), topic="moi-truong-khi-hau",
                      unit="ban-chqs"),
        "b10": publish(app, local(2025, 2, 1, 8, 0), topic="thong-bao-chung",
                       unit="cong-an-xa", channels=["web"]),
    }
    act(app, made["b7"], ("withdraw", "leader"))  # withdrawn later: it still was published
    make_bulletin(app, to="rejected", topic="quoc-phong-an-ninh")
    make_bulletin(app, to="draft", topic="quoc-phong-an-ninh")
    act(app, made["b10"], ("correct", "editor"))  # a correction: not a second publication
    edit(app, made["b10"], "Nội dung thông báo đã đính chính.")
    act(app, made["b10"], ("submit", "editor"), ("clear", "reviewer"), ("approve", "leader"))
    return made


def test_published_breakdowns_count_each_bulletin_once_in_local_dates(app, users):
    build_2025(app)
    got = report(app, *YEAR)
    assert got.published == 6
    topics = counts(got.by_topic)
    assert len(got.by_topic) == TOPICS and got.by_topic[0].key == "chu-truong-chinh-sach"
    assert {k: v for k, v in topics.items() if v} == {
        "quoc-phong-an-ninh": 2, "thong-bao-chung": 3, "moi-truong-khi-hau": 1}
    units = counts(got.by_unit)
    assert {k: v for k, v in units.items() if v} == {
        "cong-an-xa": 3, "phong-kinh-te": 1, "ban-chqs": 1, "": 1}
    assert len(got.by_unit) == 7 and got.by_unit[-1].label == "(Chưa ghi đơn vị)"
    assert counts(got.by_channel) == {"radio": 4, "web": 5}
    assert counts(got.by_language) == {"vi": 5, "en": 1}
    assert [m.month for m in got.months] == [date(2025, n, 1) for n in range(1, 13)]
    assert [m.published for m in got.months] == [2, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1]
    # the workflow events happened today (2026 or later), not in 2025
    assert (got.returns, got.corrections, got.withdrawn, got.approvals) == (0, 0, 0, 0)
    assert report(app, date(2026, 1, 1), date(2026, 1, 1)).published == 1  # b5 only
    assert report(app, date(2024, 12, 31), date(2024, 12, 31)).published == 1  # b6 only
    december = report(app, date(2025, 12, 31), date(2025, 12, 31))
    assert december.published == 1 and counts(december.by_channel) == {"radio": 1, "web": 0}
    today = date.today()
    now = report(app, date(2026, 1, 1), today + timedelta(days=1))
    assert (now.withdrawn, now.corrections, now.published) == (1, 1, 1)


def test_empty_range_gives_zeros(app, users):
    got = report(app, *YEAR)
    assert (got.published, got.airings, got.aired_minutes, got.bulletins_aired) == (0, 0, 0, 0)
    assert (got.returns, got.bulletins_returned, got.approvals) == (0, 0, 0)
    assert got.approval_hours_avg is None and got.approval_hours_median is None
    assert [c.value for c in got.by_topic] == [0] * TOPICS
    assert [m.published + m.returns + m.airings for m in got.months] == [0] * 12
    assert [(r.kind, r.returns) for r in got.reasons] == [("none", 0)]


def _shift_submits(app, bid: int, hours_before: list[float]) -> None:
    """Move each submit of the bulletin's last cycle to hours before its approval."""
    with app.app_context():
        events = db.session.scalars(select(WorkflowEvent).where(
            WorkflowEvent.bulletin_id == bid).order_by(WorkflowEvent.id)).all()
        approve = [e for e in events if e.action == "approve"][-1]
        cycle_start = max([e.id for e in events if e.action == "approve" and e.id < approve.id],
                          default=0)
        submits = [e for e in events if e.action == "submit" and cycle_start < e.id < approve.id]
        assert len(submits) == len(hours_before)
        for submit, hours in zip(submits, hours_before, strict=True):
            submit.at = approve.at - timedelta(hours=hours)
        db.session.commit()


def test_returns_reasons_and_time_to_approval(app, users):
    cccd = "Ông A, CCCD số 001203004567, đến nhận hồ sơ."
    r1 = make_bulletin(app, body=cccd)
    act(app, r1, ("submit", "editor"), ("return", "reviewer"))  # national_id standing
    edit(app, r1, "Ông A đến nhận hồ sơ.")
    act(app, r1, ("submit", "editor"), ("clear", "reviewer"), ("approve", "leader"))
    _shift_submits(app, r1, [50, 1])  # the cycle began at the first submit: 50 hours
    r2 = make_bulletin(app, to="awaiting_approval", body="Liên hệ 0912 345 678 để đăng ký.")
    act(app, r2, ("return", "leader"))  # the warning about a phone number stood
    r3 = make_bulletin(app, to="in_review", body=cccd)
    with app.app_context():
        bulletin = services.get_bulletin(db.session, r3)
        (finding,) = services.active_findings(db.session, bulletin)
        findings.resolve_finding(db.session, user("reviewer"), r3, finding.id, "Số giả định")
        db.session.commit()
    act(app, r3, ("return", "reviewer"))  # resolved before the return: comment only
    act(app, make_bulletin(app, to="awaiting_approval"), ("return", "leader"))
    r5 = make_bulletin(app, to="in_review", body="Tài liệu Tối mật, CCCD 001203004567 của B.")
    act(app, r5, ("return", "reviewer"))
    a2 = make_bulletin(app, to="published")
    _shift_submits(app, a2, [2])
    a3 = make_bulletin(app, priority="emergency")
    act(app, a3, ("approve", "leader"))  # emergency from draft: no submission to measure
    a4 = make_bulletin(app, to="published")
    _shift_submits(app, a4, [10])
    act(app, a4, ("correct", "editor"))
    edit(app, a4, "Nội dung đã đính chính.")
    act(app, a4, ("submit", "editor"), ("clear", "reviewer"), ("approve", "leader"))
    _shift_submits(app, a4, [4])

    today = clock.local_today()
    got = report(app, date(today.year, 1, 1), today)
    assert (got.returns_by_reviewer, got.returns_by_leader, got.returns) == (3, 2, 5)
    assert got.bulletins_returned == 5
    assert [(r.kind, r.returns, r.findings) for r in got.reasons] == [
        ("classification_marking", 1, 1), ("national_id", 2, 2), ("phone", 1, 1),
        ("none", 2, 0)]
    assert got.reasons[0].label == "Dấu độ mật"
    assert (got.approvals, got.approvals_measured, got.corrections) == (5, 4, 1)
    assert got.approval_hours_avg == pytest.approx(16.5, abs=0.01)  # (50 + 2 + 10 + 4) / 4
    assert got.approval_hours_median == pytest.approx(7.0, abs=0.01)
    assert sum(m.returns for m in got.months) == 5
    assert got.months[-1].returns == 5 and got.published == 4  # r1, a2, a3, a4
    assert reports.format_hours(got.approval_hours_avg) == "16 giờ 30 phút"
    assert reports.format_hours(50) == "2 ngày 2 giờ"


def _program(app, slot: str, day: date, bids: list[int], seconds: float | None) -> int:
    with app.app_context():
        found = db.session.scalar(select(Slot).where(Slot.name == slot))
        if found is None:
            found = programs.save_slot(db.session, user("admin"), None, {
                "name": slot, "time_of_day": slot, "weekdays": list("0123456"),
                "target_minutes": 30, "active": True})
        program = programs.save_program(db.session, user("operator"), found.id, day, bids)
        program.duration_s = seconds  # what the audio build measures (needs espeak-ng, ffmpeg)
        db.session.commit()
        return program.id


def _record(app, program_id: int, data: dict) -> int:
    with app.app_context():
        entry = broadcasts.record_broadcast(db.session, user("operator"), program_id, data)
        db.session.commit()
        return entry.id


def test_airings_count_what_aired_and_its_minutes(app, users):
    p1 = make_bulletin(app, to="published", title="Tin một", channels=["radio"])
    p2 = make_bulletin(app, to="published", title="Tin hai")
    p3 = make_bulletin(app, to="published", title="Tin ba")
    hot = make_bulletin(app, title="Khẩn cấp", priority="emergency")
    act(app, hot, ("approve", "leader"))
    today = clock.local_today()
    yesterday = today - timedelta(days=1)
    now = utcnow()
    iso = (now - timedelta(minutes=1)).replace(tzinfo=UTC).isoformat()
    a = _program(app, "07:00", today, [p1, p2], 600)
    _record(app, a, {"aired_at": iso})
    b = _program(app, "11:00", today, [p3], 300)  # aired, then corrected: it did not air
    wrong = _record(app, b, {"aired_at": iso})
    _record(app, b, {"not_aired": "Mất điện", "corrects": wrong})
    c = _program(app, "19:00", today, [p2], None)  # aired, length unknown
    _record(app, c, {"aired_at": iso})
    d = _program(app, "20:00", today, [p3], 1200)  # never aired
    _record(app, d, {"not_aired": "Loa hỏng"})
    with app.app_context():
        emergency = programs.emergency_program(db.session, user("operator"), hot)
        emergency.duration_s = 90
        db.session.commit()
        e = emergency.id
    _record(app, e, {"aired_at": iso})
    got = report(app, yesterday, today)
    assert (got.airings, got.aired_minutes, got.airings_unknown_length) == (3, 11.5, 1)
    assert got.bulletins_aired == 3  # p1, p2, the emergency one; p3 never aired
    assert sum(m.airings for m in got.months) == 3
    assert sum(m.minutes for m in got.months) == pytest.approx(11.5)
    assert report(app, today - timedelta(days=30), today - timedelta(days=2)).airings == 0
    with app.app_context():
        assert db.session.get(Program, d).duration_s == 1200


def test_range_checks(app, users):
    with pytest.raises(ValidationError):
        report(app, date(2025, 2, 1), date(2025, 1, 31))
    with pytest.raises(ValidationError):
        report(app, date(2010, 1, 1), date(2025, 1, 1))
    today = date(2026, 5, 17)
    assert reports.parse_range(None, "", today) == (date(2026, 1, 1), today)
    assert reports.parse_range("01/02/2026", "2026-03-01", today) == (
        date(2026, 2, 1), date(2026, 3, 1))
    for bad in (("hôm qua", None), ("2026-02-30", None), ("0001-01-01", "9999-12-31")):
        with pytest.raises(ValidationError):
            reports.parse_range(*bad, today)


def test_page_csv_and_workbook_show_the_same_figures(app, client, users):
    publish(app, local(2025, 1, 10, 9, 0), topic="quoc-phong-an-ninh", unit="cong-an-xa")
    publish(app, local(2025, 1, 20, 9, 0), topic="quoc-phong-an-ninh", channels=["web"])
    publish(app, local(2025, 4, 2, 9, 0), topic="thong-bao-chung",
            language="en")
    login(client, "operator")
    page = client.get("/desk/report?from=2025-01-01&to=2025-12-31")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Báo cáo kết quả thực hiện" in html and "report.css" in html
    assert "/desk/report.csv?from=2025-01-01&amp;to=2025-12-31" in html
    charts = [etree.fromstring(svg.split("</svg>")[0].encode() + b"</svg>")
              for svg in ("<svg" + part for part in html.split("<svg")[1:])]
    assert len(charts) == 2
    months, topics = charts
    assert len(list(months.iter(f"{SVG}rect"))) == 12
    assert len(list(topics.iter(f"{SVG}rect"))) == TOPICS

    answer = client.get("/desk/report.csv?from=2025-01-01&to=2025-12-31")
    assert answer.status_code == 200 and answer.mimetype == "text/csv"
    assert "20250101-20251231" in answer.headers["Content-Disposition"]
    text = answer.get_data(as_text=True)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert ["Bản tin đã đăng", "3"] in rows and ["Tiếng Anh", "1"] in rows
    assert ["Quốc phòng, an ninh", "2"] in rows and ["Thông báo chung", "1"] in rows
    assert ["Truyền thanh", "2"] in rows and ["Trang thông tin điện tử", "3"] in rows
    assert ["01/2025", "2", "0", "0", "0.0"] in rows and ["04/2025", "1", "0", "0", "0.0"] in rows

    answer = client.get("/desk/report.xlsx?from=2025-01-01&to=2025-12-31")
    assert answer.status_code == 200 and answer.mimetype.endswith("spreadsheetml.sheet")
    assert "20250101-20251231.xlsx" in answer.headers["Content-Disposition"]
    book = load_workbook(io.BytesIO(answer.data))
    summary = {r[0]: r[1] for r in book["Tổng hợp"].iter_rows(min_row=4, values_only=True)}
    assert summary["Bản tin đã đăng"] == 3 and summary["Lượt phát sóng"] == 0
    topic_rows = list(book["Chủ đề"].iter_rows(values_only=True))
    assert topic_rows[0] == ("Chủ đề", "Số bản tin") and len(topic_rows) == TOPICS + 1
    assert ("Quốc phòng, an ninh", 2) in topic_rows and book["Chủ đề"]["A1"].font.b
    month_rows = list(book["Theo tháng"].iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in month_rows] == [2, 0, 0, 1] + [0] * 8
    assert len(book["Chủ đề"]._charts) == 1 and len(book["Theo tháng"]._charts) == 1


def test_api_gives_the_same_report_as_json(app, users, api):
    publish(app, local(2025, 1, 10, 9, 0), topic="quoc-phong-an-ninh", unit="cong-an-xa")
    publish(app, local(2025, 4, 2, 9, 0), topic="thong-bao-chung", language="en",
            channels=["web"])
    answer = api("operator").get("/api/v1/report?from=2025-01-01&to=2025-06-30")
    assert answer.status_code == 200
    got = answer.json
    assert (got["start"], got["end"], got["published"]) == ("2025-01-01", "2025-06-30", 2)
    assert {c["key"]: c["value"] for c in got["by_language"]} == {"vi": 1, "en": 1}
    assert {c["key"]: c["value"] for c in got["by_channel"]} == {"radio": 1, "web": 2}
    assert [m["month"] for m in got["months"]][:2] == ["2025-01-01", "2025-02-01"]
    assert [m["published"] for m in got["months"]] == [1, 0, 0, 1, 0, 0]
    assert got["returns"] == 0 and got["approval_hours_avg"] is None
    for query in ("from=xyz", "from=2026-05-01&to=2026-01-01", "to=2026-02-30"):
        refused = api("operator").get(f"/api/v1/report?{query}")
        assert refused.status_code == 422 and refused.json["error"]["message"]


@pytest.mark.parametrize("query", [
    "from=xyz", "from=2026-05-01&to=2026-01-01", "from=1990-01-01&to=2026-01-01",
    "from=0001-01-01&to=9999-12-31", "to=2026-02-30"])
def test_bad_params_never_500(app, client, users, query):
    login(client, "editor")
    page = client.get(f"/desk/report?{query}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'class="flash error"' in html and 'class="error" role="alert" id="' in html
    assert f"Từ ngày 01/01/{clock.local_today().year} đến ngày" in html  # the default range
    for kind in ("csv", "xlsx"):
        answer = client.get(f"/desk/report.{kind}?{query}")
        assert answer.status_code == 422 and answer.mimetype == "text/plain"
        assert answer.get_data(as_text=True).strip()


def test_nav_link_for_staff(app, client, users):
    login(client, "reviewer")
    assert 'href="/desk/report"' in client.get("/desk/all").get_data(as_text=True)


def test_exports_never_turn_a_label_into_a_formula():
    empty = dict.fromkeys(("published", "corrections", "withdrawn", "airings",
                           "airings_unknown_length", "bulletins_aired", "returns_by_reviewer",
                           "returns_by_leader", "bulletins_returned", "approvals",
                           "approvals_measured"), 0)
    got = reports.ImplementationReport(
        start=date(2025, 1, 1), end=date(2025, 1, 31), by_topic=[
            reports.Count("x", "=HYPERLINK(\"http://x\")", 2)], by_unit=[], by_channel=[],
        by_language=[], months=[reports.Month(date(2025, 1, 1), 2)], reasons=[],
        aired_minutes=0.0, approval_hours_avg=None, approval_hours_median=None, **empty)
    rows = list(csv.reader(io.StringIO(report_export.to_csv(got)[1:])))
    assert ["'=HYPERLINK(\"http://x\")", "2"] in rows
    book = load_workbook(io.BytesIO(report_export.to_xlsx(got)))
    cell = book["Chủ đề"]["A2"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    assert book["Chủ đề"]["B2"].value == 2

"""The implementation report across the province (issue #18): a page, CSV, Excel and JSON for
province staff and observers, each commune's figures side by side; a commune's staff keep
their commune's report; a province bulletin's page shows which communes aired it."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.extensions import db
from bulletins import accounts, clock, seed, services
from bulletins.models import Slot
from bulletins.radio import broadcasts, programs
from tests.web.conftest import PASSWORD, login, user

ROLES = {"editor": ["editor"], "reviewer": ["reviewer"], "leader": ["leader"],
         "operator": ["operator"]}
TEXT = "Thông báo lịch tiêm chủng cho trẻ em trong tháng tại trạm y tế xã."


def _publish(prefix: str, title: str, topic: str) -> int:
    bulletin = services.create_bulletin(db.session, user(f"{prefix}-editor"), {
        "title": title, "body": TEXT, "topic": topic, "channels": ["radio", "web"]})
    db.session.flush()
    for who, action in (("editor", "submit"), ("reviewer", "clear"), ("leader", "approve")):
        services.perform(db.session, user(f"{prefix}-{who}"), bulletin.id, action,
                         comment="lý do")
    assert bulletin.status == "published"
    return bulletin.id


def _air(prefix: str, slot_key: str, bulletin_ids: list[int], seconds: float) -> None:
    operator = user(f"{prefix}-operator")
    slot = db.session.scalar(select(Slot).where(Slot.key == slot_key))
    program = programs.save_program(db.session, operator, slot.id, clock.local_today(),
                                    bulletin_ids)
    program.duration_s = seconds  # what the audio build measures
    db.session.flush()
    aired_at = clock.utcnow() - timedelta(minutes=5)
    broadcasts.record_broadcast(db.session, operator, program.id,
                                {"aired_at": aired_at.isoformat() + "+00:00"})


@pytest.fixture
def province(app):
    """vu-duong (a-*) and yen-mo (b-*) staff, province staff (p-*) and observer; vu-duong
    publishes two bulletins, yen-mo one, the province one; vu-duong airs its two and the
    province's (10 min), yen-mo airs the province's (5 min)."""
    with app.app_context():
        yen_mo = seed.create_commune(db.session, None, "yen-mo", "xã Yên Mô")
        people = [(f"a-{r}", roles, {}) for r, roles in ROLES.items()]
        people += [(f"b-{r}", roles, {"commune_id": yen_mo.id}) for r, roles in ROLES.items()]
        people += [(f"p-{r}", roles, {"province": True}) for r, roles in ROLES.items()
                   if r != "operator"]
        people += [("p-observer", ["observer"], {"province": True})]
        for name, roles, where in people:
            accounts.create_user(db.session, None, name, roles, PASSWORD, **where)
        db.session.flush()
        ids = {"a1": _publish("a", "Lịch tiêm chủng", "lao-dong-viec-lam"),
               "a2": _publish("a", "Phòng chống bão", "quoc-phong-an-ninh"),
               "b1": _publish("b", "Họp dân thôn Đông", "thong-bao-chung"),
               "p1": _publish("p", "Chỉ thị của tỉnh về mùa mưa lũ", "thong-bao-chung")}
        _air("a", "sang", [ids["a1"], ids["a2"], ids["p1"]], 600)
        _air("b", "sang@yen-mo", [ids["p1"]], 300)
        db.session.commit()
    return ids


def _rows(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


@pytest.mark.usefixtures("pinned_clock")
def test_province_staff_see_every_commune_side_by_side(app, client, province):
    login(client, "p-observer")
    page = client.get("/desk/province-report")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Báo cáo kết quả thực hiện toàn tỉnh" in html and "tỉnh Ninh Bình" in html
    assert 'data-commune="vu-duong"' in html and 'data-commune="yen-mo"' in html
    assert "/desk/report?commune=yen-mo" in html and "/desk/province-report.csv?" in html

    rows = _rows(client.get("/desk/province-report.csv").get_data(as_text=True))
    assert rows[0][0] == "Báo cáo kết quả thực hiện toàn tỉnh tỉnh Ninh Bình"
    assert ["Bản tin đã đăng", "4"] in rows and ["Lượt phát sóng", "2"] in rows
    assert ["Số phút đã phát", "15.0"] in rows
    # name, published, airings, minutes, bulletins aired, returns, withdrawn
    assert ["Bản tin của tỉnh", "1", "0", "0", "0", "0", "0"] in rows
    assert ["xã Vũ Dương", "2", "1", "10.0", "3", "0", "0"] in rows
    assert ["xã Yên Mô", "1", "1", "5.0", "1", "0", "0"] in rows
    header = rows[rows.index(["# Chủ đề theo xã"]) + 1]
    yen_mo = rows[rows.index(["# Chủ đề theo xã"]) + 4]
    assert yen_mo[0] == "xã Yên Mô"
    assert yen_mo[header.index("Thông báo chung")] == "1"
    assert yen_mo[header.index("Lao động, việc làm")] == "0"

    answer = client.get("/desk/province-report.xlsx")
    assert answer.status_code == 200 and answer.mimetype.endswith("spreadsheetml.sheet")
    assert answer.headers["Content-Disposition"].startswith(
        'attachment; filename="bao-cao-toan-tinh-')
    book = load_workbook(io.BytesIO(answer.data))
    communes = list(book["Các xã"].iter_rows(values_only=True))
    assert communes[0][:4] == ("Xã", "Bản tin đã đăng", "Lượt phát sóng", "Số phút đã phát")
    assert ("xã Vũ Dương", 2, 1, 10.0, 3, 0, 0) in communes
    assert len(book["Các xã"]._charts) == 1 and "Chủ đề theo xã" in book.sheetnames


@pytest.mark.usefixtures("pinned_clock")
def test_one_communes_detailed_report_for_the_province(app, client, province):
    login(client, "p-leader")
    html = client.get("/desk/report?commune=yen-mo").get_data(as_text=True)
    assert "xã Yên Mô" in html and 'value="yen-mo" selected' in html
    rows = _rows(client.get("/desk/report.csv?commune=yen-mo").get_data(as_text=True))
    assert ["Bản tin đã đăng", "1"] in rows and ["Số phút đã phát", "5.0"] in rows
    rows = _rows(client.get("/desk/report.csv?commune=tinh").get_data(as_text=True))
    assert ["Bản tin đã đăng", "1"] in rows and ["Lượt phát sóng", "0"] in rows
    rows = _rows(client.get("/desk/report.csv").get_data(as_text=True))
    assert ["Bản tin đã đăng", "4"] in rows and ["Lượt phát sóng", "2"] in rows


@pytest.mark.usefixtures("pinned_clock")
def test_a_communes_staff_keep_their_communes_report(app, client, province):
    login(client, "b-leader")
    page = client.get("/desk/province-report")
    assert page.status_code == 302 and page.headers["Location"].endswith("/desk/report")
    for kind in ("csv", "xlsx"):
        assert client.get(f"/desk/province-report.{kind}").status_code == 403
    html = client.get("/desk/report").get_data(as_text=True)
    assert "xã Yên Mô" in html and "/desk/province-report" not in html
    # ?commune= is the province's choice: a commune's staff get their own whatever they ask
    for query in ("", "?commune=vu-duong", "?commune=tinh", "?commune=khong-co"):
        rows = _rows(client.get(f"/desk/report.csv{query}").get_data(as_text=True))
        assert ["Bản tin đã đăng", "1"] in rows and ["Số phút đã phát", "5.0"] in rows, query


@pytest.mark.usefixtures("pinned_clock")
def test_json_for_the_province_and_403_for_a_commune(app, client, province):
    with app.app_context():
        tokens = {n: accounts.create_token(db.session, None, user(n))
                  for n in ("p-observer", "a-leader")}
        db.session.commit()
    got = client.get("/api/v1/province-report",
                     headers={"Authorization": f"Bearer {tokens['p-observer']}"})
    assert got.status_code == 200
    body = got.json
    assert body["province"] == "tỉnh Ninh Bình"
    assert (body["total"]["published"], body["total"]["airings"]) == (4, 2)
    parts = {p["commune"]: p for p in body["communes"]}
    assert list(parts) == [None, "vu-duong", "yen-mo"]
    assert parts["yen-mo"]["aired_minutes"] == 5.0 and parts["vu-duong"]["published"] == 2
    assert {c["key"]: c["value"] for c in parts["yen-mo"]["by_topic"]}["thong-bao-chung"] == 1
    refused = client.get("/api/v1/province-report",
                         headers={"Authorization": f"Bearer {tokens['a-leader']}"})
    assert refused.status_code == 403
    bad = client.get("/api/v1/province-report?from=2026-05-01&to=2026-01-01",
                     headers={"Authorization": f"Bearer {tokens['p-observer']}"})
    assert bad.status_code == 422 and bad.json["error"]["message"]


@pytest.mark.parametrize("query", [
    "from=xyz", "from=2026-05-01&to=2026-01-01", "from=0001-01-01&to=9999-12-31",
    "to=2026-02-30", "commune=khong-co", "commune=%E1%BB%B3" + "x" * 300])
def test_bad_params_never_500(app, client, province, query):
    login(client, "p-editor")
    for path in ("/desk/province-report", "/desk/report"):
        page = client.get(f"{path}?{query}")
        assert page.status_code == 200, (path, query)
        assert 'class="flash error"' in page.get_data(as_text=True) or "from" not in query
    for path in ("/desk/province-report", "/desk/report"):
        for kind in ("csv", "xlsx"):
            answer = client.get(f"{path}.{kind}?{query}")
            if path == "/desk/province-report" and query.startswith("commune"):
                assert answer.status_code == 200  # the province report has no ?commune=
            else:
                assert answer.status_code == 422 and answer.get_data(as_text=True).strip()


@pytest.mark.usefixtures("pinned_clock")
def test_province_bulletin_page_shows_which_communes_aired_it(app, client, province):
    with app.app_context():
        third = seed.create_commune(db.session, None, "kim-son", "xã Kim Sơn")
        accounts.create_user(db.session, None, "c-editor", ["editor"], PASSWORD,
                             commune_id=third.id)
        db.session.commit()
    login(client, "p-editor")
    html = client.get(f"/desk/b/{province['p1']}").get_data(as_text=True)
    assert 'id="aired-by-commune"' in html
    assert "2 trên 3 xã đã phát bản tin này." in html
    assert "<td>xã Vũ Dương</td><td>1</td>" in html and "<td>xã Yên Mô</td><td>1</td>" in html
    assert "Chưa phát: xã Kim Sơn" in html
    # not on a commune's bulletin, and not for a commune's staff
    assert 'id="aired-by-commune"' not in client.get(
        f"/desk/b/{province['a1']}").get_data(as_text=True)
    other = app.test_client()
    login(other, "b-leader")
    page = other.get(f"/desk/b/{province['p1']}")
    assert page.status_code == 200 and 'id="aired-by-commune"' not in page.get_data(as_text=True)

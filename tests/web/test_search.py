"""Staff full-text search (editorial.search, /desk/all, API q) on SQLite FTS5 and PostgreSQL."""

from __future__ import annotations

import os
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import update

from app.extensions import db
from bulletins import services
from bulletins.editorial import search
from bulletins.editorial.highlight import Segment
from bulletins.errors import ValidationError
from bulletins.models import Bulletin
from tests.web.conftest import login, make_bulletin, user

NASTY = ['"', '""', "'", "*", "thông*", '"thông', "NEAR(", "NEAR(a b", "a AND OR NOT b",
         "AND", "OR", "NOT", "-", "-thông", "title:", "body:thông", ":", "&|!", "a & b | !c",
         "(", ")", "((a)", "^", "{}", "a:*", "\\", "%", "_", "';--", "<>", "NEAR/2",
         "x" * 3000, "thông " * 50]


def found(app, q, **filters) -> list[int]:
    with app.app_context():
        return [h.bulletin.id for h in search.search(db.session, q, **filters).hits]


def test_tone_case_and_d_insensitive(app, users):
    notice = make_bulletin(app, title="Thông báo lịch họp", body="Họp toàn dân.")
    road = make_bulletin(app, title="Sửa Đường liên thôn", body="Đường đất được bê tông hóa.")
    plain = make_bulletin(app, title="Dau tu cho giao duc", body="Viết không dấu.")
    assert found(app, "thong bao") == [notice]
    assert found(app, "THÔNG BÁO") == [notice]
    assert found(app, "ThôNg bÁo") == [notice]
    for q in ("duong", "dường", "ĐƯỜNG", "Đường", "đuong"):
        assert found(app, q) == [road], q
    assert found(app, "đầu tư") == [plain]  # đ in the query finds d in the text
    assert found(app, "giáo dục") == [plain]
    assert found(app, "bê tông") == [road]  # body words are found too
    assert found(app, "không có từ này") == []
    assert found(app, "*** !!") == []  # signs only: no word to match
    assert len(found(app, "  ")) == 3  # blank: every bulletin


def test_words_are_whole_unless_the_last_asks_for_a_prefix(app, users):
    b = make_bulletin(app, title="Phòng chống dịch bệnh", body="Nội dung.")
    hamlet = make_bulletin(app, title="Họp thôn Đông", body="Nội dung.")
    assert found(app, "phòng chố") == []  # whole words: "thôn" must not find "thông"
    assert found(app, "phòng chố*") == [b]
    assert found(app, "phòn* chống") == []  # only the last word may be a prefix
    assert found(app, "ph*") == []  # a last word under 3 letters is not a prefix
    assert found(app, "thôn") == [hamlet] and found(app, "thông") == []


def test_title_match_ranks_above_body_only_match(app, users, api):
    in_title = make_bulletin(app, title="Kế hoạch tiêm chủng", body="Trạm y tế thông báo.")
    in_body = make_bulletin(app, title="Thông báo của xã", body="Lịch tiêm chủng tuần tới.")
    assert found(app, "tiêm chủng") == [in_title, in_body]
    response = api("editor").get("/api/v1/bulletins?q=tiem+chung")
    assert response.status_code == 200
    assert [item["id"] for item in response.json["items"]] == [in_title, in_body]
    assert api("editor").get("/api/v1/bulletins?q=khong+co").json["items"] == []


def test_highlight_marks_exactly_the_matched_words_in_the_original_text(app, users):
    make_bulletin(app, title="Thông báo về ĐƯỜNG làng thông suốt",
                  body="Trước đó. Con đường mới, đường cũ; thôngtin khác.")
    with app.app_context():
        hit = search.search(db.session, "thong duong").hits[0]
    assert hit.title == [Segment("Thông", True), Segment(" báo về ", False),
                         Segment("ĐƯỜNG", True), Segment(" làng ", False),
                         Segment("thông", True), Segment(" suốt", False)]
    assert hit.snippet == [Segment("Trước đó. Con ", False), Segment("đường", True),
                           Segment(" mới, ", False), Segment("đường", True),
                           Segment(" cũ; thôngtin khác.", False)]


def test_filters_status_topic_unit(app, users):
    draft = make_bulletin(app, title="Tin nước sạch", topic="moi-truong-khi-hau",
                          unit="phong-kinh-te")
    review = make_bulletin(app, title="Tin nước sạch 2", to="in_review",
                           topic="thong-bao-chung", unit="cong-an-xa")
    assert sorted(found(app, "nuoc sach")) == [draft, review]
    assert found(app, "nuoc sach", status="in_review") == [review]
    assert found(app, "nuoc sach", topic="moi-truong-khi-hau") == [draft]
    assert found(app, "nuoc sach", unit="cong-an-xa") == [review]
    assert found(app, "nuoc sach", unit="phong-kinh-te", status="in_review") == []
    assert found(app, "", status="draft") == [draft]  # no words: filtered, newest first
    assert found(app, "", topic="thong-bao-chung") == [review]
    with app.app_context(), pytest.raises(ValidationError) as error:
        search.search(db.session, "nuoc", status="bogus")
    assert error.value.fields == {"status": "invalid"}


def test_date_range_is_the_vietnam_creation_date_inclusive(app, users):
    late = make_bulletin(app, title="Tin cuối ngày")  # 23:59:59 on 1 March in Vietnam
    early = make_bulletin(app, title="Tin đầu ngày")  # 00:00 on 2 March in Vietnam
    with app.app_context():
        db.session.execute(update(Bulletin).where(Bulletin.id == late)
                           .values(created_at=datetime(2026, 3, 1, 16, 59, 59)))
        db.session.execute(update(Bulletin).where(Bulletin.id == early)
                           .values(created_at=datetime(2026, 3, 1, 17, 0, 0)))
        db.session.commit()
    first, second = date(2026, 3, 1), date(2026, 3, 2)
    assert found(app, "tin", date_from=first, date_to=first) == [late]
    assert found(app, "tin", date_from=second, date_to=second) == [early]
    assert sorted(found(app, "tin", date_from=first, date_to=second)) == [late, early]
    assert found(app, "tin", date_from=second) == [early]
    assert found(app, "tin", date_to=first) == [late]
    assert found(app, "", date_from=date(2026, 3, 3)) == []
    with app.app_context(), pytest.raises(ValidationError):
        search.search(db.session, "tin", date_from=second, date_to=first)


def test_pagination_counts_and_pages(app, users, client):
    ids = [make_bulletin(app, title=f"Lịch trực số {n}", body="Nội dung.", unit="ban-chqs")
           for n in range(23)]
    make_bulletin(app, title="Lịch trực khác đơn vị", body="Nội dung.", unit="cong-an-xa")
    with app.app_context():
        one = search.search(db.session, "lich truc", unit="ban-chqs", per_page=10)
        three = search.search(db.session, "lich truc", unit="ban-chqs", page=3, per_page=10)
        empty = search.search(db.session, "", unit="ban-chqs", page=2, per_page=20)
    assert (one.total, one.pages, len(one.hits), three.total, len(three.hits)) == (23, 3, 10, 23, 3)
    assert {h.bulletin.id for h in one.hits}.isdisjoint(h.bulletin.id for h in three.hits)
    assert [h.bulletin.id for h in empty.hits] == sorted(ids, reverse=True)[20:]
    login(client, "reviewer")
    page = client.get("/desk/all?q=l%E1%BB%8Bch+tr%E1%BB%B1c&unit=ban-chqs")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and "Tìm thấy 23 bản tin" in html
    assert "/desk/all?page=2&amp;q=l%E1%BB%8Bch+tr%E1%BB%B1c&amp;unit=ban-chqs" in html
    second = client.get("/desk/all?page=2&q=l%E1%BB%8Bch+tr%E1%BB%B1c&unit=ban-chqs")
    assert second.status_code == 200 and html.count("<mark>") == 40  # 20 titles, 2 words
    assert second.get_data(as_text=True).count("<mark>") == 6


def test_search_page_shows_marks_status_unit_and_date(app, users, client):
    b = make_bulletin(app, title="Thông báo nghỉ lễ", to="in_review", unit="phong-kinh-te",
                      body="Cán bộ nghỉ lễ theo lịch.")
    login(client, "editor")
    html = client.get("/desk/all?q=nghi+le").get_data(as_text=True)
    assert f'href="/desk/b/{b}"' in html
    assert "Thông báo <mark>nghỉ</mark> <mark>lễ</mark>" in html
    assert "Cán bộ <mark>nghỉ</mark> <mark>lễ</mark> theo lịch." in html
    assert "Chờ thẩm định" in html and "Phòng Kinh tế" in html


def test_bad_parameters_give_the_page_with_a_message(app, users, client):
    make_bulletin(app)
    login(client, "leader")
    for query, message in (("page=abc", "Số trang không hợp lệ"),
                           ("page=0", "Số trang không hợp lệ"),
                           ("page=99999999999999999999", "Số trang không hợp lệ"),
                           ("from=2026-13-45", "Ngày không hợp lệ"),
                           ("to=26-1-1", "Ngày không hợp lệ"),
                           ("status=bogus", "Không có trạng thái này"),
                           ("from=2026-03-02&to=2026-03-01", "Từ ngày phải trước")):
        response = client.get(f"/desk/all?q=thong&{query}")
        assert response.status_code == 200, query
        assert message in response.get_data(as_text=True), query


@pytest.mark.parametrize("q", NASTY)
def test_query_syntax_cannot_be_broken(app, users, client, q):
    b = make_bulletin(app, title="Thông báo NEAR AND OR NOT", body='Dấu "ngoặc" * (a) - b: c')
    login(client, "editor")
    response = client.get("/desk/all", query_string={"q": q})
    assert response.status_code == 200
    assert found(app, q) in ([], [b])
    assert found(app, "thông " + q) in ([], [b])


def test_any_text_never_raises(app, users):
    b = make_bulletin(app, title="Thông báo đường làng", body="Nội dung ngắn.")

    @given(q=st.text(max_size=80))
    @settings(max_examples=300, deadline=None, database=None,
              derandomize=bool(os.environ.get("CI")),
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    def check(q):
        with app.app_context():
            results = search.search(db.session, q, per_page=5)
        assert results.total in (0, 1)
        assert [h.bulletin.id for h in results.hits] in ([], [b])

    check()


def test_titles_are_escaped(app, users, client):
    make_bulletin(app, title="<script>alert(1)</script> thông báo",
                  body="<img src=x onerror=alert(2)> thông báo")
    login(client, "editor")
    html = client.get("/desk/all?q=script").get_data(as_text=True)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html


def test_index_follows_edits(app, users):
    b = make_bulletin(app, title="Tin cũ về lúa", body="Gieo mạ.")
    assert found(app, "lua") == [b]
    with app.app_context():
        services.edit_bulletin(db.session, user("editor"), b,
                               {"title": "Tin mới về ngô", "body": "Trồng đỗ."}, 1)
        db.session.commit()
    assert found(app, "lua") == [] and found(app, "gieo") == []
    assert found(app, "ngo") == [b] and found(app, "do") == [b]


def test_index_follows_restore_and_rebuild(app, users, tmp_path):
    kept = make_bulletin(app, title="Giữ lại bản tin", body="Sao lưu.")
    archive = tmp_path / "loa.tar.gz"
    runner = app.test_cli_runner(mix_stderr=False)
    assert runner.invoke(args=["backup", str(archive)]).exit_code == 0
    gone = make_bulletin(app, title="Bản tin bị xoá khi phục hồi", body="Sao lưu.")
    assert sorted(found(app, "sao luu")) == [kept, gone]
    assert runner.invoke(args=["restore", str(archive)]).exit_code == 0
    assert found(app, "sao luu") == [kept]  # deleted rows left the index, restored ones came in
    assert found(app, "xoa") == []
    with app.app_context():
        search.rebuild(db.session)
        db.session.commit()
        results = search.search(db.session, "sao luu")
    assert results.total == 1 and [h.bulletin.id for h in results.hits] == [kept]


def test_api_list_takes_the_search_filters(app, users, api):
    kept = make_bulletin(app, title="Lịch cắt điện thôn Đông", unit="phong-kinh-te")
    make_bulletin(app, title="Lịch cắt điện thôn Tây", unit="cong-an-xa")
    editor = api("editor")
    found = editor.get("/api/v1/bulletins?q=cat+dien&unit=phong-kinh-te")
    assert found.status_code == 200 and [b["id"] for b in found.json["items"]] == [kept]
    listed = editor.get("/api/v1/bulletins?unit=phong-kinh-te")
    assert [b["id"] for b in listed.json["items"]] == [kept]
    from bulletins.clock import local_today

    today = local_today().isoformat()  # created today, in Asia/Ho_Chi_Minh
    assert len(editor.get(f"/api/v1/bulletins?from={today}&to={today}").json["items"]) == 2
    assert editor.get("/api/v1/bulletins?from=2000-01-01&to=2000-12-31").json["items"] == []
    for limit in ("-9223372036854775809", "0", "99999999999999999999"):  # clamped to 1..500
        assert editor.get(f"/api/v1/bulletins?limit={limit}").status_code == 200
    assert len(editor.get("/api/v1/bulletins?limit=1").json["items"]) == 1
    bad = editor.get("/api/v1/bulletins?from=26-11-2026x")
    assert bad.status_code == 422 and bad.json["error"]["message"]
    reversed_ = editor.get("/api/v1/bulletins?from=2026-05-01&to=2026-01-01&q=dien")
    assert reversed_.status_code == 422

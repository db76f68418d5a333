"""The reviewer's page says why each finding was made and on what legal basis (#15)."""

from __future__ import annotations

import html
import re

from app.extensions import db
from bulletins import services
from bulletins.models import Bulletin
from tests.web.conftest import login, make_bulletin

BODY = ("Theo kế hoạch, sở chỉ huy dự bị của xã đặt tại hang Bà Chúa, thôn Khe Mát. "
        "Bà Lò Thị Xuyến, thôn Nà Pục, đang điều trị lao màng não tại nhà.")


def _findings_section(page: str) -> str:
    """The reviewer's list of findings on the bulletin's page."""
    m = re.search(r'<section class="card" id="findings">(.*?)</section>', page, re.S)
    assert m, "no findings section"
    return html.unescape(m.group(1))


def test_scanned_bulletin_shows_each_findings_legal_basis(app, client, users):
    bid = make_bulletin(app, to="in_review", title="Thông tin nội bộ", body=BODY)
    with app.app_context():
        found = services.active_findings(db.session, db.session.get(Bulletin, bid))
        reasons = {f.kind: f.reason for f in found}
    assert set(reasons) == {"state_secret_topic", "sensitive_personal"}
    assert "quốc phòng" in reasons["state_secret_topic"]
    assert "Luật BVBMNN 2018, Điều 7" in reasons["state_secret_topic"]
    assert "Nghị định 13/2023/NĐ-CP" in reasons["sensitive_personal"]
    login(client, "reviewer")
    section = _findings_section(client.get(f"/desk/b/{bid}").get_data(as_text=True))
    for reason in reasons.values():
        assert f"Lý do, căn cứ: {reason}" in section

"""Screenshots of the journeys, and the fixed names of those the user guide shows.

With LOA_DOCS_SHOTS=1 (`make docs`) a guide picture is written to docs/huong-dan/anh/,
so the guide is regenerated from the running product; otherwise every picture is a test
artifact under test-artifacts/. No browser import here: tests/web/test_help.py reads
GUIDE_SHOTS to prove that every picture the guide shows is one these journeys write.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
GUIDE_IMAGES = ROOT / "docs" / "huong-dan" / "anh"

#: Every picture of the user guide, by the journey step that takes it.
GUIDE_SHOTS: dict[str, str] = {
    # test_guide_admin.py: signing in, accounts and the admin's lists
    "dang-nhap": "the login page",
    "quan-tri-tai-khoan": "admin: accounts, with a new account's one-time password",
    "quan-tri-quy-tac": "admin: scanner keyword rules and the allow-list",
    "quan-tri-tu-dien": "admin: the pronunciation dictionary",
    "quan-tri-nhac-hieu": "admin: jingles and the speech engine in use",
    "quan-tri-khung-gio": "admin: the radio's airing slots",
    "doi-mat-khau": "first sign-in with a one-time password: choose a new one",
    # test_journeys.py: from draft to the portal and the radio
    "bien-tap-viet-ban-tin": "editor: the new-bulletin form, filled in",
    "bien-tap-ban-nhap": "editor: the saved draft with the scanner's findings",
    "bien-tap-hang-doi": "editor: the editor's desk (queue)",
    "tham-dinh-hang-doi": "reviewer: bulletins waiting for review",
    "tham-dinh-phat-hien": "reviewer: the bulletin with its findings highlighted",
    "tham-dinh-danh-muc": "reviewer: a resolved finding and the ticked checklist",
    "lanh-dao-hang-doi": "leader: bulletins waiting for approval",
    "lanh-dao-phe-duyet": "leader: the approval page with the preview player",
    "van-hanh-ban-dai": "operator: the radio desk",
    "van-hanh-chuong-trinh": "operator: a program page",
    "van-hanh-nhat-ky": "operator: the broadcast log",
    # test_desk_tools.py: templates, search, calendar, e-mail, the report, key dates
    "bien-tap-mau": "editor: bulletin templates",
    "bien-tap-tim-kiem": "editor: search results with the matched words highlighted",
    "bien-tap-lich": "editor: the month calendar with the plan's key dates",
    "thong-bao-thu": "any staff: choosing immediate or daily e-mail",
    "lanh-dao-bao-cao": "leader: the implementation report with its charts",
    "quan-tri-ngay-can-nho": "admin: the calendar's key dates",
    "cong-thong-tin": "visitor: the public portal",
    "cong-ban-tin": "visitor: a public bulletin page",
}


def docs_mode() -> bool:
    return os.environ.get("LOA_DOCS_SHOTS") == "1"


def shot(page: Any, name: str, *, full_page: bool = False) -> Path:
    """Save a screenshot: a guide picture into the guide under `make docs`, else an artifact."""
    if docs_mode() and name in GUIDE_SHOTS:
        folder = GUIDE_IMAGES
    else:
        folder = ARTIFACTS
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    if not full_page:
        page.evaluate("window.scrollTo(0, 0)")  # the screen as it opens, whatever was clicked
    page.screenshot(path=str(path), full_page=full_page, animations="disabled", caret="hide")
    return path


def both_widths(page: Any, name: str) -> None:
    """Screenshots at a desk screen's 1200 px and at a phone's 375 px."""
    shot(page, f"{name}-1200", full_page=True)
    page.set_viewport_size({"width": 375, "height": 800})
    shot(page, f"{name}-375", full_page=True)
    page.set_viewport_size({"width": 1200, "height": 900})

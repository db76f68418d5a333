"""A served Loa (waitress + the embedded job queue) and Debian's chromium through Playwright."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from app import create_app
from app.config import config_for_tests
from app.extensions import db
from bulletins import accounts, seed
from tests.e2e.shots import shot
from tests.serve import served

__all__ = ["shot", "sign_in"]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PASSWORD = "mat-khau-e2e-2026"
#: Fixed accounts, so the guide's pictures show the same names on every run.
STAFF = {"hoa": (["editor"], "Nguyễn Thị Hoa"), "minh": (["reviewer"], "Trần Văn Minh"),
         "dung": (["leader"], "Phạm Tiến Dũng"), "lan": (["operator"], "Lê Thị Lan"),
         "admin": (["admin"], "Quản trị viên")}

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's chromium, never a downloaded browser (FIELD-NOTES, Playwright)."""
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (make test installs it)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "vi-VN", "timezone_id": "Asia/Ho_Chi_Minh",
            "viewport": {"width": 1200, "height": 900}}


@pytest.fixture(scope="module")
def live(tmp_path_factory) -> Iterator[str]:
    """Loa served on 127.0.0.1 with jobs running in the background, as `make run` does."""
    tmp = tmp_path_factory.mktemp("live")
    app = create_app(config_for_tests(tmp, os.environ.get("LOA_TEST_DATABASE_URL")))
    with app.app_context():
        db.drop_all()
        db.create_all()
        seed.seed_lists(db.session)
        for name, (roles, display_name) in STAFF.items():
            # the admin is the installation's, as init-db makes it: a province admin
            accounts.create_user(db.session, None, name, roles, PASSWORD, display_name,
                                 province=name == "admin")
        db.session.commit()
    with served(app, threads=4, jobs=True) as base:
        yield base
    with app.app_context():
        db.engine.dispose()


#: the header's sign-out form: on every page of a signed-in user, hidden or not
SIGNED_IN = "header form[action$='/logout']"


def sign_in(page, base: str, name: str) -> None:
    page.goto(f"{base}/login")
    page.get_by_label("Tên đăng nhập").fill(name)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    # wait for the signed-in page: a `goto` right after the click would cancel the sign-in
    expect(page.locator(SIGNED_IN)).to_have_count(1)


def sign_out(page) -> None:
    """Sign out with the header's button and wait until the sign-out has landed."""
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.locator(SIGNED_IN)).to_have_count(0)

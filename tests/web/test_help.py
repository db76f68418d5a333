"""The user guide: its pictures come from the journeys, its links hold, the app serves it safely."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from app.help.render import GUIDE_DIR, PAGES, ROLE_PAGES, first_heading, render
from tests.e2e.shots import GUIDE_IMAGES, GUIDE_SHOTS
from tests.web.conftest import login

ROOT = Path(__file__).resolve().parents[2]
ROLE_FILES = {"editor": "bien-tap", "reviewer": "tham-dinh", "leader": "lanh-dao",
              "operator": "van-hanh-dai", "admin": "quan-tri"}
REQUIRED = ("README", "cai-dat", *ROLE_FILES.values())
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
FENCE = re.compile(r"^```.*?^```", re.S | re.M)


def _targets(markdown_file: Path) -> list[str]:
    text = FENCE.sub("", markdown_file.read_text(encoding="utf-8"))
    return LINK.findall(text)


def _guide_images() -> set[str]:
    names = set()
    for page in PAGES:
        for target in _targets(GUIDE_DIR / f"{page}.md"):
            if target.startswith("anh/"):
                names.add(target.removeprefix("anh/"))
    return names


def test_the_guide_has_every_page_and_the_app_knows_them():
    assert set(REQUIRED) == set(PAGES)
    for page in PAGES:
        assert (GUIDE_DIR / f"{page}.md").is_file(), page
    assert dict(ROLE_PAGES) == ROLE_FILES


def test_every_guide_picture_is_taken_by_the_journeys_and_exists():
    used = _guide_images()
    assert len(used) >= 14
    for name in sorted(used):
        assert re.fullmatch(r"[a-z0-9-]+\.png", name), name
        assert name.removesuffix(".png") in GUIDE_SHOTS, f"{name}: no journey takes it"
        assert (GUIDE_IMAGES / name).is_file(), f"{name}: run `make docs`"


def test_every_journey_picture_is_shown_and_no_stale_picture_is_left():
    used = {n.removesuffix(".png") for n in _guide_images()}
    assert set(GUIDE_SHOTS) <= used, "pictures the journeys take but no page shows"
    on_disk = {p.stem for p in GUIDE_IMAGES.glob("*.png")}
    assert on_disk <= set(GUIDE_SHOTS), "pictures no journey takes any more"


def test_each_role_page_shows_at_least_one_picture_under_every_numbered_step_list():
    for page in REQUIRED:
        text = (GUIDE_DIR / f"{page}.md").read_text(encoding="utf-8")
        assert re.search(r"^\s*1\. ", text, re.M), f"{page}: no numbered steps"
        assert "](anh/" in text, f"{page}: no picture"


@pytest.mark.parametrize("document", [*(f"docs/huong-dan/{p}.md" for p in PAGES), "README.md"])
def test_relative_links_and_images_exist(document):
    source = ROOT / document
    broken = []
    for target in _targets(source):
        if re.match(r"^(?:[a-z]+:|#)", target):
            continue
        path = unquote(target.split("#", 1)[0])
        if not (source.parent / path).resolve().exists():
            broken.append(target)
    assert broken == [], f"{document}: broken links {broken}"


def test_the_repository_readme_shows_guide_pictures_and_links_the_guide():
    targets = _targets(ROOT / "README.md")
    assert "docs/huong-dan/anh/tham-dinh-phat-hien.png" in targets
    assert "docs/huong-dan/anh/van-hanh-chuong-trinh.png" in targets
    assert "docs/huong-dan/README.md" in targets
    assert not (ROOT / "docs/img/review.png").exists() or "docs/img/review.png" in targets


def _help_href(html: str) -> str:
    found = re.search(r'<a href="([^"]+)">Hướng dẫn</a>', html)
    assert found, "no Hướng dẫn link in the navigation"
    return found.group(1)


@pytest.mark.parametrize("role", list(ROLE_FILES))
def test_the_help_link_opens_the_page_of_the_users_role(app, client, users, role):
    login(client, role)
    home = client.get("/", follow_redirects=True)
    href = _help_href(home.get_data(as_text=True))
    assert href == f"/huong-dan/{ROLE_FILES[role]}"
    page = client.get(href)
    assert page.status_code == 200
    heading = first_heading((GUIDE_DIR / f"{ROLE_FILES[role]}.md").read_text(encoding="utf-8"))
    assert re.search(rf"<h1[^>]*>{re.escape(heading)}</h1>", page.get_data(as_text=True))


def test_the_first_role_in_order_wins_and_anonymous_gets_the_index(app, client, users):
    assert _help_href(client.get("/").get_data(as_text=True)) == "/huong-dan/"
    index = client.get("/huong-dan/")
    assert index.status_code == 200
    readme = (GUIDE_DIR / "README.md").read_text(encoding="utf-8")
    assert first_heading(readme) in index.get_data(as_text=True)
    login(client, "multi")  # editor, reviewer and leader: the editor's page
    assert _help_href(client.get("/desk/all").get_data(as_text=True)) == "/huong-dan/bien-tap"


def test_pages_link_to_each_other_and_pictures_through_the_app(app, client):
    html = client.get("/huong-dan/").get_data(as_text=True)
    assert 'href="/huong-dan/bien-tap"' in html and 'href="/huong-dan/cai-dat"' in html
    article = html.split('<article class="card guide"', 1)[1]
    srcs = re.findall(r'<img[^>]* src="([^"]+)"', article)
    assert srcs and all(re.fullmatch(r"/huong-dan/anh/[a-z0-9-]+\.png", s) for s in srcs)
    picture = client.get(srcs[0])
    assert picture.status_code == 200 and picture.mimetype == "image/png"
    assert picture.data[:8] == b"\x89PNG\r\n\x1a\n"
    picture.close()
    assert "style=" not in article


@pytest.mark.parametrize("url", [
    "/huong-dan/khong-co", "/huong-dan/README", "/huong-dan/README.md", "/huong-dan/bien-tap.md",
    "/huong-dan/..%2F..%2FREADME", "/huong-dan/..%2F..%2Fapp%2Fconfig.py",
    "/huong-dan/anh/../x.png", "/huong-dan/anh/..%2F..%2F..%2FREADME.md",
    "/huong-dan/anh/%2E%2E%2Fbien-tap.md", "/huong-dan/anh/khong-co.png",
    "/huong-dan/anh/Dang-Nhap.png", "/huong-dan/anh/dang-nhap.PNG", "/huong-dan/anh/dang-nhap",
    "/huong-dan/%2Fetc%2Fpasswd",
])
def test_unknown_pages_and_traversal_attempts_are_404(app, client, url):
    assert client.get(url).status_code == 404


def test_raw_html_in_the_markdown_is_shown_as_text_and_links_stay_in_the_guide():
    html = render('<script>alert(1)</script>\n\nxin <b onclick="x()">chào</b> '
                  "[a](javascript:alert(1)) [b](../../app/config.py) [c](bien-tap.md#mot) "
                  "![d](anh/x.png) ![e](/etc/passwd) [f](https://example.org/)",
                  lambda p: f"/p/{p}", lambda n: f"/i/{n}")
    assert "<script" not in html and "&lt;script&gt;" in html
    assert "<b " not in html and "&lt;b onclick" in html
    assert "javascript:" not in html and "config.py" not in html
    assert 'href="/p/bien-tap#mot"' in html and 'src="/i/x.png"' in html
    assert "/etc/passwd" not in html and 'href="https://example.org/"' in html

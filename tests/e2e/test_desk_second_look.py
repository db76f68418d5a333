"""What the scanner's classifiers add (#15), as the reviewer sees it in Debian's chromium: a
hold on meaning alone that they find plainly ordinary is a warning, with its reason; a bulletin
no rule holds but that reads like a held one is held by the second look, its sentence marked."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from bulletins.confidentiality import looks, scan
from bulletins.confidentiality.text import Doc
from bulletins.text import scan_text
from tests.corpus.score import CORPORA, as_submitted, load
from tests.e2e.conftest import sign_in, sign_out
from tests.e2e.shots import shot
from tests.e2e.test_desk_review import draft
from tools.train_classifier import TRAINING

pytestmark = pytest.mark.e2e


def _corpus_text(pick) -> tuple[str, str]:
    """(title, body) of the first training bulletin the predicate picks, as an editor types it
    (a lowered hold is rare: most are on sentences as plain as the text, and left out)."""
    for doc in (doc for name in TRAINING for doc in load(CORPORA[name])):
        text = as_submitted(doc).replace("\r", "")
        title, _, body = text.partition("\n")
        title, body = title.strip()[:150], body.strip()
        if body and pick(scan_text(title, body)):  # what the desk will scan, blank line and all
            return title, body
    raise AssertionError("no training bulletin fits")


def _lowered(text: str) -> bool:
    return any("hạ xuống cảnh báo" in f.reason for f in scan(text))


def _second_look_only(text: str) -> bool:
    found = scan(text)
    return (any(f.reason.startswith("Bộ phân loại") for f in found)
            and looks.second_look(Doc(text)) is not None)


def test_the_reviewer_sees_what_the_classifiers_decided(live: str, page: Page) -> None:
    sign_in(page, live, "hoa")
    title1, body1 = _corpus_text(_lowered)
    url1 = draft(page, live, title1, body1)
    title2, body2 = _corpus_text(_second_look_only)
    url2 = draft(page, live, title2, body2)
    sign_out(page)

    sign_in(page, live, "minh")
    page.goto(url1)
    lowered = page.locator("#findings li.f-warn", has_text="hạ xuống cảnh báo")
    expect(lowered.first).to_be_visible()
    expect(lowered.first).to_contain_text("độ tin cậy giữ lại")
    expect(page.locator("#findings li.f-block")).to_have_count(0)
    shot(page, "tham-dinh-ha-xuong-canh-bao")
    page.goto(url2)
    held = page.locator("#findings li.f-block", has_text="Bộ phân loại")
    expect(held).to_have_count(1)
    expect(held).to_contain_text("độ tin cậy")
    expect(page.locator("mark.f-block").first).to_be_visible()
    shot(page, "tham-dinh-lan-doc-thu-hai")
    sign_out(page)


PERSONAL = "Dữ liệu cá nhân nhạy cảm: câu này nói về một người cụ thể"


def _personal_beside_a_secret(text: str) -> bool:
    found = scan(text)
    personal = {(f.start, f.end) for f in found if f.reason.startswith(PERSONAL)}
    return bool(personal) and personal <= {(f.start, f.end) for f in found
                                           if f.kind == "state_secret_topic"}


def test_a_persons_fact_inside_a_secret_shows_both_reasons(live: str, page: Page) -> None:
    """The reviewer sees both what the rules read (a state secret, its law) and what the
    kind model adds on the same words (a person's sensitive fact, Nghị định 356/2025)."""
    sign_in(page, live, "hoa")
    title, body = _corpus_text(_personal_beside_a_secret)
    url = draft(page, live, title, body)
    sign_out(page)

    sign_in(page, live, "minh")
    page.goto(url)
    personal = page.locator("#findings li.f-block", has_text=PERSONAL)
    expect(personal.first).to_be_visible()
    expect(personal.first).to_contain_text("Nghị định 356/2025/NĐ-CP")
    expect(page.locator("#findings li.f-block", has_text="Bí mật nhà nước").first).to_be_visible()
    shot(page, "tham-dinh-du-lieu-ca-nhan-trong-bi-mat")
    sign_out(page)

"""One bulletin from draft to the feeds and a playable MP3: real espeak-ng, ffmpeg, huey."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

import feedparser
import pytest

NEWS = {
    "title": "Thông báo lịch tiêm chủng tháng 12",
    "summary": "Tiêm chủng mở rộng cho trẻ em dưới 5 tuổi.",
    "body": "Trạm Y tế xã Vũ Dương tổ chức tiêm chủng lúc 7h30 ngày 05/12/2026. "
            "Đề nghị các gia đình mang theo sổ tiêm chủng và thẻ BHYT.",
    "topic": "thong-bao-chung",
}


def ffprobe(path: Path) -> dict:
    out = subprocess.run(["ffprobe", "-v", "error", "-print_format", "json", "-show_format",
                          "-show_streams", str(path)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


@pytest.mark.slow
def test_draft_to_feed_and_radio(app, client, api, tmp_path):
    editor, reviewer, leader, operator = (api(n) for n in
                                          ("editor", "reviewer", "leader", "operator"))
    created = editor.post("/api/v1/bulletins", json=NEWS)
    assert created.status_code == 201
    bid = created.json["id"]
    assert editor.post(f"/api/v1/bulletins/{bid}/actions/submit").json["status"] == "in_review"
    assert reviewer.post(f"/api/v1/bulletins/{bid}/actions/clear").status_code == 200
    approved = leader.post(f"/api/v1/bulletins/{bid}/actions/approve")
    assert approved.json["status"] == "published"
    content_hash = approved.json["content_hash"]

    consumer = app.extensions["loa.jobs"].consumer(workers=1, embedded=True)
    consumer.start()  # the same embedded queue `make run` uses
    try:
        deadline = time.monotonic() + 60
        while (audio := operator.get(f"/api/v1/bulletins/{bid}/audio",
                                     buffered=True)).status_code == 202:
            assert audio.json["status"] in ("queued", "synthesizing", "mixing")
            assert time.monotonic() < deadline, "audio not ready within 60 s"
            time.sleep(0.2)
    finally:
        consumer.stop(graceful=True)
    assert audio.status_code == 200 and audio.mimetype == "audio/mpeg"
    mp3 = tmp_path / "b.mp3"
    mp3.write_bytes(audio.data)

    info = ffprobe(mp3)
    stream, fmt = info["streams"][0], info["format"]
    assert stream["codec_name"] == "mp3" and stream["channels"] == 1
    assert 60_000 <= int(fmt["bit_rate"]) <= 70_000
    assert 8 < float(fmt["duration"]) < 60
    tags = {k.lower(): v for k, v in fmt["tags"].items()}
    assert tags["title"] == NEWS["title"]
    assert "xã Vũ Dương" in tags["artist"]
    assert content_hash in tags["comment"]

    feed = feedparser.parse(client.get("/feeds/rss.xml").data)
    entry = next(e for e in feed.entries if e.title == NEWS["title"])
    enclosure = entry.enclosures[0]
    assert enclosure.type == "audio/mpeg" and int(enclosure.length) == len(audio.data)
    public = client.get(enclosure.href.replace("http://localhost", ""),
                        headers={"Range": "bytes=0-99"}, buffered=True)
    assert public.status_code == 206 and len(public.data) == 100
    atom = feedparser.parse(client.get("/feeds/atom.xml").data)
    assert any(e.title == NEWS["title"] for e in atom.entries)
    page = client.get(entry.link.replace("http://localhost", ""))
    assert page.status_code == 200 and NEWS["body"][:40] in page.get_data(as_text=True)

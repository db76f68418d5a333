"""How long a text reads on air, estimated before it is spoken (radio planning, the desk's
warning beside the longest slot), against real espeak-ng speech mastered by real ffmpeg."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from audio.engines import make_engine
from audio.jingle import default_chime
from audio.measure import probe
from audio.pipeline import make_bulletin_audio
from bulletins.radio.airtime import reading_seconds

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "independent" / "train36.json"
#: public bulletins of a writer's (the clean ones, a title line and a body), shortest to longest
PICKS = (0, 30, 60, 77)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[float, float]]:
    """(estimated, real) seconds on air of each picked bulletin, with the station's jingles."""
    folder = tmp_path_factory.mktemp("reading")
    chime = default_chime(folder / "jingles")
    docs = json.loads(CORPUS.read_text(encoding="utf-8"))["documents"]
    clean = sorted((d["text"] for d in docs if not d["expected"]), key=len)
    pairs = []
    for i in PICKS:
        title, body = clean[i].split("\n", 1)
        out = folder / f"{i}.mp3"
        make_bulletin_audio(title, body, language="vi", engine=make_engine("espeak"),
                            out_mp3=out, tags={"title": title}, intro=chime, outro=chime)
        pairs.append((reading_seconds(title, body), probe(out)["duration"]))
    return pairs


def test_the_estimate_is_near_each_real_reading(measured) -> None:
    assert min(real for _, real in measured) > 20  # texts long enough to tell a pace
    for estimated, real in measured:
        assert abs(estimated - real) / real < 0.2, (estimated, real)


def test_the_estimate_is_near_the_real_readings_together(measured) -> None:
    estimated = sum(e for e, _ in measured)
    real = sum(r for _, r in measured)
    assert abs(estimated - real) / real < 0.08, (estimated, real)

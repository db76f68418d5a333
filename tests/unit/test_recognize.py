"""The offline recognizer for real (viet-asr), on natural Vietnamese speech; real ffmpeg."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from audio.alignment import compare
from audio.recognize import MAX_PIECE_S, RATE, Recognizer, pieces, recognizer
from tests.speech_samples import vieneu_samples

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def samples(pytestconfig) -> dict:
    return vieneu_samples(pytestconfig.cache.mkdir("vieneu-3.8.3"))


def ffmpeg(*args: str) -> None:
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y", *args],
                   check=True)


def test_natural_speech_is_heard_in_any_format(samples, tmp_path):
    hear = recognizer("vietasr")
    ly = samples["Ly"]
    assert compare(ly.text, hear.transcribe(ly.wav)).wer == 0
    m4a = tmp_path / "ly.m4a"  # the recognizer itself reads only 16-bit PCM WAV
    ffmpeg("-i", str(ly.wav), "-ac", "2", "-ar", "44100", "-c:a", "aac", str(m4a))
    assert compare(ly.text, hear.transcribe(m4a)).wer <= 0.1
    assert hear.audio_s > 6 and 0 < hear.cpu_s / hear.audio_s < 1


def test_silence_is_heard_as_nothing_and_a_broken_file_as_no_answer(tmp_path):
    silent = tmp_path / "silent.wav"
    ffmpeg("-f", "lavfi", "-i", "anullsrc=r=16000:cl=mono", "-t", "2", str(silent))
    assert recognizer("vietasr").transcribe(silent) == ""
    broken = tmp_path / "broken.wav"
    broken.write_bytes(b"RIFF not really")
    assert recognizer("vietasr").transcribe(broken) is None


def test_a_recognizer_that_cannot_load_answers_none(samples):
    assert Recognizer("none").transcribe(samples["Ly"].wav) is None
    assert Recognizer("whisper").transcribe(samples["Ly"].wav) is None
    # the library missing: a real failed import in a fresh interpreter
    script = ("import sys; sys.modules['vietasr'] = None\n"
              "from audio.recognize import Recognizer\n"
              f"r = Recognizer(); print(r.transcribe({str(samples['Ly'].wav)!r}), r.load())")
    run = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                         text=True, check=True)
    assert run.stdout.split() == ["None", "False"]
    assert "speech recognizer unavailable" in run.stderr


def test_long_audio_is_cut_at_its_quietest_moments_into_short_pieces():
    rng = np.random.default_rng(7)
    seconds = 75
    pcm = (rng.standard_normal(seconds * RATE) * 3000).astype(np.int16)
    quiet = [(22.0, 22.3), (44.5, 44.8), (62.0, 62.2)]
    for start, end in quiet:
        pcm[int(start * RATE):int(end * RATE)] = 0
    cut = list(pieces(pcm))
    assert sum(len(p) for p in cut) == len(pcm)
    assert all(len(p) <= MAX_PIECE_S * RATE for p in cut)
    bounds = np.cumsum([len(p) for p in cut])[:-1] / RATE
    assert len(bounds) == 3  # 0–22, 22–44.6, 44.6–62 (74.6 would still leave a rest), 62–75
    for (start, end), bound in zip(quiet, bounds, strict=True):
        assert start <= bound <= end, bounds
    assert list(pieces(pcm[:RATE * 10])) and len(list(pieces(pcm[:RATE * 10]))) == 1

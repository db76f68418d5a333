"""Shared audio fixtures: real espeak-ng speech and real ffmpeg files, made once per session."""

from __future__ import annotations

import base64
import subprocess
from pathlib import Path

import pytest
import responses

GOOGLE = "https://translate.google.com/_/TranslateWebserverUi/data/batchexecute"


def ffmpeg(*args: str) -> None:
    """Run ffmpeg quietly, failing the test if it fails."""
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y", *args],
                   check=True)


@pytest.fixture(scope="session")
def audio_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A session-wide directory for audio made once and reused."""
    return tmp_path_factory.mktemp("audio")


@pytest.fixture(scope="session")
def speech_wav(audio_dir: Path) -> Path:
    """A real Vietnamese sentence spoken by espeak-ng (22050 Hz mono WAV)."""
    from audio.engines import EspeakEngine

    path = audio_dir / "speech.wav"
    EspeakEngine().synthesize("Xã Vũ Dương thông báo lịch tiêm chủng cho trẻ em.", "vi", path)
    return path


@pytest.fixture(scope="session")
def google_mp3(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A small valid MP3 like the ones Google sends (24 kHz mono, no tags)."""
    path = tmp_path_factory.mktemp("gtts") / "g.mp3"
    ffmpeg("-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-ar", "24000", "-ac", "1",
           "-c:a", "libmp3lame", "-b:a", "32k", "-write_xing", "0", "-id3v2_version", "0",
           "-f", "mp3", str(path))
    return path.read_bytes()


def google_body(mp3: bytes) -> str:
    """The batchexecute answer gTTS parses: the audio as base64 inside a JSON-ish line."""
    b64 = base64.b64encode(mp3).decode("ascii")
    return f')]}}\'\n\n123\n[["wrb.fr","jQ1olc","[\\"{b64}\\"]",null,null,null,"generic"]]\n'


@pytest.fixture
def google() -> responses.RequestsMock:
    """Google's TTS endpoint, faked; nothing else is reachable."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock

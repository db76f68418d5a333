"""The preview speaks at once (issue #17 item 3): no jingle, no silence before the first word.

Real espeak-ng speech and real ffmpeg mastering; the silence is measured with silencedetect.
Before: the preview was laid out as the broadcast audio — 0.3 s of silence, the 1.3 s chime,
0.6 s of silence — so the first word came after about 2.25 s (2.6 s with gTTS's own lead).
"""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from audio.engines import make_engine
from audio.jingle import default_chime
from audio.pipeline import PREVIEW_LEAD_IN, make_bulletin_audio, trim_leading_silence
from tests.unit.silence import leading_silence_s, silences

TITLE = "Thông báo lịch tiêm chủng tháng Chín"
BODY = "Trạm y tế xã tổ chức tiêm chủng cho trẻ em dưới năm tuổi vào sáng thứ Hai."

pytestmark = pytest.mark.slow


def speak(out: Path, **kwargs) -> Path:
    make_bulletin_audio(TITLE, BODY, language="vi", engine=make_engine("espeak"), out_mp3=out,
                        tags={"title": TITLE}, **kwargs)
    return out


def test_preview_starts_speaking_within_half_a_second(tmp_path: Path) -> None:
    chime = default_chime(tmp_path)
    broadcast = speak(tmp_path / "broadcast.mp3", intro=chime, outro=chime)
    preview = speak(tmp_path / "preview.mp3", lead_in=PREVIEW_LEAD_IN, trim_start=True)
    # the broadcast layout: silence, chime, silence, then speech — the old preview's wait
    gaps = silences(broadcast)
    assert gaps[0][0] == 0 and 0.25 < gaps[0][1] < 0.4  # the lead-in before the chime
    assert 2.0 < gaps[1][1] < 2.6, gaps  # the first word, after the chime and its pause
    # the preview: speech from the first tenth of a second
    assert leading_silence_s(preview) < 0.5, silences(preview)[:2]


def test_trimming_removes_the_silence_an_engine_puts_first(tmp_path: Path) -> None:
    spoken = tmp_path / "spoken.wav"
    make_engine("espeak").synthesize(TITLE, "vi", spoken)
    padded = tmp_path / "padded.wav"
    with wave.open(str(spoken), "rb") as src, wave.open(str(padded), "wb") as out:
        out.setparams(src.getparams())
        out.writeframes(b"\0\0" * round(1.5 * src.getframerate()))  # as a slow engine's lead
        out.writeframes(src.readframes(src.getnframes()))
    assert 1.4 < leading_silence_s(padded) < 1.7
    trimmed = trim_leading_silence(padded, tmp_path / "trimmed.wav")
    assert leading_silence_s(trimmed) < 0.05

"""Joining, loudness and program rendering on real audio with real ffmpeg."""

from __future__ import annotations

import fcntl
import threading
import wave
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from audio.jingle import default_chime
from audio.measure import AudioError, loudness, probe
from audio.mix import ffmetadata, join_parts, one_at_a_time, program_layout, render_program
from tests.unit.conftest import ffmpeg

TAGS = {"title": "Chương trình phát thanh sáng thứ Hai", "artist": "Xã Vũ Dương",
        "date": "2026-09-21", "comment": "content_hash=9f2c"}


def seconds(path: Path) -> float:
    """Length of a WAV file."""
    with wave.open(str(path), "rb") as w:
        return w.getnframes() / w.getframerate()


@pytest.fixture(scope="module")
def uneven_parts(speech_wav: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The same speech at three very different levels, one as 44.1 kHz stereo MP3."""
    folder = tmp_path_factory.mktemp("uneven")
    quiet, loud, other = folder / "quiet.wav", folder / "loud.wav", folder / "other.mp3"
    ffmpeg("-i", str(speech_wav), "-af", "volume=-20dB", str(quiet))
    ffmpeg("-i", str(speech_wav), "-af", "volume=-2dB", str(loud))
    ffmpeg("-i", str(speech_wav), "-af", "volume=-10dB", "-ar", "44100", "-ac", "2", str(other))
    return [quiet, loud, other]


def test_default_chime_is_short_and_not_silent(tmp_path: Path) -> None:
    chime = default_chime(tmp_path / "jingles")
    assert 2.0 > seconds(chime) > 1.0
    lufs, peak = loudness(chime)
    assert -30 < lufs and peak < 0
    assert default_chime(tmp_path / "jingles") == chime


def test_threads_making_the_default_chime_at_once_all_get_it(tmp_path: Path) -> None:
    """A server's first previews and jobs start together: each thread asks for the chime."""
    start = threading.Barrier(8)

    def make(_: int) -> Path:
        start.wait()
        return default_chime(tmp_path / "jingles")

    for _ in range(5):  # the race is narrow: five rounds in new folders
        tmp_path = tmp_path / "again"
        with ThreadPoolExecutor(8) as pool:
            made = set(pool.map(make, range(8)))
        assert made == {tmp_path / "jingles" / "default-chime.wav"}
        assert 2.0 > seconds(next(iter(made))) > 1.0
        assert [p.name for p in (tmp_path / "jingles").iterdir()] == ["default-chime.wav"]


def test_a_made_file_is_read_without_waiting_for_the_lock(tmp_path: Path) -> None:
    """While one request makes a long text's preview (minutes), others that play a preview
    already made do not queue behind it; one that wants the same new file waits."""
    final, holding, release = tmp_path / "p.mp3", threading.Event(), threading.Event()

    def maker() -> None:
        with one_at_a_time(final):
            holding.set()
            release.wait(10)
            final.write_bytes(b"made")

    thread = threading.Thread(target=maker)
    thread.start()
    holding.wait(10)
    waited = threading.Event()

    def wanting() -> None:
        with one_at_a_time(final):
            waited.set()

    other = threading.Thread(target=wanting)
    other.start()
    assert not waited.wait(0.5)  # the same new file: waits for its maker
    release.set()
    thread.join(10), other.join(10)
    assert waited.is_set() and final.read_bytes() == b"made"
    with open(final.with_name(f".{final.name}.lock"), "a") as handle:  # someone holds it
        fcntl.flock(handle, fcntl.LOCK_EX)
        done = threading.Event()

        def reader() -> None:
            with one_at_a_time(final):
                done.set()

        threading.Thread(target=reader).start()
        assert done.wait(5)


def test_join_parts_adds_pauses_and_converts_foreign_formats(
        tmp_path: Path, speech_wav: Path, uneven_parts: list[Path]) -> None:
    out = tmp_path / "joined.wav"
    length = join_parts([0.5, speech_wav, 1.25, uneven_parts[2]], out, rate=22050,
                        workdir=tmp_path)
    assert length == pytest.approx(seconds(out))
    assert length == pytest.approx(1.75 + 2 * seconds(speech_wav), abs=0.1)
    with wave.open(str(out), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 22050)


def test_program_with_chapters(tmp_path: Path, speech_wav: Path,
                               uneven_parts: list[Path]) -> None:
    chime = default_chime(tmp_path)
    quiet, loud, other = uneven_parts
    parts: list[Path | float] = [chime, 0.5, quiet, 1.0, loud, 1.0, other, 0.5, chime]
    lengths = [seconds(chime), 0.5, seconds(quiet), 1.0, seconds(loud), 1.0,
               probe(other)["duration"], 0.5, seconds(chime)]
    starts = [sum(lengths[:i]) for i in range(len(lengths))]
    chapters = [("Mở đầu", 0.0, starts[2]), ("Tin 1: Tiêm chủng", starts[2], starts[4]),
                ("Tin 2: Chợ phiên", starts[4], starts[6]),
                ("Tin 3: Lịch cúp điện", starts[6], sum(lengths))]
    out = tmp_path / "program.mp3"
    duration, size = render_program(parts, out, tags=TAGS, chapters=chapters)

    info = probe(out)
    assert duration == pytest.approx(sum(lengths), abs=1.0)
    assert info["duration"] == pytest.approx(sum(lengths), abs=1.0)
    assert size == out.stat().st_size
    assert [c["title"] for c in info["chapters"]] == [c[0] for c in chapters]
    for got, (_, start, end) in zip(info["chapters"], chapters, strict=True):
        assert got["start"] == pytest.approx(start, abs=0.01)
        assert got["end"] == pytest.approx(end, abs=0.01)
    assert info["tags"]["title"] == TAGS["title"]

    lufs, peak = loudness(out)
    assert lufs == pytest.approx(-16, abs=1.0)
    assert peak <= -1.0


def test_program_layout_marks_each_section(tmp_path: Path, speech_wav: Path,
                                           uneven_parts: list[Path]) -> None:
    chime = default_chime(tmp_path)
    other = uneven_parts[2]  # an MP3: measured by ffprobe, not wave
    parts, chapters = program_layout([("Mở đầu", [chime, 0.5]),
                                      ("Tin 1", [speech_wav, 1.0]),
                                      ("Tin 2", [other])])
    assert parts == [chime, 0.5, speech_wav, 1.0, other]
    first, second = seconds(chime) + 0.5, seconds(speech_wav) + 1.0
    assert [c[0] for c in chapters] == ["Mở đầu", "Tin 1", "Tin 2"]
    assert chapters[1] == pytest.approx(("Tin 1", first, first + second))
    out = tmp_path / "laid-out.mp3"
    duration, _ = render_program(parts, out, tags=TAGS, chapters=chapters)
    assert chapters[-1][2] == pytest.approx(duration, abs=0.1)
    assert len(probe(out)["chapters"]) == 3


@pytest.mark.parametrize("target", [-14.0, -23.0])
def test_measured_mp3_is_corrected_to_the_target(tmp_path: Path, speech_wav: Path,
                                                 target: float) -> None:
    """-14 LUFS is beyond what the chain's −3 dBTP limiter reaches alone: the fix-up pass must."""
    out = tmp_path / "t.mp3"
    render_program([0.3, speech_wav, 0.3], out, tags={}, target_lufs=target)
    lufs, peak = loudness(out)
    assert lufs == pytest.approx(target, abs=1.0)
    assert peak <= -1.0


def test_uneven_parts_come_out_even(tmp_path: Path, uneven_parts: list[Path]) -> None:
    """Parts 18 dB apart end within a few LU of each other after the chain."""
    out = tmp_path / "even.mp3"
    quiet, loud, _ = uneven_parts
    render_program([quiet, 1.0, loud], out, tags={}, target_lufs=-16.0)
    half = tmp_path / "first.wav", tmp_path / "second.wav"
    cut = seconds(quiet) + 0.5
    ffmpeg("-i", str(out), "-t", str(cut), str(half[0]))
    ffmpeg("-i", str(out), "-ss", str(cut), str(half[1]))
    first, second = loudness(half[0])[0], loudness(half[1])[0]
    assert abs(first - second) < 3.0


def test_failed_render_leaves_nothing_behind(tmp_path: Path, speech_wav: Path) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    broken = tmp_path / "broken.wav"
    broken.write_bytes(b"RIFF this is not audio")
    with pytest.raises(AudioError):
        render_program([speech_wav, 1.0, broken], out_dir / "p.mp3", tags=TAGS)
    with pytest.raises(AudioError):
        render_program([speech_wav, tmp_path / "missing.wav"], out_dir / "p.mp3", tags=TAGS)
    with pytest.raises(AudioError):
        render_program([1.0, 2.0], out_dir / "p.mp3", tags=TAGS)
    assert list(out_dir.iterdir()) == []


def test_failure_at_the_last_step_removes_the_temp_file(tmp_path: Path,
                                                         speech_wav: Path) -> None:
    blocked = tmp_path / "p.mp3"  # a directory where the MP3 should go: the final rename fails
    (blocked / "inside").mkdir(parents=True)
    with pytest.raises(OSError):
        render_program([speech_wav], blocked, tags=TAGS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.mp3"]
    assert blocked.is_dir()


def test_ffmetadata_escapes_its_syntax() -> None:
    text = ffmetadata({"title": "a=b; #c\\d"}, [("x\ny", 0.0, 1.5)])
    assert "title=a\\=b\\; \\#c\\\\d\n" in text
    assert "START=0\nEND=1500\ntitle=x\\\ny\n" in text

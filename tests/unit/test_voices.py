"""Installed Piper voices and auto's chain gTTS → Piper → espeak-ng, with real Piper and
espeak-ng; Google's endpoint is faked unreachable at the HTTP layer."""

from __future__ import annotations

import json
import wave
from pathlib import Path

import pytest
import requests
import responses

from audio import voices
from audio.engines import (
    AutoEngine,
    EspeakEngine,
    GttsEngine,
    PiperEngine,
    SynthesisError,
    make_engine,
)
from tests.piper_voices import VI_NAME, joe_voice, vietnamese_voice
from tests.unit.conftest import GOOGLE

SENTENCE = "Ủy ban nhân dân xã Vũ Dương thông báo lịch tiêm chủng cho trẻ em."


def rate_of(path: Path) -> int:
    with wave.open(str(path), "rb") as w:
        return w.getframerate()


@pytest.fixture
def given(tmp_path: Path) -> tuple[Path, Path]:
    """A Vietnamese-marked voice as an admin would hand it over, outside DATA_DIR."""
    return vietnamese_voice(tmp_path / "download")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def offline(google: responses.RequestsMock) -> responses.RequestsMock:
    google.add(responses.POST, GOOGLE, body=requests.ConnectionError("no network"))
    return google


def test_install_stores_both_files_and_reads_language_and_rate(given, data_dir) -> None:
    onnx, config = given
    info = voices.install(onnx, config, data_dir)
    folder = data_dir / "voices" / VI_NAME
    assert (info.name, info.language, info.code, info.sample_rate) == (VI_NAME, "vi", "vi_VN",
                                                                      22050)
    assert info.onnx == folder / f"{VI_NAME}.onnx" and not info.onnx.is_symlink()
    assert info.onnx.read_bytes()[:64] == onnx.read_bytes()[:64]
    assert (folder / f"{VI_NAME}.onnx.json").read_bytes() == config.read_bytes()
    assert [v.name for v in voices.installed(data_dir)] == [VI_NAME]
    assert voices.choices(data_dir) == {}  # installing does not choose (the service does)


def _rewrite(config: Path, change) -> None:
    data = json.loads(config.read_text(encoding="utf-8"))
    change(data)
    config.write_text(json.dumps(data), encoding="utf-8")


BAD = {
    "no config": (lambda onnx, config: config.unlink(), "Không tìm thấy"),
    "not JSON": (lambda onnx, config: config.write_text("{oops"), "không phải tệp JSON"),
    "a list": (lambda onnx, config: config.write_text("[]"), "không phải tệp JSON"),
    "no language": (lambda onnx, config: _rewrite(config, lambda d: d.pop("language")),
                    "ngôn ngữ"),
    "no rate": (lambda onnx, config: _rewrite(config, lambda d: d["audio"].pop("sample_rate")),
                "tần số"),
    "rate as text": (lambda onnx, config: _rewrite(
        config, lambda d: d["audio"].update(sample_rate="22050")), "tần số"),
    "not a model": (lambda onnx, config: (onnx.unlink(), onnx.write_bytes(b"garbage" * 100)),
                    "Piper không dùng được"),
    "wrong config for the model": (lambda onnx, config: _rewrite(
        config, lambda d: d.update(num_symbols=3, phoneme_id_map={"_": [0]})),
        "Piper không dùng được"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_files_are_refused_and_nothing_is_written(given, data_dir, case) -> None:
    onnx, config = given
    spoil, message = BAD[case]
    spoil(onnx, config)
    with pytest.raises(voices.VoiceError, match=message):
        voices.install(onnx, config, data_dir)
    assert not data_dir.exists()


def test_a_file_not_named_onnx_is_refused(given, data_dir, tmp_path) -> None:
    onnx, config = given
    other = tmp_path / "giong.bin"
    other.symlink_to(onnx)
    with pytest.raises(voices.VoiceError, match="TÊN.onnx"):
        voices.install(other, config, data_dir)
    assert not data_dir.exists()


def test_an_installed_name_is_kept_unless_replaced(given, data_dir) -> None:
    onnx, config = given
    voices.install(onnx, config, data_dir)
    _rewrite(config, lambda d: d.update(dataset="thu-2"))
    with pytest.raises(voices.VoiceExists):
        voices.install(onnx, config, data_dir)
    assert voices.installed(data_dir)[0].dataset == "thu"
    assert voices.install(onnx, config, data_dir, replace=True).dataset == "thu-2"
    assert sorted(p.name for p in (data_dir / "voices").iterdir()) == [VI_NAME]


def test_choose_per_language(given, data_dir) -> None:
    voices.install(*given, data_dir)
    with pytest.raises(voices.VoiceError, match="vi_VN"):
        voices.choose(data_dir, "en", VI_NAME)
    with pytest.raises(voices.VoiceError, match="Chưa cài"):
        voices.choose(data_dir, "vi", "vi_VN-other-low")
    assert voices.chosen_paths(data_dir) == ()
    voices.choose(data_dir, "vi", VI_NAME)
    onnx = data_dir / "voices" / VI_NAME / f"{VI_NAME}.onnx"
    assert voices.chosen_paths(data_dir) == (("vi", str(onnx)),)
    voices.choose(data_dir, "vi", None)
    assert voices.choices(data_dir) == {} and voices.chosen_paths(data_dir) == ()


def test_a_chosen_voice_gone_from_disk_is_not_offered(given, data_dir) -> None:
    info = voices.install(*given, data_dir)
    voices.choose(data_dir, "vi", VI_NAME)
    info.onnx.unlink()
    assert voices.chosen_paths(data_dir) == ()


def test_piper_engine_takes_its_language_from_the_config(given, tmp_path) -> None:
    vi = make_engine("piper", piper_voice=str(given[0]))
    assert vi.language == "vi"
    vi.synthesize(SENTENCE, "vi", tmp_path / "vi.wav")
    assert rate_of(tmp_path / "vi.wav") == 22050
    with pytest.raises(SynthesisError, match="language"):
        vi.synthesize("Hello.", "en", tmp_path / "en.wav")
    assert PiperEngine(joe_voice()).language == "en"
    assert PiperEngine(tmp_path / "nowhere.onnx").language == "en"  # no config: as before


def test_auto_speaks_vietnamese_with_the_piper_voice_when_google_is_unreachable(
        given, offline, tmp_path) -> None:
    auto = AutoEngine(GttsEngine(), EspeakEngine(), voices={"vi": PiperEngine(given[0])})
    auto.synthesize(SENTENCE, "vi", tmp_path / "vi.wav")
    assert len(offline.calls) == 1  # Google was asked first
    assert (auto.last_engine, auto.last_fallback) == ("piper", True)
    assert auto.settings()["voice"] == f"{VI_NAME}.onnx"
    assert auto.settings()["requested"] == "auto"
    assert rate_of(tmp_path / "vi.wav") == 22050

    auto.synthesize("The market opens at seven.", "en", tmp_path / "en.wav")
    assert auto.last_engine == "espeak"  # no English voice installed


def test_auto_falls_back_to_espeak_when_the_voice_does_not_load(given, offline,
                                                                 tmp_path) -> None:
    broken = tmp_path / "broken.onnx"
    broken.write_bytes(b"garbage")
    auto = AutoEngine(GttsEngine(), EspeakEngine(),
                      voices={"vi": PiperEngine(broken, language="vi")})
    auto.synthesize(SENTENCE, "vi", tmp_path / "vi.wav")
    assert (auto.last_engine, auto.last_fallback) == ("espeak", True)
    assert any("cannot load voice" in e for e in auto.settings()["passed_over"])
    assert rate_of(tmp_path / "vi.wav") == 22050  # espeak-ng's rate: real speech was made


def test_make_engine_auto_takes_the_chosen_voices(given, data_dir) -> None:
    voices.install(*given, data_dir)
    voices.choose(data_dir, "vi", VI_NAME)
    engine = make_engine("auto", voices=dict(voices.chosen_paths(data_dir)))
    assert set(engine.voices) == {"vi"}
    assert engine.voices["vi"].voice_path.name == f"{VI_NAME}.onnx"
    assert make_engine("auto").voices == {}

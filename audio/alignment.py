"""What was heard against what should have been said: a word-by-word alignment and its WER.

Words are compared after NFC, lowercasing and removing punctuation and symbols, as a
recognizer writes them (no case, no punctuation). The alignment is Levenshtein's over words;
runs of equal words and runs of differences are merged into segments, so a page can show the
expected text with what differs marked, and an API can list only the differences.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass

#: the exact alignment's table is n × m cells; beyond this, longer texts are first anchored on
#: difflib's matching blocks and only the stretches between them are aligned exactly
EXACT_CELLS = 2_000_000
SAME, MISSING, ADDED, CHANGED = "same", "missing", "added", "changed"


def words(text: str) -> list[str]:
    """The text's words: NFC, lowercase, every punctuation or symbol character a space."""
    text = unicodedata.normalize("NFC", text or "").lower()
    return "".join(" " if unicodedata.category(c)[0] in "PS" else c for c in text).split()


@dataclass(frozen=True)
class Segment:
    """A run of the alignment: equal words, or expected words and what was heard instead."""

    op: str  #: same, missing (not heard), added (heard, not expected), changed
    expected: str
    heard: str

    def as_dict(self) -> dict[str, str]:
        return {"op": self.op, "expected": self.expected, "heard": self.heard}


@dataclass(frozen=True)
class Comparison:
    """The alignment of heard words with expected ones, and the word error rate."""

    segments: tuple[Segment, ...]
    errors: int  #: substitutions + deletions + insertions
    expected_words: int

    @property
    def wer(self) -> float:
        """Edits per expected word (1.0 when nothing was expected but something was heard)."""
        if not self.expected_words:
            return 0.0 if not self.errors else 1.0
        return self.errors / self.expected_words

    @property
    def differences(self) -> list[dict[str, str]]:
        return [s.as_dict() for s in self.segments if s.op != SAME]


def _exact(ref: list[str], hyp: list[str]) -> list[tuple[str, str | None, str | None]]:
    """Levenshtein over words; one (op, expected word, heard word) per step, in order."""
    n, m = len(ref), len(hyp)
    prev = list(range(m + 1))
    moves = [bytearray(b"\x02" * (m + 1))]  # 0 diagonal, 1 up (missing), 2 left (added)
    for i in range(1, n + 1):
        cur, move = [i] + [0] * m, bytearray(m + 1)
        move[0] = 1
        word = ref[i - 1]
        for j in range(1, m + 1):
            diagonal = prev[j - 1] + (word != hyp[j - 1])
            up, left = prev[j] + 1, cur[j - 1] + 1
            if diagonal <= up and diagonal <= left:
                cur[j] = diagonal
            elif up <= left:
                cur[j], move[j] = up, 1
            else:
                cur[j], move[j] = left, 2
        prev = cur
        moves.append(move)
    steps = []
    i, j = n, m
    while i or j:
        move = moves[i][j] if i and j else (1 if i else 2)
        if move == 0:
            i, j = i - 1, j - 1
            steps.append((SAME if ref[i] == hyp[j] else CHANGED, ref[i], hyp[j]))
        elif move == 1:
            i -= 1
            steps.append((MISSING, ref[i], None))
        else:
            j -= 1
            steps.append((ADDED, None, hyp[j]))
    steps.reverse()
    return steps


def _steps(ref: list[str], hyp: list[str]) -> list[tuple[str, str | None, str | None]]:
    if len(ref) * len(hyp) <= EXACT_CELLS:
        return _exact(ref, hyp)
    steps, i, j = [], 0, 0
    matcher = difflib.SequenceMatcher(None, ref, hyp, autojunk=False)
    for block in matcher.get_matching_blocks():
        gap_ref, gap_hyp = ref[i:block.a], hyp[j:block.b]
        if len(gap_ref) * len(gap_hyp) <= EXACT_CELLS:
            steps += _exact(gap_ref, gap_hyp)
        else:  # an enormous stretch in which nothing matches: all of it differs
            steps += [(MISSING, w, None) for w in gap_ref] + [(ADDED, None, w) for w in gap_hyp]
        steps += [(SAME, w, w) for w in ref[block.a:block.a + block.size]]
        i, j = block.a + block.size, block.b + block.size
    return steps


def _merge(steps: list[tuple[str, str | None, str | None]]) -> tuple[Segment, ...]:
    """Runs of equal words, and runs of differences (missing, added or changed as a whole)."""
    segments: list[Segment] = []
    run_ref: list[str] = []
    run_hyp: list[str] = []
    same = None

    def close() -> None:
        if same:
            segments.append(Segment(SAME, " ".join(run_ref), " ".join(run_hyp)))
        elif run_ref or run_hyp:
            op = CHANGED if run_ref and run_hyp else (MISSING if run_ref else ADDED)
            segments.append(Segment(op, " ".join(run_ref), " ".join(run_hyp)))
        run_ref.clear()
        run_hyp.clear()

    for op, expected, heard in steps:
        if (op == SAME) != same:
            close()
            same = op == SAME
        if expected is not None:
            run_ref.append(expected)
        if heard is not None:
            run_hyp.append(heard)
    close()
    return tuple(segments)


def compare(expected: str, heard: str) -> Comparison:
    """Align the heard text with the expected one, word by word."""
    ref, hyp = words(expected), words(heard)
    steps = _steps(ref, hyp)
    return Comparison(_merge(steps), sum(op != SAME for op, _e, _h in steps), len(ref))

"""The scanner on the independently written corpus (tests/corpus/independent, #15).

Figures only: a failure shows numbers, never a document's text. The thresholds sit a little
below what the scanner reached when they were set, so a regression fails.
"""

from __future__ import annotations

import pytest

from bulletins.confidentiality import scan
from tests.corpus.score import CORPORA, evaluate, load, ratio


def _figures(result: dict, kind: str | None = None) -> tuple[float, float]:
    """(recall, precision) of one kind, or of all kinds."""
    t = result["total"] if kind is None else result["kinds"][kind]
    return ratio(t["hit"], t["expected"]), ratio(t["correct"], t["found"])


#: Floors a little below what the scanner reached when they were set (reached in comments):
#: (recall, precision, block accuracy) overall, then (recall, precision) per kind of #15.
FLOORS = {
    "train": ((0.97, 0.94, 0.98), {            # reached 1.00, 0.98, 1.000
        "state_secret_topic": (0.97, 0.94),      # reached 1.00, 0.98
        "sensitive_personal": (0.97, 0.92),      # reached 1.00, 0.95
        "classification_marking": (0.97, 0.97),  # reached 1.00, 1.00
    }),
    # held-out sets: the figures of session 7 (6 Dec 2026), rules + classifiers; heldout6 is
    # new (three writers nobody read, scored first with the session-start scanner)
    "heldout": ((0.87, 0.88, 0.94), {          # reached 0.91, 0.91, 0.962
        "state_secret_topic": (0.86, 0.90),      # reached 0.89, 0.93
        "sensitive_personal": (0.82, 0.70),      # reached 0.85, 0.74
        "classification_marking": (0.85, 0.97),  # reached 0.89, 1.00
    }),
    "heldout2": ((0.86, 0.87, 0.93), {         # reached 0.89, 0.90, 0.957
        "state_secret_topic": (0.85, 0.87),      # reached 0.88, 0.90
        "sensitive_personal": (0.77, 0.81),      # reached 0.81, 0.84
    }),
    "heldout3": ((0.86, 0.86, 0.96), {         # reached 0.90, 0.89, 0.989
        "state_secret_topic": (0.85, 0.81),      # reached 0.88, 0.85
        "sensitive_personal": (0.83, 0.87),      # reached 0.86, 0.91
    }),
    "heldout4": ((0.90, 0.89, 0.97), {         # reached 0.94, 0.92, 0.994
        "state_secret_topic": (0.89, 0.87),      # reached 0.93, 0.90
        "sensitive_personal": (0.85, 0.84),      # reached 0.89, 0.88
    }),
    "heldout5": ((0.94, 0.89, 0.96), {         # reached 0.98, 0.92, 0.986
        "state_secret_topic": (0.97, 0.88),      # reached 1.00, 0.92
        "sensitive_personal": (0.84, 0.84),      # reached 0.87, 0.88
    }),
    "heldout6": ((0.91, 0.86, 0.97), {         # reached 0.95, 0.89, 0.991
        "state_secret_topic": (0.92, 0.85),      # reached 0.95, 0.88
        "sensitive_personal": (0.80, 0.93),      # reached 0.84, 0.96
    }),
    "train8": ((0.93, 0.91, 0.97), {           # reached 0.96, 0.95, 0.995 (never read)
        "state_secret_topic": (0.95, 0.90),      # reached 0.98, 0.94
        "sensitive_personal": (0.83, 0.93),      # reached 0.86, 0.97
    }),
    "train9": ((0.92, 0.89, 0.97), {           # reached 0.95, 0.93, 0.993 (never read)
        "state_secret_topic": (0.92, 0.92),      # reached 0.96, 0.95
        "sensitive_personal": (0.89, 0.80),      # reached 0.92, 0.83
    }),
    "train2": ((0.94, 0.93, 0.98), {           # reached 0.97, 0.97, 1.000
        "state_secret_topic": (0.93, 0.95),      # reached 0.97, 0.98
    }),
    "train3": ((0.90, 0.91, 0.98), {           # reached 0.94, 0.94, 1.000
        "state_secret_topic": (0.89, 0.92),      # reached 0.92, 0.96
    }),
    "train4": ((0.89, 0.90, 0.98), {           # reached 0.92, 0.94, 1.000
        "state_secret_topic": (0.85, 0.89),      # reached 0.89, 0.92
    }),
    "train5": ((0.88, 0.92, 0.98), {           # reached 0.91, 0.95, 1.000
        "state_secret_topic": (0.86, 0.92),      # reached 0.89, 0.96
    }),
    "train6": ((0.92, 0.92, 0.98), {           # reached 0.96, 0.96, 1.000
        "state_secret_topic": (0.90, 0.94),      # reached 0.94, 0.97
    }),
    "train7": ((0.93, 0.92, 0.97), {           # reached 0.97, 0.95, 0.995
        "state_secret_topic": (0.93, 0.91),      # reached 0.96, 0.94
    }),
    # ordinary public bulletins: nothing to find, so only the share held wrongly counts
    "plain": ((1.0, 0.0, 0.98), {}),           # reached 1.00 (read by the rules' editor)
    "heldout_plain": ((1.0, 0.0, 0.95), {}),   # reached 0.973 (never read)
}
_scored: dict[str, dict] = {}


def scored(corpus: str) -> dict:
    """A half of the corpus scored once per session (the held-out one shows only numbers)."""
    if corpus not in _scored:
        _scored[corpus] = evaluate(load(CORPORA[corpus]), scan)
    return _scored[corpus]


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_overall(corpus: str) -> None:
    """Recall, precision and block accuracy of each half."""
    result, (recall, precision, held) = scored(corpus), FLOORS[corpus][0]
    got_recall, got_precision = _figures(result)
    assert got_recall >= recall
    assert got_precision >= precision
    assert ratio(result["held_ok"], result["documents"]) >= held


@pytest.mark.parametrize(("corpus", "kind"),
                         [(c, k) for c in sorted(FLOORS) for k in sorted(FLOORS[c][1])])
def test_per_kind(corpus: str, kind: str) -> None:
    """The kinds #15 is about, on each half."""
    recall, precision = FLOORS[corpus][1][kind]
    got_recall, got_precision = _figures(scored(corpus), kind)
    assert got_recall >= recall
    assert got_precision >= precision

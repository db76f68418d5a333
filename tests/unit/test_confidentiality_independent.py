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
    "train": ((0.97, 0.93, 0.98), {            # reached 1.00, 0.97, 1.00
        "state_secret_topic": (0.97, 0.92),      # reached 1.00, 0.95
        "sensitive_personal": (0.95, 0.95),      # reached 1.00, 1.00
        "classification_marking": (0.95, 0.95),  # reached 1.00, 1.00
    }),
    # held-out sets: the figures of session 6 (6 Dec 2026), rules + classifiers
    "heldout": ((0.86, 0.83, 0.94), {          # reached 0.89, 0.86, 0.962
        "state_secret_topic": (0.84, 0.81),      # reached 0.87, 0.84
        "sensitive_personal": (0.75, 0.66),      # reached 0.80, 0.71
        "classification_marking": (0.85, 0.95),  # reached 0.89, 1.00
    }),
    "heldout2": ((0.82, 0.74, 0.92), {         # reached 0.85, 0.77, 0.950
        "state_secret_topic": (0.85, 0.72),      # reached 0.88, 0.75
        "sensitive_personal": (0.57, 0.68),      # reached 0.62, 0.73
    }),
    "heldout3": ((0.87, 0.82, 0.97), {         # reached 0.90, 0.85, 0.989
        "state_secret_topic": (0.87, 0.76),      # reached 0.90, 0.79
        "sensitive_personal": (0.77, 0.80),      # reached 0.81, 0.84
    }),
    "heldout4": ((0.90, 0.85, 0.97), {         # reached 0.93, 0.88, 0.994
        "state_secret_topic": (0.90, 0.82),      # reached 0.93, 0.85
        "sensitive_personal": (0.79, 0.80),      # reached 0.83, 0.84
    }),
    "heldout5": ((0.93, 0.83, 0.96), {         # reached 0.96, 0.86, 0.981
        "state_secret_topic": (0.96, 0.81),      # reached 0.99, 0.84
        "sensitive_personal": (0.77, 0.79),      # reached 0.81, 0.83
    }),
    "train8": ((0.91, 0.82, 0.97), {           # reached 0.94, 0.85, 0.995 (never read)
        "state_secret_topic": (0.95, 0.78),      # reached 0.98, 0.81
        "sensitive_personal": (0.71, 0.85),      # reached 0.75, 0.89
    }),
    "train9": ((0.91, 0.83, 0.97), {           # reached 0.94, 0.87, 0.993 (never read)
        "state_secret_topic": (0.93, 0.84),      # reached 0.96, 0.87
        "sensitive_personal": (0.80, 0.76),      # reached 0.84, 0.80
    }),
    "train2": ((0.94, 0.87, 0.98), {           # reached 0.96, 0.90, 1.00
        "state_secret_topic": (0.93, 0.89),      # reached 0.96, 0.92
    }),
    "train3": ((0.91, 0.85, 0.98), {           # reached 0.94, 0.88, 1.00
        "state_secret_topic": (0.89, 0.87),      # reached 0.92, 0.90
    }),
    "train4": ((0.87, 0.83, 0.98), {           # reached 0.90, 0.86, 1.00
        "state_secret_topic": (0.86, 0.79),      # reached 0.89, 0.82
    }),
    "train5": ((0.87, 0.87, 0.98), {           # reached 0.90, 0.90, 1.00
        "state_secret_topic": (0.86, 0.85),      # reached 0.89, 0.88
    }),
    "train6": ((0.89, 0.83, 0.98), {           # reached 0.92, 0.86, 1.00
        "state_secret_topic": (0.91, 0.82),      # reached 0.94, 0.85
    }),
    "train7": ((0.91, 0.86, 0.97), {           # reached 0.94, 0.89, 0.995
        "state_secret_topic": (0.93, 0.83),      # reached 0.96, 0.86
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

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
    "train": ((0.97, 0.88, 0.97), {            # reached 1.00, 0.92, 0.99
        "state_secret_topic": (0.95, 0.90),      # reached 1.00, 0.95
        "sensitive_personal": (0.90, 0.75),      # reached 1.00, 0.83
        "classification_marking": (0.95, 0.95),  # reached 1.00, 1.00
    }),
    "heldout": ((0.83, 0.82, 0.85), {          # reached 0.86, 0.85, 0.88 (6 Dec 2026)
        "state_secret_topic": (0.79, 0.79),      # reached 0.82, 0.82
        "sensitive_personal": (0.75, 0.66),      # reached 0.80, 0.71
        "classification_marking": (0.85, 0.95),  # reached 0.89, 1.00
    }),
    "heldout2": ((0.78, 0.76, 0.83), {         # reached 0.81, 0.80, 0.86 (6 Dec 2026)
        "state_secret_topic": (0.77, 0.75),      # reached 0.81, 0.79
        "sensitive_personal": (0.57, 0.68),      # reached 0.62, 0.73
    }),
    "heldout3": ((0.86, 0.83, 0.94), {         # reached 0.89, 0.86, 0.97 (scored once)
        "state_secret_topic": (0.85, 0.77),      # reached 0.88, 0.80
        "sensitive_personal": (0.77, 0.80),      # reached 0.81, 0.84
    }),
    "train2": ((0.94, 0.87, 0.98), {           # reached 0.96, 0.90, 1.00
        "state_secret_topic": (0.93, 0.89),      # reached 0.96, 0.92
    }),
    "train3": ((0.88, 0.85, 0.97), {           # reached 0.91, 0.88, 1.00
        "state_secret_topic": (0.86, 0.86),      # reached 0.89, 0.89
    }),
    "train4": ((0.80, 0.80, 0.93), {           # reached 0.83, 0.83, 0.95
        "state_secret_topic": (0.76, 0.75),      # reached 0.79, 0.78
    }),
    # ordinary public bulletins: nothing to find, so only the share held wrongly counts
    "plain": ((1.0, 0.0, 0.98), {}),           # reached 1.00 (read by the rules' editor)
    "heldout_plain": ((1.0, 0.0, 0.92), {}),   # reached 0.945 (never read)
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

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
    # floors set in session 11 (7 Dec 2026) from the figures then: held-out sets, figures only;
    # heldout13-15 and train20-31 are new (each scored before anyone read it)
    "train": ((0.95, 0.95, 0.98), {            # reached 0.99, 0.99, 1.000
        "state_secret_topic": (0.96, 0.95),      # reached 1.00, 0.99
        "sensitive_personal": (0.92, 0.96),      # reached 0.96, 1.00
        "classification_marking": (0.96, 0.96),  # reached 1.00, 1.00
    }),
    "heldout": ((0.89, 0.90, 0.94), {          # reached 0.93, 0.94, 0.968
        "state_secret_topic": (0.88, 0.91),      # reached 0.92, 0.95
        "sensitive_personal": (0.91, 0.77),      # reached 0.95, 0.81
        "classification_marking": (0.85, 0.96),  # reached 0.89, 1.00
    }),
    "heldout2": ((0.89, 0.87, 0.95), {         # reached 0.93, 0.91, 0.971
        "state_secret_topic": (0.87, 0.86),      # reached 0.91, 0.90
        "sensitive_personal": (0.88, 0.84),      # reached 0.92, 0.88
    }),
    "heldout3": ((0.91, 0.89, 0.98), {         # reached 0.95, 0.93, 1.000
        "state_secret_topic": (0.91, 0.85),      # reached 0.95, 0.89
        "sensitive_personal": (0.88, 0.93),      # reached 0.92, 0.97
    }),
    "heldout4": ((0.94, 0.93, 0.98), {         # reached 0.98, 0.97, 1.000
        "state_secret_topic": (0.94, 0.90),      # reached 0.98, 0.94
        "sensitive_personal": (0.93, 0.96),      # reached 0.97, 1.00
    }),
    "heldout5": ((0.95, 0.89, 0.97), {         # reached 0.99, 0.93, 0.991
        "state_secret_topic": (0.96, 0.87),      # reached 1.00, 0.91
        "sensitive_personal": (0.93, 0.90),      # reached 0.97, 0.94
    }),
    "heldout6": ((0.92, 0.86, 0.97), {         # reached 0.96, 0.90, 0.991
        "state_secret_topic": (0.93, 0.86),      # reached 0.97, 0.90
        # 0.96 -> 0.90 when the classifiers learnt train41 too (session 16): two more findings
        # no writer marked (held out: counted, never read)
        "sensitive_personal": (0.86, 0.88),      # reached 0.90, 0.90
    }),
    "heldout7": ((0.94, 0.85, 0.96), {         # reached 0.98, 0.89, 0.986
        "state_secret_topic": (0.95, 0.84),      # reached 0.99, 0.88
        "sensitive_personal": (0.88, 0.92),      # reached 0.92, 0.96
    }),
    "heldout8": ((0.94, 0.86, 0.98), {         # reached 0.98, 0.90, 1.000
        "state_secret_topic": (0.93, 0.88),      # reached 0.97, 0.92
        "sensitive_personal": (0.92, 0.85),      # reached 0.96, 0.89
    }),
    "heldout9": ((0.94, 0.93, 0.98), {         # reached 0.97, 0.97, 1.000
        "state_secret_topic": (0.92, 0.90),      # reached 0.96, 0.94
        "sensitive_personal": (0.92, 0.96),      # reached 0.96, 1.00
    }),
    "heldout10": ((0.93, 0.93, 0.98), {        # reached 0.97, 0.97, 1.000
        "state_secret_topic": (0.92, 0.91),      # reached 0.96, 0.95
        "sensitive_personal": (0.91, 0.94),      # reached 0.95, 0.97
    }),
    "heldout11": ((0.91, 0.90, 0.97), {        # reached 0.95, 0.94, 0.993
        "state_secret_topic": (0.90, 0.89),      # reached 0.94, 0.93
        "sensitive_personal": (0.82, 0.86),      # reached 0.86, 0.90
    }),
    "heldout12": ((0.90, 0.90, 0.97), {        # reached 0.94, 0.94, 0.993
        "state_secret_topic": (0.87, 0.83),      # reached 0.91, 0.87
        "sensitive_personal": (0.94, 0.96),      # reached 0.98, 1.00
    }),
    "heldout13": ((0.93, 0.88, 0.97), {        # reached 0.97, 0.92, 0.993 (new)
        "state_secret_topic": (0.91, 0.84),      # reached 0.95, 0.88
        "sensitive_personal": (0.96, 0.91),      # reached 1.00, 0.95
    }),
    "heldout14": ((0.90, 0.88, 0.96), {        # reached 0.94, 0.92, 0.986 (new)
        "state_secret_topic": (0.86, 0.87),      # reached 0.90, 0.91
        "sensitive_personal": (0.96, 0.80),      # reached 1.00, 0.84
    }),
    "heldout15": ((0.92, 0.89, 0.97), {        # reached 0.96, 0.93, 0.993 (new)
        "state_secret_topic": (0.92, 0.85),      # reached 0.96, 0.89
        # 0.86 since session 14: "dữ liệu định vị" (location read off a phone) holds one more
        # held-out bulletin rightly and adds a finding its writer did not mark here; 0.79 since
        # session 15: the classifiers fitted on all 40 batches add one more (20 of 24 right),
        # and hold 9 fewer of the 3,358 held-out bulletins wrongly over the twenty sets
        "sensitive_personal": (0.83, 0.79),      # reached 0.87, 0.83
    }),
    "train8": ((0.94, 0.93, 0.97), {           # reached 0.98, 0.97, 0.995 (never read)
        "state_secret_topic": (0.95, 0.91),      # reached 0.99, 0.95
        "sensitive_personal": (0.91, 0.96),      # reached 0.95, 1.00
    }),
    "train9": ((0.93, 0.90, 0.97), {           # reached 0.97, 0.94, 0.997 (never read)
        "state_secret_topic": (0.94, 0.92),      # reached 0.98, 0.96
        "sensitive_personal": (0.88, 0.84),      # reached 0.92, 0.88
    }),
    "train10": ((0.95, 0.92, 0.98), {          # reached 0.99, 0.96, 1.000 (never read)
        "state_secret_topic": (0.95, 0.92),      # reached 0.99, 0.96
        "sensitive_personal": (0.96, 0.86),      # reached 1.00, 0.90
    }),
    "train11": ((0.95, 0.94, 0.98), {          # reached 0.99, 0.98, 1.000 (never read)
        "state_secret_topic": (0.95, 0.94),      # reached 0.99, 0.98
        "sensitive_personal": (0.93, 0.93),      # reached 0.97, 0.97
    }),
    "train12": ((0.94, 0.91, 0.98), {          # reached 0.98, 0.95, 1.000 (never read)
        "state_secret_topic": (0.95, 0.89),      # reached 0.99, 0.93
        "sensitive_personal": (0.87, 0.87),      # reached 0.91, 0.91
    }),
    "train13": ((0.93, 0.93, 0.98), {          # reached 0.97, 0.97, 1.000 (never read)
        "state_secret_topic": (0.92, 0.93),      # reached 0.96, 0.97
        "sensitive_personal": (0.93, 0.89),      # reached 0.97, 0.93
    }),
    "train14": ((0.94, 0.89, 0.98), {          # reached 0.98, 0.93, 1.000 (read)
        "state_secret_topic": (0.93, 0.86),      # reached 0.97, 0.90
        "sensitive_personal": (0.92, 0.89),      # reached 0.96, 0.93
    }),
    "train15": ((0.93, 0.91, 0.97), {          # reached 0.97, 0.95, 0.995 (read)
        "state_secret_topic": (0.93, 0.89),      # reached 0.97, 0.93
        "sensitive_personal": (0.88, 0.96),      # reached 0.92, 1.00
    }),
    "train16": ((0.94, 0.90, 0.97), {          # reached 0.98, 0.94, 0.991 (read)
        "state_secret_topic": (0.95, 0.88),      # reached 0.99, 0.92
        "sensitive_personal": (0.89, 0.87),      # reached 0.93, 0.91
    }),
    "train17": ((0.96, 0.91, 0.97), {          # reached 1.00, 0.95, 0.995 (read)
        "state_secret_topic": (0.95, 0.89),      # reached 0.99, 0.93
        "sensitive_personal": (0.96, 0.90),      # reached 1.00, 0.94
    }),
    "train18": ((0.94, 0.90, 0.97), {          # reached 0.98, 0.94, 0.991 (read)
        "state_secret_topic": (0.94, 0.85),      # reached 0.98, 0.89
        "sensitive_personal": (0.90, 0.94),      # reached 0.94, 0.98
    }),
    "train19": ((0.93, 0.93, 0.97), {          # reached 0.97, 0.97, 0.991 (read)
        "state_secret_topic": (0.90, 0.89),      # reached 0.94, 0.93
        "sensitive_personal": (0.91, 0.94),      # reached 0.95, 0.98
    }),
    "train20": ((0.96, 0.92, 0.97), {          # reached 1.00, 0.96, 0.995 (new, read)
        "state_secret_topic": (0.95, 0.90),      # reached 0.99, 0.94
        "sensitive_personal": (0.96, 0.93),      # reached 1.00, 0.97
    }),
    "train21": ((0.93, 0.88, 0.97), {          # reached 0.97, 0.92, 0.995 (new, read)
        "state_secret_topic": (0.93, 0.85),      # reached 0.97, 0.89
        "sensitive_personal": (0.91, 0.84),      # reached 0.95, 0.88
    }),
    "train22": ((0.91, 0.93, 0.97), {          # reached 0.95, 0.97, 0.995 (new, read)
        "state_secret_topic": (0.87, 0.90),      # reached 0.91, 0.94
        "sensitive_personal": (0.96, 0.93),      # reached 1.00, 0.97
    }),
    "train23": ((0.92, 0.91, 0.97), {          # reached 0.96, 0.95, 0.995 (new, read)
        "state_secret_topic": (0.91, 0.89),      # reached 0.95, 0.93
        "sensitive_personal": (0.90, 0.88),      # reached 0.94, 0.92
    }),
    "train24": ((0.92, 0.89, 0.97), {          # reached 0.96, 0.93, 0.995 (new, read)
        "state_secret_topic": (0.91, 0.83),      # reached 0.95, 0.87
        "sensitive_personal": (0.90, 0.93),      # reached 0.94, 0.97
    }),
    "train25": ((0.92, 0.92, 0.97), {          # reached 0.96, 0.96, 0.991 (new, read)
        "state_secret_topic": (0.90, 0.90),      # reached 0.94, 0.94
        "sensitive_personal": (0.93, 0.90),      # reached 0.97, 0.94
    }),
    "train26": ((0.94, 0.93, 0.97), {          # reached 0.98, 0.97, 0.995 (new, read)
        "state_secret_topic": (0.92, 0.91),      # reached 0.96, 0.95
        # 0.88 since session 15 (the refitted classifiers: one more finding, 34 of 37 right)
        "sensitive_personal": (0.96, 0.88),      # reached 1.00, 0.92
    }),
    "train27": ((0.92, 0.89, 0.97), {          # reached 0.96, 0.93, 0.991 (new, read)
        "state_secret_topic": (0.94, 0.85),      # reached 0.98, 0.89
        "sensitive_personal": (0.81, 0.96),      # reached 0.85, 1.00
    }),
    "train28": ((0.95, 0.90, 0.97), {          # reached 0.99, 0.94, 0.995 (new, read)
        "state_secret_topic": (0.94, 0.89),      # reached 0.98, 0.93
        "sensitive_personal": (0.93, 0.85),      # reached 0.97, 0.89
    }),
    "train29": ((0.94, 0.90, 0.95), {          # reached 0.98, 0.94, 0.977 (new, read)
        "state_secret_topic": (0.95, 0.88),      # reached 0.99, 0.92
        "sensitive_personal": (0.88, 0.83),      # reached 0.92, 0.87
    }),
    "train30": ((0.92, 0.93, 0.98), {          # reached 0.96, 0.97, 1.000 (new, read)
        "state_secret_topic": (0.89, 0.90),      # reached 0.93, 0.94
        "sensitive_personal": (0.94, 0.94),      # reached 0.98, 0.98
    }),
    "train31": ((0.92, 0.89, 0.96), {          # reached 0.96, 0.93, 0.981 (new, read)
        "state_secret_topic": (0.92, 0.87),      # reached 0.96, 0.91
        "sensitive_personal": (0.85, 0.90),      # reached 0.89, 0.94
    }),
    # session 12: train32-37 are new (each scored before anyone read it, then read);
    # heldout16-17 were written while the rules changed and are figures only
    "train32": ((0.92, 0.91, 0.98), {          # reached 0.96, 0.95, 1.000 (new, read)
        "state_secret_topic": (0.91, 0.87),      # reached 0.95, 0.91
        "sensitive_personal": (0.87, 0.89),      # reached 0.91, 0.93
    }),
    "train33": ((0.94, 0.90, 0.97), {          # reached 0.98, 0.94, 0.995 (new, read)
        "state_secret_topic": (0.94, 0.86),      # reached 0.98, 0.90
        "sensitive_personal": (0.85, 0.89),      # reached 0.89, 0.93
    }),
    "train34": ((0.95, 0.91, 0.97), {          # reached 0.99, 0.95, 0.995 (new, read)
        "state_secret_topic": (0.94, 0.86),      # reached 0.98, 0.90
        "sensitive_personal": (0.91, 0.94),      # reached 0.95, 0.97
    }),
    "train35": ((0.93, 0.93, 0.98), {          # reached 0.97, 0.97, 1.000 (new, read)
        "state_secret_topic": (0.93, 0.90),      # reached 0.97, 0.94
        "sensitive_personal": (0.85, 0.96),      # reached 0.89, 1.00
    }),
    "train36": ((0.94, 0.89, 0.97), {          # reached 0.98, 0.93, 0.991 (new, read)
        "state_secret_topic": (0.92, 0.84),      # reached 0.96, 0.88
        "sensitive_personal": (0.96, 0.89),      # reached 1.00, 0.93
    }),
    "train37": ((0.91, 0.85, 0.97), {          # reached 0.95, 0.89, 0.995 (new, read)
        "state_secret_topic": (0.88, 0.78),      # reached 0.92, 0.82
        "sensitive_personal": (0.89, 0.91),      # reached 0.93, 0.95
    }),
    "heldout16": ((0.91, 0.91, 0.96), {        # reached 0.95, 0.95, 0.986 (held out)
        "state_secret_topic": (0.90, 0.88),      # reached 0.94, 0.92
        "sensitive_personal": (0.86, 0.88),      # reached 0.90, 0.92
    }),
    "heldout17": ((0.92, 0.90, 0.98), {        # reached 0.96, 0.94, 1.000 (held out)
        "state_secret_topic": (0.92, 0.83),      # reached 0.96, 0.87
        "sensitive_personal": (0.82, 0.96),      # reached 0.86, 1.00
    }),
    # session 13: train38 (two writers on marked documents) was scored on arrival, then read;
    # heldout18 (four writers) was written while the scanner did not change
    "train38": ((0.91, 0.89, 0.95), {          # reached 0.95, 0.93, 0.975 (new, read)
        "state_secret_topic": (0.90, 0.84),      # reached 0.95, 0.89
        "classification_marking": (0.93, 0.94),  # reached 0.97, 0.98 (0.58 on arrival)
    }),
    "train39": ((0.85, 0.85, 0.96), {          # reached 0.88, 0.88, 0.979 (new, read)
        "state_secret_topic": (0.94, 0.62),      # reached 0.98, 0.66
        "sensitive_personal": (0.78, 0.92),      # reached 0.81, 0.95 (0.65 on arrival)
    }),
    # session 15: train40 scored on arrival (0.90 / 0.88, block 0.986), then read; heldout20
    # written while the rules changed, figures only
    # session 16: train41 written on sensitive personal data, scored on arrival (0.88 / 0.90,
    # block 0.986), then read; heldout21 the ordinary brief, figures only
    "train41": ((0.90, 0.91, 0.97), {          # reached 0.93, 0.94, 0.993 (new, read)
        "state_secret_topic": (0.95, 0.87),      # reached 0.98, 0.90
        "sensitive_personal": (0.84, 0.92),      # reached 0.87, 0.95
    }),
    "heldout21": ((0.95, 0.95, 0.97), {        # reached 0.98, 0.99, 1.000 (held out)
        "state_secret_topic": (0.95, 0.94),      # reached 0.98, 0.97
        "sensitive_personal": (0.92, 0.96),      # reached 0.96, 1.00
    }),
    "train40": ((0.91, 0.89, 0.96), {          # reached 0.95, 0.93, 1.000 (new, read)
        "state_secret_topic": (0.91, 0.87),      # reached 0.95, 0.91
        "sensitive_personal": (0.88, 0.87),      # reached 0.93, 0.91
    }),
    "heldout20": ((0.93, 0.88, 0.97), {        # reached 0.97, 0.92, 1.000 (held out)
        "state_secret_topic": (0.93, 0.85),      # reached 0.97, 0.89
        "sensitive_personal": (0.92, 0.88),      # reached 0.96, 0.92
    }),
    "heldout19": ((0.89, 0.87, 0.97), {        # reached 0.92, 0.90, 1.000 (held out)
        "state_secret_topic": (0.88, 0.83),      # reached 0.91, 0.86
        "sensitive_personal": (0.76, 0.86),      # reached 0.80, 0.90
    }),
    "heldout18": ((0.90, 0.89, 0.96), {        # reached 0.94, 0.93, 0.983 (held out)
        "state_secret_topic": (0.89, 0.85),      # reached 0.93, 0.89
        "sensitive_personal": (0.84, 0.86),      # reached 0.88, 0.90
    }),
    "train2": ((0.95, 0.94, 0.98), {           # reached 0.99, 0.98, 1.000
        "state_secret_topic": (0.95, 0.93),      # reached 0.99, 0.97
        "sensitive_personal": (0.92, 0.96),      # reached 0.96, 1.00
    }),
    "train3": ((0.92, 0.93, 0.98), {           # reached 0.96, 0.97, 1.000
        "state_secret_topic": (0.92, 0.92),      # reached 0.96, 0.96
        "sensitive_personal": (0.93, 0.96),      # reached 0.97, 1.00
    }),
    "train4": ((0.93, 0.91, 0.98), {           # reached 0.97, 0.95, 1.000
        "state_secret_topic": (0.92, 0.89),      # reached 0.96, 0.93
        "sensitive_personal": (0.93, 0.96),      # reached 0.97, 1.00
    }),
    "train5": ((0.92, 0.92, 0.98), {           # reached 0.96, 0.96, 1.000
        "state_secret_topic": (0.92, 0.93),      # reached 0.96, 0.97
        "sensitive_personal": (0.90, 0.89),      # reached 0.94, 0.93
    }),
    "train6": ((0.93, 0.94, 0.98), {           # reached 0.97, 0.98, 1.000
        "state_secret_topic": (0.92, 0.94),      # reached 0.96, 0.98
        # 0.91 since session 15 (the refitted classifiers leave out one mark: 19 of 20)
        "sensitive_personal": (0.91, 0.96),      # reached 0.95, 1.00
    }),
    "train7": ((0.93, 0.93, 0.97), {           # reached 0.97, 0.97, 0.995
        "state_secret_topic": (0.93, 0.92),      # reached 0.97, 0.96
        "sensitive_personal": (0.96, 0.96),      # reached 1.00, 1.00
    }),
    "plain": ((1.0, 0.0, 0.98), {}),           # reached 1.000 (read by the rules' editor)
    "heldout_plain": ((1.0, 0.0, 0.96), {}),   # reached 0.982 (never read)
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

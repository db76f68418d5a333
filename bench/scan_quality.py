"""The confidentiality scanner's figures per kind on every labelled corpus (no texts).

The held-out half of the independent corpus is the figure that counts (tests/corpus/README
in independent/); the legacy corpus and the training half are shown beside it.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bulletins.confidentiality import scan  # noqa: E402
from tests.corpus.score import CORPORA, evaluate, figures, load, ratio  # noqa: E402


def main() -> None:
    """Print each corpus's table, then the headline figures as key=value pairs."""
    headline = []
    for name in ("legacy", "train", "heldout"):
        result = evaluate(load(CORPORA[name]), scan)
        print(f"== {name}: {result['documents']} documents")
        print("\n".join(figures(result)))
        total = result["total"]
        headline += [f"{name}_recall={ratio(total['hit'], total['expected']):.3f}",
                     f"{name}_precision={ratio(total['correct'], total['found']):.3f}",
                     f"{name}_block_accuracy={ratio(result['held_ok'], result['documents']):.3f}"]
    print(" ".join(headline))


if __name__ == "__main__":
    main()

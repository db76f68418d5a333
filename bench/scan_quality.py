"""Print the confidentiality scanner's per-kind recall and precision on the labelled corpus."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.unit.test_confidentiality_corpus import evaluate, load_corpus, ratio  # noqa: E402


def main() -> None:
    """Evaluate the corpus and print a table, misses and false positives."""
    docs = load_corpus()
    res = evaluate(docs)
    print(f"{len(docs)} documents, {sum(not d['expected'] for d in docs)} clean")
    head = ("kind", "expected", "found", "recall", "precision", "severity")
    print("{:24} {:>8} {:>6} {:>7} {:>9} {:>8}".format(*head))
    for kind, t in res["kinds"].items():
        if t["expected"] or t["found"]:
            print(f"{kind:24} {t['expected']:8} {t['found']:6} "
                  f"{ratio(t['hit'], t['expected']):7.2f} {ratio(t['correct'], t['found']):9.2f} "
                  f"{ratio(t['severity_ok'], t['hit']):8.2f}")
    for doc_id, kind, text in res["misses"]:
        print(f"MISS  {doc_id}: {kind} {text!r}")
    for doc_id, kind, text in res["extras"]:
        print(f"EXTRA {doc_id}: {kind} {text!r}")
    tot = res["total"]
    print(f"recall={ratio(tot['hit'], tot['expected']):.2f} "
          f"precision={ratio(tot['correct'], tot['found']):.2f}")


if __name__ == "__main__":
    main()

"""Split the independently written corpus once into a training half and a held-out half.

Stratified by writer and category, ordered by SHA-256 of SEED + id, so the split is fixed and
reproducible: `python -m tests.corpus.split` rewrites the same two files from the writers'
files. Whoever edits the scanner reads only train.json; heldout.json is read by the scorer,
which prints figures, never texts (tests/corpus/score.py).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent / "independent"
SEED = "loa-heldout-2026-12"


def split(documents: list[dict]) -> tuple[list[dict], list[dict]]:
    """(train, heldout): within each writer × category, alternate in hash order."""
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for doc in documents:
        groups[(doc["id"].split("-", 1)[0], doc.get("category", ""))].append(doc)
    train, heldout = [], []
    for key in sorted(groups):
        ordered = sorted(groups[key],
                         key=lambda d: hashlib.sha256((SEED + d["id"]).encode()).hexdigest())
        for n, doc in enumerate(ordered):
            (heldout if n % 2 else train).append(doc)
    return train, heldout


def main(sources: list[Path]) -> None:
    documents = [d for path in sources
                 for d in json.loads(path.read_text(encoding="utf-8"))["documents"]]
    train, heldout = split(documents)
    for name, docs in (("train", train), ("heldout", heldout)):
        body = {"description": f"The {name} half of the independent corpus (split.py, {SEED}).",
                "documents": docs}
        (HERE / f"{name}.json").write_text(json.dumps(body, ensure_ascii=False, indent=1) + "\n",
                                           encoding="utf-8")
        held = sum(1 for d in docs if d["expected"])
        print(f"{name}: documents={len(docs)} held={held} clean={len(docs) - held}")


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]] or sorted(HERE.glob("writer-*.json")))

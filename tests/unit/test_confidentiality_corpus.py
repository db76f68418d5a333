"""Recall and precision of the confidentiality scanner on the hand-labelled bulletin corpus."""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

from bulletins.confidentiality import KINDS, scan

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "confidentiality.json"


def load_corpus() -> list[dict]:
    """The labelled documents, each expected label resolved to a span of the NFC text."""
    docs = json.loads(CORPUS.read_text(encoding="utf-8"))["documents"]
    for doc in docs:
        text = unicodedata.normalize("NFC", doc["text"])
        seen: dict[tuple[str, str], int] = defaultdict(int)
        for label in doc["expected"]:
            needle = unicodedata.normalize("NFC", label["text"])
            key = (label["kind"], needle)
            pos = -1
            for _ in range(seen[key] + 1):
                pos = text.find(needle, pos + 1)
            seen[key] += 1
            assert pos >= 0, (doc["id"], needle)
            label["span"] = (pos, pos + len(needle))
    return docs


def evaluate(docs: list[dict]) -> dict:
    """Per-kind and overall counts; a finding matches a same-kind label whose span overlaps."""
    tally = {k: {"expected": 0, "found": 0, "hit": 0, "correct": 0, "severity_ok": 0}
             for k in KINDS}
    misses, extras = [], []
    for doc in docs:
        findings = scan(doc["text"])
        for label in doc["expected"]:
            t = tally[label["kind"]]
            t["expected"] += 1
            s, e = label["span"]
            match = [f for f in findings if f.kind == label["kind"] and f.start < e and s < f.end]
            if match:
                t["hit"] += 1
                t["severity_ok"] += any(f.severity == label["severity"] for f in match)
            else:
                misses.append((doc["id"], label["kind"], label["text"]))
        for f in findings:
            t = tally[f.kind]
            t["found"] += 1
            if any(lb["kind"] == f.kind and lb["span"][0] < f.end and f.start < lb["span"][1]
                   for lb in doc["expected"]):
                t["correct"] += 1
            else:
                extras.append((doc["id"], f.kind, f.text))
    total = {key: sum(t[key] for t in tally.values()) for key in tally[KINDS[0]]}
    return {"kinds": tally, "total": total, "misses": misses, "extras": extras}


def ratio(num: int, den: int) -> float:
    """num / den, or 1.0 when there is nothing to count."""
    return num / den if den else 1.0


@pytest.fixture(scope="module")
def result() -> dict:
    """The evaluation of the whole corpus."""
    return evaluate(load_corpus())


def test_corpus_is_big_and_mixed() -> None:
    """At least 70 documents, about a third of them clean, every kind represented."""
    docs = load_corpus()
    assert len(docs) >= 70
    clean = sum(1 for d in docs if not d["expected"])
    assert 0.25 <= clean / len(docs) <= 0.45
    kinds = {lb["kind"] for d in docs for lb in d["expected"]}
    assert kinds >= set(KINDS) - {"keyword"}


def test_overall_recall(result: dict) -> None:
    """Overall recall is at least 0.95."""
    total = result["total"]
    assert ratio(total["hit"], total["expected"]) >= 0.95, result["misses"]


def test_overall_precision(result: dict) -> None:
    """Overall precision is at least 0.90."""
    total = result["total"]
    assert ratio(total["correct"], total["found"]) >= 0.90, result["extras"]


def test_severity_agrees(result: dict) -> None:
    """Matched findings carry the labelled severity (block vs warn) in at least 90% of cases."""
    total = result["total"]
    assert ratio(total["severity_ok"], total["hit"]) >= 0.90


def test_every_kind_is_found(result: dict) -> None:
    """No labelled kind is missed entirely."""
    for kind, t in result["kinds"].items():
        if t["expected"]:
            assert t["hit"] > 0, kind

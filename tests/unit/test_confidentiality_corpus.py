"""Recall and precision of the confidentiality scanner on the hand-labelled bulletin corpus."""

from __future__ import annotations

import pytest

from bulletins.confidentiality import KINDS, scan
from tests.corpus.score import CORPORA, evaluate, load, ratio

CORPUS = CORPORA["legacy"]


def load_corpus() -> list[dict]:
    """The hand-labelled documents, each expected label resolved to a span of the NFC text."""
    return load(CORPUS)


@pytest.fixture(scope="module")
def result() -> dict:
    """The evaluation of the whole corpus."""
    return evaluate(load_corpus(), scan)


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

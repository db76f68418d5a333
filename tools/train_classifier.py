"""Fit the scanner's second look (bulletins/confidentiality/classifier.py) on the training corpora.

    make classifier        # = python -m tools.train_classifier

Reads tests/corpus/independent/train*.json and the ordinary bulletins of
tests/corpus/ordinary/nb.json (never a held-out set), fits TF-IDF over
character n-grams and a logistic regression with scikit-learn (a test requirement, not a
runtime one), and writes classifier.json.gz: every n-gram's idf and weight, the intercept and
the number of bulletins. The fit is deterministic (lbfgs, fixed data order), so the file is
what this corpus builds; tests/unit/test_classifier.py refits it and compares.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bulletins.confidentiality.classifier import MODEL, NGRAMS  # noqa: E402
from bulletins.confidentiality.text import Doc  # noqa: E402
from tests.corpus.score import CORPORA, as_submitted, load  # noqa: E402

TRAINING = ("train", "train2", "train3", "train4", "plain")


def documents(corpora: tuple[str, ...] = TRAINING) -> list[tuple[str, bool]]:
    """(lower-cased text as the scanner reads it, must be held) of every training bulletin."""
    rows = []
    for name in corpora:
        for doc in load(CORPORA[name]):
            held = any(label["severity"] == "block" for label in doc["expected"])
            rows.append((Doc(as_submitted(doc)).low, held))
    return rows


def fit(rows: list[tuple[str, bool]]):
    """The fitted (vectoriser, logistic regression)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectoriser = TfidfVectorizer(analyzer="char_wb", ngram_range=NGRAMS, min_df=2,
                                 sublinear_tf=True)
    x = vectoriser.fit_transform([text for text, _ in rows])
    model = LogisticRegression(C=4.0, max_iter=5000, class_weight="balanced")
    model.fit(x, [held for _, held in rows])
    return vectoriser, model


def export(vectoriser, model, documents: int) -> bytes:
    """The model file's bytes (gzip of JSON, n-grams in sorted order, no timestamp)."""
    coef = model.coef_[0]
    features = sorted((gram, round(float(vectoriser.idf_[i]), 12), round(float(coef[i]), 12))
                      for gram, i in vectoriser.vocabulary_.items())
    data = {"ngrams": list(NGRAMS), "documents": documents,
            "intercept": round(float(model.intercept_[0]), 12), "features": features}
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return gzip.compress(raw, compresslevel=9, mtime=0)


def main() -> None:
    rows = documents()
    vectoriser, model = fit(rows)
    MODEL.write_bytes(export(vectoriser, model, len(rows)))
    held = sum(h for _, h in rows)
    print(f"documents={len(rows)} held={held} features={len(vectoriser.vocabulary_)} "
          f"bytes={MODEL.stat().st_size}")


if __name__ == "__main__":
    main()

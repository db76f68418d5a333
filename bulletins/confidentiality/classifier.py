"""Classifiers for what the rules do not recognise (#15): the models and their scoring.

The rules (concepts + specificity) find what they can name. Bulletins written by people the
rules were never shown still carry secrets in words no rule knows. Classifiers trained on
the independently written corpus (tests/corpus/independent/train*.json) and on ordinary
public bulletins (tests/corpus/ordinary/nb.json) read the text for the resemblance:

- the *document* model reads the whole bulletin: TF-IDF over character n-grams (2-5, within
  words, as scikit-learn's "char_wb"), labelled "must be held" or not;
- the *sentence* model reads each sentence: TF-IDF over words and word pairs, labelled by
  whether a writer marked a state secret or a sensitive personal fact in it. It finds the one
  careless sentence in a long ordinary bulletin, and it is what the finding marks;
- the *kind* model reads a sentence the others mark: a writer's sensitive personal fact, or a
  state secret.

The first two's mean is the confidence. How the scanner uses them is looks.py. All three are
logistic regressions fitted by ``tools/train_classifier.py`` (``make classifier``), shipped
as ``classifier.json.gz`` (each feature's idf and weight) and scored here in plain Python:
the product needs no scikit-learn.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter
from pathlib import Path

MODEL = Path(__file__).with_name("classifier.json.gz")
NGRAMS = (2, 5)
#: the sentence model's word n-grams, and what it counts as a word (scikit-learn's pattern
#: with one-letter words kept: "ở", "ý" are Vietnamese words)
WORD_NGRAMS = (1, 2)
WORD_PATTERN = r"(?u)\b\w+\b"
#: a bulletin's length; a longer text is judged by its beginning (the rules read it all)
LIMIT = 20_000
#: a sentence the sentence model reads has at least this many words (as in its training)
SENTENCE_WORDS = 3
KIND = "state_secret_topic"
_SPACES = re.compile(r"\s\s+")
_SENTENCE = re.compile(r"[^.!?;\n]+")
_WORD = re.compile(WORD_PATTERN)
Weights = dict[str, tuple[float, float]]
_models: dict | None = None


def _load() -> dict:
    """Both models' weights and intercepts, and the number of training bulletins (once)."""
    global _models
    if _models is None:
        data = json.loads(gzip.decompress(MODEL.read_bytes()))
        _models = {"documents": int(data["documents"])}
        for name in ("document", "sentence", "kind"):
            part = data[name]
            weights = {g: (idf, coef) for g, idf, coef in part["features"]}
            _models[name] = (weights, float(part["intercept"]))
    return _models


def training_documents() -> int:
    """How many bulletins the shipped models learnt from."""
    return _load()["documents"]


def ngrams(low: str) -> Counter[str]:
    """The character n-grams of each word padded with spaces, exactly as scikit-learn's
    "char_wb" analyser counts them (a word shorter than n counts once, whole)."""
    grams: list[str] = []
    add = grams.append
    lo, hi = NGRAMS
    for word in _SPACES.sub(" ", low).split():
        w = f" {word} "
        size = len(w)
        for n in range(lo, hi + 1):
            add(w[:n])
            for i in range(1, size - n + 1):
                add(w[i:i + n])
            if size <= n:
                break
    return Counter(grams)


def words(low: str) -> Counter[str]:
    """The words and word pairs of a text, as scikit-learn's "word" analyser counts them."""
    tokens = _WORD.findall(low)
    grams = list(tokens)
    grams += [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]
    return Counter(grams)


def sentences(low: str) -> list[tuple[int, int]]:
    """The spans of the sentences the sentence model reads (training and scoring alike)."""
    return [m.span() for m in _SENTENCE.finditer(low)
            if len(m.group().split(None, SENTENCE_WORDS)) >= SENTENCE_WORDS]


def _logistic(counts: Counter[str], model: tuple[Weights, float]) -> float:
    """The probability a logistic regression gives a sublinear, l2-normalised TF-IDF vector."""
    weights, intercept = model
    dot = norm = 0.0
    for gram, count in counts.items():
        known = weights.get(gram)
        if known is not None:
            value = (1.0 + math.log(count)) * known[0]
            norm += value * value
            dot += value * known[1]
    z = intercept + (dot / math.sqrt(norm) if norm else 0.0)
    return 1.0 / (1.0 + math.exp(-z))


def document_probability(low: str) -> float:
    """How much the lower-cased text as a whole resembles a bulletin that must be held."""
    return _logistic(ngrams(low[:LIMIT]), _load()["document"])


def sentence_probabilities(low: str) -> list[tuple[float, int, int]]:
    """(probability the sentence carries a secret, start, end) for each sentence read."""
    model = _load()["sentence"]
    low = low[:LIMIT]
    return [(_logistic(words(low[s:e]), model), s, e) for s, e in sentences(low)]


Scored = list[tuple[float, int, int]]


def personal_probability(sentence: str) -> float:
    """How much a lower-cased sentence that carries a secret resembles a writer's sensitive
    personal fact rather than a state secret (the kind model)."""
    return _logistic(words(sentence[:LIMIT]), _load()["kind"])


def kind(sentence: str) -> str:
    """The kind of finding the lower-cased sentence most resembles: a sensitive personal fact
    ("sensitive_personal") or a state secret (KIND)."""
    return "sensitive_personal" if personal_probability(sentence) > 0.5 else KIND


def confidence(low: str, scored: Scored) -> tuple[float, int, int]:
    """(confidence, span of the likeliest sentence): the mean of the document model's
    probability and the likeliest sentence's."""
    best, s, e = max(scored, default=(0.0, 0, len(low)))
    return (document_probability(low) + best) / 2, s, e


def probability(low: str) -> float:
    """The confidence (0 to 1) the classifiers have that the text must be held."""
    return confidence(low, sentence_probabilities(low))[0]

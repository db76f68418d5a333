"""A second look: a document classifier for what the rules do not recognise (#15).

The rules (concepts + specificity) find what they can name. Bulletins written by people the
rules were never shown still carry secrets in words no rule knows. A classifier trained on the
independently written corpus (tests/corpus/independent/train*.json, every bulletin labelled
"must be held" or not) and on ordinary public bulletins (tests/corpus/ordinary/nb.json) reads
the whole text for the resemblance. It only ever adds: when no rule holds a text and the
classifier is confident, it holds it with a finding that says so, names its confidence, and
marks the sentence it finds most like a held bulletin. It never lifts a rule's block.

The model is TF-IDF over character n-grams (2-5, within words, as scikit-learn's "char_wb")
and logistic regression, fitted by ``tools/train_classifier.py`` (``make classifier``) and
shipped as ``classifier.json.gz``: for each n-gram its idf and weight. Scoring here is plain
Python over the same arithmetic, so the product needs no scikit-learn.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter
from pathlib import Path

from bulletins.confidentiality.text import SEVERITY_BLOCK, Doc, Hit

MODEL = Path(__file__).with_name("classifier.json.gz")
NGRAMS = (2, 5)
#: hold when the probability is above this; chosen on texts the model had not seen: train4's
#: writers and the first corpus's ordinary bulletins, scored by a model fitted on train,
#: train2, train3 and ordinary bulletins (tests/corpus/independent/README.md)
THRESHOLD = 0.75
#: a bulletin's length; a longer text is judged by its beginning (the rules read it all)
LIMIT = 20_000
#: the model learnt from bulletins of 40 words or more: a shorter text (a title, a line, a
#: reviewer's test sentence) is outside what it knows, and left to the rules
MIN_WORDS = 40
KIND = "state_secret_topic"
#: the sentence marked is the likeliest of those this long (a heading says little alone)
SENTENCE_WORDS = 8
_SPACES = re.compile(r"\s\s+")
_SENTENCE = re.compile(r"[^.!?;\n]+")
_model: tuple[dict[str, tuple[float, float]], float, int] | None = None


def _load() -> tuple[dict[str, tuple[float, float]], float, int]:
    """The n-gram weights, the intercept and the number of training bulletins (once)."""
    global _model
    if _model is None:
        data = json.loads(gzip.decompress(MODEL.read_bytes()))
        weights = {g: (idf, coef) for g, idf, coef in data["features"]}
        _model = (weights, float(data["intercept"]), int(data["documents"]))
    return _model


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


def _score(low: str) -> tuple[float, float]:
    """(dot product with the weights, norm) of the text's TF-IDF vector, before normalising."""
    weights = _load()[0]
    dot = norm = 0.0
    for gram, count in ngrams(low).items():
        known = weights.get(gram)
        if known is not None:
            value = (1.0 + math.log(count)) * known[0]
            norm += value * value
            dot += value * known[1]
    return dot, math.sqrt(norm)


def probability(low: str) -> float:
    """How much the lower-cased text resembles a bulletin that must be held (0 to 1)."""
    dot, norm = _score(low[:LIMIT])
    z = _load()[1] + (dot / norm if norm else 0.0)
    return 1.0 / (1.0 + math.exp(-z))


def second_look(doc: Doc) -> Hit | None:
    """A blocking finding when the classifier is confident, over the likeliest sentence."""
    low = doc.low[:LIMIT]
    if len(low.split(None, MIN_WORDS)) < MIN_WORDS:
        return None
    p = probability(low)
    if p <= THRESHOLD:
        return None
    sentences = [m.span() for m in _SENTENCE.finditer(low)
                 if len(low[m.start():m.end()].split()) >= SENTENCE_WORDS]
    # the sentence that weighs most towards holding: its n-grams' pull, unnormalised
    s, e = max(sentences, key=lambda span: _score(low[span[0]:span[1]])[0],
               default=(0, len(low)))
    while s < e and low[s].isspace():
        s += 1
    if e <= s:
        return None
    n = _load()[2]
    reason = (f"Bộ phân loại (học từ {n} bản tin mẫu do người viết độc lập soạn) thấy văn bản "
              f"giống những bản tin phải giữ lại, độ tin cậy {p:.0%}; các quy tắc không nêu "
              "được nội dung cụ thể. Câu được đánh dấu là câu giống nhất: đọc kỹ cả bài "
              "(Luật BVBMNN 2018, Điều 7; Nghị định 13/2023/NĐ-CP, Điều 2 khoản 4)")
    return (KIND, s, e, SEVERITY_BLOCK, reason)

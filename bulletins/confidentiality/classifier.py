"""A second look: two classifiers for what the rules do not recognise (#15).

The rules (concepts + specificity) find what they can name. Bulletins written by people the
rules were never shown still carry secrets in words no rule knows. Two classifiers trained on
the independently written corpus (tests/corpus/independent/train*.json) and on ordinary
public bulletins (tests/corpus/ordinary/nb.json) read the text for the resemblance:

- the *document* model reads the whole bulletin: TF-IDF over character n-grams (2-5, within
  words, as scikit-learn's "char_wb"), labelled "must be held" or not;
- the *sentence* model reads each sentence: TF-IDF over words and word pairs, labelled by
  whether a writer marked a state secret or a sensitive personal fact in it. It finds the one
  careless sentence in a long ordinary bulletin, and it is what the finding marks.

Their mean is the confidence, and it is used three ways (scanner.py), each with a reason that
says so and names the confidence:
- *second look*: when no rule holds a text and the confidence is above THRESHOLD, it holds it
  and marks the likeliest sentence;
- *reconsider*: when the rules hold a text on meaning alone (a state secret or a sensitive
  personal fact read from words — never a stamp, a number or an admin's keyword) and the
  confidence is below CLEAR, the hold becomes a warning: the finding stays for the reviewer;
- *also look*: in a held text, other sentences likelier than ALSO get a warning.
The three figures were chosen on bulletins of writers neither the models nor the rules had
seen (tests/corpus/independent/README.md).

Both are logistic regressions fitted by ``tools/train_classifier.py`` (``make classifier``)
and shipped as ``classifier.json.gz``: for each feature its idf and weight. Scoring here is
plain Python over the same arithmetic, so the product needs no scikit-learn.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter
from pathlib import Path

from bulletins.confidentiality.text import SEVERITY_BLOCK, SEVERITY_WARN, Doc, Hit

MODEL = Path(__file__).with_name("classifier.json.gz")
NGRAMS = (2, 5)
#: the sentence model's word n-grams, and what it counts as a word (scikit-learn's pattern
#: with one-letter words kept: "ở", "ý" are Vietnamese words)
WORD_NGRAMS = (1, 2)
WORD_PATTERN = r"(?u)\b\w+\b"
#: hold when the confidence is above this; chosen on bulletins neither the models nor the
#: rules had seen (tests/corpus/independent/README.md)
THRESHOLD = 0.7
#: a bulletin's length; a longer text is judged by its beginning (the rules read it all)
LIMIT = 20_000
#: the models learnt from bulletins of 40 words or more: a shorter text (a title, a line, a
#: reviewer's test sentence) is outside what they know, and left to the rules
MIN_WORDS = 40
#: a sentence the sentence model reads has at least this many words (as in its training)
SENTENCE_WORDS = 3
KIND = "state_secret_topic"
#: a rule's hold that rests only on meaning (these kinds; never a stamp, a number or an
#: admin's keyword) is lowered to a warning when the classifiers' confidence is below this:
#: the finding stays for the reviewer, its reason says why (chosen on bulletins neither the
#: models nor the rules had seen, tests/corpus/independent/README.md)
CLEAR = 0.3
MEANING = ("state_secret_topic", "sensitive_personal")
#: in a bulletin that is held, another sentence this likely to carry a secret is pointed out
#: too, as a warning (a hint where else to look; the hold is already there)
ALSO = 0.9
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
        for name in ("document", "sentence"):
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


def probability(low: str) -> float:
    """The confidence (0 to 1): the mean of the document model's probability and the
    likeliest sentence's."""
    best = max(sentence_probabilities(low), default=(0.0, 0, 0))[0]
    return (document_probability(low) + best) / 2


def second_look(doc: Doc) -> Hit | None:
    """A blocking finding when the classifiers are confident, over the likeliest sentence."""
    low = doc.low[:LIMIT]
    if len(low.split(None, MIN_WORDS)) < MIN_WORDS:
        return None
    scored = sentence_probabilities(low)
    best, s, e = max(scored, default=(0.0, 0, len(low)))
    p = (document_probability(low) + best) / 2
    if p <= THRESHOLD:
        return None
    while s < e and low[s].isspace():
        s += 1
    while e > s and low[e - 1].isspace():
        e -= 1
    if e <= s:
        return None
    n = training_documents()
    reason = (f"Bộ phân loại (học từ {n} bản tin mẫu do người viết độc lập soạn) thấy văn bản "
              f"giống những bản tin phải giữ lại, độ tin cậy {p:.0%}; các quy tắc không nêu "
              "được nội dung cụ thể. Câu được đánh dấu là câu giống nhất: đọc kỹ cả bài "
              "(Luật BVBMNN 2018, Điều 7; Nghị định 356/2025/NĐ-CP, Điều 4)")
    return (KIND, s, e, SEVERITY_BLOCK, reason)


def reconsider(doc: Doc, hits: list[Hit]) -> list[Hit]:
    """The rules' hits, with a hold that rests only on meaning lowered to a warning when the
    classifiers find the bulletin plainly ordinary; otherwise the hits unchanged."""
    blocks = [hit for hit in hits if hit[3] == SEVERITY_BLOCK]
    if not blocks or any(hit[0] not in MEANING for hit in blocks):
        return hits
    low = doc.low
    if len(low) > LIMIT or len(low.split(None, MIN_WORDS)) < MIN_WORDS:
        return hits  # a text longer than what the classifiers read keeps every hold
    p = probability(low)
    if p >= CLEAR:
        return hits
    note = (f" — hạ xuống cảnh báo: bộ phân loại thấy cả bài giống bản tin công khai thông "
            f"thường (độ tin cậy giữ lại {p:.0%}); người duyệt vẫn đọc kỹ câu này")
    return [(kind, s, e, SEVERITY_WARN, why + note) if severity == SEVERITY_BLOCK
            else (kind, s, e, severity, why) for kind, s, e, severity, why in hits]


def also_look(doc: Doc, hits: list[Hit]) -> list[Hit]:
    """Warnings on the other sentences of a held bulletin that the sentence model finds as
    likely to carry a secret as ALSO, where no finding is yet (in a text the classifiers read
    whole)."""
    low = doc.low
    if len(low) > LIMIT or len(low.split(None, MIN_WORDS)) < MIN_WORDS:
        return []
    taken = [(hit[1], hit[2]) for hit in hits]
    out: list[Hit] = []
    for p, s, e in sentence_probabilities(low):
        if p > ALSO and not any(a < e and s < b for a, b in taken):
            while s < e and low[s].isspace():
                s += 1
            reason = (f"Câu này cũng giống câu chứa bí mật nhà nước hoặc dữ liệu cá nhân nhạy "
                      f"cảm trong các bản tin mẫu (độ tin cậy {p:.0%}); bản tin đã bị giữ lại, "
                      "đọc kỹ cả câu này (Luật BVBMNN 2018, Điều 7; Nghị định 356/2025/NĐ-CP, "
                      "Điều 4)")
            out.append((KIND, s, e, SEVERITY_WARN, reason))
    return out

"""A second look: classifiers for what the rules do not recognise (#15).

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
  state secret. It names the kind of the classifiers' own findings.

The first two's mean is the confidence; review() uses it four ways after the rules
(scanner.py), scoring the sentences once, each with a reason that says so and names the confidence:
- *second look*: when no rule holds a text and the confidence is above THRESHOLD, it holds it
  and marks the likeliest sentence;
- *reconsider*: when the rules hold a text on meaning alone (a state secret or a sensitive
  personal fact read from words — never a stamp, a number or an admin's keyword) and the
  confidence is below CLEAR, the hold becomes a warning: the finding stays for the reviewer;
- *also look*: in a held text, other sentences likelier than ALSO get a warning;
- *leave out*: a rule's finding on meaning alone whose sentences the sentence model finds as
  ordinary as CLEAR is left out, unless it is what holds the text (a bulletin held on such
  a sentence alone stays held): the reviewer's marks go where the secrets are.
The figures were chosen on bulletins of writers neither the models nor the rules had
seen (tests/corpus/independent/README.md). All three are logistic regressions fitted by
``tools/train_classifier.py`` (``make classifier``), shipped as ``classifier.json.gz`` (each
feature's idf and weight) and scored here in plain Python: the product needs no scikit-learn.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter
from pathlib import Path

from bulletins.confidentiality.concepts.basis import LAW, ND356
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
#: what a classifier's finding cites: the fields of state secrets, the sensitive personal data
BASIS = f"{LAW}; {ND356}, Điều 4"
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


def kind(sentence: str) -> str:
    """The kind of finding the lower-cased sentence most resembles: a sensitive personal fact
    ("sensitive_personal") or a state secret (KIND)."""
    sensitive = _logistic(words(sentence[:LIMIT]), _load()["kind"]) > 0.5
    return "sensitive_personal" if sensitive else KIND


def _confidence(low: str, scored: Scored) -> tuple[float, int, int]:
    """(confidence, span of the likeliest sentence): the mean of the document model's
    probability and the likeliest sentence's."""
    best, s, e = max(scored, default=(0.0, 0, len(low)))
    return (document_probability(low) + best) / 2, s, e


def probability(low: str) -> float:
    """The confidence (0 to 1) the classifiers have that the text must be held."""
    return _confidence(low, sentence_probabilities(low))[0]


def _long_enough(low: str) -> bool:
    """True for a text of MIN_WORDS words or more: what the models learnt from."""
    return len(low.split(None, MIN_WORDS)) >= MIN_WORDS


def _trim(low: str, s: int, e: int) -> tuple[int, int]:
    """The span without the spaces at its ends."""
    while s < e and low[s].isspace():
        s += 1
    while e > s and low[e - 1].isspace():
        e -= 1
    return s, e


def review(doc: Doc, hits: list[Hit]) -> list[Hit]:
    """The rules' hits after the classifiers' three uses: a second look where no rule holds,
    a hold on meaning alone reconsidered, pointers to the other likely sentences of a held
    text. A text longer than LIMIT is judged by its beginning where nothing holds it; it keeps
    every hold and gets no pointers (the classifiers did not read it all)."""
    low = doc.low[:LIMIT]
    if not _long_enough(low):
        return hits
    whole = len(doc.low) <= LIMIT
    blocks = [hit for hit in hits if hit[3] == SEVERITY_BLOCK]
    if not blocks:
        found = _second_look(low, sentence_probabilities(low))
        if found is None:
            return hits
        hits = [*hits, found[0]]
        scored = found[1]
    elif not whole:
        return hits
    else:
        scored = sentence_probabilities(low)
        hits = _reconsider(low, scored, hits, blocks)
    if whole:
        hits = _leave_out(scored, hits)
    if whole and any(hit[3] == SEVERITY_BLOCK for hit in hits):
        hits = hits + _also_look(low, scored, hits)
    return hits


def second_look(doc: Doc) -> Hit | None:
    """The second look's finding on a text, whatever the rules say of it (for its checks)."""
    low = doc.low[:LIMIT]
    found = _long_enough(low) and _second_look(low, sentence_probabilities(low))
    return found[0] if found else None


def _second_look(low: str, scored: Scored) -> tuple[Hit, Scored] | None:
    """A blocking finding when the classifiers are confident, over the likeliest sentence."""
    p, s, e = _confidence(low, scored)
    if p <= THRESHOLD:
        return None
    s, e = _trim(low, s, e)
    if e <= s:
        return None
    n = training_documents()
    reason = (f"Bộ phân loại (học từ {n} bản tin mẫu do người viết độc lập soạn) thấy văn bản "
              f"giống những bản tin phải giữ lại, độ tin cậy {p:.0%}; các quy tắc không nêu "
              f"được nội dung cụ thể. Câu được đánh dấu là câu giống nhất: đọc kỹ cả bài "
              f"({BASIS})")
    return (kind(low[s:e]), s, e, SEVERITY_BLOCK, reason), scored


def _reconsider(low: str, scored: Scored, hits: list[Hit], blocks: list[Hit]) -> list[Hit]:
    """The rules' hits, with a hold that rests only on meaning lowered to a warning when the
    classifiers find the bulletin plainly ordinary; otherwise the hits unchanged."""
    if any(hit[0] not in MEANING for hit in blocks):
        return hits
    p = _confidence(low, scored)[0]
    if p >= CLEAR:
        return hits
    note = (f" — hạ xuống cảnh báo: bộ phân loại thấy cả bài giống bản tin công khai thông "
            f"thường (độ tin cậy giữ lại {p:.0%}); người duyệt vẫn đọc kỹ câu này")
    return [(kind, s, e, SEVERITY_WARN, why + note) if severity == SEVERITY_BLOCK
            else (kind, s, e, severity, why) for kind, s, e, severity, why in hits]


def _sentence_probability(scored: Scored, hit: Hit) -> float:
    """The likeliest of the sentences the hit touches (1.0 where it touches none the model
    reads: too short to judge); for a personal fact, the sentence before counts too, where
    its person is often named ("... đối tượng Nguyễn Văn H. ... Đối tượng có 1 tiền sự")."""
    touched = [i for i, (_, a, b) in enumerate(scored) if a < hit[2] and hit[1] < b]
    if not touched:
        return 1.0
    if hit[0] == "sensitive_personal" and touched[0]:
        touched.append(touched[0] - 1)
    return max(scored[i][0] for i in touched)


def _leave_out(scored: Scored, hits: list[Hit]) -> list[Hit]:
    """The hits without the rules' findings on meaning alone whose sentences the sentence
    model finds ordinary (below CLEAR), except a hold that nothing else would make. Chosen
    on batches the rules' editors never read, with models that had not seen them
    (tests/corpus/independent/README.md). The second look's own sentence is never below
    CLEAR: its confidence above THRESHOLD means the sentence is above 2 * THRESHOLD - 1."""
    ordinary = [hit[0] in MEANING and _sentence_probability(scored, hit) < CLEAR
                for hit in hits]
    if not any(ordinary):
        return hits
    keep = [hit for hit, out in zip(hits, ordinary, strict=True) if not out]
    if any(hit[3] == SEVERITY_BLOCK for hit in hits) and not any(
            hit[3] == SEVERITY_BLOCK for hit in keep):
        keep = [hit for hit, out in zip(hits, ordinary, strict=True)
                if not out or hit[3] == SEVERITY_BLOCK]
    return keep


def _also_look(low: str, scored: Scored, hits: list[Hit]) -> list[Hit]:
    """Warnings on the other sentences of a held bulletin that the sentence model finds as
    likely to carry a secret as ALSO, where no finding is yet."""
    taken = [(hit[1], hit[2]) for hit in hits]
    out: list[Hit] = []
    for p, s, e in scored:
        if p > ALSO and not any(a < e and s < b for a, b in taken):
            s = _trim(low, s, e)[0]
            reason = (f"Câu này cũng giống câu chứa bí mật nhà nước hoặc dữ liệu cá nhân nhạy "
                      f"cảm trong các bản tin mẫu (độ tin cậy {p:.0%}); bản tin đã bị giữ lại, "
                      f"đọc kỹ cả câu này ({BASIS})")
            out.append((kind(low[s:e]), s, e, SEVERITY_WARN, reason))
    return out

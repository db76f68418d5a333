"""What the classifiers (classifier.py) do with a text after the rules (#15).

review() scores a text's sentences once and uses the confidence four ways, each finding with
a reason that says so and names the confidence:
- *second look*: when no rule holds a text and the confidence is above THRESHOLD, it holds it
  and marks the likeliest sentence;
- *reconsider*: when the rules hold a text on meaning alone (a state secret or a sensitive
  personal fact read from words — never a stamp, a number or an admin's keyword) and the
  confidence is below CLEAR, the hold becomes a warning: the finding stays for the reviewer;
- *leave out*: a rule's finding on meaning alone whose sentences the sentence model finds as
  ordinary as CLEAR is left out, unless it is what holds the text (a bulletin held on such
  a sentence alone stays held): the reviewer's marks go where the secrets are;
- *also look*: in a held text, other sentences likelier than ALSO get a warning.
The kind model names the kind of their own findings, and where a rule's state secret is
said of a person's sensitive fact (likelier than PERSONAL), adds that finding beside it, or
in its place when the kind model is surer (ONLY_PERSONAL).
The figures were chosen on bulletins of writers neither the models nor the rules had seen
(tests/corpus/independent/README.md).
"""

from __future__ import annotations

from bulletins.confidentiality.classifier import (
    KIND,
    LIMIT,
    Scored,
    confidence,
    kind,
    personal_probability,
    sentence_probabilities,
    training_documents,
)
from bulletins.confidentiality.concepts.basis import LAW, ND356
from bulletins.confidentiality.concepts.rosters import LIST_REASONS
from bulletins.confidentiality.personal import person_in
from bulletins.confidentiality.text import SEVERITY_BLOCK, SEVERITY_WARN, Doc, Hit, sentence

#: hold when the confidence is above this; chosen on bulletins neither the models nor the
#: rules had seen (tests/corpus/independent/README.md)
THRESHOLD = 0.7
#: the models learnt from bulletins of 40 words or more: a shorter text (a title, a line, a
#: reviewer's test sentence) is outside what they know, and left to the rules
MIN_WORDS = 40
#: a rule's hold that rests only on meaning (these kinds; never a stamp, a number or an
#: admin's keyword) is lowered to a warning when the classifiers' confidence is below this:
#: the finding stays for the reviewer, its reason says why (chosen on bulletins neither the
#: models nor the rules had seen, tests/corpus/independent/README.md); a rule's finding on
#: meaning in a sentence below this is left out (_leave_out)
CLEAR = 0.3
MEANING = ("state_secret_topic", "sensitive_personal")
#: in a bulletin that is held, another sentence this likely to carry a secret is pointed out
#: too, as a warning (a hint where else to look; the hold is already there). The lowest bar
#: whose precision per kind stays above 0.91 leave-one-batch-out on the 13 training batches
#: (0.90: state secrets 0.942 / 0.928; 0.85: 0.950 / 0.914; 0.80: 0.954 / 0.901)
ALSO = 0.85
#: a rule's state secret whose sentence names a person that the kind model finds this likely
#: to be a person's sensitive fact is that too (chosen leave-one-batch-out on the training
#: batches: on the unread ones recall +0.012, precision +0.004; the corpus README) ...
PERSONAL = 0.7
#: ... and above this, that alone: the writers mark such sentences as the person's fact, and
#: the rule's reading stays in the reason (leave-one-batch-out on 11 batches, state-secret
#: precision 0.924 -> 0.928, no mark lost; at PERSONAL, 0.930, but a covert watch on a
#: named person's phone, which the kind model puts at 0.71, would lose its state secret)
ONLY_PERSONAL = 0.9
#: what a classifier's finding cites: the fields of state secrets, the sensitive personal data
BASIS = f"{LAW}; {ND356}, Điều 4"


def _long_enough(low: str) -> bool:
    """True for a text of MIN_WORDS words or more: what the models learnt from."""
    return len(low.split(None, MIN_WORDS)) >= MIN_WORDS


def _trim(low: str, s: int, e: int) -> tuple[int, int]:
    """The span without the spaces at its ends, run on to its sentence's end where the model's
    split cut it at a dot inside a number or a name ("giá bán nước 21.000 đồng", "ĐT.286")."""
    if e < len(low) - 1 and low[e] == "." and not low[e + 1].isspace():
        e = sentence(low, s, e)[1]
        while e > s and low[e - 1] in ".;":
            e -= 1
    while s < e and low[s].isspace():
        s += 1
    while e > s and low[e - 1].isspace():
        e -= 1
    return s, e


def review(doc: Doc, hits: list[Hit]) -> list[Hit]:
    """The rules' hits after the classifiers' uses: a second look where no rule holds, a hold
    on meaning alone reconsidered, the rules' marks on ordinary sentences left out, a
    person's fact named in a state secret said of a person, pointers to the other likely
    sentences of a held text. A text longer than LIMIT is judged by its beginning where
    nothing holds it; it keeps every hit and gets no pointers (the classifiers did not read
    it all)."""
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
        hits = _personal(doc, scored, _leave_out(scored, hits))
        if any(hit[3] == SEVERITY_BLOCK for hit in hits):
            hits = hits + _also_look(low, scored, hits)
    return hits


def second_look(doc: Doc) -> Hit | None:
    """The second look's finding on a text, whatever the rules say of it (for its checks)."""
    low = doc.low[:LIMIT]
    found = _long_enough(low) and _second_look(low, sentence_probabilities(low))
    return found[0] if found else None


def _second_look(low: str, scored: Scored) -> tuple[Hit, Scored] | None:
    """A blocking finding when the classifiers are confident, over the likeliest sentence."""
    p, s, e = confidence(low, scored)
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
    p = confidence(low, scored)[0]
    if p >= CLEAR:
        return hits
    note = (f" — hạ xuống cảnh báo: bộ phân loại thấy cả bài giống bản tin công khai thông "
            f"thường (độ tin cậy giữ lại {p:.0%}); người duyệt vẫn đọc kỹ câu này")
    return [(kind, s, e, SEVERITY_WARN, why + note) if severity == SEVERITY_BLOCK
            else (kind, s, e, severity, why) for kind, s, e, severity, why in hits]


def _touched(scored: Scored, hit: Hit) -> list[int]:
    """The indices of the scored sentences the hit's span touches."""
    return [i for i, (_, a, b) in enumerate(scored) if a < hit[2] and hit[1] < b]


def _sentence_probability(scored: Scored, hit: Hit) -> float:
    """The likeliest of the sentences the hit touches (1.0 where it touches none the model
    reads: too short to judge); for a personal fact, the sentence before counts too, where
    its person is often named ("... đối tượng Nguyễn Văn H. ... Đối tượng có 1 tiền sự")."""
    touched = _touched(scored, hit)
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
    ordinary = [hit[0] in MEANING and hit[4] not in LIST_REASONS
                and _sentence_probability(scored, hit) < CLEAR for hit in hits]
    if not any(ordinary):
        return hits
    # where only ordinary sentences hold the text, their holds stay (their warnings do not)
    holds = not any(hit[3] == SEVERITY_BLOCK
                    for hit, out in zip(hits, ordinary, strict=True) if not out)
    return [hit for hit, out in zip(hits, ordinary, strict=True)
            if not out or holds and hit[3] == SEVERITY_BLOCK]


def _personal(doc: Doc, scored: Scored, hits: list[Hit]) -> list[Hit]:
    """The hits, with a person's sensitive fact found in each state secret said in sentences
    that name a person and that the kind model finds such a fact: beside the secret above
    PERSONAL (a suspect's illness, a believer named in a list of aid households), in its
    place above ONLY_PERSONAL, its reason keeping what the rule read (a militia recruit's
    faith read as a plan of forces). "12 hộ theo đạo Tin Lành" names nobody."""
    known: dict[int, float] = {}  # by sentence: each judged once

    def persons_fact(i: int) -> float:
        if i not in known:
            _, a, b = scored[i]
            known[i] = personal_probability(doc.low[a:b]) if person_in(doc, a, b) else 0.0
        return known[i]

    out = []
    for hit in hits:
        p = max(map(persons_fact, _touched(scored, hit)), default=0.0) if hit[0] == KIND else 0
        if p <= PERSONAL:
            out.append(hit)
            continue
        reason = (f"Dữ liệu cá nhân nhạy cảm: câu này nói về một người cụ thể, giống các câu "
                  f"chứa dữ liệu cá nhân nhạy cảm trong bản tin mẫu (bộ phân loại, độ tin cậy "
                  f"{p:.0%}; {ND356}, Điều 4)")
        if p > ONLY_PERSONAL:
            out.append(("sensitive_personal", hit[1], hit[2], hit[3],
                        f"{reason}. Quy tắc đọc thấy: {hit[4]}"))
        else:
            out += [hit, ("sensitive_personal", hit[1], hit[2], hit[3],
                          f"{reason}; xem thêm phát hiện bí mật nhà nước cùng chỗ")]
    return out


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

"""Concept + specificity: one pass over the text for the concepts' cue words, then each
sentence holding a cue is judged once — is a concept there with the detail it needs, and no
public framing? A finding spans the sentence it was judged in (to the end of an enumeration),
and its reason names the concept, the detail and the legal basis.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable

from bulletins.confidentiality import phrases as R
from bulletins.confidentiality.concepts import defence, security, society, state
from bulletins.confidentiality.concepts.basis import Concept
from bulletins.confidentiality.concepts.framings import PUBLIC, announces, title_end
from bulletins.confidentiality.concepts.specifics import Facts
from bulletins.confidentiality.text import SEVERITY_BLOCK, Doc, Hit, any_of

KIND = "state_secret_topic"
CONCEPTS: tuple[Concept, ...] = (*defence.CONCEPTS, *security.CONCEPTS, *society.CONCEPTS,
                                 *state.CONCEPTS, *security.BACKSTOPS)
_RANK = {c.key: i for i, c in enumerate(CONCEPTS)}
CUES: dict[str, tuple[Concept, ...]] = {}
for _c in CONCEPTS:
    for _cue in _c.cues:
        CUES[_cue] = (*CUES.get(_cue, ()), _c)


def _redundant(cue: str) -> bool:
    """True when a shorter cue of the same concepts lies inside cue as whole words."""
    keys = {c.key for c in CUES[cue]}
    return any(other != cue and other in cue and keys <= {c.key for c in CUES[other]}
               and re.search(r"(?<!\w)" + re.escape(other) + r"(?!\w)", cue)
               for other in CUES)


# the cues the text is searched for: a longer cue adds nothing to a shorter one inside it
PASS_CUES = frozenset(cue for cue in CUES if not _redundant(cue))
CUE_RE = re.compile(R.trie_regex(PASS_CUES))
_UNLESS = {c.key: any_of(c.unless) for c in CONCEPTS if c.unless}
# the cheap kinds of an alternative are checked first: numbers, then words, then names
_COST = {"count": 0, "wcount": 0, "amount": 0, "freq": 0, "time": 1, "person": 3,
         "place": 3, "named": 3, "list": 3}
_NEEDS = {c.key: [sorted(alt.split("+"), key=lambda k: _COST.get(k, 2)) for alt in c.needs]
          for c in CONCEPTS}
_TRIM = " \t\r\n,;:.!?–-("  # quotes stay: a sentence may end on a quoted password
# topic phrases (secrets.topic) that only mark a matter as sensitive: a concept found in the same
# sentence says more, and its reason replaces theirs
MARKERS = frozenset(("chưa công bố", "quân số", "phương án nhân sự", "phương án tác chiến",
                     "kế hoạch tác chiến", "nhân sự dự kiến", "dự kiến nhân sự"))
# concepts that yield to a person's sensitive data in their sentence: what is kept unpublished,
# or a sum of support withheld, is then that person's record or debt, found as such
_YIELDS = tuple(c.reason([])[:40] for c in (state.UNPUBLISHED, state.PRICES))
# how far a sentence may run on either side of a cue (long reports run on)
_REACH = 500
# framings read from a document's title: a wanted notice, a storm bulletin
DOC_FRAMINGS = ("notice", "storm", "election", "mediation")


def _judge(doc: Doc, a: int, b: int, cues: list[tuple[int, int, str]],
           public: dict[str, bool]) -> tuple[Concept, list[str], Facts] | None:
    """The first concept of the sentence [a, b) with its detail and no public framing.

    public holds the framings already known for the whole document (its title).
    """
    low = doc.low
    concepts = sorted({c.key: c for _, _, cue in cues for c in CUES[cue]}.values(),
                      key=lambda c: _RANK[c.key])
    facts = Facts(low, doc.clean, a, b)
    public = dict(public)
    for concept in concepts:
        used = next((kinds for kinds in _NEEDS[concept.key]
                     if kinds == ["alone"] or all(k in facts for k in kinds)), None)
        if used is None:
            continue
        unless = _UNLESS.get(concept.key)
        if unless is not None and unless.search(low, a, b):
            continue
        framed = False
        for group in concept.public:
            if not public.get(group):
                public[group] = PUBLIC[group].search(low, a, b) is not None
            framed = framed or public[group]
        if not framed:
            return concept, [k for k in used if k != "alone"], facts
    return None


# Verdicts by the sentence's text, its cues and the title's framings: a pure function of
# them. Revisions of a bulletin and bulletins made from a template repeat most sentences.
_MEMO: dict[tuple, tuple[int, int, str] | None] = {}
_MEMO_SIZE = 20_000


def _verdict(doc: Doc, a: int, b: int, cues: list[tuple[int, int, str]],
             title: dict[str, bool]) -> tuple[int, int, str] | None:
    """The finding of the sentence [a, b) as (start, end, reason), or None."""
    key = (doc.clean[a:b], tuple((s - a, e - a, c) for s, e, c in cues), *title.values())
    known = _MEMO.get(key, False)
    if known is not False:
        return known and (known[0] + a, known[1] + a, known[2])
    found = None
    judged = _judge(doc, a, b, cues, title)
    if judged:
        concept, used, facts = judged
        used += [kind for kind in facts.found() if kind not in used]
        # the whole sentence: writers and reviewers cut a secret by the clause that carries
        # it, which is often beside the cue ("..., trong đó 3 người đang được xác minh");
        # marks on the cue alone missed those clauses (the corpus README, session 8)
        start, end = a, b
        text = doc.clean[start:end]
        start += len(text) - len(text.lstrip(_TRIM))
        end -= len(text) - len(text.rstrip(_TRIM))
        if end > start:
            found = (start - a, end - a, concept.reason(used))
    if len(_MEMO) >= _MEMO_SIZE:
        _MEMO.clear()
    _MEMO[key] = found
    return found and (found[0] + a, found[1] + a, found[2])


def _title_framings(low: str) -> dict[str, bool]:
    """Framings of the whole document, read from its title."""
    end = title_end(low)
    framings = {group: PUBLIC[group].search(low, 0, end) is not None for group in DOC_FRAMINGS}
    framings["announced"] = announces(low)
    return framings


def nested(keys: Iterable[str], wanted: Callable[[str], bool], itself: bool = False
           ) -> dict[str, list[tuple[int, int, str]]]:
    """For each phrase, the wanted phrases inside it as whole words: (start, end, phrase),
    the phrase itself included when itself is true and it is wanted.

    One regex pass finds only the longest phrase at a place; the scanner replays these.
    """
    keys = list(keys)
    inside: dict[str, list[tuple[int, int, str]]] = {}
    for outer in keys:
        found = [(0, len(outer), outer)] if itself and wanted(outer) else []
        for key in keys:
            if key != outer and key in outer and wanted(key):
                found += [(*m.span(), key) for m in
                          re.finditer(r"(?<!\w)" + re.escape(key) + r"(?!\w)", outer)]
        if found:
            inside[outer] = sorted(found)
    return inside


def _found_cues(low: str) -> list[tuple[int, int, str]]:
    """The concepts' cue words of the text, when the scanner's pass did not collect them."""
    n, found = len(low), []
    for m in CUE_RE.finditer(low):
        s, e = m.span()
        if s and low[s - 1].isalnum() or e < n and low[e].isalnum():
            continue
        cue = m.group()
        found.append((s, e, cue if cue in CUES else " ".join(cue.split())))
    return found


# a list's item: "- ", "+ ", "• ", "1. ", "a) ", "Câu 2:" at the start of a line
_ITEM_RE = re.compile(r"[ \t]*(?:[-+•*–]|\d{1,2}[.)]|[a-zđ]\)|câu \d{1,2}\s*[:.])\s")


def _list_end(low: str, b: int) -> int:
    """A line that ends with ":" heads the list below it: the sentence runs to the list's end."""
    i = b - 1
    while i > 0 and low[i] in " \t":
        i -= 1
    if b >= len(low) or low[b] != "\n" or low[i] != ":":
        return b
    end = b
    while end < len(low) and low[end] == "\n" and _ITEM_RE.match(low, end + 1):
        nxt = low.find("\n", end + 1)
        end = nxt if nxt >= 0 else len(low)
    return end


def _cues(doc: Doc, found: list[tuple[int, int, str]], taken: list[tuple[int, int]]
          ) -> list[tuple[int, int, list]]:
    """The cue words outside phrases already found, grouped by sentence."""
    groups: list[tuple[int, int, list[tuple[int, int, str]]]] = []
    starts = [t[0] for t in taken]  # bisect on numbers, not on pairs
    for s, e, cue in found:
        if taken:
            i = bisect_left(starts, e) - 1  # the last span starting before e
            if i >= 0 and taken[i][1] > s:
                continue
        if groups and s < groups[-1][1]:
            groups[-1][2].append((s, e, cue))
            continue
        a, b = doc.sentence(s, e, semicolon=False, reach=_REACH)
        groups.append((a, _list_end(doc.low, b), [(s, e, cue)]))
    return groups


def concept_hits(doc: Doc, out: list[Hit], cues: list[tuple[int, int, str]] | None = None
                 ) -> None:
    """Add a state-secret finding for each sentence where a concept meets its detail.

    A topic phrase finding (secrets.topic) in the sentence is merged into the concept's, which
    covers it and the sentence's detail (a phrase such as "kho vũ khí" says what, the concept
    adds how many and where); the phrase's reason is kept unless it only marks the matter
    (MARKERS).
    """
    low = doc.low
    phrases = [i for i, hit in enumerate(out) if hit[0] == KIND]
    vague = {i for i in phrases if " ".join(low[out[i][1]:out[i][2]].split()) in MARKERS}
    stamps = [(s, e) for kind, s, e, _, _ in out if kind == "classification_marking"]
    if cues is None:
        cues = _found_cues(low)
    groups = _cues(doc, cues, sorted(stamps))
    if not groups:
        return
    title = _title_framings(low)
    personal = sorted(s for kind, s, _, _, _ in out if kind == "sensitive_personal")
    markers = sorted((out[i][1], i) for i in phrases)  # by start, for bisect
    drop: set[int] = set()
    for a, b, cues in groups:
        verdict = _verdict(doc, a, b, cues, title)
        if verdict:
            verdict, b = _detailed(doc, verdict, b)
            _merge(out, verdict, a, b, personal, markers, vague, drop)
    if drop:
        out[:] = [hit for i, hit in enumerate(out) if i not in drop]


# "… các CTVBM tăng cường báo cáo. Cụ thể: ông A theo dõi …; bà B …": the next sentence details
# the one just judged, and is part of its secret
_DETAIL = re.compile(r"[ \t]*(?:cụ thể|gồm|danh sách)[ \t]*:")


def _detailed(doc: Doc, verdict: tuple[int, int, str], b: int) -> tuple[tuple[int, int, str], int]:
    """The verdict, run on to the end of the next sentence when that one opens with "Cụ thể:"
    (or "Gồm:"), and the sentence's new end."""
    m = _DETAIL.match(doc.low, b + 1) if b < len(doc.low) and doc.low[b] in ".!?" else None
    if m is None:
        return verdict, b
    end = doc.sentence(m.end(), m.end(), semicolon=False, reach=_REACH)[1]
    end -= len(doc.clean[m.end():end]) - len(doc.clean[m.end():end].rstrip(_TRIM))
    return (verdict[0], max(verdict[1], end), verdict[2]), max(b, end)


def _merge(out: list[Hit], verdict: tuple[int, int, str], ra: int, rb: int,
           personal: list[int], markers: list[tuple[int, int]], vague: set[int],
           drop: set[int]) -> None:
    """Add the finding of the region [ra, rb), covering the phrase findings in it."""
    start, end, reason = verdict
    if reason.startswith(_YIELDS):
        i = bisect_left(personal, ra)
        if i < len(personal) and personal[i] < rb:
            return  # what is kept unpublished is a person's data, found as such
    k = bisect_left(markers, (ra, -1))
    named = None
    while k < len(markers) and markers[k][0] < rb:
        i = markers[k][1]
        start, end = min(start, out[i][1]), max(end, out[i][2])
        drop.add(i)
        if named is None and i not in vague:
            named = out[i][4]  # a phrase's reason names the matter more closely
        k += 1
    out.append((KIND, start, end, SEVERITY_BLOCK, named or reason))

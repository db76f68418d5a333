"""Confidentiality scan of bulletin text: state-secret markings and topics, personal data."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain

from bulletins.confidentiality import phrases as R
from bulletins.confidentiality.concepts.engine import PASS_CUES, concept_hits, nested
from bulletins.confidentiality.concepts.framings import scammers
from bulletins.confidentiality.concepts.health import MORE_SENSITIVE
from bulletins.confidentiality.concepts.rosters import roster_hits
from bulletins.confidentiality.contacts import (
    bank,
    digits,
    directory,
    emails,
    id_context,
    numbers,
)
from bulletins.confidentiality.looks import review
from bulletins.confidentiality.personal import (
    dob,
    dob_in_brackets,
    merge_sensitive,
    person_in,
    sensitive,
)
from bulletins.confidentiality.secrets import MARK_KEYS, marking, topic
from bulletins.confidentiality.text import (
    SEVERITY_BLOCK,
    SEVERITY_WARN,
    Doc,
    Hit,
    bounded,
    norm_phrase,
)

__all__ = ["KINDS", "SEVERITY_BLOCK", "SEVERITY_WARN", "Finding", "Rule", "Scanner", "scan"]

KINDS = ("classification_marking", "state_secret_topic", "national_id", "phone", "email",
         "bank_account", "vehicle_plate", "date_of_birth", "sensitive_personal", "keyword")


@dataclass(frozen=True)
class Finding:
    """One span of the NFC text that a reviewer must look at."""

    kind: str
    start: int
    end: int
    severity: str
    text: str
    reason: str


def _finding(kind: str, start: int, end: int, severity: str, text: str, reason: str
             ) -> Finding:
    """Finding(...), without the frozen dataclass's object.__setattr__ per field (a third
    of the time; thousands of findings on a long text)."""
    f = object.__new__(Finding)
    f.__dict__.update(kind=kind, start=start, end=end, severity=severity, text=text,
                      reason=reason)
    return f


@dataclass(frozen=True)
class Rule:
    """A phrase an admin wants flagged; its findings have kind "keyword"."""

    phrase: str
    severity: str = SEVERITY_BLOCK
    note: str = ""
    ignore_tones: bool = False


_KEYS = {**{k: "cue" for k in PASS_CUES}, **{k: "mark" for k in MARK_KEYS},
         **{k: "topic" for k in R.TOPICS}, **{k: "sensitive" for k in R.SENSITIVE},
         **{k: "sensitive" for k in MORE_SENSITIVE},
         **{k: "dob" for k in R.DOB_TRIGGERS}, **{k: "id" for k in R.ID_CONTEXT},
         **{k: "bank" for k in R.BANK_CONTEXT}}
# A phrase (group "k") starts the text or follows a space or a punctuation mark; the regex
# engine skips quickly to those characters. The spaces are spelled out (R.SPACES, what "\s"
# matches): a class of characters only is one table look-up per letter of the text, while
# "\s" beside them costs a second test of every letter.
_BODY = "(?P<k>" + R.trie_regex(_KEYS, initials=True) + ")"
_KEY_RE = re.compile("[" + re.escape(R.SPACES) + r"!-/:-@\[-`{-~“”‘’«»–—…•·]" + _BODY)
_KEY_AT_START = re.compile(_BODY)
# The trigger phrases alone: where the pass finds a (longer) cue, the phrases the scanner found
# before the concepts existed are looked for again inside it, exactly as a pass of their own.
_PHRASE_RE = re.compile(R.trie_regex(k for k, kind in _KEYS.items() if kind != "cue"))
_REACH = 2 * max(map(len, _KEYS))
# the concepts' cues inside each phrase of the pass (the phrase itself when it is a cue)
_CUES_IN = nested(_KEYS, lambda k: k in PASS_CUES, itself=True)
_PHRASES = [k for k, kind in _KEYS.items() if kind != "cue"]


def _overlaps(tail: str, phrase: str) -> bool:
    """True when phrase starts with the whole words of tail, or tail with those of phrase."""
    short, long_ = sorted((tail, phrase), key=len)
    return long_.startswith(short) and (len(long_) == len(short) or not long_[len(short)].isalnum())


# the cues inside which, or across whose end, a trigger phrase may start at a word
_HIDES = frozenset(
    cue for cue, kind in _KEYS.items() if kind == "cue"
    and any(_overlaps(cue[o:], k) for k in _PHRASES
            for o in (0, *(i + 1 for i, ch in enumerate(cue) if not ch.isalnum())))
)


class Scanner:
    """Scanner with optional admin rules and an allow-list of published contacts."""

    def __init__(self, rules: Iterable[Rule] = (), allow: Iterable[str] = ()) -> None:
        self.rules: dict[tuple[bool, str], list[Rule]] = {}
        for rule in rules:
            key = norm_phrase(rule.phrase, rule.ignore_tones)
            if key:
                self.rules.setdefault((rule.ignore_tones, key), []).append(rule)
        self._rule_re = {
            flag: re.compile(R.trie_regex(k for f, k in self.rules if f == flag))
            for flag in (False, True) if any(f == flag for f, _ in self.rules)
        }
        allow = [unicodedata.normalize("NFC", a).strip() for a in allow]
        self.allow_phones = {digits(a) for a in allow if len(digits(a)) >= 6}
        self.allow_mails = {a.casefold() for a in allow if "@" in a}

    def scan(self, text: str) -> list[Finding]:
        """Return every finding in text, sorted by start offset."""
        doc = Doc(text)
        out: list[Hit] = []
        claimed: set[int] = set()
        cues: list[tuple[int, int, str]] = []
        self._keywords(doc, out, claimed, cues)
        numbers(doc, out, claimed)
        emails(doc, out)
        dob_in_brackets(doc, out)
        concept_hits(doc, out, cues)
        roster_hits(doc, out, cues)
        merge_sensitive(doc, out)
        scam_numbers(doc, out)
        self._admin(doc, out)
        out = directory(doc, review(doc, out))  # the classifiers' looks; a contact directory
        nfc, span = doc.nfc, doc.span
        if doc.plain:
            found = sorted({(s, e, kind, sev, why) for kind, s, e, sev, why in out})
        else:
            found = sorted({(*span(s, e), kind, sev, why) for kind, s, e, sev, why in out})
        if self.allow_phones or self.allow_mails:
            found = [f for f in found if not self._allowed(f[2], nfc[f[0]:f[1]])]
        findings: list[Finding] = []
        add, new = findings.append, object.__new__
        for start, end, kind, severity, reason in found:  # _finding, inlined (thousands)
            f = new(Finding)
            f.__dict__.update(kind=kind, start=start, end=end, severity=severity,
                              text=nfc[start:end], reason=reason)
            add(f)
        return findings

    def _allowed(self, kind: str, text: str) -> bool:
        """True for a phone or e-mail the admin published on purpose."""
        if kind == "phone":
            return digits(text) in self.allow_phones
        return kind == "email" and text.casefold() in self.allow_mails

    def _keywords(self, doc: Doc, out: list[Hit], claimed: set[int],
                  cues: list[tuple[int, int, str]]) -> None:
        """One pass of the trigger-phrase regex; each phrase is judged in its context, the
        concepts' cue words are collected for concept_hits."""
        low, n = doc.low, len(doc.low)
        skip_to = phrase_end = 0
        first = _KEY_AT_START.match(low)
        matches = _KEY_RE.finditer(low, first.end() if first else 0)
        for m in chain((first,), matches) if first else matches:
            key = m.group(1)  # group 1 is "k" (the trie has no capturing group)
            s, e = m.span(1)
            kind = _KEYS.get(key)
            if kind is None:
                key = " ".join(key.split())
                kind = _KEYS[key]
            if kind != "cue":
                if s < phrase_end:
                    continue
                phrase_end = e
                if s < skip_to or e < n and low[e].isalnum():
                    continue
                if key in _CUES_IN:
                    cues.extend((s + a, s + b, cue) for a, b, cue in _CUES_IN[key])
                # _judge, inlined: tens of thousands of phrases in a long text
                if kind == "mark":
                    skip_to = marking(doc, key, s, e, out) or skip_to
                elif kind == "sensitive":
                    sensitive(doc, key, s, e, out)
                elif kind == "topic":
                    topic(doc, key, s, e, out)
                else:
                    self._judge(doc, kind, key, s, e, out, claimed)
                continue
            if s >= skip_to and not (e < n and low[e].isalnum()):
                inner = _CUES_IN[key]
                if len(inner) == 1:
                    cues.append((s, e, key))
                else:
                    cues.extend((s + a, s + b, cue) for a, b, cue in inner)
            pos = max(s, phrase_end) if key in _HIDES else e
            while pos < e:  # the phrases inside the cue or starting in it
                m2 = _PHRASE_RE.search(low, pos, min(n, e + _REACH))
                if m2 is None or m2.start() >= e:
                    break
                s2, pos = m2.span()
                phrase_end = pos
                if s2 < skip_to or s2 and low[s2 - 1].isalnum() or pos < n and low[pos].isalnum():
                    continue
                key = m2.group()
                key = key if key in _KEYS else " ".join(key.split())
                skip_to = self._judge(doc, _KEYS[key], key, s2, pos, out, claimed) or skip_to

    @staticmethod
    def _judge(doc: Doc, kind: str, key: str, s: int, e: int, out: list[Hit],
               claimed: set[int]) -> int | None:
        """Hand one trigger phrase to its detector; a marking says where its stamp ends."""
        if kind == "mark":
            return marking(doc, key, s, e, out)
        if kind == "topic":
            topic(doc, key, s, e, out)
        elif kind == "sensitive":
            sensitive(doc, key, s, e, out)
        elif kind == "dob":
            dob(doc, s, e, out)
        elif kind == "id":
            id_context(doc, key, e, out, claimed)
        else:
            bank(doc, s, e, out, claimed)
        return None

    def _admin(self, doc: Doc, out: list[Hit]) -> None:
        """Findings of kind "keyword" for the admin's rules."""
        for flag, rx in self._rule_re.items():
            text = doc.folded if flag else doc.low
            for m in rx.finditer(text):
                s, e = m.span()
                if not bounded(text, s, e):
                    continue
                for rule in self.rules[(flag, " ".join(m.group().split()))]:
                    reason = rule.note or f"Từ khóa cần xem xét: {rule.phrase}"
                    out.append(("keyword", s, e, rule.severity, reason))


def scam_numbers(doc: Doc, out: list[Hit]) -> None:
    """Drop the phones and accounts a fraud warning gives as the scammers' ("cuộc gọi từ các số
    …, đối tượng xưng là …"): published so that nobody answers them. A victim's or a named
    suspect's number stays: its sentence names the person."""
    def scam(h: Hit) -> bool:
        a, b = doc.sentence(h[1], h[2])
        return scammers(doc, a, b) and not person_in(doc, a, b)

    out[:] = [h for h in out if h[0] not in ("phone", "bank_account") or not scam(h)]


def scan(text: str) -> list[Finding]:
    """Scan text with the default scanner (no admin rules, no allow-list)."""
    return _DEFAULT.scan(text)


_DEFAULT = Scanner()

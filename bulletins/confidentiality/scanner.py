"""Confidentiality scan of bulletin text: state-secret markings and topics, personal data."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from bulletins.confidentiality import phrases as R
from bulletins.confidentiality.contacts import digits, emails, numbers
from bulletins.confidentiality.personal import bank, dob, id_context, sensitive
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


@dataclass(frozen=True)
class Rule:
    """A phrase an admin wants flagged; its findings have kind "keyword"."""

    phrase: str
    severity: str = SEVERITY_BLOCK
    note: str = ""
    ignore_tones: bool = False


_KEYS = {**{k: "mark" for k in MARK_KEYS},
         **{k: "topic" for k in R.TOPICS}, **{k: "sensitive" for k in R.SENSITIVE},
         **{k: "dob" for k in R.DOB_TRIGGERS}, **{k: "id" for k in R.ID_CONTEXT},
         **{k: "bank" for k in R.BANK_CONTEXT}}
_KEY_RE = re.compile(R.trie_regex(_KEYS))


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
        self._keywords(doc, out, claimed)
        numbers(doc, out, claimed)
        emails(doc, out)
        self._admin(doc, out)
        nfc, span = doc.nfc, doc.span
        if doc.plain:
            found = sorted({(s, e, kind, sev, why) for kind, s, e, sev, why in out})
        else:
            found = sorted({(*span(s, e), kind, sev, why) for kind, s, e, sev, why in out})
        if self.allow_phones or self.allow_mails:
            found = [f for f in found if not self._allowed(f[2], nfc[f[0]:f[1]])]
        return [Finding(kind, start, end, severity, nfc[start:end], reason)
                for start, end, kind, severity, reason in found]

    def _allowed(self, kind: str, text: str) -> bool:
        """True for a phone or e-mail the admin published on purpose."""
        if kind == "phone":
            return digits(text) in self.allow_phones
        return kind == "email" and text.casefold() in self.allow_mails

    def _keywords(self, doc: Doc, out: list[Hit], claimed: set[int]) -> None:
        """One pass of the trigger-phrase regex; each hit is judged in its context."""
        low, skip_to, n = doc.low, 0, len(doc.low)
        for m in _KEY_RE.finditer(low):
            s, e = m.span()
            if s < skip_to or s and low[s - 1].isalnum() or e < n and low[e].isalnum():
                continue
            key = m.group()
            kind = _KEYS.get(key)
            if kind is None:
                key = " ".join(key.split())
                kind = _KEYS[key]
            if kind == "mark":
                skip_to = marking(doc, key, s, e, out)
            elif kind == "topic":
                topic(doc, key, s, e, out)
            elif kind == "sensitive":
                sensitive(doc, key, s, e, out)
            elif kind == "dob":
                dob(doc, s, e, out)
            elif kind == "id":
                id_context(doc, key, e, out, claimed)
            else:
                bank(doc, s, e, out, claimed)

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


def scan(text: str) -> list[Finding]:
    """Scan text with the default scanner (no admin rules, no allow-list)."""
    return _DEFAULT.scan(text)


_DEFAULT = Scanner()

"""Every (state, action, actor) triple against CONTRACT §4, written out independently."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import pytest

from bulletins.errors import InvalidTransition, NotAllowed, ValidationError
from bulletins.workflow import Action, State, allowed_actions, authorize, target_state

AUTHOR, EDITOR2, REVIEWER, LEADER, OPERATOR, ADMIN = 1, 2, 3, 4, 5, 6


@dataclass
class Person:
    id: int
    roles: tuple[str, ...]

    @property
    def role_names(self) -> frozenset[str]:
        return frozenset(self.roles)


@dataclass
class Item:
    status: str
    priority: str = "normal"
    author_id: int = AUTHOR
    last_editor_id: int | None = AUTHOR
    publish_at: datetime | None = None


PEOPLE = {
    "author": Person(AUTHOR, ("editor",)),
    "editor2": Person(EDITOR2, ("editor",)),
    "reviewer": Person(REVIEWER, ("reviewer",)),
    "leader": Person(LEADER, ("leader",)),
    "operator": Person(OPERATOR, ("operator",)),
    "admin": Person(ADMIN, ("admin",)),
}

# The contract's table: (state, action) -> who may, and the next state.
ALLOWED = {
    ("draft", "submit"): ("author", "in_review"),
    ("in_review", "clear"): ("reviewer", "awaiting_approval"),
    ("in_review", "return"): ("reviewer", "draft"),
    ("awaiting_approval", "approve"): ("leader", "published"),
    ("awaiting_approval", "return"): ("leader", "draft"),
    ("awaiting_approval", "reject"): ("leader", "rejected"),
    ("approved", "publish"): ("leader", "published"),
    ("approved", "withdraw"): ("leader", "withdrawn"),
    ("published", "withdraw"): ("leader", "withdrawn"),
    ("published", "correct"): (("author", "editor2"), "draft"),
}
EMERGENCY_ONLY = {
    ("draft", "approve"): ("leader", "published"),
    ("in_review", "approve"): ("leader", "published"),
}
NEEDS_COMMENT = {"return", "reject", "withdraw"}

STATES = [s.value for s in State]
ACTIONS = [a.value for a in Action]


def expected(state: str, action: str, who: str, priority: str) -> str:
    rules = dict(ALLOWED)
    if priority == "emergency":
        rules.update(EMERGENCY_ONLY)
    if (state, action) not in rules:
        return "409"
    allowed_who, _ = rules[(state, action)]
    return "ok" if who in (allowed_who if isinstance(allowed_who, tuple) else (allowed_who,)) \
        else "403"


@pytest.mark.parametrize("priority", ["normal", "emergency"])
@pytest.mark.parametrize("who", list(PEOPLE))
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("state", STATES)
def test_every_triple(state: str, action: str, who: str, priority: str) -> None:
    item = Item(status=state, priority=priority)
    want = expected(state, action, who, priority)
    try:
        row = authorize(item, action, PEOPLE[who], comment="lý do")
    except InvalidTransition:
        got = "409"
    except NotAllowed:
        got = "403"
    else:
        got = "ok"
        rules = {**ALLOWED, **(EMERGENCY_ONLY if priority == "emergency" else {})}
        assert target_state(row, item, datetime(2026, 1, 1)) == rules[(state, action)][1]
    assert got == want
    assert (action in allowed_actions(item, PEOPLE[who])) == (want == "ok")


@pytest.mark.parametrize("action,state,who", [
    ("return", "in_review", "reviewer"), ("return", "awaiting_approval", "leader"),
    ("reject", "awaiting_approval", "leader"), ("withdraw", "published", "leader"),
    ("withdraw", "approved", "leader"),
])
@pytest.mark.parametrize("comment", [None, "", "   "])
def test_comment_required(action: str, state: str, who: str, comment: str | None) -> None:
    with pytest.raises(ValidationError):
        authorize(Item(status=state), action, PEOPLE[who], comment)


@pytest.mark.parametrize("state,action", [
    ("in_review", "clear"), ("in_review", "return"), ("awaiting_approval", "approve"),
    ("awaiting_approval", "reject"), ("awaiting_approval", "return"),
])
@pytest.mark.parametrize("relation", ["author", "last_editor"])
def test_never_review_or_approve_own(state: str, action: str, relation: str) -> None:
    boss = Person(9, ("editor", "reviewer", "leader"))
    item = Item(status=state, author_id=9 if relation == "author" else AUTHOR,
                last_editor_id=9 if relation == "last_editor" else AUTHOR)
    with pytest.raises(NotAllowed):
        authorize(item, action, boss, "lý do")


def test_emergency_not_by_its_author() -> None:
    boss = Person(9, ("editor", "leader"))
    with pytest.raises(NotAllowed):
        authorize(Item(status="draft", priority="emergency", author_id=9, last_editor_id=9),
                  "approve", boss, "")


def test_future_publish_at_waits_as_approved() -> None:
    item = Item(status="awaiting_approval", publish_at=datetime(2026, 12, 1, 7))
    row = authorize(item, "approve", PEOPLE["leader"], "")
    assert target_state(row, item, datetime(2026, 11, 30)) == "approved"
    assert target_state(row, item, datetime(2026, 12, 1, 8)) == "published"


# A correction of a published bulletin runs the draft → review → approval track on its own
# while the bulletin stays published; withdraw still acts on the published bulletin.
CORRECTION = {
    "draft": {"submit": "author", "withdraw": "leader"},
    "in_review": {"clear": "reviewer", "return": "reviewer", "withdraw": "leader"},
    "awaiting_approval": {"approve": "leader", "return": "leader", "reject": "leader",
                          "withdraw": "leader"},
}


@pytest.mark.parametrize("who", list(PEOPLE))
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("pending", list(CORRECTION))
def test_correction_track(pending: str, action: str, who: str) -> None:
    item = Item(status="published")
    item.pending_status = pending  # type: ignore[attr-defined]
    allowed = CORRECTION[pending].get(action)
    want = "409" if allowed is None else ("ok" if who == allowed else "403")
    try:
        authorize(item, action, PEOPLE[who], comment="lý do")
    except InvalidTransition:
        got = "409"
    except NotAllowed:
        got = "403"
    else:
        got = "ok"
    assert got == want

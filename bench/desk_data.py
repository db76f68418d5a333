"""Fast generator of a Loa database with many bulletins, for bench/desk.py.

Schema and accounts go through the app (`db.create_all()`, `accounts.create_user`); the
bulletins, their revisions, workflow events, scan findings and the radio log are written
with SQLAlchemy Core executemany in batches, as the services would write them: NFC text,
folded `search_text`, `content_hash` over title + body, versions bumped as the ORM bumps
them, naive UTC times. Not written: audit_log entries and audio files (nothing reads them on
the pages timed here).
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime, timedelta
from typing import Any

from desk_text import Writer
from sqlalchemy import insert

from bulletins import accounts
from bulletins.confidentiality import scan
from bulletins.models import (
    Broadcast,
    BroadcastItem,
    Bulletin,
    Finding,
    Program,
    ProgramItem,
    Revision,
    Slot,
    WorkflowEvent,
)
from bulletins.radio.schedule import program_title
from bulletins.seed import UNITS, seed_lists
from bulletins.text import content_hash, fold, nfc, review_text

PASSWORD = "Ban-bien-tap-2026"  # noqa: S105 (a throwaway bench database)
START, END = date(2025, 1, 1), date(2026, 11, 25)
NOW = datetime(2026, 11, 26, 3, 0)
BATCH = 5000
CHECKLIST = {"no_secrets": True, "no_personal_data": True, "verified": True, "fit_for_radio": True}
# final state: share of bulletins (drafts include ones returned with a comment)
MIX = [("published", 0.82), ("draft", 0.035), ("returned", 0.015), ("in_review", 0.02),
       ("awaiting_approval", 0.015), ("approved", 0.005), ("rejected", 0.04), ("withdrawn", 0.05)]
RETURNS = ["Đề nghị bổ sung thời gian, địa điểm cụ thể.",
           "Số liệu chưa khớp với báo cáo của thôn.",
           "Bỏ thông tin cá nhân của người dân trước khi đăng.",
           "Tiêu đề quá dài, sửa lại cho gọn."]
REJECTS = ["Nội dung trùng với thông báo đã phát.", "Không thuộc thẩm quyền thông báo của xã."]
WITHDRAWS = ["Lịch đã thay đổi, sẽ có thông báo mới.", "Đăng nhầm đơn vị, gỡ để sửa."]
NOT_AIRED = ["Mất điện toàn xã.", "Sự cố thiết bị truyền thanh.",
             "Ưu tiên phát tin khẩn của huyện."]


def make_users(session) -> dict[str, list[tuple[int, str]]]:
    """~30 staff: editors in the plan's offices, reviewers, leaders, operators, an admin."""
    accounts.HASH_METHOD = "pbkdf2:sha256:1000"
    seed_lists(session)
    rng = random.Random(7)
    writer = Writer(rng)
    units = [u[0] for u in UNITS]
    people = [("quantri", ["admin"])] + [(f"bt{i:02d}", ["editor"]) for i in range(1, 17)]
    people += [(f"td{i:02d}", ["reviewer"]) for i in range(1, 6)]
    people += [(f"ld{i:02d}", ["leader"]) for i in range(1, 4)]
    people += [(f"pt{i:02d}", ["operator"]) for i in range(1, 4)]
    people += [("pct01", ["leader", "reviewer"]), ("bt17", ["editor", "operator"])]
    by_role: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for n, (name, roles) in enumerate(people):
        user, _ = accounts.create_user(session, None, name, roles, PASSWORD, writer.name(),
                                       units[n % len(units)])
        for role in roles:
            by_role[role].append((user.id, user.unit_slug))
    session.commit()
    return by_role


class Builder:
    """Rows of one bulletin's life, appended to per-table lists."""

    def __init__(self, rng: random.Random, by_role: dict[str, list[tuple[int, str]]]) -> None:
        self.rng, self.by_role = rng, by_role
        self.writer = Writer(rng)
        editors = by_role["editor"]
        # the first editor writes a fifth of everything: the bench logs in as them
        self.editor_weights = [len(editors) * 0.25] + [1 / (i + 1) ** 0.3 for i in
                                                      range(1, len(editors))]
        self.rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.rev_id = self.finding_id = 0
        self.radio_days: dict[date, list[int]] = defaultdict(list)
        self.states = [s for s, _ in MIX]
        self.shares = [w for _, w in MIX]

    def _day(self, final: str) -> date:
        r = self.rng
        # the later the final state, the longer ago it started (nothing ends after NOW)
        lead = {"draft": 0, "returned": 2, "in_review": 4, "awaiting_approval": 5}.get(final, 7)
        if final in ("in_review", "awaiting_approval", "approved"):
            return END - timedelta(days=lead + int(r.expovariate(1 / 6)) % 30)
        if final in ("draft", "returned") and r.random() < 0.6:
            return END - timedelta(days=lead + int(r.expovariate(1 / 20)) % 90)
        span = (END - START).days - lead
        return START + timedelta(days=int(span * r.random() ** 0.8))  # busier lately

    def _other(self, role: str, *not_ids: int) -> int:
        return self.rng.choice([u for u, _ in self.by_role[role] if u not in not_ids])

    def bulletin(self, bid: int) -> None:
        r = self.rng
        final = r.choices(self.states, self.shares)[0]
        day = self._day(final)
        author, author_unit = r.choices(self.by_role["editor"], self.editor_weights)[0]
        kind, title, summary, body, topic, unit = self.writer.bulletin(day)
        title, summary, body = nfc(title), nfc(summary), nfc(body)
        channels = r.choices(["radio,web", "web", "radio"], [0.6, 0.25, 0.15])[0]
        priority = r.choices(["normal", "priority", "emergency"], [0.9, 0.09, 0.01])[0]
        t = datetime.combine(day, datetime.min.time()) + timedelta(
            hours=r.uniform(0.5, 10))  # 07:30–17:00 local
        if t > NOW - timedelta(hours=2):
            t = NOW - timedelta(hours=r.uniform(2, 30))
        b: dict[str, Any] = dict(
            id=bid, title=title, summary=summary, body=body, topic_slug=topic,
            unit_slug=unit if r.random() < 0.7 else author_unit, channels=channels,
            language="vi", priority=priority, publish_at=None, expire_at=None, status="draft",
            version=1, author_id=author, last_editor_id=author, revision_number=1,
            created_at=t, updated_at=t, submitted_at=None, reviewed_hash=None,
            approved_revision=None, content_hash=None, approved_at=None, approved_by_id=None,
            published_at=None, review_after_broadcast=False, pending_status=None,
            corrected_at=None, search_text=fold(" ".join((title, summary, body))))
        sentences = body.split(". ")
        edits = r.choices([0, 1, 2], [0.65, 0.27, 0.08])[0]
        returned = final == "returned" or (final != "draft" and r.random() < 0.08)
        again = returned and final != "returned"  # edited again after the return
        texts = []  # earlier revisions lack the last sentences of the final text
        for k in range(edits + again, 0, -1):
            keep = max(1, len(sentences) - k)
            texts.append(". ".join(sentences[:keep]).rstrip(".") + ".")
        texts.append(body)
        self._revision(b, author, texts[0], t)
        t = self._edits(b, author, texts[1:1 + edits], t)
        if final == "draft":
            return self._done(b)
        t = self._act(b, author, "submit", "in_review", t + timedelta(minutes=r.uniform(5, 600)))
        if returned:
            who = self._other("reviewer", author)
            t = self._act(b, who, "return", "draft", t + timedelta(hours=r.uniform(0.5, 30)),
                          comment=r.choice(RETURNS))
            b["reviewed_hash"] = None
            if final == "returned":
                return self._done(b)
            t = self._edits(b, author, texts[-1:], t + timedelta(hours=r.uniform(0.2, 20)))
            t = self._act(b, author, "submit", "in_review", t + timedelta(minutes=r.uniform(5, 90)))
        if final == "in_review":
            return self._done(b)
        reviewer = self._other("reviewer", author)
        t += timedelta(hours=r.uniform(0.3, 26))
        self._resolve(b, reviewer, t - timedelta(minutes=4))
        b["reviewed_hash"] = content_hash(b["title"], b["body"])
        t = self._act(b, reviewer, "clear", "awaiting_approval", t, checklist=True)
        if final == "awaiting_approval":
            return self._done(b)
        leader = self._other("leader", author, reviewer)
        t += timedelta(hours=r.uniform(0.5, 60))
        if final == "rejected":
            self._act(b, leader, "reject", "rejected", t, comment=r.choice(REJECTS))
            return self._done(b)
        scheduled = final == "approved" or r.random() < 0.1
        if scheduled:
            b["publish_at"] = (NOW + timedelta(days=r.uniform(0.5, 9)) if final == "approved"
                               else min(t + timedelta(hours=r.uniform(1, 48)), NOW))
        b["content_hash"], b["approved_revision"] = b["reviewed_hash"], b["revision_number"]
        b["approved_at"], b["approved_by_id"] = t, leader
        target = "approved" if scheduled else "published"
        if not scheduled:
            b["published_at"] = t
        self._act(b, leader, "approve", target, t, bump=2 if "radio" in channels else 1)
        if scheduled and final != "approved":
            t = b["publish_at"]
            b["published_at"] = t
            self._act(b, None, "publish", "published", t, comment="Đăng theo lịch")
        if b["published_at"] and r.random() < 0.15:
            b["expire_at"] = b["published_at"] + timedelta(days=r.uniform(7, 90))
        if final == "withdrawn":
            t = min(t + timedelta(days=r.uniform(0.1, 20)), NOW - timedelta(hours=1))
            self._act(b, leader, "withdraw", "withdrawn", t, comment=r.choice(WITHDRAWS))
        elif b["status"] == "published" and "radio" in channels:
            self.radio_days[b["published_at"].date()].append(bid)
        self._done(b)

    def _done(self, b: dict[str, Any]) -> None:
        self.rows["bulletins"].append(b)

    def _event(self, b: dict[str, Any], actor: int | None, action: str, from_state: str,
               at: datetime, comment: str = "", **data: Any) -> None:
        self.rows["workflow_events"].append(dict(
            bulletin_id=b["id"], actor_id=actor, action=action, from_state=from_state,
            to_state=b["status"], comment=comment, data=data, at=at))

    def _revision(self, b: dict[str, Any], editor: int, body: str, at: datetime) -> None:
        """A saved text: its revision row, the create/edit event, the scan and its findings."""
        number = b["revision_number"]
        self.rev_id += 1
        self.rows["revisions"].append(dict(
            id=self.rev_id, bulletin_id=b["id"], number=number, title=b["title"],
            summary=b["summary"], body=body, content_hash=content_hash(b["title"], body),
            editor_id=editor, created_at=at, scanned_at=at + timedelta(milliseconds=6)))
        if number == 1:
            self._event(b, editor, "create", "draft", at)
        else:
            self._event(b, editor, "edit", "draft", at, fields=["body"], revision=number)
        hits = scan(review_text(b["title"], body, b["summary"]))
        for hit in hits:
            self.finding_id += 1
            self.rows["findings"].append(dict(
                id=self.finding_id, bulletin_id=b["id"], revision=number, kind=hit.kind,
                start=hit.start, end=hit.end, text=hit.text, severity=hit.severity,
                reason=getattr(hit, "reason", ""), resolved=False, resolved_by_id=None,
                resolved_at=None, note="", created_at=at))
        self._event(b, None, "scan", b["status"], at + timedelta(milliseconds=6),
                    revision=number, findings=len(hits),
                    blocking=sum(h.severity == "block" for h in hits))

    def _edits(self, b: dict[str, Any], editor: int, bodies: list[str], t: datetime) -> datetime:
        for body in bodies:
            t += timedelta(minutes=self.rng.uniform(3, 300))
            b["revision_number"] += 1
            b["version"] += 1
            b["updated_at"] = t
            self._revision(b, editor, body, t)
        return t

    def _resolve(self, b: dict[str, Any], reviewer: int, at: datetime) -> None:
        """Blocking findings of the text being cleared were judged harmless by the reviewer."""
        for f in reversed(self.rows["findings"]):
            if f["bulletin_id"] != b["id"]:
                break
            if f["revision"] == b["revision_number"] and f["severity"] == "block":
                f.update(resolved=True, resolved_by_id=reviewer, resolved_at=at,
                         note="Thông tin đã công khai, không thuộc bí mật.")

    def _act(self, b: dict[str, Any], actor: int | None, action: str, target: str,
             t: datetime, comment: str = "", checklist: bool = False, bump: int = 1) -> datetime:
        from_state = b["status"]
        b["status"], b["updated_at"] = target, t
        b["version"] += 2 if action == "submit" else bump
        data: dict[str, Any] = {}
        if action == "submit":
            b["submitted_at"] = t
        if checklist:
            data["checklist"] = CHECKLIST if self.rng.random() < 0.8 else {"confirmed": True}
        if action == "approve":
            data["content_hash"] = b["content_hash"]
        self._event(b, actor, action, from_state, t, comment, **data)
        return t


def radio(rng: random.Random, builder: Builder, operators: list[int],
          slots: list[tuple[int, str]]) -> None:
    """Programs on most days (both slots), the airing of each in the log, with its items."""
    rows = builder.rows
    pid = bcid = 0
    day = START
    recent: list[int] = []
    while day <= END:
        recent = (recent + builder.radio_days.get(day - timedelta(days=1), []))[-40:]
        for slot_id, at in slots:
            if not recent or rng.random() < 0.12:
                continue
            pid += 1
            hour = int(at[:2])
            starts = datetime.combine(day, datetime.min.time()) + timedelta(hours=hour - 7)
            items = rng.sample(recent, min(len(recent), rng.randint(3, 6)))
            rows["radio_programs"].append(dict(
                id=pid, slot_id=slot_id, air_date=day, starts_at=starts,
                title=program_title(hour, day), status="ready", notice="", notice_at=None,
                created_by="system", build_key=None, path=None, size_bytes=None,
                duration_s=None, lufs=None, true_peak=None, chapters=[], error="",
                built_at=starts - timedelta(minutes=50), created_at=starts - timedelta(hours=2),
                updated_at=starts - timedelta(minutes=50)))
            for pos, bid in enumerate(items):
                rows["radio_program_items"].append(dict(program_id=pid, bulletin_id=bid,
                                                        position=pos, built_hash=None))
            bcid += 1
            aired = rng.random() < 0.93
            rows["radio_broadcasts"].append(dict(
                id=bcid, program_id=pid, aired=aired,
                aired_at=starts + timedelta(seconds=rng.randint(0, 240)) if aired else None,
                reason="" if aired else rng.choice(NOT_AIRED), note="",
                recorded_by_id=rng.choice(operators),
                recorded_at=starts + timedelta(minutes=rng.randint(35, 120)), corrects_id=None))
            for pos, bid in enumerate(items):
                rows["radio_broadcast_items"].append(dict(broadcast_id=bcid, bulletin_id=bid,
                                                          position=pos))
        day += timedelta(days=1)


TABLES = {t.__tablename__: t.__table__ for t in (
    Bulletin, Revision, WorkflowEvent, Finding, Program, ProgramItem, Broadcast, BroadcastItem)}


def flush(conn, rows: dict[str, list[dict[str, Any]]], names: list[str]) -> None:
    for name in names:
        for i in range(0, len(rows[name]), BATCH):
            conn.execute(insert(TABLES[name]), rows[name][i:i + BATCH])
        rows[name].clear()


def generate(session, engine, count: int, seed: int = 2026, log=print) -> dict[str, int]:
    """Users, `count` bulletins with their history, and the radio log; returns row counts."""
    by_role = make_users(session)
    slots = [(s.id, s.time_of_day) for s in session.query(Slot).order_by(Slot.time_of_day)]
    rng = random.Random(seed)
    builder = Builder(rng, by_role)
    counts: dict[str, int] = defaultdict(int)
    children = ["bulletins", "revisions", "workflow_events", "findings"]
    with engine.begin() as conn:
        for bid in range(1, count + 1):
            builder.bulletin(bid)
            if bid % BATCH == 0 or bid == count:
                for name in children:
                    counts[name] += len(builder.rows[name])
                flush(conn, builder.rows, children)
                if bid % 25000 == 0:
                    log(f"  {bid} bulletins")
        radio(rng, builder, [u for u, _ in by_role["operator"]], slots)
        names = ["radio_programs", "radio_program_items", "radio_broadcasts",
                 "radio_broadcast_items"]
        for name in names:
            counts[name] = len(builder.rows[name])
        flush(conn, builder.rows, names)
    return dict(counts)

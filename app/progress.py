"""Live status of background work for the desk's pages: the JSON their script polls."""

from __future__ import annotations

from typing import Any

from flask import current_app
from flask_babel import gettext as _

from bulletins.speech.progress import Progress


def estimate_text(seconds: int | None) -> str:
    """'khoảng 5 giây', 'khoảng 2 phút': how long staff should still wait."""
    if seconds is None:
        return ""
    if seconds < 60:
        return _("khoảng %(n)s giây", n=seconds)
    minutes = -(-seconds // 60)
    return _("khoảng %(n)s phút", n=minutes)


def stalled() -> bool:
    """Whether the job queue stalls (then no estimate holds)."""
    jobs = current_app.extensions["loa.jobs"]
    return jobs.stalled(jobs.lag())


def view(found: Progress, label: str, **extra: Any) -> dict[str, Any]:
    """The JSON a page's script polls: state, its label, the wait left and when to ask again."""
    waiting = not found.done
    stuck = waiting and stalled()
    remaining = None if stuck or not waiting else found.remaining_s
    return {
        "status": found.status, "label": label, "done": found.done,
        "estimate_s": remaining,
        "estimate": (_("hàng đợi đang tắc, chưa ước tính được") if stuck
                     else estimate_text(remaining)),
        # ask again about when it should be done, never faster than every second
        "poll_after_s": None if found.done else max(1, min(30, (remaining or 10) // 2)),
        **extra,
    }

"""The plan's implementation report ("báo cáo kết quả thực hiện") for a range of local dates.

Every figure comes from a few GROUP BY queries (`tallies`); no bulletin is loaded as an
object. The report's rows and range are in `figures`; this module puts them together.
Counting rules:
- published: bulletins whose first publication (``published_at``) falls in the range, once
  each, whatever their status now (a later withdrawal does not undo a publication). An
  approved correction keeps the bulletin's ``published_at``: it is counted apart, under
  ``corrections``, never as a second publication.
- by channel: a bulletin on both radio and web counts once in each row.
- airings: log entries in force (not corrected) that aired, by their actual start; minutes
  are the built program audio's length, entries whose program has no known length are
  counted in ``airings_unknown_length``. A "not aired" entry never counts.
- returns: ``return`` actions in the range, by reviewers (from ``in_review``) and leaders
  (from ``awaiting_approval``); "why" is the findings still standing (unresolved at the
  moment of the return) on the revision that was returned, per kind.
- time to approval: from the first ``submit`` after the bulletin's previous approval (so a
  cycle with returns counts whole, and a correction is its own cycle) to the ``approve``;
  approvals without any submission (emergencies approved from draft) are not measured.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bulletins.models import Topic, Unit
from bulletins.reporting import tallies
from bulletins.reporting.figures import (
    CHANNELS,
    LANGUAGES,
    Count,
    ImplementationReport,
    Month,
    Reason,
    check_range,
    format_hours,
    parse_range,
)

#: the report's rows, range and hours in words live in `figures`; importable from here too
__all__ = ["Count", "ImplementationReport", "Month", "Reason", "format_hours",
           "implementation_report", "parse_range"]


def implementation_report(session: Session, start: date, end: date,
                          commune_id: int | None = tallies.EVERYWHERE) -> ImplementationReport:
    """Every figure of the plan's implementation report for local dates start..end.

    ``commune_id``: one commune's report (its bulletins, its programs' airings), None for the
    province's own bulletins, or the whole province (tallies.EVERYWHERE, the default)."""
    check_range(start, end)
    rng = tallies.Range(start, end, commune_id)
    tally = tallies.published(session, rng)
    withdrawn = session.scalar(select(func.count()).where(tallies.events(rng, "withdraw"))) or 0
    by_source, returns_by_month, returned, reasons = tallies.returns(session, rng)
    approvals, corrections, histogram = tallies.approvals(session, rng)
    measured, mean, median = tallies.hours_stats(histogram)
    airings, bulletins_aired = tallies.airings(session, rng)
    months = [Month(m, tally["month"].get(i, 0), returns_by_month.get(i, 0),
                    airings.get(i, (0, 0, 0.0))[0], round(airings.get(i, (0, 0, 0.0))[2], 1))
              for i, m in enumerate(rng.months)]
    aired = sum(n for n, _, _ in airings.values())
    return ImplementationReport(
        start=start, end=end, published=sum(tally["month"].values()),
        corrections=corrections, withdrawn=withdrawn,
        by_topic=tallies.named(session, Topic, tally["topic"], "(Chưa ghi chủ đề)"),
        by_unit=tallies.named(session, Unit, tally["unit"], "(Chưa ghi đơn vị)"),
        by_channel=tallies.fixed(CHANNELS, tally["channel"]),
        by_language=tallies.fixed(LANGUAGES, tally["language"]),
        months=months, airings=aired,
        aired_minutes=round(sum(m for _, _, m in airings.values()), 1),
        airings_unknown_length=aired - sum(k for _, k, _ in airings.values()),
        bulletins_aired=bulletins_aired,
        returns_by_reviewer=by_source.get("in_review", 0),
        returns_by_leader=by_source.get("awaiting_approval", 0),
        bulletins_returned=returned, reasons=reasons,
        approvals=approvals, approvals_measured=measured,
        approval_hours_avg=mean, approval_hours_median=median,
    )

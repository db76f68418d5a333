"""What an audio job does when it fails: the row marked failed, the error kept and audited."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.orm import Session

from bulletins import audit
from bulletins.clock import utcnow

log = logging.getLogger(__name__)


@contextmanager
def recorded_failure(session: Session, model: type, row_id: int, commit: Callable[[], None],
                     action: str, target: str, job: str, **details: Any) -> Iterator[None]:
    """Run a job's work; on any exception, record it on the job's row, then re-raise.

    The session is rolled back (the work's half-done changes go), the row is read again and
    marked ``failed`` with the error (2,000 characters), the failure is audited as `action`
    on `target` with `details` and the error's first 200 characters, and committed; the
    exception then goes on to the queue, which retries the job.
    """
    try:
        yield
    except Exception as exc:
        log.exception("%s failed", job)
        session.rollback()
        row = session.get(model, row_id)
        row.status, row.error, row.updated_at = "failed", str(exc)[:2000], utcnow()
        audit.record(session, "system", action, target, **details, error=str(exc)[:200])
        commit()
        raise

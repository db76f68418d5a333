"""Suite-wide settings: a movable clock, and in CI property tests replay a fixed sequence.

`LOA_CLOCK_AHEAD_DAYS=N` runs the whole session with Python's clock N days ahead of the
real one, ticking (time-machine patches every way Python reads the time, in all threads),
so `make test-clock` proves no test depends on the day it runs; `LOA_CLOCK_AT=HH:MM` starts
the session at the next HH:MM in Vietnam, and proves the same of the hour. A test that needs
a fixed "now" asks for the `pinned_clock` fixture, which nests inside that travel.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

#: The suite's fixed "now" (09:30 in Vietnam on a Tuesday in mid-November 2026) for tests
#: whose expectations are dates: a calendar month, a schedule days ahead, a year's report.
FIXED_NOW = datetime(2026, 11, 17, 2, 30, tzinfo=UTC)

_AHEAD = os.environ.get("LOA_CLOCK_AHEAD_DAYS", "").strip()
_AT = os.environ.get("LOA_CLOCK_AT", "").strip()


def _session_start() -> datetime:
    """Now, moved ahead N days, then on to the next HH:MM in Vietnam when LOA_CLOCK_AT is set
    (the station's day has a shape: before the 06:00 slot, between slots, after the last)."""
    start = datetime.now(UTC) + timedelta(days=int(_AHEAD or 0))
    if not _AT:
        return start
    hour, minute = (int(part) for part in _AT.split(":"))
    local = start.astimezone(ZoneInfo("Asia/Ho_Chi_Minh"))
    wanted = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return (wanted if wanted > local else wanted + timedelta(days=1)).astimezone(UTC)


_session_travel = time_machine.travel(_session_start(), tick=True) if _AHEAD or _AT else None


def pytest_configure(config: pytest.Config) -> None:
    if _session_travel is not None:
        _session_travel.start()


def pytest_unconfigure(config: pytest.Config) -> None:
    if _session_travel is not None:
        _session_travel.stop()


def pytest_report_header(config: pytest.Config) -> str | None:
    if _session_travel is None:
        return None
    return f"clock moved: now is {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"


@pytest.fixture
def pinned_clock() -> Iterator[time_machine.Coordinates]:
    """Time pinned to FIXED_NOW and ticking from there; `clock.shift(…)`/`move_to(…)` move it."""
    with time_machine.travel(FIXED_NOW, tick=True) as traveller:
        yield traveller

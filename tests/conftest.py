"""Suite-wide settings: a movable clock, and in CI property tests replay a fixed sequence.

`LOA_CLOCK_AHEAD_DAYS=N` runs the whole session with Python's clock N days ahead of the
real one, ticking (time-machine patches every way Python reads the time, in all threads),
so `make test-clock` proves no test depends on the day it runs. A test that needs a fixed
"now" asks for the `pinned_clock` fixture, which nests inside that travel.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

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
_session_travel = (
    time_machine.travel(datetime.now(UTC) + timedelta(days=int(_AHEAD)), tick=True)
    if _AHEAD else None
)


def pytest_configure(config: pytest.Config) -> None:
    if _session_travel is not None:
        _session_travel.start()


def pytest_unconfigure(config: pytest.Config) -> None:
    if _session_travel is not None:
        _session_travel.stop()


def pytest_report_header(config: pytest.Config) -> str | None:
    if _session_travel is None:
        return None
    return f"clock moved ahead {_AHEAD} days: now is {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"


@pytest.fixture
def pinned_clock() -> Iterator[time_machine.Coordinates]:
    """Time pinned to FIXED_NOW and ticking from there; `clock.shift(…)`/`move_to(…)` move it."""
    with time_machine.travel(FIXED_NOW, tick=True) as traveller:
        yield traveller

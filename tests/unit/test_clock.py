"""The one clock: Vietnam-time helpers at the edges, and file ages read from the disk's clock."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta

import time_machine

from bulletins import clock
from bulletins.speech import synthesis as media


def test_local_day_turns_at_vietnam_midnight_across_the_year():
    last_utc_evening = datetime(2026, 12, 31, 16, 59, 59)  # 23:59:59 in Hà Nội
    assert clock.local_date(last_utc_evening) == date(2026, 12, 31)
    assert clock.local_date(last_utc_evening + timedelta(seconds=1)) == date(2027, 1, 1)
    assert clock.local_midnight(date(2027, 1, 1)) == datetime(2026, 12, 31, 17, 0)
    assert clock.local_text(datetime(2026, 12, 31, 17, 5)) == "01/01/2027 00:05"
    assert clock.local_text(None) == ""


def test_now_and_today_follow_a_pinned_clock(pinned_clock):
    assert abs(clock.utcnow() - datetime(2026, 11, 17, 2, 30)) < timedelta(minutes=1)
    assert clock.local_today() == date(2026, 11, 17)
    pinned_clock.move_to(datetime(2031, 12, 31, 17, 30, tzinfo=UTC))
    assert clock.local_today() == date(2032, 1, 1)


def test_partial_files_are_aged_by_the_disk_not_by_a_moved_process_clock(tmp_path):
    folder = tmp_path / "audio" / "2026"
    folder.mkdir(parents=True)
    fresh, stale = folder / "a.mp3.part", folder / "b.mp3.part"
    fresh.write_bytes(b"being written")
    stale.write_bytes(b"left by a killed job")
    two_hours_ago = stale.stat().st_mtime - 7200
    os.utime(stale, (two_hours_ago, two_hours_ago))
    with time_machine.travel(datetime.now(UTC) + timedelta(days=5 * 365), tick=True):
        assert media.sweep_partials(tmp_path) == 1
    assert fresh.exists() and not stale.exists()
    assert media.sweep_partials(tmp_path / "nowhere") == 0

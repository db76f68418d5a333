"""Pure parts of the radio desk: names of programs, the spoken frame, playlists, CSV cells."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bulletins.clock import local_date
from bulletins.errors import ValidationError
from bulletins.models import Program
from bulletins.radio.broadcasts import _cell, parse_range
from bulletins.radio.program_audio import closing_text, opening_text, playlist
from bulletins.radio.schedule import part_of_day, program_title


def test_program_names_follow_the_local_day_and_hour() -> None:
    assert [part_of_day(h) for h in (6, 11, 17, 19)] == ["sáng", "trưa", "chiều", "tối"]
    assert program_title(6, date(2026, 9, 21)) == (
        "Chương trình phát thanh sáng thứ Hai, 21/09/2026")
    assert local_date(datetime(2026, 9, 20, 23, 30)) == date(2026, 9, 21)  # 06:30 in Hà Nội


def test_opening_and_closing_name_the_commune_and_the_day() -> None:
    morning = Program(slot_id=1, air_date=date(2026, 9, 27), starts_at=datetime(2026, 9, 26, 23))
    assert opening_text("xã Vũ Dương", morning) == (
        "Đài Truyền thanh xã Vũ Dương, chương trình phát thanh sáng Chủ nhật "
        "ngày 27 tháng 9 năm 2026.")
    alarm = Program(slot_id=None, air_date=date(2026, 9, 27), starts_at=datetime(2026, 9, 27, 8))
    assert "khẩn cấp" in opening_text("xã Vũ Dương", alarm)
    assert "kết thúc" in closing_text("xã Vũ Dương")


def test_playlist_is_extended_m3u_in_order() -> None:
    text = playlist([(62.4, "Tin một\nhai", "http://x/1.mp3"), (-1, "Tin hai", "http://x/2")])
    assert text.splitlines() == ["#EXTM3U", "#EXTINF:62,Tin một hai", "http://x/1.mp3",
                                 "#EXTINF:-1,Tin hai", "http://x/2"]


def test_csv_cells_never_run_as_formulas_and_ranges_are_checked() -> None:
    assert [_cell(v) for v in ("=1+1", "+84", "@a", "bình thường", None, 5)] == [
        "'=1+1", "'+84", "'@a", "bình thường", "", "5"]
    today = date(2026, 9, 21)
    assert parse_range(None, None, today) == (date(2026, 8, 22), today)
    assert parse_range("01/09/2026", "2026-09-02", today) == (date(2026, 9, 1), date(2026, 9, 2))
    for bad in (("2026-09-05", "2026-09-01"), ("hôm qua", None), ("2024-01-01", "2026-01-01")):
        with pytest.raises(ValidationError):
            parse_range(*bad, today)

"""The one place that reads page numbers, limits, dates, months and ids: its bounds."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from bulletins import params
from bulletins.errors import ValidationError

HUGE = "99999999999999999999"


@pytest.mark.parametrize(("raw", "expected"), [
    (None, 1), ("", 1), ("  ", 1), ("1", 1), (" 7 ", 7), ("0042", 42), ("+3", 3),
    (str(params.PAGE_MAX), params.PAGE_MAX)])
def test_page_reads_numbers_within_bounds(raw, expected):
    assert params.page(raw) == expected


@pytest.mark.parametrize("raw", [
    "0", "-1", HUGE, "-" + HUGE, str(params.PAGE_MAX + 1), "abc", "1.5", "²", "٣", "1e3",
    "9" * 5000, "\x00", "%00", 3])
def test_page_refuses_everything_else_naming_the_parameter(raw):
    with pytest.raises(ValidationError) as refused:
        params.page(raw, name="trang")
    assert refused.value.message
    if isinstance(raw, str):
        assert refused.value.fields == {"trang": "invalid"}


@pytest.mark.parametrize(("raw", "expected"), [
    (None, 100), ("", 100), ("1", 1), ("250", 250), ("0", 1), ("-9223372036854775809", 1),
    (HUGE, 500), ("9" * 5000, 500), ("-" + "9" * 5000, 1)])
def test_limit_is_held_between_one_and_the_maximum(raw, expected):
    assert params.limit(raw) == expected


def test_limit_refuses_what_is_not_a_number():
    for raw in ("abc", "1.0", "²", "1 2"):
        with pytest.raises(ValidationError):
            params.limit(raw)
    assert params.limit(None, default=20, high=50) == 20 and params.limit("99", high=50) == 50


@pytest.mark.parametrize(("raw", "expected"), [
    (None, None), ("", None), ("1", 1), (str(2**31 - 1), 2**31 - 1), (5, 5)])
def test_record_id_reads_32_bit_positive_ids(raw, expected):
    assert params.record_id(raw) == expected


@pytest.mark.parametrize("raw", [
    "0", "-1", str(2**31), str(2**63), HUGE, "abc", "²", 0, -4, 2**31, True, 1.0, ["1"]])
def test_record_id_refuses_the_rest(raw):
    with pytest.raises(ValidationError):
        params.record_id(raw, name="a")


@pytest.mark.parametrize(("raw", "expected"), [
    ("2026-02-28", date(2026, 2, 28)), (" 2026-02-28 ", date(2026, 2, 28)),
    ("28/02/2026", date(2026, 2, 28)), ("2000-01-01", date(2000, 1, 1)),
    ("2199-12-31", date(2199, 12, 31)), (date(2030, 5, 1), date(2030, 5, 1)),
    (None, None), ("", None), ("   ", None)])
def test_day_reads_both_formats_within_the_supported_years(raw, expected):
    assert params.day(raw) == expected


@pytest.mark.parametrize("raw", [
    "0001-01-01", "9999-12-31", "1999-12-31", "2200-01-01", "2026-02-30", "2026-13-01",
    "2026-00-10", "31/02/2026", "26-1-1", "2026-01-01T00:00", "abc", "2026-01-01\x00",
    "%E0%A4%A", "9" * 5000, date(1, 1, 1), date(9999, 12, 31), datetime(2026, 1, 1), 20260101])
def test_day_refuses_impossible_and_out_of_range_dates(raw):
    with pytest.raises(ValidationError) as refused:
        params.day(raw, name="from")
    assert refused.value.fields == {"from": "invalid"}
    assert "2000–2199" in refused.value.message
    assert params.parse_day(raw) is None


def test_day_range_defaults_each_end_and_names_the_bad_one():
    first, last = date(2026, 1, 1), date(2026, 1, 31)
    assert params.day_range(None, "", first, last) == (first, last)
    assert params.day_range("2026-01-05", None, first, last) == (date(2026, 1, 5), last)
    for start, end, bad in (("0001-01-01", None, "from"), (None, "9999-12-31", "to")):
        with pytest.raises(ValidationError) as refused:
            params.day_range(start, end, first, last)
        assert refused.value.fields == {bad: "invalid"}


def test_month_reads_year_and_month_within_the_supported_years():
    assert params.month("2026-12") == (2026, 12)
    assert params.month(None) is None and params.month("") is None
    for raw in ("2026-13", "2026-00", "2026-1", "0001-01", "9999-12", "1999-12", "2200-01",
                "abc", "2026-12-01", "9" * 5000):
        with pytest.raises(ValidationError) as refused:
            params.month(raw)
        assert refused.value.fields == {"month": "invalid"}


def test_shift_month_stops_at_the_supported_years():
    assert params.shift_month(2026, 12, 1) == (2027, 1)
    assert params.shift_month(2026, 1, -1) == (2025, 12)
    assert params.shift_month(2000, 1, -1) is None
    assert params.shift_month(2199, 12, 1) is None


def test_integer_saturates_rather_than_converting_thousands_of_digits():
    assert params.integer("12") == 12 and params.integer("-0") == 0
    assert params.integer("9" * 5000) > 2**63 and params.integer("-" + "9" * 5000) < -(2**63)
    assert params.integer("²") is None and params.integer(None) is None

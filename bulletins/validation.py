"""Parsing and checking bulletin fields, shared by the web form, the API and the CLI."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session

from bulletins import params
from bulletins.clock import LOCAL_TZ
from bulletins.errors import ValidationError
from bulletins.models import Topic, Unit
from bulletins.text import BODY_MAX, SUMMARY_MAX, TITLE_MAX, nfc
from bulletins.workflow import PRIORITIES

CHANNELS = ("radio", "web")
LANGUAGES = ("vi", "en")
FIELDS = (
    "title", "summary", "body", "topic", "unit", "channels",
    "language", "priority", "publish_at", "expire_at",
    "air_from", "air_until", "airings_wanted",
)
AIRINGS_MAX = 100


def to_utc(value: datetime) -> datetime:
    """Naive UTC from an aware datetime, or from a naive one read as Vietnam time.

    Raises ValueError outside the years 2000–2199: nothing Loa schedules lies there, and
    the edges of the calendar would overflow in the time-zone arithmetic.
    """
    if not params.FIRST_YEAR <= value.year <= params.LAST_YEAR:
        raise ValueError("year out of range")
    if value.tzinfo is None:
        value = value.replace(tzinfo=LOCAL_TZ)
    return value.astimezone(UTC).replace(tzinfo=None)


def text_field(errors: dict, data: Mapping, name: str, limit: int,
               required: bool) -> str | None:
    """The NFC text of data[name]; a missing, non-text or too long value noted in errors."""
    value = data.get(name)
    if value is None:
        if required:
            errors[name] = "Bắt buộc."
        return None
    if not isinstance(value, str):
        errors[name] = "Phải là chuỗi ký tự."
        return None
    value = nfc(value)
    if required and not value:
        errors[name] = "Bắt buộc."
    elif len(value) > limit:
        errors[name] = f"Tối đa {limit} ký tự (đang có {len(value)})."
    return value


def _when(errors: dict, data: Mapping, name: str) -> datetime | None:
    value = data.get(name)
    if value in (None, ""):
        return None
    if not isinstance(value, str | datetime):
        errors[name] = "Phải là thời điểm ISO 8601."
        return None
    try:
        if isinstance(value, datetime):
            return to_utc(value)
        return to_utc(datetime.fromisoformat(value.strip().replace("Z", "+00:00")))
    except ValueError:
        errors[name] = ("Thời điểm không hợp lệ (ISO 8601, năm 2000–2199, "
                        "ví dụ 2026-12-01T07:00:00+07:00).")
        return None


def _day(errors: dict, data: Mapping, name: str) -> date | None:
    value = data.get(name)
    if value in (None, ""):
        return None
    parsed = params.parse_day(value)
    if parsed is None:
        errors[name] = params.DAY_MESSAGE
    return parsed


def _count(errors: dict, data: Mapping, name: str, low: int, high: int) -> int | None:
    value = data.get(name)
    if value in (None, ""):
        return None
    if isinstance(value, str):
        value = params.integer(value)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        errors[name] = f"Phải là số nguyên từ {low} đến {high}."
        return None
    return value


def _choice(errors: dict, data: Mapping, name: str, allowed: tuple[str, ...]) -> str | None:
    value = data.get(name)
    if value is None:
        return None
    if not isinstance(value, str) or value not in allowed:
        errors[name] = "Phải là một trong: " + ", ".join(allowed) + "."
        return None
    return value


def _slug(session: Session, errors: dict, data: Mapping, name: str, model: type) -> str | None:
    value = data.get(name)
    if value in (None, ""):
        return None
    if not isinstance(value, str) or session.get(model, value) is None:
        errors[name] = f"Không có mục '{value}'."
        return None
    return value


def _channels(errors: dict, data: Mapping) -> str | None:
    value = data.get("channels")
    if value is None:
        return None
    if isinstance(value, str):
        value = [v for v in value.split(",") if v]
    if (
        not isinstance(value, list | tuple)
        or not value
        or any(not isinstance(v, str) or v not in CHANNELS for v in value)
    ):
        errors["channels"] = 'Phải là danh sách con khác rỗng của ["radio", "web"].'
        return None
    return ",".join(c for c in CHANNELS if c in value)


def parse_fields(session: Session, data: Mapping[str, Any], *, partial: bool) -> dict[str, Any]:
    """Check the given fields; return {column: value} or raise ValidationError (422)."""
    if not isinstance(data, Mapping):
        raise ValidationError("Dữ liệu phải là một đối tượng.")
    errors: dict[str, str] = {}
    unknown = [k for k in data if k not in FIELDS and k not in ("version", "comment")]
    for key in unknown:
        errors[str(key)] = "Trường không được hỗ trợ."
    out: dict[str, Any] = {
        "title": text_field(errors, data, "title", TITLE_MAX, required=not partial),
        "summary": text_field(errors, data, "summary", SUMMARY_MAX, required=False),
        "body": text_field(errors, data, "body", BODY_MAX, required=not partial),
        "topic_slug": _slug(session, errors, data, "topic", Topic),
        "unit_slug": _slug(session, errors, data, "unit", Unit),
        "channels": _channels(errors, data),
        "language": _choice(errors, data, "language", LANGUAGES),
        "priority": _choice(errors, data, "priority", PRIORITIES),
        "publish_at": _when(errors, data, "publish_at"),
        "expire_at": _when(errors, data, "expire_at"),
        "air_from": _day(errors, data, "air_from"),
        "air_until": _day(errors, data, "air_until"),
        "airings_wanted": _count(errors, data, "airings_wanted", 1, AIRINGS_MAX),
    }
    if partial and "title" in data and not out["title"]:
        errors.setdefault("title", "Bắt buộc.")
    if partial and "body" in data and not out["body"]:
        errors.setdefault("body", "Bắt buộc.")
    if out["publish_at"] and out["expire_at"] and out["expire_at"] <= out["publish_at"]:
        errors["expire_at"] = "Phải sau thời điểm đăng."
    if out["air_from"] and out["air_until"] and out["air_until"] < out["air_from"]:
        errors["air_until"] = "Không được trước ngày bắt đầu phát."
    if errors:
        raise ValidationError("Dữ liệu bản tin không hợp lệ.", fields=errors)
    names = {"topic": "topic_slug", "unit": "unit_slug"}
    given = {names.get(k, k) for k in data if k in FIELDS}
    if out["airings_wanted"] is None:  # an empty form field means the default, not "unset"
        given.discard("airings_wanted")
    return {k: v for k, v in out.items() if k in given}

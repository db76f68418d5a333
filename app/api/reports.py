"""The implementation report as JSON, for the province's and the portal's own tools."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from flask import g, jsonify, request

from app.api.auth import token_required
from app.api.blueprint import bp
from app.extensions import db
from bulletins import reading
from bulletins.clock import local_today
from bulletins.reporting import figures


def _plain(value: Any) -> Any:
    """Dates as YYYY-MM-DD, everything else as JSON already has it."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


@bp.get("/report")
@token_required
def report():
    """The report for ?from=&to= (default: this year until today); counts only, no texts."""
    first, last = figures.parse_range(request.args.get("from"), request.args.get("to"),
                                      local_today())
    data = reading.report(db.session, g.user, first, last)
    return jsonify({**_plain(dataclasses.asdict(data)), "returns": data.returns})


@bp.get("/province-report")
@token_required
def province_report():
    """Province staff and observers: the whole province, the province's own bulletins
    (``"commune": null``) and each commune, for ?from=&to=; 403 to a commune's staff."""
    first, last = figures.parse_range(request.args.get("from"), request.args.get("to"),
                                      local_today())
    data = reading.province_report(db.session, g.user, first, last)

    def plain(report: figures.ImplementationReport) -> dict[str, Any]:
        return {**_plain(dataclasses.asdict(report)), "returns": report.returns}

    return jsonify({"start": first.isoformat(), "end": last.isoformat(), "province": data.name,
                    "total": plain(data.total),
                    "communes": [{"commune": p.slug, "name": p.name, **plain(p.report)}
                                 for p in data.parts]})

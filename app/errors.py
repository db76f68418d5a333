"""Error pages and the mapping of domain refusals to HTTP statuses."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException

from app.extensions import db
from bulletins.errors import Conflict, DomainError


def json_error(status: int, code: str, message: str, fields: dict | None = None):
    body = {"error": {"code": code, "message": message}}
    if fields:
        body["error"]["fields"] = fields
    return jsonify(body), status


def wants_json() -> bool:
    return request.path.startswith("/api/")


def init_app(app: Flask) -> None:
    @app.errorhandler(DomainError)
    def _domain(error: DomainError):
        db.session.rollback()
        if wants_json():
            return json_error(error.status, error.code, error.message, error.fields)
        return render_template("error.html", status=error.status, message=error.message), \
            error.status

    @app.errorhandler(StaleDataError)
    def _stale(_error: StaleDataError):
        return _domain(Conflict("Bản tin vừa được người khác thay đổi; hãy tải lại."))

    @app.errorhandler(HTTPException)
    def _http(error: HTTPException):
        if wants_json():
            code = (error.name or "error").lower().replace(" ", "_")
            response = json_error(error.code or 500, code, error.description or error.name)
        else:
            response = (render_template("error.html", status=error.code,
                                        message=error.description), error.code)
        headers = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
        return (*response, headers)

"""OpenAPI 3 description of the JSON API (kept beside the routes it describes)."""

from __future__ import annotations

from typing import Any

from bulletins.text import BODY_MAX, SUMMARY_MAX, TITLE_MAX
from bulletins.workflow import PRIORITIES, Action, State

STR = {"type": "string"}
DT = {"type": "string", "format": "date-time", "nullable": True}


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def _errors(*codes: int) -> dict[str, Any]:
    return {str(c): {"description": "error", **_json(_ref("Error"))} for c in codes}


def _op(summary: str, ok: dict, *codes: int, body: dict | None = None,
        params: list | None = None, status: str = "200") -> dict[str, Any]:
    op: dict[str, Any] = {"summary": summary, "responses": {status: ok, **_errors(401, *codes)}}
    if body:
        op["requestBody"] = {"required": True, **_json(body)}
    if params:
        op["parameters"] = params
    return op


BULLETIN_FIELDS = {
    "title": {"type": "string", "maxLength": TITLE_MAX},
    "summary": {"type": "string", "maxLength": SUMMARY_MAX},
    "body": {"type": "string", "maxLength": BODY_MAX},
    "topic": {"type": "string", "nullable": True},
    "unit": {"type": "string", "nullable": True},
    "channels": {"type": "array", "items": {"type": "string", "enum": ["radio", "web"]}},
    "language": {"type": "string", "enum": ["vi", "en"]},
    "priority": {"type": "string", "enum": list(PRIORITIES)},
    "publish_at": DT,
    "expire_at": DT,
}

ID = {"name": "bulletin_id", "in": "path", "required": True, "schema": {"type": "integer"}}
PID = {"name": "program_id", "in": "path", "required": True, "schema": {"type": "integer"}}
PROGRAM = {"type": "object", "properties": {
    "id": {"type": "integer", "nullable": True, "description": "null for a suggestion"},
    "slot": {"type": "object", "nullable": True}, "date": {"type": "string", "format": "date"},
    "starts_at": DT, "title": {"type": "string", "nullable": True},
    "status": {"type": "string", "enum": ["suggested", "queued", "building", "ready", "failed",
                                          "stale", "empty"]},
    "notice": {"type": "string", "nullable": True},
    "items": {"type": "array", "items": {"type": "object", "properties": {
        "position": {"type": "integer"}, "bulletin_id": {"type": "integer"}, "title": STR,
        "priority": {"type": "string", "enum": list(PRIORITIES)},
        "aired": {"type": "integer"}, "airings_wanted": {"type": "integer"}}}},
    "audio": {"type": "object", "nullable": True}, "broadcast": {"type": "object",
                                                                 "nullable": True}}}
BROADCAST = {"type": "object", "properties": {
    "id": {"type": "integer"}, "program_id": {"type": "integer"}, "aired": {"type": "boolean"},
    "aired_at": DT, "not_aired": {"type": "string", "nullable": True}, "note": STR,
    "recorded_by": STR, "recorded_at": DT, "corrects": {"type": "integer", "nullable": True},
    "bulletins": {"type": "array", "items": {"type": "integer"}}}}
INT, NUM = {"type": "integer"}, {"type": "number", "nullable": True}
COUNTS = {"type": "array", "items": {"type": "object", "properties": {
    "key": STR, "label": STR, "value": INT}}}
REPORT = {"type": "object", "properties": {
    "start": {"type": "string", "format": "date"}, "end": {"type": "string", "format": "date"},
    **{name: INT for name in (
        "published", "corrections", "withdrawn", "airings", "airings_unknown_length",
        "bulletins_aired", "returns", "returns_by_reviewer", "returns_by_leader",
        "bulletins_returned", "approvals", "approvals_measured")},
    "aired_minutes": {"type": "number"},
    "approval_hours_avg": NUM, "approval_hours_median": NUM,
    **{name: COUNTS for name in ("by_topic", "by_unit", "by_channel", "by_language")},
    "months": {"type": "array", "items": {"type": "object", "properties": {
        "month": {"type": "string", "format": "date"}, "published": INT, "returns": INT,
        "airings": INT, "minutes": {"type": "number"}}}},
    "reasons": {"type": "array", "items": {"type": "object"}}}}
CHECK = {"type": "object", "properties": {
    "status": {"type": "string", "enum": ["checking", "matched", "held", "accepted",
                                          "unchecked"]},
    "wer": NUM, "differences": {"type": "array", "items": {"type": "object", "properties": {
        "op": {"type": "string", "enum": ["missing", "added", "changed"]},
        "expected": STR, "heard": STR}}}}}
RECORDING_PATHS: dict[str, Any] = {  # CONTRACT §8
    "/bulletins/{bulletin_id}/recording": {
        "get": _op("What was heard in the newest reading, against its text", {
            "description": "check", **_json(CHECK)}, 403, 404, params=[ID]),
        "post": {"summary": "A person's reading (MP3, WAV or M4A) instead of synthesis",
                 "parameters": [ID], "requestBody": {"required": True, "content": {
                     "multipart/form-data": {"schema": {"type": "object", "properties": {
                         "file": {"type": "string", "format": "binary"}}}}}},
                 "responses": {"202": {"description": "being heard", **_json(CHECK)},
                               **_errors(401, 403, 404, 409, 422)}}},
    "/bulletins/{bulletin_id}/recording/accept": {"post": _op(
        "A leader airs a held reading anyway", {"description": "check", **_json(CHECK)},
        400, 403, 404, 409, 422, params=[ID],
        body={"type": "object", "required": ["comment"], "properties": {"comment": STR}})},
}
PROVINCE_REPORT = {"type": "object", "properties": {
    "start": {"type": "string", "format": "date"}, "end": {"type": "string", "format": "date"},
    "province": {"type": "string"}, "total": REPORT,
    "communes": {"type": "array", "items": {"type": "object", "properties": {
        "commune": {"type": ["string", "null"]}, "name": {"type": "string"},
        **REPORT["properties"]}}}}}
PROGRAM_PATHS: dict[str, Any] = {
    "/programs": {"get": {
        "summary": "The day's radio programs: saved ones and suggestions for unsaved slots",
        "parameters": [{"name": "date", "in": "query", "schema": {"type": "string",
                                                                  "format": "date"}}],
        "responses": {"200": {"description": "programs", **_json({"type": "object", "properties": {
            "date": STR, "items": {"type": "array", "items": PROGRAM}}})},
            **_errors(401, 403, 422)}}},
    "/programs/{program_id}": {"get": {
        "summary": "One program", "parameters": [PID],
        "responses": {"200": {"description": "program", **_json(PROGRAM)},
                      **_errors(401, 403, 404)}}},
    "/programs/{program_id}/audio": {"get": {
        "summary": "MP3 of a built program", "parameters": [PID], "responses": {
            "200": {"description": "MP3", "content": {"audio/mpeg": {}}},
            "202": {"description": "being made", **_json({
                "type": "object", "properties": {"status": STR}})},
            **_errors(401, 403, 404)}}},
    "/programs/{program_id}/playlist.m3u": {"get": {
        "summary": "M3U of the program's separate bulletin files", "parameters": [PID],
        "responses": {"200": {"description": "M3U", "content": {"audio/x-mpegurl": {}}},
                      **_errors(401, 403, 404)}}},
    "/programs/{program_id}/script": {"get": {
        "summary": "The announcer's script (approved texts in program order)",
        "parameters": [PID], "responses": {"200": {"description": "text", "content": {
            "text/plain": {}}}, **_errors(401, 403, 404)}}},
    "/programs/{program_id}/broadcasts": {
        "get": {"summary": "The program's broadcast log", "parameters": [PID], "responses": {
            "200": {"description": "entries", **_json({"type": "array", "items": BROADCAST})},
            **_errors(401, 403, 404)}},
        "post": {"summary": "Record an airing, or that it did not air; 'corrects' appends a "
                            "correction of an earlier entry", "parameters": [PID],
                 "requestBody": {"required": True, **_json({"type": "object", "properties": {
                     "aired_at": {"type": "string", "format": "date-time"}, "note": STR,
                     "not_aired": STR, "corrects": {"type": "integer"}}})},
                 "responses": {"201": {"description": "entry", **_json(BROADCAST)},
                               **_errors(400, 401, 403, 404, 409, 422)}}},
}


def spec() -> dict[str, Any]:
    """The whole document."""
    one = {"description": "the bulletin", **_json(_ref("Bulletin"))}
    return {
        "openapi": "3.0.3",
        "info": {"title": "Loa API", "version": "1"},
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}],
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {"type": "object", "properties": {"error": {
                    "type": "object", "required": ["code", "message"],
                    "properties": {"code": STR, "message": STR, "fields": {"type": "object"}}}}},
                "BulletinInput": {"type": "object", "required": ["title", "body"],
                                  "properties": BULLETIN_FIELDS},
                "BulletinPatch": {"type": "object", "required": ["version"], "properties": {
                    **BULLETIN_FIELDS, "version": {"type": "integer"}}},
                "Bulletin": {"type": "object", "properties": {
                    **BULLETIN_FIELDS, "id": {"type": "integer"},
                    "status": {"type": "string", "enum": [s.value for s in State]},
                    "version": {"type": "integer"}, "author": STR, "created_at": DT,
                    "updated_at": DT, "content_hash": {"type": "string", "nullable": True},
                    "actions": {"type": "array", "items": STR}}},
                "Finding": {"type": "object", "properties": {
                    "id": {"type": "integer"}, "kind": STR, "start": {"type": "integer"},
                    "end": {"type": "integer"}, "text": STR,
                    "severity": {"type": "string", "enum": ["block", "warn"]},
                    "resolved": {"type": "boolean"}, "note": STR,
                    "confirmed": {"type": "boolean", "description": (
                        "a reviewer confirmed it must be fixed (the bulletin went back "
                        "to its author)")}}},
                "Event": {"type": "object", "properties": {
                    "who": STR, "when": DT, "from": STR, "to": STR, "comment": STR,
                    "action": {"type": "string", "description": (
                        "a workflow action, 'create', 'edit', 'scan', or a reviewer's "
                        "decision on a finding: 'resolve' (not a problem) or 'confirm' "
                        "(must fix); the note is the comment")},
                    "data": {"type": "object", "description": (
                        "details: for 'resolve'/'confirm' finding, kind, text, severity")}}},
            },
        },
        "paths": {
            "/me": {"get": _op("The token's user", {"description": "user", **_json({
                "type": "object", "properties": {"username": STR,
                                                 "roles": {"type": "array", "items": STR}}})})},
            "/bulletins": {
                "get": _op("List and search bulletins", {"description": "items", **_json({
                    "type": "object", "properties": {"items": {
                        "type": "array", "items": _ref("Bulletin")}}})}, 403, 422, params=[
                    *({"name": n, "in": "query", "schema": STR}
                      for n in ("status", "topic", "unit", "q")),
                    *({"name": n, "in": "query", "schema": {"type": "string", "format": "date"}}
                      for n in ("from", "to")),
                    {"name": "limit", "in": "query", "schema": {"type": "integer"}}]),
                "post": _op("Create a draft", {"description": "created", **_json(
                    _ref("Bulletin"))}, 400, 403, 422, body=_ref("BulletinInput"), status="201"),
            },
            "/bulletins/{bulletin_id}": {
                "get": _op("One bulletin", one, 403, 404, params=[ID]),
                "patch": _op("Edit a draft (send the current version)", one, 400, 403, 404, 409,
                             422, body=_ref("BulletinPatch"), params=[ID]),
            },
            "/bulletins/{bulletin_id}/actions/{action}": {"post": _op(
                "Take a workflow action", one, 400, 403, 404, 409, 422, params=[
                    ID, {"name": "action", "in": "path", "required": True,
                         "schema": {"type": "string", "enum": [a.value for a in Action]}}],
                body={"type": "object", "properties": {
                    "comment": STR, "checklist": {"type": "object"},
                    "version": {"type": "integer"}}})},
            "/bulletins/{bulletin_id}/findings": {"get": _op(
                "Findings of the current revision", {"description": "findings", **_json(
                    {"type": "array", "items": _ref("Finding")})}, 403, 404, params=[ID])},
            "/bulletins/{bulletin_id}/findings/{finding_id}/resolve": {"post": _op(
                "Mark a finding as not a problem", {"description": "finding", **_json(
                    _ref("Finding"))}, 400, 403, 404, 409, 422, params=[
                    ID, {"name": "finding_id", "in": "path", "required": True,
                         "schema": {"type": "integer"}}],
                body={"type": "object", "required": ["note"], "properties": {"note": STR}})},
            "/bulletins/{bulletin_id}/findings/{finding_id}/confirm": {"post": _op(
                "Confirm a finding must be fixed: the bulletin returns to its author "
                "(in_review → draft, as the action 'return'), with the finding and the note "
                "as the return's comment", one, 400, 403, 404, 409, 422, params=[
                    ID, {"name": "finding_id", "in": "path", "required": True,
                         "schema": {"type": "integer"}}],
                body={"type": "object", "required": ["note"], "properties": {"note": STR}})},
            "/bulletins/{bulletin_id}/history": {"get": _op(
                "Every action and edit", {"description": "events", **_json(
                    {"type": "array", "items": _ref("Event")})}, 403, 404, params=[ID])},
            "/bulletins/{bulletin_id}/audio": {"get": {
                "summary": "Audio of the approved text", "parameters": [ID], "responses": {
                    "200": {"description": "MP3", "content": {"audio/mpeg": {}}},
                    "202": {"description": "being made", **_json({
                        "type": "object", "properties": {"status": STR}})},
                    **_errors(401, 403, 404, 409)}}},
            **RECORDING_PATHS,
            "/topics": {"get": _op("Topics", {"description": "topics"})},
            "/units": {"get": _op("Units", {"description": "units"})},
            **PROGRAM_PATHS,
            "/report": {"get": _op(
                "The implementation report for a date range (counts only)", {
                    "description": "report", **_json(REPORT)}, 403, 422, params=[
                    {"name": n, "in": "query", "schema": {"type": "string", "format": "date"}}
                    for n in ("from", "to")])},
            "/province-report": {"get": _op(
                "The implementation report across the province: the whole, the province's own "
                "bulletins (commune null) and each commune (province staff and observers)", {
                    "description": "province report", **_json(PROVINCE_REPORT)}, 403, 422,
                params=[{"name": n, "in": "query", "schema": {"type": "string", "format": "date"}}
                        for n in ("from", "to")])},
        },
    }

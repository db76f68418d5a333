"""Consistent backup and restore of the database and the audio files, engine-independent.

A backup is a gzipped tar holding `manifest.json`, one JSON-lines file per table (read in one
transaction, so the rows are one consistent snapshot) and the files under DATA_DIR that rows
point to (audio, recordings, jingles). It restores into SQLite or PostgreSQL alike.
"""

from __future__ import annotations

import base64
import io
import json
import os
import tarfile
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, LargeBinary, func, insert, select, text
from sqlalchemy.sql.sqltypes import Date, DateTime

from bulletins.clock import utcnow
from bulletins.models import Base

FORMAT = "loa-backup/1"
FILE_DIRS = ("audio", "jingles")


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def _decode(column, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column.type, DateTime):
        return datetime.fromisoformat(value)
    if isinstance(column.type, Date):
        return date.fromisoformat(value)
    if isinstance(column.type, LargeBinary):
        return base64.b64decode(value)
    return value


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mtime, info.mode = len(data), int(utcnow().timestamp()), 0o600
    tar.addfile(info, io.BytesIO(data))


def backup(engine: Engine, data_dir: Path, target: Path) -> dict[str, int]:
    """Write a backup to target atomically; return row counts per table and the file count."""
    counts: dict[str, int] = {}
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".backup-", suffix=".part")
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        with tarfile.open(tmp, "w:gz") as tar, engine.connect() as conn:
            if engine.dialect.name == "postgresql":
                conn.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
            elif engine.dialect.name == "sqlite":
                conn.exec_driver_sql("BEGIN")  # one read snapshot for every table
            for table in Base.metadata.sorted_tables:
                lines = [json.dumps({k: _encode(v) for k, v in row._mapping.items()},
                                    ensure_ascii=False)
                         for row in conn.execute(select(table))]
                counts[table.name] = len(lines)
                _add_bytes(tar, f"tables/{table.name}.jsonl",
                           ("\n".join(lines) + "\n" if lines else "").encode("utf-8"))
            conn.rollback()
            files = 0
            for folder in FILE_DIRS:
                root = data_dir / folder
                for path in sorted(root.rglob("*")) if root.is_dir() else ():
                    if path.is_file() and not path.name.endswith(".part"):
                        tar.add(path, arcname=f"files/{path.relative_to(data_dir)}")
                        files += 1
            manifest = {"format": FORMAT, "created_at": utcnow().isoformat(),
                        "tables": counts, "files": files}
            _add_bytes(tar, "manifest.json", json.dumps(manifest, indent=1).encode("utf-8"))
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return {**counts, "files": files}


def _safe_member(member: tarfile.TarInfo) -> bool:
    name = Path(member.name)
    return member.isfile() and not name.is_absolute() and ".." not in name.parts


def restore(engine: Engine, data_dir: Path, source: Path) -> dict[str, int]:
    """Replace every row and the backed-up files with the backup's; all or nothing for rows."""
    with tarfile.open(source, "r:gz") as tar:
        members = {m.name: m for m in tar.getmembers() if _safe_member(m)}
        manifest_member = members.get("manifest.json")
        if manifest_member is None:
            raise ValueError("not a Loa backup: manifest.json is missing")
        manifest = json.loads(tar.extractfile(manifest_member).read())
        if manifest.get("format") != FORMAT:
            raise ValueError(f"unknown backup format {manifest.get('format')!r}")
        tables = Base.metadata.sorted_tables
        with engine.begin() as conn:
            for table in reversed(tables):
                conn.execute(table.delete())
            for table in tables:
                member = members.get(f"tables/{table.name}.jsonl")
                if member is None:
                    continue
                rows = [json.loads(line) for line in
                        tar.extractfile(member).read().decode("utf-8").splitlines() if line]
                rows = [{c.name: _decode(c, r.get(c.name)) for c in table.columns if c.name in r}
                        for r in rows]
                if rows:
                    conn.execute(insert(table), rows)
            if engine.dialect.name == "postgresql":
                for table in tables:
                    pk = list(table.primary_key.columns)
                    if len(pk) == 1 and pk[0].autoincrement in (True, "auto") \
                            and pk[0].type.python_type is int:
                        top = select(func.max(pk[0])).scalar_subquery()
                        conn.execute(select(func.setval(
                            func.pg_get_serial_sequence(table.name, pk[0].name),
                            func.coalesce(top, 0) + 1, False)))
        files = 0
        for name, member in members.items():
            if name.startswith("files/"):
                dest = data_dir / Path(name).relative_to("files")
                dest.parent.mkdir(parents=True, exist_ok=True)
                part = dest.with_name(dest.name + ".part")
                part.write_bytes(tar.extractfile(member).read())
                os.replace(part, dest)
                files += 1
    return {**manifest["tables"], "files": files}

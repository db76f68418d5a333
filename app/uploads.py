"""Receiving uploaded files: stored under a generated name, never the user's."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import current_app
from werkzeug.datastructures import FileStorage


@contextmanager
def saved(upload: FileStorage) -> Iterator[Path]:
    """The upload as a temporary file in DATA_DIR/uploads, removed afterwards."""
    folder = Path(current_app.config["DATA_DIR"]) / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / secrets.token_hex(16)
    upload.save(path)
    try:
        yield path
    finally:
        path.unlink(missing_ok=True)

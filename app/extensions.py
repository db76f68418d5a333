"""Flask extensions, created here and bound to an app in create_app()."""

from __future__ import annotations

import sqlite3

from flask import current_app
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import event
from sqlalchemy.engine import Engine

from bulletins.models import Base
from bulletins.services import OUTBOX

db = SQLAlchemy(metadata=Base.metadata)
migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()
limiter = Limiter(key_func=get_remote_address, default_limits=[])


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """WAL, a busy timeout and enforced foreign keys on every SQLite connection."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


@event.listens_for(db.session, "after_commit")
def _dispatch_outbox(session) -> None:
    """Hand the jobs a committed transaction asked for to the queue."""
    items = session.info.pop(OUTBOX, [])
    if items:
        current_app.extensions["loa.jobs"].dispatch(items)


@event.listens_for(db.session, "after_soft_rollback")
def _drop_outbox(session, _previous_transaction) -> None:
    session.info.pop(OUTBOX, None)

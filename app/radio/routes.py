"""The radio desk: approved radio bulletins with their audio, to listen and download."""

from __future__ import annotations

from flask import render_template

from app.extensions import db
from app.radio import bp
from app.security import roles_required
from bulletins import queries


@bp.route("/")
@roles_required("operator", "admin")
def index():
    """Published radio bulletins with audio status, a player and a download link."""
    items = [(b, queries.latest_audio(db.session, b))
             for b in queries.public_bulletins(db.session, channel="radio", limit=100)]
    return render_template("radio/index.html", items=items)

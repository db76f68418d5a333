"""The radio desk: approved radio bulletins with their audio, to listen and download."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from app.admin.forms import EmptyForm
from app.extensions import db
from app.radio import bp
from app.security import roles_required
from bulletins import media, queries
from bulletins.errors import DomainError
from bulletins.models import Bulletin
from bulletins.workflow import State


@bp.route("/")
@roles_required("operator", "admin")
def index():
    """Radio bulletins on air and coming up, each with its audio state, player and download."""
    on_air = queries.public_bulletins(db.session, channel="radio", limit=100)
    coming = db.session.scalars(
        select(Bulletin).where(Bulletin.status == State.APPROVED,
                               Bulletin.channels.like("%radio%"))
        .order_by(Bulletin.publish_at)).unique().all()
    rows = [(b, queries.latest_audio(db.session, b)) for b in [*coming, *on_air]]
    return render_template("radio/index.html", items=rows, form=EmptyForm())


@bp.route("/b/<int:bulletin_id>/audio/retry", methods=["POST"])
@roles_required("operator", "leader", "admin")
def retry(bulletin_id: int):
    """Make the audio again after a failed synthesis."""
    if EmptyForm().validate_on_submit():
        try:
            media.retry_audio(db.session, current_user, bulletin_id)
            db.session.commit()
            flash(_("Đã xếp hàng làm lại âm thanh."), "success")
        except DomainError as error:
            db.session.rollback()
            flash(error.message, "error")
    return redirect(request.referrer or url_for("radio.index"))

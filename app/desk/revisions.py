"""Every saved version of a bulletin, the words changed between any two, and restoring one."""

from __future__ import annotations

from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.actions import attempt
from app.desk.blueprint import bp
from app.desk.forms import ActionForm
from app.extensions import db
from app.security import roles_required
from bulletins import params, reading, services
from bulletins.editorial import queries
from bulletins.editorial.diff import changed_words, diff_words
from bulletins.workflow import ROLES as STAFF


@bp.route("/b/<int:bulletin_id>/revisions")
@roles_required(*STAFF)
def revisions(bulletin_id: int):
    """The versions, and an inline diff of two of them (by default the last two)."""
    bulletin = reading.bulletin(db.session, current_user, bulletin_id)
    rows = queries.revisions(db.session, bulletin_id)
    numbers = [r.number for r in rows]
    new = params.record_id(request.args.get("b"), "b") or numbers[-1]
    old = params.record_id(request.args.get("a"), "a") or numbers[max(len(numbers) - 2, 0)]
    by_number = {r.number: r for r in rows}
    a, b = by_number.get(old, rows[0]), by_number.get(new, rows[-1])
    parts = {name: diff_words(getattr(a, name) or "", getattr(b, name) or "")
             for name in ("title", "summary", "body")}
    counts = changed_words([p for pieces in parts.values() for p in pieces])
    return render_template("desk/revisions.html", bulletin=bulletin, rows=rows, a=a, b=b,
                           parts=parts, counts=counts,
                           form=ActionForm(version=bulletin.version))


@bp.route("/b/<int:bulletin_id>/revisions/<int:number>/restore", methods=["POST"])
@roles_required("editor")
def restore(bulletin_id: int, number: int):
    """Make an earlier version's text the draft's text again (as a new version)."""
    form = ActionForm()
    if form.validate_on_submit():
        attempt(services.restore_revision, bulletin_id, number, form.version.data,
                success=_("Đã khôi phục phiên bản %(n)s thành bản nháp mới.", n=number))
    return redirect(url_for("desk.detail", bulletin_id=bulletin_id))

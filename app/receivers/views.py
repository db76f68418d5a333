"""Staff pages: the receivers dashboard by village, registering and keys, a program's reach,
and the province's view per commune."""

from __future__ import annotations

from datetime import timedelta

from flask import abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.actions import attempt
from app.admin.forms import EmptyForm
from app.extensions import db
from app.receivers.blueprint import bp
from app.receivers.forms import ReceiverForm
from app.security import roles_required
from bulletins import params, tenancy
from bulletins.clock import utcnow
from bulletins.errors import ValidationError
from bulletins.models import Commune
from bulletins.receivers import keys, registry, status

READERS = tuple(sorted(registry.READER_ROLES))
MANAGERS = tuple(sorted(registry.STAFF_ROLES))


def _poll() -> int:
    return int(current_app.config.get("RECEIVER_POLL_SECONDS") or 30)


def _commune_id() -> int | None:
    """The commune on show: the user's own; a province user picks one (?commune=ID)."""
    if not tenancy.is_province(current_user):
        return current_user.commune_id
    try:
        return params.record_id(request.args.get("commune"), "commune")
    except ValidationError:  # a bad id shows the first commune
        return None


def _page(form: ReceiverForm, key: str | None = None, keyed=None, code: int = 200):
    keys.flush_heard(db.session, force=True)  # what this process heard, before showing it
    board = status.dashboard(db.session, current_user, _commune_id(), _poll())
    now = utcnow()
    programs = status.recent_programs(db.session, board.commune.id, now - timedelta(days=1),
                                      now + timedelta(days=1))
    communes = tenancy.communes(db.session) if tenancy.is_province(current_user) else []
    manager = bool(current_user.role_names & registry.STAFF_ROLES)
    return render_template("receivers/index.html", board=board, form=form, key=key,
                           keyed=keyed, programs=programs, communes=communes,
                           manager=manager, empty=EmptyForm(), poll=_poll()), code


@bp.get("/receivers/")
@roles_required(*READERS)
def index():
    """The commune's clusters grouped by village: online, offline, playing; emergencies' reach."""
    return _page(ReceiverForm())


@bp.post("/receivers/")
@roles_required(*MANAGERS)
def create():
    """Register a cluster; its key is shown once on the answer page."""
    form = ReceiverForm()
    if not form.validate_on_submit():
        return _page(form, code=422)
    commune = db.session.get(Commune, _commune_id() or 0) or tenancy.first_commune(db.session)
    ok, result = attempt(registry.create_receiver, commune, form.data, form=form)
    if not ok:
        return _page(form, code=422)
    receiver, key = result
    return _page(ReceiverForm(formdata=None), key=key, keyed=receiver)


def _receiver(receiver_id: int):
    return registry.get_receiver(db.session, current_user, receiver_id)


@bp.post("/receivers/<int:receiver_id>/rotate")
@roles_required(*MANAGERS)
def rotate(receiver_id: int):
    """A new key for the cluster, shown once; the old one stops at once."""
    if not EmptyForm().validate_on_submit():
        abort(400)
    receiver = _receiver(receiver_id)
    ok, key = attempt(registry.rotate_key, receiver)
    return _page(ReceiverForm(formdata=None), key=key if ok else None, keyed=receiver)


@bp.post("/receivers/<int:receiver_id>/revoke")
@roles_required(*MANAGERS)
def revoke(receiver_id: int):
    """Revoke the cluster's key (401 from now on)."""
    if not EmptyForm().validate_on_submit():
        abort(400)
    receiver = _receiver(receiver_id)
    attempt(registry.revoke, receiver, success=_("Đã thu hồi khóa của cụm loa."))
    return redirect(url_for("receivers.index", commune=receiver.commune_id))


@bp.get("/receivers/programs/<int:program_id>")
@roles_required(*READERS)
def program(program_id: int):
    """Which clusters played the program, which failed (and why), which said nothing."""
    found = status.program_reach(db.session, current_user, program_id)
    return render_template("receivers/program.html", reach=found)


@bp.get("/receivers/province")
@roles_required(*READERS)
def province():
    """Province staff: each commune's clusters online and its emergencies' reach (a commune's
    staff are sent to their own commune's page)."""
    if not tenancy.is_province(current_user):
        return redirect(url_for("receivers.index"))
    keys.flush_heard(db.session, force=True)
    lines = status.province(db.session, current_user, _poll())
    return render_template("receivers/province.html", lines=lines)

"""The editorial desk: queues, drafting, review with findings, approval."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from app.actions import attempt
from app.desk import live, messages
from app.desk.blueprint import bp
from app.desk.forms import (
    AcceptReadingForm,
    ActionForm,
    BulletinForm,
    ClearForm,
    CommentForm,
    RecordingForm,
    ResolveForm,
    fill_choices,
)
from app.desk.scantext import review_parts
from app.desk.templates_views import prefill
from app.extensions import db
from app.media import send_audio
from app.security import home_endpoint, roles_required
from bulletins import params, reading, services, tenancy
from bulletins.editorial import comments, queries, review
from bulletins.errors import ValidationError
from bulletins.speech import checks
from bulletins.workflow import ROLES as STAFF
from bulletins.workflow import allowed_actions

EDITOR_PAGE = 50  # drafts per page of the editor's desk


@bp.route("/")
@login_required
def home():
    """Send each user to the queue of their first role."""
    return redirect(url_for(home_endpoint(current_user)))


@bp.route("/editor")
@roles_required("editor")
def editor_queue():
    """My drafts a page at a time, what came back to me with its comment, my other bulletins."""
    total = queries.queue_count(db.session, current_user, "editor")
    pages = max(1, -(-total // EDITOR_PAGE))
    try:
        page = min(params.page(request.args.get("page")), pages)  # past the end: the last
    except ValidationError as error:
        flash(error.message, "error")
        page = 1
    drafts = queries.queue_for(db.session, current_user, "editor", limit=EDITOR_PAGE,
                               offset=(page - 1) * EDITOR_PAGE)
    returns = queries.last_return_comments(db.session, [b.id for b in drafts])
    mine = queries.list_bulletins(db.session, author=current_user, limit=50)
    return render_template("desk/editor.html", drafts=drafts, returns=returns, mine=mine,
                           page=page, pages=pages, total=total)


@bp.route("/review")
@roles_required("reviewer")
def review_queue():
    """Bulletins waiting for the confidentiality review, and emergencies to review after air."""
    items = queries.queue_for(db.session, current_user, "reviewer")
    return render_template("desk/queue.html", items=items, heading=_("Chờ thẩm định"),
                           counts=queries.open_findings(db.session, items))


@bp.route("/approve")
@roles_required("leader")
def approve_queue():
    """Bulletins waiting for a leader's decision, and approved ones waiting for their time."""
    items = queries.queue_for(db.session, current_user, "leader")
    return render_template("desk/queue.html", items=items, heading=_("Chờ phê duyệt"))


@bp.route("/new", methods=["GET", "POST"])
@roles_required("editor")
def new():
    """Draft a new bulletin."""
    form = BulletinForm()
    fill_choices(form)
    if request.method == "GET":
        form.unit.data = current_user.unit_slug or ""
        if request.args.get("template"):
            prefill(form, request.args["template"])
    if form.validate_on_submit():
        ok, bulletin = attempt(services.create_bulletin, form.data_for_service(), form=form,
                               success=_("Đã lưu bản nháp."))
        if ok:
            return redirect(url_for("desk.detail", bulletin_id=bulletin.id))
    return render_template("desk/edit.html", form=form, bulletin=None)


@bp.route("/b/<int:bulletin_id>/edit", methods=["GET", "POST"])
@roles_required("editor")
def edit(bulletin_id: int):
    """Edit a draft; saving keeps the earlier text as a revision."""
    bulletin = services.get_bulletin(db.session, bulletin_id, current_user, acts=True)
    form = BulletinForm(obj=bulletin if request.method == "GET" else None)
    fill_choices(form)
    if request.method == "GET":
        form.topic.data, form.unit.data = bulletin.topic_slug or "", bulletin.unit_slug or ""
        form.channels.data, form.version.data = bulletin.channel_list, bulletin.version
    version = params.integer(form.version.data or "0")
    if form.validate_on_submit() and version is not None:
        ok, _result = attempt(services.edit_bulletin, bulletin_id, form.data_for_service(),
                              version, form=form, success=_("Đã lưu."))
        if ok:
            return redirect(url_for("desk.detail", bulletin_id=bulletin_id))
    return render_template("desk/edit.html", form=form, bulletin=bulletin)


@bp.route("/b/<int:bulletin_id>")
@roles_required(*STAFF)
def detail(bulletin_id: int):
    """The bulletin with its findings highlighted, its history and what I may do with it."""
    return _detail_page(bulletin_id)


def _detail_page(bulletin_id: int, clear_form: ClearForm | None = None, status: int = 200):
    """The detail page; a refused clearance comes back with the reviewer's ticks and note."""
    bulletin = reading.bulletin(db.session, current_user, bulletin_id)
    findings = services.active_findings(db.session, bulletin)
    if clear_form is None:
        clear_form = ClearForm(version=bulletin.version)
    else:
        clear_form.version.data = bulletin.version
    return render_template(
        "desk/detail.html", bulletin=bulletin, findings=findings,
        parts=review_parts(bulletin, findings),
        scanned=queries.scanned(db.session, bulletin),
        actions=allowed_actions(bulletin, current_user),
        history=queries.history(db.session, bulletin_id),
        earlier=queries.earlier_findings(db.session, bulletin),
        audio=queries.latest_audio(db.session, bulletin),
        action_form=ActionForm(version=bulletin.version),
        clear_form=clear_form, resolve_form=ResolveForm(),
        recording_form=RecordingForm(), comment_form=CommentForm(),
        reading=checks.current_reading(db.session, bulletin), accept_form=AcceptReadingForm(),
        comments=comments.thread(db.session, bulletin_id),
        aired_in=_aired_in(bulletin),
        approval_plan=messages.approval_plan(bulletin), **live.page(bulletin),
    ), status


def _aired_in(bulletin) -> list[tuple[str, int]] | None:
    """A province bulletin's airings in each commune (name, times), for province staff."""
    if bulletin.commune_id is not None or not tenancy.is_province(current_user):
        return None
    counts = reading.aired_by_commune(db.session, current_user, bulletin.id)
    return [(c.name, counts.get(c.slug, 0)) for c in tenancy.communes(db.session)]


@bp.route("/b/<int:bulletin_id>/action/<action>", methods=["POST"])
@roles_required(*STAFF)
def act(bulletin_id: int, action: str):
    """Take a workflow action from the detail page."""
    if action == "clear":
        return _clear(bulletin_id)
    form = ActionForm()
    if not form.validate_on_submit():
        flash(_("Biểu mẫu không hợp lệ; hãy tải lại trang."), "error")
        return redirect(url_for("desk.detail", bulletin_id=bulletin_id))
    if not messages.take_action(bulletin_id, action, form) and action == "approve":
        return redirect(url_for("desk.detail", bulletin_id=bulletin_id) + "#approve")
    return redirect(url_for("desk.detail", bulletin_id=bulletin_id))


def _clear(bulletin_id: int):
    """Clear the review; refused, the page comes back with the ticks the reviewer gave."""
    form = ClearForm()
    if not form.validate_on_submit():
        flash(_("Hãy xác nhận đủ các mục kiểm tra."), "error")
        return _detail_page(bulletin_id, form, 422)
    checklist = {name: True for name in ClearForm.CHECKLIST}
    ok, result = attempt(services.perform, bulletin_id, "clear", comment=form.comment.data,
                         checklist=checklist, expected_version=form.version.data,
                         success=messages.done_message("clear", None))
    if not ok:
        return _detail_page(bulletin_id, form, result.status)
    return redirect(url_for("desk.detail", bulletin_id=bulletin_id))


@bp.route("/b/<int:bulletin_id>/findings/<int:finding_id>/resolve", methods=["POST"])
@roles_required("reviewer")
def resolve(bulletin_id: int, finding_id: int):
    """Mark a finding as not a problem, with a note."""
    form = ResolveForm()
    if not form.validate_on_submit():
        flash(_("Cần ghi chú lý do."), "error")
        return redirect(url_for("desk.detail", bulletin_id=bulletin_id))
    attempt(services.resolve_finding, bulletin_id, finding_id, form.note.data,
            success=_("Đã đánh dấu phát hiện là không vi phạm."))
    return redirect(url_for("desk.detail", bulletin_id=bulletin_id) + "#findings")


@bp.route("/b/<int:bulletin_id>/findings/<int:finding_id>/confirm", methods=["POST"])
@roles_required("reviewer")
def confirm(bulletin_id: int, finding_id: int):
    """Confirm a finding must be fixed: the bulletin goes back to its author."""
    form = ResolveForm()
    if not form.validate_on_submit():
        flash(_("Cần ghi chú lý do."), "error")
        return redirect(url_for("desk.detail", bulletin_id=bulletin_id) + "#findings")
    attempt(review.confirm_findings, bulletin_id, [finding_id], form.note.data,
            success=_("Đã trả bản tin về tác giả để sửa."))
    return redirect(url_for("desk.detail", bulletin_id=bulletin_id))


@bp.route("/b/<int:bulletin_id>/audio.mp3")
@roles_required(*STAFF)
def audio(bulletin_id: int):
    """Staff download of a bulletin's audio, whatever its public state."""
    bulletin = reading.bulletin(db.session, current_user, bulletin_id)
    found = queries.latest_audio(db.session, bulletin)
    if checks.being_heard(found):
        abort(404)  # as while synthesis runs; leaders listen through the preview
    checks.refuse_withheld(found)  # a held reading is handed to no one (409)
    return send_audio(found, download=request.args.get("download") == "1")


@bp.route("/b/<int:bulletin_id>/comments", methods=["POST"])
@roles_required(*STAFF)
def comment(bulletin_id: int):
    """Add to the staff thread kept with the bulletin."""
    form = CommentForm()
    if form.validate_on_submit():
        attempt(comments.add_comment, bulletin_id, form.body.data, success=_("Đã gửi bình luận."))
    else:
        flash(_("Bình luận trống hoặc quá dài."), "error")
    return redirect(url_for("desk.detail", bulletin_id=bulletin_id) + "#comments")

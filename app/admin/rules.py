"""Admin pages for the scanner's rules and allow-list and the speech lexicon."""

from __future__ import annotations

from flask import redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.actions import attempt
from app.admin.blueprint import bp
from app.admin.forms import AllowForm, EmptyForm, LexiconForm, RuleForm
from app.extensions import db
from app.security import roles_required
from audio.lexicon import DEFAULT_ABBREVIATIONS
from bulletins.confidentiality import catalog, rules

MODELS = {"rule": rules.ScanRule, "allow": rules.AllowEntry, "lexicon": rules.LexiconEntry}


def _save(action, *args) -> bool:
    return attempt(action, *args, success=_("Đã lưu."))[0]


@bp.route("/rules", methods=["GET", "POST"])
@roles_required("admin")
def scan_rules():
    """Keyword rules and the allow-list of the confidentiality scanner."""
    rule_form, allow_form = RuleForm(prefix="rule"), AllowForm(prefix="allow")
    if rule_form.phrase.data and rule_form.validate_on_submit():
        if _save(rules.add_rule, rule_form.phrase.data, rule_form.severity.data,
                 rule_form.note.data or "", rule_form.ignore_tones.data):
            return redirect(url_for("admin.scan_rules"))
    elif allow_form.value.data and allow_form.validate_on_submit():
        if _save(rules.add_allow, allow_form.value.data, allow_form.note.data or ""):
            return redirect(url_for("admin.scan_rules"))
    return render_template(
        "admin/rules.html", rule_form=rule_form, allow_form=allow_form, empty=EmptyForm(),
        detectors=catalog.detectors(), secret_fields=catalog.secret_fields(),
        sensitive_sorts=catalog.sensitive_sorts(), second_look=catalog.second_look(),
        rules=rules.entries(db.session, rules.ScanRule, current_user),
        allow=rules.entries(db.session, rules.AllowEntry, current_user))


@bp.route("/lexicon", methods=["GET", "POST"])
@roles_required("admin")
def lexicon():
    """Abbreviations and pronunciations the radio voice uses, over the built-in dictionary."""
    form = LexiconForm()
    if form.validate_on_submit():
        if _save(rules.set_lexicon, form.kind.data, form.written.data, form.spoken.data):
            return redirect(url_for("admin.lexicon"))
    return render_template("admin/lexicon.html", form=form,
                           entries=rules.entries(db.session, rules.LexiconEntry, current_user),
                           empty=EmptyForm(), builtin=sorted(DEFAULT_ABBREVIATIONS.items()))


@bp.route("/<kind>/<int:entry_id>/delete", methods=["POST"])
@roles_required("admin")
def delete_entry(kind: str, entry_id: int):
    """Remove a rule, an allow-list entry or a lexicon entry."""
    model = MODELS.get(kind)
    if model is not None and EmptyForm().validate_on_submit():
        _save(rules.delete, model, entry_id)
    return redirect(url_for("admin.lexicon" if kind == "lexicon" else "admin.scan_rules"))

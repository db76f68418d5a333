"""The URL map's third axis (CONTRACT §9): route × role × another commune's rows.

test_authz walks every route × role on the first commune's own rows. Here a second commune's
staff (every role, and an observer) walk every staff route whose URL names a row, on the
first commune's real rows: unpublished and published bulletins, a finding, a program, a slot,
a template, a key date, a keyword rule, a user, a token. Each answer must be exactly the answer
for a row that does not exist (404 for a role that may use the route, the role's 403 before
any look-up otherwise), never 2xx, 3xx to the row, nor 5xx. POSTs on those rows leave them as
they were, and the API's actions answer 404.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.extensions import db
from bulletins import accounts, seed
from bulletins.models import Bulletin, KeyDate, Program, ScanRule, User
from tests.web.conftest import PASSWORD, login
from tests.web.resources import make_resources
from tests.web.test_authz import EXPECT, PUBLIC

MISSING = 987_654
B_ROLES = {"editor": ["editor"], "reviewer": ["reviewer"], "leader": ["leader"],
           "operator": ["operator"], "admin": ["admin"], "observer": ["observer"],
           "multi": ["editor", "reviewer", "leader", "operator", "admin"]}
#: URL arguments that name a row of a commune
ROW_ARGS = {"bulletin_id", "finding_id", "program_id", "slot_id", "template_id",
            "key_date_id", "entry_id", "user_id", "token_id"}


@pytest.fixture
def world(app, users):
    """The first commune's rows (resources), and yen-mo's staff b-<role> with API tokens."""
    res = make_resources(app)
    tokens = {}
    with app.app_context():
        yen_mo = seed.create_commune(db.session, None, "yen-mo", "xã Yên Mô")
        for role, roles in B_ROLES.items():
            made, _ = accounts.create_user(db.session, None, f"b-{role}", roles, PASSWORD,
                                           commune_id=yen_mo.id)
            tokens[f"b-{role}"] = accounts.create_token(db.session, None, made)
        db.session.commit()
    return res, tokens


def _values(res, bulletin: int | None) -> dict[str, object]:
    """URL values naming the first commune's rows (or, with bulletin None, missing ones)."""
    real = bulletin is not None
    pick = (lambda value: value) if real else (lambda _value: MISSING)
    return {"bulletin_id": bulletin if real else MISSING, "finding_id": pick(res.finding),
            "program_id": pick(res.program), "slot_id": pick(res.slot),
            "template_id": pick(res.template), "key_date_id": pick(res.key_date),
            "entry_id": pick(res.rule), "user_id": pick(res.target_user),
            "token_id": pick(res.token), "number": 1, "day": res.day, "kind": "rule",
            "action": "submit", "digest": "0" * 16}


def _routes(app) -> list[tuple[str, str, object]]:
    """(endpoint, method, rule) of every staff route whose URL names a row."""
    found = []
    for rule in app.url_map.iter_rules():
        if not rule.arguments & ROW_ARGS or EXPECT.get(rule.endpoint) == PUBLIC:
            continue
        if set(rule.defaults or {}) & ROW_ARGS:
            continue  # /desk/templates/new: names no row
        if rule.arguments - ROW_ARGS - {"number", "day", "kind", "action", "digest"}:
            continue  # names something else too (a receiver …): not a commune row here
        found += [(rule.endpoint, m, rule) for m in sorted(rule.methods - {"HEAD", "OPTIONS"})]
    return found


def _answer(client, endpoint, method, rule, values, token):
    url = rule.build(values, append_unknown=False)[1]
    is_api = endpoint.startswith("api.")
    headers = {"Authorization": f"Bearer {token}"} if is_api else {}
    response = client.open(url, method=method, headers=headers,
                           json={} if is_api and method != "GET" else None, buffered=True)
    return url, response


def _snapshot(app):
    with app.app_context():
        return (sorted(db.session.execute(select(Bulletin.id, Bulletin.status, Bulletin.version,
                                                 Bulletin.revision_number)).all()),
                sorted(db.session.execute(select(Program.id, Program.status,
                                                 Program.updated_at)).all()),
                db.session.scalar(select(ScanRule.id)), db.session.scalar(select(KeyDate.id)
                                                                          .order_by(KeyDate.id)),
                sorted(db.session.execute(select(User.id, User.active)).all()))


@pytest.mark.parametrize("role", list(B_ROLES))
@pytest.mark.parametrize("which", ["draft", "in_review", "published"])
def test_another_communes_rows_answer_as_missing_ones(app, client, world, role, which):
    res, tokens = world
    name = f"b-{role}"
    login(client, name)
    before = _snapshot(app)
    routes = _routes(app)
    assert len(routes) > 40, routes  # the walk covers the desk, radio, admin and API
    wrong, reads = [], 0
    for endpoint, method, rule in sorted(routes, key=lambda r: r[1] != "GET"):
        url, theirs = _answer(client, endpoint, method, rule,
                              _values(res, getattr(res, which)), tokens[name])
        _, missing = _answer(client, endpoint, method, rule, _values(res, None), tokens[name])
        reads += method == "GET"
        same = theirs.status_code == missing.status_code
        if method == "GET":
            ok = same and theirs.status_code in (401, 403, 404)
        else:
            ok = same and theirs.status_code < 500 and not 200 <= theirs.status_code < 300
        if not ok:
            wrong.append((endpoint, method, url, theirs.status_code, missing.status_code))
    assert wrong == [], f"{name} on the first commune's {which}: {wrong}"
    assert reads > 25
    assert _snapshot(app) == before  # nothing of the first commune changed


def test_api_actions_on_another_communes_bulletin_are_404(app, client, world):
    res, tokens = world
    for role in ("editor", "reviewer", "leader", "multi"):
        headers = {"Authorization": f"Bearer {tokens[f'b-{role}']}"}
        for bid, action in ((res.draft, "submit"), (res.in_review, "clear"),
                            (res.in_review, "return"), (res.published, "withdraw")):
            answer = client.post(f"/api/v1/bulletins/{bid}/actions/{action}", headers=headers,
                                 json={"comment": "thử"})
            assert answer.status_code == 404, (role, action, answer.json)
            assert answer.json["error"]["code"] == "not_found"


def test_own_commune_rows_are_not_answered_as_missing(app, client, world):
    """The oracle can fail: the first commune's own staff do reach the same rows."""
    res, _ = world
    for name, page, status in (("admin", f"/admin/key-dates/{res.key_date}", 200),
                               ("b-admin", f"/admin/key-dates/{res.key_date}", 404),
                               ("admin", f"/radio/slots/{res.slot}", 200),
                               ("b-admin", f"/radio/slots/{res.slot}", 404),
                               ("editor", f"/desk/b/{res.draft}", 200),
                               ("b-editor", f"/desk/b/{res.draft}", 404)):
        login(client, name)
        assert client.get(page).status_code == status, (name, page)
        client.post("/logout")

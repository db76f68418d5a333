"""Accounts: users, roles, passwords and API tokens."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from werkzeug.security import check_password_hash, generate_password_hash

from bulletins import audit, tenancy
from bulletins.clock import utcnow
from bulletins.common import fetch
from bulletins.errors import Conflict, NotAllowed, NotFound, ValidationError
from bulletins.models import ApiToken, User, UserRole
from bulletins.passwords import OTP_ALPHABET, check_password_policy, one_time_password  # noqa: F401
from bulletins.text import nfc
from bulletins.workflow import ROLES

MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
TOKEN_PREFIX = "loa_"  # noqa: S105 (a prefix, not a secret)
#: werkzeug's method; tests lower the cost, production keeps scrypt
HASH_METHOD = "scrypt"


def hash_password(password: str) -> str:
    return generate_password_hash(password, method=HASH_METHOD)


_dummy_hashes: dict[str, str] = {}


def _dummy_hash() -> str:
    """A hash of the current method and cost that matches no password (made once per method)."""
    if HASH_METHOD not in _dummy_hashes:
        _dummy_hashes[HASH_METHOD] = hash_password(secrets.token_urlsafe(16))
    return _dummy_hashes[HASH_METHOD]


def rotate_session_token(user: User) -> None:
    """Give the user a new session token: every cookie carrying the old one (remember-me too)
    stops working, because the web's user loader looks users up by this token."""
    user.session_token = secrets.token_hex(16)


def clean_roles(roles: Iterable[str]) -> list[str]:
    roles = sorted(set(roles))
    bad = [r for r in roles if r not in ROLES]
    if bad or not roles:
        raise ValidationError("Vai trò phải là: " + ", ".join(ROLES) + ".",
                              fields={"roles": "invalid"})
    return roles


def find_user(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == nfc(username).lower()))


def user_for_session(session: Session, session_token: str) -> User | None:
    """The user a login session belongs to (the token rotates at logout and lock), or None."""
    return session.scalar(select(User).where(User.session_token == session_token))


def get_user(session: Session, user_id: int, viewer: User | None = None) -> User:
    """The account, or NotFound (with a viewer, also another commune's for commune staff)."""
    user = fetch(session, User, user_id, f"Không có tài khoản số {user_id}.")
    if viewer is not None and not tenancy.is_province(viewer) \
            and user.commune_id != viewer.commune_id:
        raise NotFound(f"Không có tài khoản số {user_id}.")
    return user


def list_users(session: Session, actor: User | None) -> Sequence[User]:
    """Every account, by username (admin)."""
    require_admin(actor)
    stmt = select(User).order_by(User.username)
    if not tenancy.is_province(actor):
        stmt = stmt.where(User.commune_id == actor.commune_id)
    return session.scalars(stmt).all()


def require_admin_of(actor: User | None, user: User) -> str:
    """require_admin, and the account in the admin's scope: a commune's admin never learns of
    another commune's accounts (NotFound); a province admin manages them all."""
    name = require_admin(actor)
    if actor is not None and not tenancy.is_province(actor) and user.commune_id != actor.commune_id:
        raise NotFound(f"Không có tài khoản số {user.id}.")
    return name


def require_admin(actor: User | None) -> str:
    """The actor's name for the audit log; None is the server's command line (trusted)."""
    if actor is None:
        return "cli"
    if "admin" not in actor.role_names:
        raise NotAllowed("Chỉ quản trị viên được làm việc này.")
    return actor.username


def _home(session: Session, actor: User | None, commune_id: int | None,
          province: bool) -> int | None:
    """The new account's scope: the province, a given commune, else the admin's own commune
    (the first commune from the command line). A commune's admin makes only its own users."""
    if province:
        home = None
    elif commune_id is not None:
        home = commune_id
    elif actor is not None:
        home = actor.commune_id
    else:
        first = tenancy.first_commune(session)
        home = first.id if first else None
    if actor is not None and actor.commune_id is not None and home != actor.commune_id:
        raise NotAllowed("Quản trị viên của xã chỉ tạo tài khoản của xã mình.")
    return home


def create_user(session: Session, actor: User | None, username: str, roles: Iterable[str],
                password: str | None = None, display_name: str = "",
                unit_slug: str | None = None, *, commune_id: int | None = None,
                province: bool = False) -> tuple[User, str | None]:
    """Create an account; without a password a one-time one is generated and returned.

    Without ``commune_id`` or ``province`` it belongs to the first commune (CONTRACT §9)."""
    actor_name = require_admin(actor)
    home = _home(session, actor, commune_id, province)
    username = nfc(username).lower()
    if not username or len(username) > 64 or not all(c.isalnum() or c in "._-" for c in username):
        raise ValidationError("Tên đăng nhập chỉ gồm chữ, số và . _ -",
                              fields={"username": "invalid"})
    if find_user(session, username):
        raise Conflict(f"Tài khoản '{username}' đã có.")
    role_list = clean_roles(roles)
    generated = None
    if password is None:
        generated = password = one_time_password()
    else:
        check_password_policy(username, password)
    user = User(username=username, display_name=nfc(display_name) or username,
                password_hash=hash_password(password), unit_slug=unit_slug, commune_id=home,
                must_change_password=generated is not None,
                roles=[UserRole(role=r) for r in role_list])
    session.add(user)
    session.flush()
    audit.record(session, actor_name, "user.create", f"user:{username}", roles=role_list,
                 commune_id=home)
    return user, generated


def set_roles(session: Session, actor: User, user: User, roles: Iterable[str]) -> None:
    """Replace a user's roles (admin)."""
    require_admin_of(actor, user)
    role_list = clean_roles(roles)
    if user.id == actor.id and "admin" not in role_list:
        raise Conflict("Không thể tự bỏ vai trò quản trị của chính mình.")
    user.roles = [UserRole(role=r) for r in role_list]
    session.flush()
    audit.record(session, actor.username, "user.roles", f"user:{user.username}", roles=role_list)


def authenticate(session: Session, username: str, password: str,
                 now: datetime | None = None) -> User | None:
    """The user when the password is right; counts failures and locks after too many."""
    now = now or utcnow()
    user = find_user(session, username)
    # One hash check on every path, so the answer's timing tells nobody which names exist.
    matches = check_password_hash(user.password_hash if user else _dummy_hash(), password)
    if user is None:
        audit.record(session, nfc(username)[:64] or "?", "login.unknown_user")
        return None
    if user.locked_until and user.locked_until > now:
        audit.record(session, user.username, "login.locked")
        return None
    if not user.active or not matches:
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILED_LOGINS:
            user.locked_until, user.failed_logins = now + LOCKOUT, 0
            audit.record(session, user.username, "login.lockout")
        else:
            audit.record(session, user.username, "login.failed")
        return None
    user.failed_logins, user.locked_until, user.last_login_at = 0, None, now
    audit.record(session, user.username, "login")
    return user


def change_password(session: Session, user: User, new_password: str,
                    old_password: str | None = None) -> None:
    """Set a new password (checking the old one when given) and end every other session."""
    if old_password is not None and not check_password_hash(user.password_hash, old_password):
        raise ValidationError("Mật khẩu hiện tại không đúng.", fields={"old_password": "wrong"})
    check_password_policy(user.username, new_password)
    user.password_hash = hash_password(new_password)
    user.must_change_password = False
    rotate_session_token(user)
    session.flush()
    audit.record(session, user.username, "user.password", f"user:{user.username}")


def logout(session: Session, user: User) -> None:
    """Sign out: end this session and every other one of the user's, server-side."""
    rotate_session_token(user)
    session.flush()
    audit.record(session, user.username, "logout")


def token_digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def create_token(session: Session, actor: User | None, user: User, name: str = "") -> str:
    """A new API token for the user; only its hash is stored, the token is returned once."""
    actor_name = require_admin(actor) if actor is not None and actor.id != user.id else (
        actor.username if actor else "cli")
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, name=nfc(name)[:100], token_hash=token_digest(raw),
                         prefix=raw[:12]))
    session.flush()
    audit.record(session, actor_name, "token.create", f"user:{user.username}", prefix=raw[:12])
    return raw


def user_for_token(session: Session, raw: str) -> User | None:
    """The active user a bearer token belongs to, or None."""
    token = session.scalar(select(ApiToken).where(ApiToken.token_hash == token_digest(raw),
                                                  ApiToken.revoked_at.is_(None)))
    if token is None or not token.user.active:
        return None
    now = utcnow()
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=5):
        token.last_used_at = now  # written at most every few minutes: no write per request
    return token.user


def count_users(session: Session) -> int:
    return session.scalar(select(func.count(User.id))) or 0


def get_token(session: Session, token_id: int, viewer: User | None = None) -> ApiToken:
    """The API token, or NotFound; with a viewer, also one of another commune's account."""
    token = fetch(session, ApiToken, token_id, f"Không có khóa API số {token_id}.")
    if viewer is not None:
        get_user(session, token.user_id, viewer)  # NotFound names the user, not the token
    return token


def tokens_of(session: Session, actor: User | None, user: User) -> Sequence[ApiToken]:
    """A user's API tokens, newest first (admin)."""
    require_admin_of(actor, user)
    return session.scalars(select(ApiToken).where(ApiToken.user_id == user.id)
                           .order_by(ApiToken.id.desc())).all()


def revoke_token(session: Session, actor: User, token: ApiToken) -> None:
    """Revoke a token at once (its owner or an admin)."""
    actor_name = require_admin(actor) if actor.id != token.user_id else actor.username
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        audit.record(session, actor_name, "token.revoke", f"user:{token.user.username}",
                     prefix=token.prefix)


def reset_password(session: Session, actor: User | None, user: User) -> str:
    """Give a user a new one-time password, ending their sessions; returns it once."""
    actor_name = require_admin_of(actor, user)
    password = one_time_password()
    user.password_hash, user.must_change_password = hash_password(password), True
    user.failed_logins, user.locked_until = 0, None
    rotate_session_token(user)
    audit.record(session, actor_name, "user.reset_password", f"user:{user.username}")
    return password


def set_active(session: Session, actor: User, user: User, active: bool) -> None:
    """Lock or unlock an account; locking ends its sessions."""
    actor_name = require_admin_of(actor, user)
    if user.id == actor.id:
        raise Conflict("Không thể tự khóa tài khoản của chính mình.")
    user.active = active
    rotate_session_token(user)
    audit.record(session, actor_name, "user.activate" if active else "user.deactivate",
                 f"user:{user.username}")

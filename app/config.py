"""Configuration read from the environment when the app is created (CONTRACT §2)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any


def _secret_key(instance: Path) -> str:
    """SECRET_KEY from the environment, else one generated once into the instance folder."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = instance / "secret_key"
    if not path.exists():
        instance.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip()


def from_env(instance_path: str) -> dict[str, Any]:
    """Settings for a running Loa; every one optional."""
    instance = Path(instance_path)
    data_dir = Path(os.environ.get("DATA_DIR") or instance)
    return {
        "SECRET_KEY": _secret_key(instance),
        "SQLALCHEMY_DATABASE_URI": os.environ.get("DATABASE_URL")
        or f"sqlite:///{instance / 'loa.db'}",
        "DATA_DIR": str(data_dir),
        "TTS_ENGINE": os.environ.get("TTS_ENGINE", "auto"),
        "PIPER_VOICE": os.environ.get("PIPER_VOICE") or None,
        "REDIS_URL": os.environ.get("REDIS_URL") or None,
        "PUBLIC_BASE_URL": (os.environ.get("PUBLIC_BASE_URL") or "").rstrip("/") or None,
        "LOUDNESS_TARGET": float(os.environ.get("LOUDNESS_TARGET", "-16")),
        "ESPEAK_SPEED": int(os.environ.get("ESPEAK_SPEED", "130")),
        "ESPEAK_GAP": int(os.environ.get("ESPEAK_GAP", "3")),
        "COMMUNE_NAME": os.environ.get("COMMUNE_NAME", "xã Vũ Dương"),
        #: how often receivers are told to poll, and while an emergency is pending (<= 10)
        "RECEIVER_POLL_SECONDS": int(os.environ.get("RECEIVER_POLL_SECONDS") or 30),
        "RECEIVER_EMERGENCY_POLL_SECONDS": int(os.environ.get("RECEIVER_EMERGENCY_POLL_SECONDS")
                                               or 10),
        **_hearing_from_env(),
        "PORTAL_CONTACT_EMAIL": os.environ.get("PORTAL_CONTACT_EMAIL",
                                               "ubnd@vuduong.ninhbinh.gov.vn"),
        "JOBS_BACKEND": "redis" if os.environ.get("REDIS_URL") else "sqlite",
        #: run the SQLite queue inside served processes ("auto"); "0" when a `worker` runs it
        "JOBS_EMBEDDED": _switch(os.environ.get("JOBS_EMBEDDED")),
        #: /healthz says "degraded" and staff see a warning past this wait of the oldest job
        "QUEUE_STALL_SECONDS": int(os.environ.get("QUEUE_STALL_SECONDS") or 300),
        "SESSION_COOKIE_SECURE": os.environ.get("SESSION_COOKIE_SECURE", "") == "1",
        #: behind nginx: trust one proxy's X-Forwarded-For/Proto/Host
        "TRUST_PROXY": os.environ.get("TRUST_PROXY", "") == "1",
        # login attempts are counted per process without Redis, shared through Redis with it
        "RATELIMIT_STORAGE_URI": os.environ.get("REDIS_URL") or "memory://",
        **_mail_from_env(),
    }


def _switch(value: str | None) -> bool | str:
    """1/true/yes/on → True, 0/false/no/off → False; unset or anything else → "auto"."""
    value = (value or "").strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    return False if value in ("0", "false", "no", "off") else "auto"


def _hearing_from_env() -> dict[str, Any]:
    """The recognizer that hears readings and speech (bulletins/speech/checks.py)."""
    env = os.environ
    return {
        #: "vietasr" (offline, viet-asr) or "none": every reading is then 'unchecked'
        "RECOGNIZER": env.get("RECOGNIZER") or "vietasr",
        #: a reading heard with a higher word error rate is held until a leader accepts it
        "READING_MAX_WER": float(env.get("READING_MAX_WER") or 0.25),
        #: synthesized speech heard worse than this is flagged as hard to understand
        "AUDIO_MAX_WER": float(env.get("AUDIO_MAX_WER") or 0.5),
    }


def _mail_from_env() -> dict[str, Any]:
    """E-mail notifications; all off while MAIL_SERVER is unset."""
    env = os.environ
    return {
        "MAIL_SERVER": env.get("MAIL_SERVER") or None,
        "MAIL_PORT": int(env.get("MAIL_PORT") or 25),
        "MAIL_USERNAME": env.get("MAIL_USERNAME") or None,
        "MAIL_PASSWORD": env.get("MAIL_PASSWORD") or None,
        "MAIL_STARTTLS": env.get("MAIL_STARTTLS", "") == "1",
        "MAIL_SSL": env.get("MAIL_SSL", "") == "1",
        "MAIL_FROM": env.get("MAIL_FROM") or "Loa <loa@localhost>",
        "MAIL_TIMEOUT": float(env.get("MAIL_TIMEOUT") or 10),
        #: base of the desk links in mails; PUBLIC_BASE_URL when unset
        "MAIL_LINK_BASE": (env.get("MAIL_LINK_BASE") or "").rstrip("/") or None,
        #: local hour (Asia/Ho_Chi_Minh) of the daily digest
        "DIGEST_HOUR": int(env.get("DIGEST_HOUR") or 7) % 24,
    }


DEFAULTS: dict[str, Any] = {
    "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
    "BABEL_DEFAULT_LOCALE": "vi",
    "BABEL_DEFAULT_TIMEZONE": "Asia/Ho_Chi_Minh",
    "LANGUAGES": ["vi", "en"],
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_HTTPONLY": True,
    "REMEMBER_COOKIE_SAMESITE": "Lax",
    "WTF_CSRF_TIME_LIMIT": None,
    "MAX_CONTENT_LENGTH": 64 * 1024 * 1024,
    "RATELIMIT_HEADERS_ENABLED": True,
    "LOGIN_RATE_LIMIT": "10 per minute",
    "JOBS_EMBEDDED": "auto",
    "QUEUE_STALL_SECONDS": 300,
    "RECEIVER_POLL_SECONDS": 30,
    "RECEIVER_EMERGENCY_POLL_SECONDS": 10,
}


def config_for_tests(tmp_path: Path, database_url: str | None = None) -> dict[str, Any]:
    """Settings for tests: a fresh SQLite file (or the given URL) and data dir under tmp_path."""
    return {
        "TESTING": True,
        "SECRET_KEY": "test-" + secrets.token_hex(8),
        "SQLALCHEMY_DATABASE_URI": database_url or f"sqlite:///{tmp_path / 'loa.db'}",
        "DATA_DIR": str(tmp_path / "data"),
        "TTS_ENGINE": "espeak",
        "PIPER_VOICE": None,
        "REDIS_URL": None,
        "PUBLIC_BASE_URL": None,
        "LOUDNESS_TARGET": -16.0,
        "ESPEAK_SPEED": 130,
        "ESPEAK_GAP": 3,
        "COMMUNE_NAME": "xã Vũ Dương",
        # tests that hear audio ask for the recognizer; others stay cheap
        "RECOGNIZER": "none", "READING_MAX_WER": 0.25, "AUDIO_MAX_WER": 0.5,
        "JOBS_BACKEND": "sqlite",
        "RATELIMIT_ENABLED": False,
        "RATELIMIT_STORAGE_URI": "memory://",
        "SESSION_COOKIE_SECURE": False,
        "MAIL_SERVER": None, "MAIL_PORT": 25, "MAIL_USERNAME": None, "MAIL_PASSWORD": None,
        "MAIL_STARTTLS": False, "MAIL_SSL": False, "MAIL_FROM": "Loa <loa@localhost>",
        "MAIL_TIMEOUT": 5.0, "MAIL_LINK_BASE": None, "DIGEST_HOUR": 7,
    }

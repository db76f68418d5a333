"""Passwords people choose and the one-time passwords an admin hands out."""

from __future__ import annotations

import secrets

from bulletins.errors import ValidationError

PASSWORD_MIN = 10
# One-time passwords are read from a screen or paper and typed by hand: lower-case letters and
# digits without look-alikes (0/o, 1/l/i), in groups of four: 31 ** 16 ≈ 2 ** 79, beyond any
# guessing through the rate-limited login or against the scrypt hash; changed at first login.
OTP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
OTP_GROUPS, OTP_GROUP_SIZE = 4, 4


def check_password_policy(username: str, password: str) -> None:
    """Refuse (422) passwords that are short or contain the user name."""
    problems = []
    if len(password) < PASSWORD_MIN:
        problems.append(f"ít nhất {PASSWORD_MIN} ký tự")
    if username and username.lower() in password.lower():
        problems.append("không chứa tên đăng nhập")
    if password.isdigit() or password.isalpha():
        problems.append("có cả chữ và số")
    if problems:
        raise ValidationError("Mật khẩu cần " + ", ".join(problems) + ".",
                              fields={"password": "weak"})


def one_time_password() -> str:
    """A random password an admin can read out: "k7mq-xa9p-…", no look-alike characters."""
    return "-".join("".join(secrets.choice(OTP_ALPHABET) for _ in range(OTP_GROUP_SIZE))
                    for _ in range(OTP_GROUPS))


__all__ = ["OTP_ALPHABET", "PASSWORD_MIN", "check_password_policy", "one_time_password"]

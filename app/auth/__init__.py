"""Signing in and out, passwords, and each user's notification settings."""

from app.auth import notifications, routes  # noqa: F401  (each adds its views to bp)
from app.auth.blueprint import bp

__all__ = ["bp"]

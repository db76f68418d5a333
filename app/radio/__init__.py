"""The radio desk: programs, their audio and script, the broadcast log, airing slots."""

from app.radio import live, log, routes  # noqa: F401  (each adds its views to bp)
from app.radio.blueprint import bp

__all__ = ["bp"]

"""The JSON API v1 (CONTRACT §5): bulletins, topics, units, radio programs, the report."""

from app.api import programs, recordings, reports, routes  # noqa: F401  (each adds its views to bp)
from app.api.blueprint import bp

__all__ = ["bp"]

"""The editorial desk: queues, drafts, review, approval, revisions, templates, search."""

from app.desk import audio, calendar, report, revisions, routes, search, templates_views  # noqa: F401  (each adds its views to bp)
from app.desk.blueprint import bp

__all__ = ["bp"]

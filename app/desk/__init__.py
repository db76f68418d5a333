"""The editorial desk: queues, drafts, review, approval, revisions, templates, search."""

from app.desk import (  # noqa: F401  (each adds its views to bp)
    audio,
    calendar,
    province_report,
    report,
    revisions,
    routes,
    search,
    templates_views,
)
from app.desk.blueprint import bp

__all__ = ["bp"]

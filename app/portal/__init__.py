"""The public portal: published bulletins, their audio, the feeds, health."""

from app.portal import feed_views, routes  # noqa: F401  (each adds its views to bp)
from app.portal.blueprint import bp

__all__ = ["bp"]

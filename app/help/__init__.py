"""The user guide, one page per role."""

from app.help import routes  # noqa: F401  (each adds its views to bp)
from app.help.blueprint import bp

__all__ = ["bp"]

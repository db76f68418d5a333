"""Smart loudspeaker clusters: their pull API, the staff dashboard, CAP alerts (CONTRACT §10)."""

from app.receivers import alerts, cli, pull, views  # noqa: F401  (each adds its views)
from app.receivers.blueprint import api, bp

__all__ = ["api", "bp"]
